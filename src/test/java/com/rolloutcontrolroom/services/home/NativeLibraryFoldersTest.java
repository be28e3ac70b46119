package com.rolloutcontrolroom.services.home;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JavaFX's, SQLite's and PostgreSQL's native code is unpacked in the app's own cache folder, never the shared ones. */
class NativeLibraryFoldersTest {

    @TempDir
    Path dir;

    @Test
    void aCommandThatWritesUnpacksIntoTheDataFoldersCache() {
        AppHome home = new AppHome(dir.resolve("home")).ensureExists();
        Properties properties = properties();

        NativeLibraryFolders.useCacheFolder(home, false, properties);

        Path cache = home.root().resolve("cache");
        assertThat(properties.getProperty("javafx.cachedir")).isEqualTo(cache.resolve("javafx").toString());
        assertThat(properties.getProperty("org.sqlite.tmpdir")).isEqualTo(cache.resolve("sqlite").toString());
        assertThat(properties.getProperty("ot.epg.working-dir")).isEqualTo(cache.resolve("postgres").toString());
        assertThat(properties.getProperty("jna.tmpdir")).isEqualTo(cache.resolve("jna").toString());
        assertThat(cache.resolve("sqlite")).isDirectory(); // SQLite's driver fails on a missing folder
    }

    @Test
    void aCommandThatOnlyReadsLeavesTheDataFolderAsItWas() {
        AppHome home = new AppHome(dir.resolve("auditors-copy"));
        Properties properties = properties();

        NativeLibraryFolders.useCacheFolder(home, true, properties);

        Path cache = dir.resolve("tmp").resolve("rollout-control-room-cache-fake-user");
        assertThat(properties.getProperty("org.sqlite.tmpdir")).isEqualTo(cache.resolve("sqlite").toString());
        assertThat(properties.getProperty("javafx.cachedir")).isEqualTo(cache.resolve("javafx").toString());
        assertThat(home.root()).doesNotExist();
    }

    @Test
    void theInstalledAppsOwnLibrariesAreKeptAndNothingIsCreatedForThem() {
        AppHome home = new AppHome(dir.resolve("home")).ensureExists();
        Properties properties = properties();
        properties.setProperty("org.sqlite.lib.path", "/install/lib/app/native");
        properties.setProperty("javafx.cachedir", "/chosen/by/the/user");

        NativeLibraryFolders.useCacheFolder(home, false, properties);

        assertThat(properties.getProperty("javafx.cachedir")).isEqualTo("/chosen/by/the/user");
        assertThat(properties.getProperty("org.sqlite.lib.path")).isEqualTo("/install/lib/app/native");
        assertThat(properties.getProperty("org.sqlite.tmpdir")).isNull();
        assertThat(home.root().resolve("cache")).doesNotExist();
    }

    private Properties properties() {
        Properties properties = new Properties();
        properties.setProperty("java.io.tmpdir", dir.resolve("tmp").toString());
        properties.setProperty("user.name", "fake-user");
        return properties;
    }
}
