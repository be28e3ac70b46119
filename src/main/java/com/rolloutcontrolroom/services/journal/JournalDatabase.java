package com.rolloutcontrolroom.services.journal;

import com.rolloutcontrolroom.services.home.AppHome;
import com.rolloutcontrolroom.services.home.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The open journal file: one SQLite connection used by one thread at a time. Every process that opens
 * it for writing may append (the desktop app and a CLI {@code run} at once): each append is one
 * {@code BEGIN IMMEDIATE} transaction, which SQLite serialises between processes, and the OS writer
 * lock is held only while opening, so migrations and {@link WriterOpening}'s checks run in one process
 * at a time. Opening checks the file ({@code quick_check}); the writer also runs pending migrations
 * and those checks, which may leave it read-only (a cut-off journal, a signed journal whose key is not
 * here), with the sentence that says why.
 *
 * <p>The overloads without {@link JournalKeys} have no keychain: they write unsigned journals (tests,
 * tools) and refuse to continue a signed one.
 */
public final class JournalDatabase implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JournalDatabase.class);
    private static final int BUSY_TIMEOUT_MILLIS = 5_000;
    /** Opening runs keychain calls that may wait on an unlock prompt; another opener waits this long. */
    private static final Duration OPENING_WAIT = Duration.ofSeconds(60);
    private static final String NO_KEYS = "No keychain was given to this journal.";

    /** Work done on the connection while this database is locked for the calling thread. */
    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    private final Path file;
    private final Connection connection;
    private final boolean writable;
    private final String readOnlyReason;
    private final RecordSealer sealer;
    /** Removes a temporary copy a read-only opening made; nothing for every other journal. */
    private Runnable afterClose = () -> { };

    private JournalDatabase(Path file, Connection connection, boolean writable, String readOnlyReason,
                            RecordSealer sealer) {
        this.file = file;
        this.connection = connection;
        this.writable = writable;
        this.readOnlyReason = readOnlyReason;
        this.sealer = sealer;
    }

    public static JournalDatabase open(AppHome home) {
        return open(home, JournalKeys.none(NO_KEYS));
    }

    public static JournalDatabase open(AppHome home, JournalKeys keys) {
        return open(home.journal(), lockFile(home), keys);
    }

    public static JournalDatabase open(Path journalFile, Path lockFile) {
        return open(journalFile, lockFile, JournalKeys.none(NO_KEYS));
    }

    public static JournalDatabase open(Path journalFile, Path lockFile, JournalKeys keys) {
        WriterLock.Result attempt = acquire(journalFile, lockFile, OPENING_WAIT);
        if (attempt.lock().isPresent()) {
            return openWriter(journalFile, lockFile, attempt.lock().get(), keys);
        }
        String reason = "Another Rollout Control Room (pid " + attempt.holderPid() + ") has been opening this journal for"
                + " over " + OPENING_WAIT.toSeconds() + " s, perhaps waiting for the OS keychain to be unlocked; unlock it or"
                + " close that process, then try again (until then the journal is read-only).";
        LOG.warn(reason);
        return openReader(journalFile, reason);
    }


    /**
     * For commands that only read (verify, export): takes no writer lock and runs no migration, so a
     * running app neither blocks them nor is pushed into read-only by them. A journal that does not
     * exist yet reads as an empty one and is not created. Nothing at all is created or changed in the
     * data folder ({@link ReadOnlyOpening}), so a copy on read-only media reads too; a folder that is
     * missing ({@link AppHome.MissingDataFolderException}) or a file ({@link IllegalArgumentException})
     * is refused with one sentence.
     */
    public static JournalDatabase openReadOnly(AppHome home) {
        Path journalFile = home.requireExisting().journal();
        String reason = "This command only reads the journal.";
        if (!Files.exists(journalFile)) {
            return openReader(journalFile, reason);
        }
        ReadOnlyOpening.Opened opened = null;
        try {
            opened = ReadOnlyOpening.open(journalFile);
            Connection connection = opened.connection();
            readerChecks(connection, journalFile);
            JournalDatabase database = reader(journalFile, connection, reason);
            database.afterClose = opened.afterClose();
            return database;
        } catch (SQLException e) {
            closeDetached(opened);
            throw SqliteFailure.of("Opening", journalFile, e);
        } catch (RuntimeException e) {
            closeDetached(opened);
            throw e;
        }
    }

    private static void closeDetached(ReadOnlyOpening.Opened opened) {
        if (opened != null) {
            closeQuietly(opened.connection());
            opened.afterClose().run();
        }
    }

    private static Path lockFile(AppHome home) {
        return Workspace.REAL.journalLock(home);
    }

    private static WriterLock.Result acquire(Path journalFile, Path lockFile, Duration wait) {
        try {
            Files.createDirectories(journalFile.toAbsolutePath().getParent());
            return WriterLock.acquire(lockFile, wait);
        } catch (IOException e) {
            throw new JournalUnavailableException("Cannot open the journal " + journalFile + ": " + e.getMessage(), e);
        }
    }

    /** Runs the writer's opening under {@code lock} and releases it: appends need only SQLite's own locking. */
    private static JournalDatabase openWriter(Path journalFile, Path lockFile, WriterLock lock, JournalKeys keys) {
        try {
            return openWriterHolding(journalFile, lockFile, keys);
        } finally {
            try {
                lock.close();
            } catch (IOException e) {
                LOG.warn("Releasing the journal writer lock failed", e);
            }
        }
    }

    private static JournalDatabase openWriterHolding(Path journalFile, Path lockFile, JournalKeys keys) {
        Optional<String> missing = WriterOpening.refusalForMissingFile(journalFile, keys);
        if (missing.isPresent()) {
            // opening would create an empty file in its place and bury the gap
            return openReader(journalFile, missing.get());
        }
        Connection connection = null;
        WriterOpening.Plan plan;
        try {
            connection = DriverManager.getConnection("jdbc:sqlite:" + journalFile.toAbsolutePath());
            try (Statement statement = connection.createStatement()) {
                statement.execute("PRAGMA busy_timeout = " + BUSY_TIMEOUT_MILLIS);
                statement.execute("PRAGMA journal_mode = WAL");
                // a committed record must survive power loss, not only a crash
                statement.execute("PRAGMA synchronous = FULL");
            }
            quickCheck(connection, journalFile);
            new SchemaMigrator().migrate(connection);
            plan = WriterOpening.plan(connection, journalFile, lockFile, keys);
        } catch (SQLException e) {
            closeQuietly(connection);
            throw SqliteFailure.of("Opening", journalFile, e);
        } catch (RuntimeException e) {
            closeQuietly(connection);
            throw e;
        }
        if (plan.refusal() != null) {
            closeQuietly(connection);
            return openReader(journalFile, plan.refusal());
        }
        JournalDatabase database = new JournalDatabase(journalFile, connection, true, null, plan.sealer());
        try {
            WriterOpening.carryOut(database, plan);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        LOG.info("Journal opened at {} (writer, {})", journalFile, plan.sealer().signs() ? "signing" : "unsigned");
        return database;
    }

    private static JournalDatabase openReader(Path journalFile, String readOnlyReason) {
        Connection connection = null;
        try {
            connection = Files.exists(journalFile) ? fileReader(journalFile) : null;
            if (connection == null || SchemaMigrator.version(connection) == 0) {
                closeQuietly(connection);
                // nothing was ever written: an empty journal, without creating a file only the writer may create
                connection = emptyJournal();
            }
            return reader(journalFile, connection, readOnlyReason);
        } catch (SQLException e) {
            closeQuietly(connection);
            throw SqliteFailure.of("Opening", journalFile, e);
        } catch (RuntimeException e) {
            closeQuietly(connection);
            throw e;
        }
    }

    private static JournalDatabase reader(Path journalFile, Connection connection, String readOnlyReason) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            // the writer owns migrations; a reader must not even try to write
            statement.execute("PRAGMA query_only = ON");
        }
        LOG.info("Journal opened at {} (read-only)", journalFile);
        return new JournalDatabase(journalFile, connection, false, readOnlyReason,
                RecordSealer.unsigned(JournalKeys.none(readOnlyReason), journalFile));
    }

    private static Connection fileReader(Path journalFile) throws SQLException {
        Connection connection = DriverManager.getConnection("jdbc:sqlite:" + journalFile.toAbsolutePath());
        try {
            readerChecks(connection, journalFile);
            return connection;
        } catch (SQLException | RuntimeException e) {
            closeQuietly(connection);
            throw e;
        }
    }

    private static void readerChecks(Connection connection, Path journalFile) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA busy_timeout = " + BUSY_TIMEOUT_MILLIS);
        }
        quickCheck(connection, journalFile);
        SchemaMigrator.requireKnownVersion(connection);
    }

    private static Connection emptyJournal() throws SQLException {
        Connection connection = DriverManager.getConnection("jdbc:sqlite::memory:");
        new SchemaMigrator().migrate(connection);
        return connection;
    }

    private static void quickCheck(Connection connection, Path file) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("PRAGMA quick_check")) {
            StringBuilder problems = new StringBuilder();
            int count = 0;
            while (rs.next()) {
                String line = rs.getString(1);
                if (!"ok".equals(line)) {
                    problems.append(System.lineSeparator()).append(line);
                    count++;
                }
            }
            if (count > 0) {
                // SQLite's own lines name pages and cells: the log keeps them, the sentence counts them
                LOG.warn("quick_check of {} found:{}", file, problems);
                throw new JournalUnavailableException("The journal " + file + " is damaged (SQLite's quick_check found "
                        + count + (count == 1 ? " problem" : " problems") + ")" + SqliteFailure.RESTORE);
            }
        }
    }

    /** Runs SQLite's full integrity_check; "ok" when the file is sound. */
    public String integrityCheck() {
        return read(connection -> {
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("PRAGMA integrity_check")) {
                return rs.next() ? rs.getString(1) : "no answer";
            }
        });
    }

    RecordSealer sealer() {
        return sealer;
    }

    /** Whether appends are signed (a signing key from the keychain is in use). */
    public boolean signs() {
        return sealer.signs();
    }

    public boolean isReadOnly() {
        return !writable;
    }

    /** Why this journal is read-only, for a banner; empty for the writer. */
    public Optional<String> readOnlyMessage() {
        return Optional.ofNullable(readOnlyReason);
    }

    public Path file() {
        return file;
    }

    public synchronized <T> T read(SqlWork<T> work) {
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw SqliteFailure.of("Reading", file, e);
        }
    }

    synchronized <T> T write(SqlWork<T> work) {
        if (isReadOnly()) {
            throw new JournalUnavailableException(readOnlyReason);
        }
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw new JournalUnavailableException("Writing to the journal " + file + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        closeQuietly(connection);
        afterClose.run();
    }

    private static void closeQuietly(Connection connection) {
        try {
            if (connection != null) {
                connection.close();
            }
        } catch (SQLException e) {
            LOG.warn("Closing the journal connection failed", e);
        }
    }
}
