package com.rolloutcontrolroom.services.journal;

import com.rolloutcontrolroom.domain.journal.ChainHash;
import com.rolloutcontrolroom.domain.journal.ChainHead;
import com.rolloutcontrolroom.domain.journal.ChainReport;
import com.rolloutcontrolroom.domain.journal.EntryFields;
import com.rolloutcontrolroom.domain.journal.JournalEntry;
import com.rolloutcontrolroom.domain.journal.JournalTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Recomputes the hash chain from the stored bytes and names the first record that breaks it. Besides
 * the hashes it checks that ids run 1..N without gaps and that the queryable columns agree with the
 * hashed content, so no column can be edited unnoticed.
 *
 * <p>A chain cannot show that records were cut off its end; pass an anchor (a head kept elsewhere,
 * e.g. from a sign-off or an earlier export) to detect that too.
 */
public final class ChainVerifier {

    private static final String ROWS = "SELECT id, kind, recorded_at, operator, rollout, environment, "
            + "CAST(body AS BLOB), prev_hash, hash FROM journal_entry ORDER BY id";

    private final JournalDatabase database;
    private final CanonicalDocumentParser parser = new CanonicalDocumentParser();

    public ChainVerifier(JournalDatabase database) {
        this.database = database;
    }

    public ChainReport verify() {
        return verify(Optional.empty());
    }

    /** Also requires the chain to contain {@code anchor} unchanged. */
    public ChainReport verify(ChainHead anchor) {
        return verify(Optional.of(anchor));
    }

    private ChainReport verify(Optional<ChainHead> anchor) {
        return database.read(connection -> {
            long expectedId = 1;
            String previousHash = ChainHash.GENESIS;
            String hashAtAnchor = anchor.filter(a -> a.id() == 0).map(a -> ChainHash.GENESIS).orElse(null);
            try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(ROWS)) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    ChainHead lastGood = new ChainHead(expectedId - 1, previousHash);
                    String problem = problemWith(rs, id, expectedId, previousHash);
                    if (problem != null) {
                        return ChainReport.broken(expectedId - 1, lastGood, id > expectedId ? expectedId : id, problem);
                    }
                    previousHash = rs.getString(9);
                    if (anchor.isPresent() && anchor.get().id() == id) {
                        hashAtAnchor = previousHash;
                    }
                    expectedId++;
                }
            }
            long count = expectedId - 1;
            ChainHead head = new ChainHead(count, previousHash);
            if (anchor.isPresent()) {
                ChainHead a = anchor.get();
                if (a.id() > count) {
                    return ChainReport.broken(count, head, count + 1, "record " + (count + 1)
                            + " is missing: the journal ends at record " + count + " but was anchored at record " + a.id());
                }
                if (!a.hash().equals(hashAtAnchor)) {
                    return ChainReport.broken(count, head, a.id(), "its hash differs from the anchored head hash "
                            + ChainHash.abbreviate(a.hash()));
                }
            }
            return ChainReport.intact(count, head);
        });
    }

    private String problemWith(ResultSet rs, long id, long expectedId, String previousHash) throws SQLException {
        if (id > expectedId) {
            return "record " + expectedId + " is missing (the next stored record is " + id + ")";
        }
        if (id < expectedId) {
            return "record id " + id + " is out of sequence (expected " + expectedId + ")";
        }
        String storedPrevious = rs.getString(8);
        if (!previousHash.equals(storedPrevious)) {
            return "its previous-hash does not match " + (id == 1 ? "the genesis value" : "record " + (id - 1) + "'s hash")
                    + ": records were removed, inserted or reordered";
        }
        byte[] body = rs.getBytes(7);
        String recomputed = ChainHash.next(storedPrevious, body == null ? new byte[0] : body);
        if (!recomputed.equals(rs.getString(9))) {
            return "its hash does not match its content: the record was changed after it was written";
        }
        return contentProblem(rs, id, body);
    }

    /** The hash covers the body only, so the columns the screen filters on must agree with it. */
    private String contentProblem(ResultSet rs, long id, byte[] body) throws SQLException {
        JournalEntry entry;
        Map<String, Object> document;
        try {
            document = parser.parse(body);
            entry = EntryFields.entry(document);
        } catch (RuntimeException e) {
            return "its content cannot be read: " + e.getMessage();
        }
        if (!Arrays.equals(body, EntryFields.canonicalBytes(id, entry))) {
            return "its content is not in canonical form or names another record id";
        }
        String[][] columns = {
                {"kind", rs.getString(2), entry.kind().name()},
                {"recorded_at", rs.getString(3), JournalTime.format(entry.recordedAt())},
                {"operator", rs.getString(4), entry.operator().login()},
                {"rollout", rs.getString(5), entry.rollout()},
                {"environment", rs.getString(6), entry.environment()}};
        for (String[] column : columns) {
            if (!Objects.equals(column[1], column[2])) {
                return "column " + column[0] + " says '" + column[1] + "' but the hashed content says '" + column[2] + "'";
            }
        }
        return null;
    }
}
