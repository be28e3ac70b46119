package com.rolloutcontrolroom.services.home;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * The data folder: config, journal, logs and the demo database. {@code CONTROL_ROOM_HOME} moves it;
 * otherwise it follows the OS convention for per-user application data.
 */
public record AppHome(Path root) {

    public static final String HOME_VARIABLE = "CONTROL_ROOM_HOME";
    private static final String FOLDER_NAME = "rollout-control-room";

    public static AppHome fromEnvironment() {
        return resolve(System.getenv(), System.getProperty("os.name", ""), Path.of(System.getProperty("user.home")));
    }

    static AppHome resolve(Map<String, String> env, String osName, Path userHome) {
        String override = env.get(HOME_VARIABLE);
        if (override != null && !override.isBlank()) {
            return new AppHome(Path.of(override).toAbsolutePath().normalize());
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String appData = env.get("APPDATA");
            Path base = appData != null ? Path.of(appData) : userHome.resolve("AppData").resolve("Roaming");
            return new AppHome(base.resolve("Rollout Control Room"));
        }
        if (os.contains("mac")) {
            return new AppHome(userHome.resolve("Library").resolve("Application Support").resolve("Rollout Control Room"));
        }
        String xdg = env.get("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : userHome.resolve(".local").resolve("share");
        return new AppHome(base.resolve(FOLDER_NAME));
    }

    public Path logs() {
        return root.resolve("logs");
    }

    public Path demoDatabase() {
        return root.resolve("demo-postgres");
    }

    /** The user's own journal; the demo keeps another ({@link Workspace}). */
    public Path journal() {
        return Workspace.REAL.journal(this);
    }

    /** Query files the user added; they load next to the built-in ones. */
    public Path userQueries() {
        return root.resolve("queries");
    }

    public Path config() {
        return root.resolve("config.json");
    }

    /**
     * Creates the folder and its log folder; the first thing every command that writes does. A path
     * that is a file is bad input ({@link IllegalArgumentException}), told in one sentence.
     */
    public AppHome ensureExists() {
        if (Files.exists(root) && !Files.isDirectory(root)) {
            throw new IllegalArgumentException(isAFile());
        }
        try {
            Files.createDirectories(logs());
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data folder " + root
                    + "; set " + HOME_VARIABLE + " to a writable folder.", e);
        }
    }

    /**
     * For commands that only read: the folder must already be there, and nothing is created. A path
     * that is a file is bad input ({@link IllegalArgumentException}); a missing folder, most often a
     * mistyped {@code CONTROL_ROOM_HOME}, is {@link MissingDataFolderException}.
     */
    public AppHome requireExisting() {
        if (Files.isDirectory(root)) {
            return this;
        }
        if (Files.exists(root)) {
            throw new IllegalArgumentException(isAFile());
        }
        throw new MissingDataFolderException("There is no data folder at " + root + "; set " + HOME_VARIABLE
                + " to the folder that holds " + journal().getFileName() + ".");
    }

    /** For a command that only reads: a missing folder is fine (nothing to read), a file in its place is bad input. */
    public AppHome refuseAFile() {
        if (Files.exists(root) && !Files.isDirectory(root)) {
            throw new IllegalArgumentException(isAFile());
        }
        return this;
    }

    private String isAFile() {
        return "The data folder " + root + " is a file, not a folder; set " + HOME_VARIABLE
                + " to the folder that holds " + journal().getFileName() + ".";
    }

    /** The data folder a read command was pointed at does not exist; the message is one sentence. */
    public static final class MissingDataFolderException extends RuntimeException {
        MissingDataFolderException(String message) {
            super(message);
        }
    }
}
