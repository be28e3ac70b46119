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
        RecordSealer sealer = database.sealer();
        return database.write(connection -> {
            StoredEntry stored;
            try (Statement statement = connection.createStatement()) {
                statement.execute("BEGIN IMMEDIATE");
                try {
                    first.run(statement);
                    stored = insert(connection, entry, sealer);
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
            // still under the database's lock, so heads reach the keychain in the order they were written
            sealer.committed(new ChainHead(stored.id(), stored.hash()));
            return stored;
        });
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
