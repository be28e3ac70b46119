package com.rolloutcontrolroom.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Opens a file the user named for output. A path that cannot be written is bad input (exit 2), told
 * in one sentence naming what to fix rather than as the bare path the JDK puts in its exception.
 */
final class OutputFile {

    private OutputFile() {
    }

    static OutputStream open(Path file) {
        Path folder = file.toAbsolutePath().getParent();
        if (folder != null && !Files.isDirectory(folder)) {
            throw new IllegalArgumentException("Cannot write " + file + ": the folder " + folder
                    + " does not exist; choose an existing folder.");
        }
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException("Cannot write " + file + ": it is a folder; name a file inside it.");
        }
        try {
            return Files.newOutputStream(file);
        } catch (AccessDeniedException e) {
            throw new IllegalArgumentException("Cannot write " + file + ": permission denied; choose a folder you can write to.", e);
        } catch (FileSystemException e) {
            throw new IllegalArgumentException("Cannot write " + file + ": " + reason(e) + "; choose another file.", e);
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot write " + file + ": " + e.getMessage() + "; choose another file.", e);
        }
    }

    private static String reason(FileSystemException e) {
        return e.getReason() != null ? e.getReason().toLowerCase(java.util.Locale.ROOT) : e.getClass().getSimpleName();
    }
}
