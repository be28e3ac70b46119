package com.rolloutcontrolroom.cli;

import com.rolloutcontrolroom.services.home.AppHome;
import com.rolloutcontrolroom.services.home.AtomicFile;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/**
 * A file the user named for output. It is never a file of the data folder (compared by real path, so
 * through symlinks too), never an existing file unless the user said to replace it, and it appears
 * whole or not at all ({@link AtomicFile}).
 * A path that cannot be written is bad input ({@link IllegalArgumentException}, exit 2), told in one
 * sentence naming what to fix.
 */
final class OutputFile {

    /** Writes the content; what it returns (a record count) is passed back. */
    @FunctionalInterface
    interface Content {
        long writeTo(Writer writer) throws IOException;
    }

    /** Names the app may create in the data folder even where they do not exist yet. */
    private static final Set<String> DATA_FOLDER_NAMES = Set.of("journal.sqlite", "journal.sqlite-wal",
            "journal.sqlite-shm", "journal.sqlite-journal", "journal.lock", "config.json", "settings.json",
            "demo-journal.sqlite", "demo-journal.sqlite-wal", "demo-journal.sqlite-shm", "demo-journal.sqlite-journal",
            "demo-journal.lock", "demo-settings.json");

    private final Path typed;
    private final Path file;
    private final boolean replace;

    private OutputFile(Path typed, boolean replace) {
        this.typed = typed;
        this.file = typed.toAbsolutePath().normalize();
        this.replace = replace;
    }

    /** Checks everything that can be checked before any work is done; throws when the file must not be written. */
    static OutputFile checked(Path typed, boolean replace, AppHome home) {
        OutputFile output = new OutputFile(typed, replace);
        Path folder = output.file.getParent();
        if (folder != null && !Files.isDirectory(folder)) {
            throw new IllegalArgumentException("Cannot write " + typed + ": the folder " + folder
                    + " does not exist; choose an existing folder.");
        }
        if (Files.isDirectory(output.file)) {
            throw new IllegalArgumentException("Cannot write " + typed + ": it is a folder; name a file inside it.");
        }
        if (output.isInDataFolder(home)) {
            throw new IllegalArgumentException("Not exported: " + typed + " is the journal or another file of the data folder "
                    + home.root() + "; choose a file outside it.");
        }
        output.refuseExisting();
        return output;
    }

    private boolean isInDataFolder(AppHome home) {
        Path root = realPath(home.root());
        Path target = realPath(file);
        if (root == null || target == null || !target.startsWith(root)) {
            return false;
        }
        return Files.exists(target) || DATA_FOLDER_NAMES.contains(root.relativize(target).toString());
    }

    /** The path with every symlink resolved, also for a file that does not exist yet; null if its folder is unreadable. */
    private static Path realPath(Path path) {
        try {
            if (Files.exists(path)) {
                return path.toRealPath();
            }
            Path parent = path.toAbsolutePath().getParent();
            return parent == null ? path : parent.toRealPath().resolve(path.getFileName());
        } catch (IOException e) {
            return null;
        }
    }

    private void refuseExisting() {
        if (!replace && (Files.exists(file, LinkOption.NOFOLLOW_LINKS))) {
            throw new IllegalArgumentException("Not exported: " + typed + " already exists; pass --force to replace it,"
                    + " or choose another file.");
        }
    }

    long write(Content content) throws IOException {
        return writeAtomically(out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            long result = content.writeTo(writer);
            writer.flush();
            return result;
        });
    }

    /** Bytes as they are (a zip, a chart's PNG): whole or not at all. Returns how many. */
    long write(byte[] bytes) throws IOException {
        return writeAtomically(out -> {
            out.write(bytes);
            return (long) bytes.length;
        });
    }

    private long writeAtomically(AtomicFile.Content<Long> content) throws IOException {
        try {
            // a file that appeared meanwhile is kept all the same
            return AtomicFile.write(file, content, this::refuseExisting);
        } catch (AtomicFile.NotCreatable e) {
            throw notWritable(e.getCause());
        }
    }

    private IllegalArgumentException notWritable(IOException e) {
        if (e instanceof AccessDeniedException) {
            return new IllegalArgumentException("Cannot write " + typed + ": permission denied; choose a folder you can write to.", e);
        }
        if (e instanceof FileSystemException fileSystem) {
            return new IllegalArgumentException("Cannot write " + typed + ": " + reason(fileSystem) + "; choose another file.", e);
        }
        return new IllegalArgumentException("Cannot write " + typed + ": " + e.getMessage() + "; choose another file.", e);
    }

    private static String reason(FileSystemException e) {
        return e.getReason() != null ? e.getReason().toLowerCase(Locale.ROOT) : e.getClass().getSimpleName();
    }
}
