package com.rolloutcontrolroom.services.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How {@code journal verify} and {@code export} open a journal without creating or changing a single
 * file next to it, so they work on an auditor's copy on read-only media (and, as root, leave that
 * copy byte for byte as it was, permissions or not). Three cases, told apart by the files beside it:
 * <ul>
 *   <li>no write-ahead log: nobody has the journal open, and a WAL-mode writer that starts later
 *       only appends to a new {@code -wal} until a checkpoint, so the file is read as immutable;
 *   <li>a {@code -wal} and its {@code -shm}: a writer (the desktop app) has it open; read through
 *       SQLite's read-only mode, which coordinates with it through the files it already made;
 *   <li>a {@code -wal} with no {@code -shm}: a copy of a live or crashed folder whose last records
 *       are still in the log; the two files are copied to a temporary folder and read there.
 * </ul>
 */
final class ReadOnlyOpening {

    private static final Logger LOG = LoggerFactory.getLogger(ReadOnlyOpening.class);

    /** The connection and what to remove once it is closed. */
    record Opened(Connection connection, Runnable afterClose) {
    }

    private ReadOnlyOpening() {
    }

    static Opened open(Path journal) throws SQLException {
        Path wal = sibling(journal, "-wal");
        Path shm = sibling(journal, "-shm");
        if (!Files.exists(wal) || (size(wal) == 0 && !Files.exists(shm))) {
            return new Opened(DriverManager.getConnection(uri(journal, "mode=ro&immutable=1")), () -> { });
        }
        if (Files.exists(shm)) {
            return new Opened(DriverManager.getConnection(uri(journal, "mode=ro")), () -> { });
        }
        return openCopy(journal, wal);
    }

    private static Opened openCopy(Path journal, Path wal) throws SQLException {
        Path folder;
        try {
            folder = Files.createTempDirectory("control-room-journal-");
            Files.copy(journal, folder.resolve(journal.getFileName()));
            Files.copy(wal, sibling(folder.resolve(journal.getFileName()), "-wal"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy the journal " + journal + " and its write-ahead log to a temporary"
                    + " folder to read them; free some space in the temporary folder and try again.", e);
        }
        LOG.info("Journal {} has a write-ahead log but no shared-memory file: reading a copy in {}", journal, folder);
        Runnable remove = () -> delete(folder);
        try {
            Connection connection = DriverManager.getConnection("jdbc:sqlite:" + folder.resolve(journal.getFileName()));
            try (Statement statement = connection.createStatement()) {
                // opening the copy replays its log; the copy is ours, so that write harms nothing
                statement.execute("PRAGMA user_version");
            }
            return new Opened(connection, remove);
        } catch (SQLException | RuntimeException e) {
            remove.run();
            throw e;
        }
    }

    private static String uri(Path file, String parameters) {
        return "jdbc:sqlite:" + file.toAbsolutePath().toUri() + "?" + parameters;
    }

    private static Path sibling(Path journal, String suffix) {
        return journal.resolveSibling(journal.getFileName() + suffix);
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }

    private static void delete(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            LOG.warn("Could not remove the temporary copy of the journal in {}", folder, e);
        }
    }
}
