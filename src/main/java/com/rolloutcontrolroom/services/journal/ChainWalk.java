package com.rolloutcontrolroom.services.journal;

import com.rolloutcontrolroom.domain.journal.ChainHash;
import com.rolloutcontrolroom.domain.journal.ChainHead;
import com.rolloutcontrolroom.domain.journal.Enrollment;
import com.rolloutcontrolroom.domain.journal.EntryFields;
import com.rolloutcontrolroom.domain.journal.JournalEntry;
import com.rolloutcontrolroom.domain.journal.JournalSignatures;
import com.rolloutcontrolroom.domain.journal.JournalTime;
import com.rolloutcontrolroom.domain.journal.SigningKeyEnrolled;
import com.rolloutcontrolroom.domain.journal.StoredEntry;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The chain's rules applied record by record, oldest first, wherever the records come from: the
 * journal's table ({@link ChainVerifier}) or an exported JSON Lines file (the evidence bundle's
 * verifier). Ids run 1..N without gaps, each record links to the hash before it, its hash matches its
 * bytes, its bytes are canonical, the copies of its fields beside it agree with them, and from the one
 * enrollment on every record carries a valid Ed25519 signature of its hash by the enrolled key.
 */
public final class ChainWalk {

    /**
     * One stored record.
     *
     * @param copies fields stored beside the hashed body (table columns, export line fields), each checked against it
     */
    public record Row(long id, byte[] body, String previousHash, String hash, String signature, List<Copy> copies) {
        public Row {
            copies = List.copyOf(copies);
        }
    }

    /** A field stored beside the body: {@code kind}, {@code recorded_at}/{@code recordedAt}, {@code operator}, {@code rollout}, {@code environment}. */
    public record Copy(String name, String stored) {
    }

    private final CanonicalDocumentParser parser = new CanonicalDocumentParser();
    private final Signing signing = new Signing();
    private long expectedId = 1;
    private String previousHash = ChainHash.GENESIS;
    private StoredEntry last;

    /** The problem with the next record, or null when it continues the chain (then it becomes the head). */
    public String add(Row row) {
        String problem = problemWith(row);
        if (problem == null) {
            previousHash = row.hash();
            expectedId++;
        }
        return problem;
    }

    /** The id the next record must have: where a broken chain broke, for a gap the missing id. */
    public long expectedId() {
        return expectedId;
    }

    public long count() {
        return expectedId - 1;
    }

    public ChainHead head() {
        return new ChainHead(count(), previousHash);
    }

    public Enrollment enrollment() {
        return signing.enrollment;
    }

    /** The last record accepted, read from its hashed bytes; null before the first. */
    public StoredEntry lastEntry() {
        return last;
    }

    private String problemWith(Row row) {
        long id = row.id();
        if (id > expectedId) {
            return "record " + expectedId + " is missing (the next stored record is " + id + ")";
        }
        if (id < expectedId) {
            return "record id " + id + " is out of sequence (expected " + expectedId + ")";
        }
        if (!previousHash.equals(row.previousHash())) {
            return "its previous-hash does not match " + (id == 1 ? "the genesis value" : "record " + (id - 1) + "'s hash")
                    + ": records were removed, inserted or reordered";
        }
        byte[] body = row.body() == null ? new byte[0] : row.body();
        String recomputed = ChainHash.next(row.previousHash(), body);
        if (!recomputed.equals(row.hash())) {
            return "its hash does not match its content: the record was changed after it was written";
        }
        JournalEntry entry;
        try {
            entry = EntryFields.entry(parser.parse(body));
        } catch (RuntimeException e) {
            return "its content cannot be read: " + e.getMessage();
        }
        String problem = contentProblem(row, id, body, entry);
        if (problem == null) {
            problem = signing.problemWith(id, entry, row.hash(), row.signature());
        }
        if (problem == null) {
            last = new StoredEntry(id, entry, row.previousHash(), row.hash(), row.signature());
        }
        return problem;
    }

    /** The hash covers the body only, so the copies stored beside it must agree with it. */
    private static String contentProblem(Row row, long id, byte[] body, JournalEntry entry) {
        if (!Arrays.equals(body, EntryFields.canonicalBytes(id, entry))) {
            return "its content is not in canonical form or names another record id";
        }
        for (Copy copy : row.copies()) {
            String hashed = hashedValue(copy.name(), entry);
            if (!Objects.equals(copy.stored(), hashed)) {
                return "column " + copy.name() + " says '" + copy.stored() + "' but the hashed content says '" + hashed + "'";
            }
        }
        return null;
    }

    private static String hashedValue(String name, JournalEntry entry) {
        return switch (name) {
            case "kind" -> entry.kind().name();
            case "recorded_at", "recordedAt" -> JournalTime.format(entry.recordedAt());
            case "operator" -> entry.operator().login();
            case "rollout" -> JournalWriter.rolloutColumn(entry);
            case "environment" -> entry.environment();
            default -> throw new IllegalArgumentException("No field " + name + " is stored beside a record.");
        };
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
                try {
                    key = JournalSignatures.decodePublicKey(enrolled.publicKey());
                } catch (IllegalArgumentException e) {
                    return "its public key is not a base64 X.509 Ed25519 key";
                }
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
