package com.rolloutcontrolroom.services.journal;

import com.rolloutcontrolroom.domain.journal.ChainHash;
import com.rolloutcontrolroom.domain.journal.ChainHead;
import com.rolloutcontrolroom.domain.journal.EntryFields;
import com.rolloutcontrolroom.domain.journal.JournalEntry;
import com.rolloutcontrolroom.domain.journal.JournalTime;
import com.rolloutcontrolroom.domain.journal.StoredEntry;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Appends records to the chain. Each append is one {@code BEGIN IMMEDIATE} transaction that reads
 * the head, computes the new hash, signs it (when the journal signs) and inserts the row, so a crash
 * at any point leaves either the whole record or nothing, and the head cannot move underneath the
 * hash being computed. After the commit the new head is kept in the keychain. Blocking I/O with an
 * fsync (and a keychain round trip) per call: call it off the FX thread.
 */
public final class JournalWriter {

    private static final String INSERT = "INSERT INTO journal_entry "
            + "(id, kind, recorded_at, operator, rollout, environment, body, prev_hash, hash, signature)"
            + " VALUES (?,?,?,?,?,?,?,?,?,?)";

    /** Work done in the append's own transaction, before the record is inserted. */
    @FunctionalInterface
    interface SameTransaction {
        void run(Statement statement) throws SQLException;
    }

    /** The records to insert, decided inside the append's transaction (a sign-off names the head it reads there). */
    @FunctionalInterface
    private interface Records {
        List<JournalEntry> decide(Connection connection) throws SQLException;
    }

    private final JournalDatabase database;

    public JournalWriter(JournalDatabase database) {
        this.database = database;
    }

    /** Writes the record and returns it as stored, once it is durable. */
    public StoredEntry append(JournalEntry entry) {
        return append(entry, statement -> { });
    }

    /** Appends with {@code first} in the same transaction: a repair and the record saying so commit together. */
    StoredEntry append(JournalEntry entry, SameTransaction first) {
        return inTransaction(first, connection -> List.of(entry)).get(0);
    }

    /**
     * Appends the record {@code build} makes from the chain head read inside the append's own
     * {@code BEGIN IMMEDIATE} transaction, so the head it names is exactly the record before it: nothing
     * any process writes can slip between reading the head and appending. With {@code expected} (the head
     * the person saw) the write is refused, nothing written, when the journal has grown past it.
     *
     * @param expected the head the person approved, or null to take whatever the head is now
     */
    public StoredEntry appendOnHead(ChainHead expected, Function<ChainHead, JournalEntry> build) {
        return inTransaction(statement -> { }, connection -> {
            ChainHead head = JournalReader.head(connection);
            if (expected != null && !expected.equals(head)) {
                throw new HeadMovedException(expected, head);
            }
            return List.of(build.apply(head));
        }).get(0);
    }

    /**
     * Appends records of one rollout together (a rollback and the move back, an override and the
     * promotion), in one transaction, only if the rollout's last record is still {@code expectedLastId}:
     * a decision made on what one screen showed is never written over what another process recorded.
     */
    public List<StoredEntry> appendAll(String rollout, long expectedLastId, List<JournalEntry> entries) {
        if (entries.isEmpty()) {
            return List.of();
        }
        for (JournalEntry entry : entries) {
            if (!rollout.equals(entry.rollout())) {
                throw new IllegalArgumentException("Every record of one write must belong to rollout " + rollout + ".");
            }
        }
        return inTransaction(statement -> {
            long last = lastIdOf(statement, rollout);
            if (last != expectedLastId) {
                throw new RolloutChangedException("Rollout " + rollout + " was changed elsewhere since this was read"
                        + " (record #" + last + "); look at it again and repeat if still right.");
            }
        }, connection -> entries);
    }

    private List<StoredEntry> inTransaction(SameTransaction first, Records records) {
        RecordSealer sealer = database.sealer();
        return database.write(connection -> {
            List<StoredEntry> stored = new ArrayList<>();
            try (Statement statement = connection.createStatement()) {
                statement.execute("BEGIN IMMEDIATE");
                try {
                    first.run(statement);
                    for (JournalEntry entry : records.decide(connection)) {
                        stored.add(insert(connection, entry, sealer));
                    }
                    statement.execute("COMMIT");
                } catch (SQLException | RuntimeException e) {
                    try {
                        statement.execute("ROLLBACK");
                    } catch (SQLException rollbackFailed) {
                        e.addSuppressed(rollbackFailed);
                    }
                    throw e;
                }
            }
            StoredEntry last = stored.get(stored.size() - 1);
            // still under the database's lock, so heads reach the keychain in the order they were written
            sealer.committed(new ChainHead(last.id(), last.hash()));
            return List.copyOf(stored);
        });
    }

    private static long lastIdOf(Statement statement, String rollout) throws SQLException {
        try (PreparedStatement query = statement.getConnection().prepareStatement(
                "SELECT coalesce(max(id), 0) FROM journal_entry WHERE rollout = ?")) {
            query.setString(1, rollout);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    /** The rollout column predates records about the journal itself and is NOT NULL: they store ''. */
    static String rolloutColumn(JournalEntry entry) {
        return entry.rollout() == null ? "" : entry.rollout();
    }

    private static StoredEntry insert(Connection connection, JournalEntry entry, RecordSealer sealer) throws SQLException {
        if (!sealer.signs() && isSigned(connection)) {
            // an unsigned record after the enrollment would break the journal for good: refuse it instead
            throw new JournalUnavailableException("The journal is signed, but this writer has no signing key; the record was not"
                    + " written.");
        }
        ChainHead head = JournalReader.head(connection);
        long id = head.id() + 1;
        byte[] canonical = EntryFields.canonicalBytes(id, entry);
        String hash = ChainHash.next(head.hash(), canonical);
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setLong(1, id);
            insert.setString(2, entry.kind().name());
            insert.setString(3, JournalTime.format(entry.recordedAt()));
            insert.setString(4, entry.operator().login());
            insert.setString(5, rolloutColumn(entry));
            insert.setString(6, entry.environment());
            insert.setString(7, new String(canonical, StandardCharsets.UTF_8));
            insert.setString(8, head.hash());
            insert.setString(9, hash);
            String signature = sealer.signature(hash);
            insert.setString(10, signature);
            insert.executeUpdate();
            return new StoredEntry(id, entry, head.hash(), hash, signature);
        }
    }

    static boolean isSigned(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT 1 FROM journal_entry WHERE kind = 'SIGNING_KEY' LIMIT 1")) {
            return rs.next();
        }
    }
}
