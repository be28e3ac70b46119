package com.rolloutcontrolroom.services.journal;

import com.rolloutcontrolroom.domain.journal.ChainHash;
import com.rolloutcontrolroom.domain.journal.ChainHead;
import com.rolloutcontrolroom.domain.journal.ChainReport;
import com.rolloutcontrolroom.domain.journal.Enrollment;
import com.rolloutcontrolroom.domain.journal.EntryFields;
import com.rolloutcontrolroom.domain.journal.JournalEntry;
import com.rolloutcontrolroom.domain.journal.JournalSignatures;
import com.rolloutcontrolroom.domain.journal.JournalTime;
import com.rolloutcontrolroom.domain.journal.SigningKeyEnrolled;
import java.security.PublicKey;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Recomputes the hash chain from the stored bytes and names the first record that breaks it. Besides
 * the hashes it checks that ids run 1..N without gaps, that the queryable columns agree with the
 * hashed content, and, from the record that enrolled a signing key on, that every record carries a
 * valid Ed25519 signature of its hash by that key.
 *
 * <p>A chain cannot show that records were cut off its end; pass an anchor (a head kept elsewhere,
 * e.g. from a sign-off, an earlier export or the keychain) to detect that too.
 */
public final class ChainVerifier {

    private static final String COLUMNS = "SELECT id, kind, recorded_at, operator, rollout, environment, "
            + "CAST(body AS BLOB), prev_hash, hash";

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
            Signing signing = new Signing();
            try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(rows(connection))) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    ChainHead lastGood = new ChainHead(expectedId - 1, previousHash);
                    String problem = problemWith(rs, id, expectedId, previousHash, signing);
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
            return ChainReport.intact(count, head, signing.enrollment);
        });
    }

    /** A journal read before migration 3 has no signature column: all its records are unsigned. */
    private static String rows(Connection connection) throws SQLException {
        return COLUMNS + (hasSignatureColumn(connection) ? ", signature" : ", NULL") + " FROM journal_entry ORDER BY id";
    }

    static boolean hasSignatureColumn(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT 1 FROM pragma_table_info('journal_entry') WHERE name = 'signature'")) {
            return rs.next();
        }
    }

    private String problemWith(ResultSet rs, long id, long expectedId, String previousHash, Signing signing)
            throws SQLException {
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
        String hash = rs.getString(9);
        String recomputed = ChainHash.next(storedPrevious, body == null ? new byte[0] : body);
        if (!recomputed.equals(hash)) {
            return "its hash does not match its content: the record was changed after it was written";
        }
        JournalEntry entry;
        try {
            entry = EntryFields.entry(parser.parse(body));
        } catch (RuntimeException e) {
            return "its content cannot be read: " + e.getMessage();
        }
        String problem = contentProblem(rs, id, body, entry);
        return problem != null ? problem : signing.problemWith(id, entry, hash, rs.getString(10));
    }

    /** The hash covers the body only, so the columns the screen filters on must agree with it. */
    private static String contentProblem(ResultSet rs, long id, byte[] body, JournalEntry entry) throws SQLException {
        if (!Arrays.equals(body, EntryFields.canonicalBytes(id, entry))) {
            return "its content is not in canonical form or names another record id";
        }
        String[][] columns = {
                {"kind", rs.getString(2), entry.kind().name()},
                {"recorded_at", rs.getString(3), JournalTime.format(entry.recordedAt())},
                {"operator", rs.getString(4), entry.operator().login()},
                {"rollout", rs.getString(5), JournalWriter.rolloutColumn(entry)},
                {"environment", rs.getString(6), entry.environment()}};
        for (String[] column : columns) {
            if (!Objects.equals(column[1], column[2])) {
                return "column " + column[0] + " says '" + column[1] + "' but the hashed content says '" + column[2] + "'";
            }
        }
        return null;
    }

    /** The signature rule: none before the one enrollment, a valid one by its key on and after it. */
    private static final class Signing {
        private Enrollment enrollment;
        private PublicKey key;

        String problemWith(long id, JournalEntry entry, String hash, String signature) {
            if (entry instanceof SigningKeyEnrolled enrolled) {
                if (enrollment != null) {
                    return "it enrolls a second signing key (" + JournalSignatures.abbreviate(enrolled.fingerprint())
                            + ") after key " + JournalSignatures.abbreviate(enrollment.fingerprint()) + " of record "
                            + enrollment.recordId() + "; a journal has one key, so someone tried to take the chain over";
                }
                key = JournalSignatures.decodePublicKey(enrolled.publicKey());
                enrollment = new Enrollment(id, enrolled.publicKey(), enrolled.fingerprint());
                if (!JournalSignatures.verify(key, hash, signature)) {
                    return "its signature does not verify with the key it enrolls (" + JournalSignatures.abbreviate(enrolled.fingerprint())
                            + "): it, or a record before it, was rewritten or forged";
                }
                return null;
            }
            if (enrollment == null) {
                return signature == null ? null
                        : "it carries a signature although no signing key is enrolled before it";
            }
            if (signature == null) {
                return "it has no signature, but every record from " + enrollment.recordId() + " on must be signed by key "
                        + JournalSignatures.abbreviate(enrollment.fingerprint()) + ": it was added or rewritten without the key";
            }
            if (!JournalSignatures.verify(key, hash, signature)) {
                return "its signature does not verify with key " + JournalSignatures.abbreviate(enrollment.fingerprint())
                        + " (enrolled at record " + enrollment.recordId() + "): it was added or rewritten without the key";
            }
            return null;
        }
    }
}
