package com.rolloutcontrolroom.services.home;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the native code the app unpacks at run time goes: JavaFX's libraries, SQLite's driver library, JNA's
 * (the keychain on macOS and Windows) and the demo's PostgreSQL binaries land in the app's own cache folder instead of {@code ~/.openjfx} and the
 * shared temporary folder. An installed app carries JavaFX's and SQLite's libraries already unpacked in its
 * runtime (packaging/jpackage/build.sh sets {@code org.sqlite.lib.path} and JNA's), so there only PostgreSQL's are
 * unpacked here. Must run before any of those libraries loads; a property already set is kept.
 */
public final class NativeLibraryFolders {

    static final String JAVAFX_CACHE = "javafx.cachedir";
    static final String SQLITE_TMPDIR = "org.sqlite.tmpdir";
    static final String SQLITE_LIB_PATH = "org.sqlite.lib.path";
    static final String POSTGRES_WORKING_DIR = "ot.epg.working-dir";
    static final String JNA_TMPDIR = "jna.tmpdir";
    /** A read command leaves the data folder as it was, so its cache is under the temporary folder, per user. */
    static final String READ_CACHE = "rollout-control-room-cache-";

    private static final Logger LOG = LoggerFactory.getLogger(NativeLibraryFolders.class);

    private NativeLibraryFolders() {
    }

    /** The cache folder: {@code cache} in the data folder, or for a command that only reads, one under the temporary folder. */
    public static Path cacheFolder(AppHome home, boolean readsOnly, Properties properties) {
        if (readsOnly) {
            return Path.of(properties.getProperty("java.io.tmpdir"), READ_CACHE + properties.getProperty("user.name", "user"));
        }
        return home.root().resolve("cache");
    }

    /** Points the libraries at the cache folder ({@code properties} is normally {@link System#getProperties()}). */
    public static void useCacheFolder(AppHome home, boolean readsOnly, Properties properties) {
        Path cache = cacheFolder(home, readsOnly, properties);
        properties.putIfAbsent(JAVAFX_CACHE, cache.resolve("javafx").toString());
        properties.putIfAbsent(POSTGRES_WORKING_DIR, cache.resolve("postgres").toString());
        properties.putIfAbsent(JNA_TMPDIR, cache.resolve("jna").toString());
        if (properties.getProperty(SQLITE_LIB_PATH) != null) {
            return; // the installed app's own copy: nothing to unpack
        }
        Path sqlite = cache.resolve("sqlite");
        try {
            // JavaFX, JNA and PostgreSQL create their folders; SQLite's driver does not, and falls over without it
            Files.createDirectories(sqlite);
            properties.putIfAbsent(SQLITE_TMPDIR, sqlite.toString());
        } catch (IOException e) {
            LOG.warn("Cannot create {}; SQLite's library unpacks into the temporary folder instead", sqlite, e);
        }
    }
}
