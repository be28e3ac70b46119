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
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Appends records to the chain. Each append is one {@code BEGIN IMMEDIATE} transaction that reads
 * the head, computes the new hash and inserts the row, so a crash at any point leaves either the
 * whole record or nothing, and the head cannot move underneath the hash being computed. Blocking
 * I/O with an fsync per call: call it off the FX thread.
 */
public final class JournalWriter {

    private static final String INSERT = "INSERT INTO journal_entry "
            + "(id, kind, recorded_at, operator, rollout, environment, body, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?)";

    private final JournalDatabase database;

    public JournalWriter(JournalDatabase database) {
        this.database = database;
    }

    /** Writes the record and returns it as stored, once it is durable. */
    public StoredEntry append(JournalEntry entry) {
        return database.write(connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("BEGIN IMMEDIATE");
                try {
                    StoredEntry stored = insert(connection, entry);
                    statement.execute("COMMIT");
                    return stored;
                } catch (SQLException | RuntimeException e) {
                    try {
                        statement.execute("ROLLBACK");
                    } catch (SQLException rollbackFailed) {
                        e.addSuppressed(rollbackFailed);
                    }
                    throw e;
                }
            }
        });
    }

    private static StoredEntry insert(Connection connection, JournalEntry entry) throws SQLException {
        ChainHead head = JournalReader.head(connection);
        long id = head.id() + 1;
        byte[] canonical = EntryFields.canonicalBytes(id, entry);
        String hash = ChainHash.next(head.hash(), canonical);
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setLong(1, id);
            insert.setString(2, entry.kind().name());
            insert.setString(3, JournalTime.format(entry.recordedAt()));
            insert.setString(4, entry.operator().login());
            insert.setString(5, entry.rollout());
            insert.setString(6, entry.environment());
            insert.setString(7, new String(canonical, StandardCharsets.UTF_8));
            insert.setString(8, head.hash());
            insert.setString(9, hash);
            insert.executeUpdate();
        }
        return new StoredEntry(id, entry, head.hash(), hash);
    }
}
