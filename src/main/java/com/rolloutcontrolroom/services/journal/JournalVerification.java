package com.rolloutcontrolroom.services.journal;

import com.rolloutcontrolroom.domain.journal.ChainHash;
import com.rolloutcontrolroom.domain.journal.ChainHead;
import com.rolloutcontrolroom.domain.journal.ChainReport;
import com.rolloutcontrolroom.domain.journal.Enrollment;
import com.rolloutcontrolroom.domain.journal.JournalSignatures;
import com.rolloutcontrolroom.domain.journal.VerificationReport;
import com.rolloutcontrolroom.services.credentials.CredentialException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code journal verify} and the journal screen's status: the chain and its signatures
 * ({@link ChainVerifier}), then what the chain alone cannot show. A missing file, an emptied table
 * and records cut off the end all leave a valid (shorter) chain, so the journal must still hold the
 * head this workstation's keychain kept and any head the caller expects; the key that signed it must
 * be the keychain's and any key the caller pins; the append-only triggers must be in place. The
 * first problem found is the one sentence reported.
 */
public final class JournalVerification {

    /**
     * @param allowEmpty an empty (or not yet created) journal is expected
     * @param expected a head the caller kept (a sign-off, an export), or null
     * @param pinnedFingerprint the SHA-256 fingerprint of the key that must have signed, or null
     */
    public record Options(boolean allowEmpty, ChainHead expected, String pinnedFingerprint) {

        public static Options strict() {
            return new Options(false, null, null);
        }

        /** The journal screen: a new journal is empty and that is fine, unless the keychain says otherwise. */
        public static Options screen() {
            return new Options(true, null, null);
        }
    }

    private final JournalKeys keys;

    public JournalVerification(JournalKeys keys) {
        this.keys = keys;
    }

    /** Blocking: re-hashes every record and asks the keychain. */
    public VerificationReport verify(JournalDatabase database, Options options) {
        Path file = database.file();
        Keychain keychain = Keychain.read(keys, file);
        ChainReport empty = ChainReport.intact(0, ChainHead.EMPTY);
        if (keychain.damaged != null) {
            return VerificationReport.failed(empty, keychain.damaged);
        }
        if (!Files.exists(file)) {
            if (keychain.head.isPresent()) {
                ChainHead kept = keychain.head.get();
                return VerificationReport.failed(empty, "The journal file " + file + " does not exist, but this workstation's"
                        + " keychain recorded record " + kept.id() + " (hash " + ChainHash.abbreviate(kept.hash())
                        + ") in it: it was deleted or moved; restore it from a backup or an evidence bundle.");
            }
            if (!options.allowEmpty()) {
                return VerificationReport.failed(empty, "The journal file " + file + " does not exist; restore it from a backup,"
                        + " or pass --allow-empty if no journal was written yet.");
            }
        }
        ChainReport chain = new ChainVerifier(database).verify();
        if (!chain.isIntact()) {
            return VerificationReport.failed(chain, chain.describe());
        }
        List<String> notes = new ArrayList<>();
        String problem = anchors(database, chain, options, keychain, notes);
        if (problem == null) {
            problem = keyProblem(chain, options, keychain, notes);
        }
        if (problem == null && chain.verifiedCount() == 0 && !options.allowEmpty()) {
            problem = "The journal has no records; pass --allow-empty if none were written yet.";
        }
        if (problem == null) {
            problem = triggerProblem(database, chain);
        }
        return problem == null ? VerificationReport.passed(chain, notes) : VerificationReport.failed(chain, problem);
    }

    private static String anchors(JournalDatabase database, ChainReport chain, Options options, Keychain keychain,
                                  List<String> notes) {
        if (options.expected() != null) {
            String problem = anchorProblem(database, chain, options.expected(), "--expect names record "
                    + options.expected().id(), "the hash given with --expect");
            if (problem != null) {
                return problem;
            }
            notes.add("record " + options.expected().id() + " still has the hash given with --expect");
        }
        if (keychain.head.isPresent()) {
            ChainHead kept = keychain.head.get();
            String problem = anchorProblem(database, chain, kept, "this workstation's keychain recorded record " + kept.id()
                    + " (hash " + ChainHash.abbreviate(kept.hash()) + ")", "this workstation's keychain recorded hash "
                    + ChainHash.abbreviate(kept.hash()) + " for it");
            if (problem != null) {
                return problem;
            }
            notes.add("the journal still holds the head this workstation's keychain recorded (record " + kept.id() + ")");
        } else if (keychain.unavailable == null) {
            notes.add("this workstation's keychain holds no head for this journal file (it was not written here, or was"
                    + " moved), so records cut off its end would only show against a head kept elsewhere (--expect)");
        } else {
            notes.add("the OS keychain could not be read (" + WriterOpening.clause(keychain.unavailable)
                    + "), so no signing key or head kept on this workstation was compared");
        }
        return null;
    }

    private static String anchorProblem(JournalDatabase database, ChainReport chain, ChainHead anchor, String claim,
                                        String expectedHash) {
        long count = chain.verifiedCount();
        if (anchor.id() > count) {
            return count == 0 ? "The journal has no records, but " + claim + ": its records were deleted."
                    : "The journal ends at record " + count + ", but " + claim + ": records were cut off the end.";
        }
        String actual = hashAt(database, anchor.id());
        if (!anchor.hash().equals(actual)) {
            return "Record " + anchor.id() + " has hash " + ChainHash.abbreviate(actual) + ", but " + expectedHash
                    + ": the journal was rewritten at or before record " + anchor.id() + ".";
        }
        return null;
    }

    private static String keyProblem(ChainReport chain, Options options, Keychain keychain, List<String> notes) {
        Optional<Enrollment> signing = chain.signing();
        if (options.pinnedFingerprint() != null) {
            if (signing.isEmpty()) {
                return "The journal is not signed, but --public-key expects its records to be signed by key "
                        + JournalSignatures.abbreviate(options.pinnedFingerprint()) + ".";
            }
            if (!signing.get().fingerprint().equals(options.pinnedFingerprint())) {
                return "The journal is signed by key " + JournalSignatures.abbreviate(signing.get().fingerprint())
                        + ", not by the key given with --public-key (" + JournalSignatures.abbreviate(options.pinnedFingerprint())
                        + "): it was re-signed by someone else.";
            }
            notes.add("the signing key is the one given with --public-key");
        }
        if (signing.isPresent() && keychain.fingerprint.isPresent()) {
            if (!signing.get().fingerprint().equals(keychain.fingerprint.get())) {
                return "The journal is signed by key " + JournalSignatures.abbreviate(signing.get().fingerprint())
                        + ", but this workstation's keychain holds key " + JournalSignatures.abbreviate(keychain.fingerprint.get())
                        + ": it was re-signed with another key, or enrolled by another user.";
            }
            notes.add("the signing key is this workstation's keychain key");
        } else if (signing.isPresent() && options.pinnedFingerprint() == null) {
            notes.add("the signing key is not pinned (this workstation's keychain holds no journal key): pass --public-key"
                    + " to check it is the one you expect");
        }
        return null;
    }

    /** A schema-1 journal predates the triggers (the writer adds them); from version 2, or once signed, they must be there. */
    private static String triggerProblem(JournalDatabase database, ChainReport chain) {
        Map<String, String> damaged = database.read(connection ->
                SchemaMigrator.version(connection) >= 2 || chain.signing().isPresent()
                        ? AppendOnlyTriggers.damaged(connection) : Map.of());
        if (damaged.isEmpty()) {
            return null;
        }
        String which = damaged.entrySet().stream()
                .map(t -> t.getKey() + (t.getValue().equals("missing") ? " is missing" : " was altered"))
                .collect(Collectors.joining(", "));
        boolean one = damaged.size() == 1;
        return "The journal's append-only " + (one ? "trigger is" : "triggers are") + " damaged (" + which
                + "), so SQLite no longer refuses changes to its records; open it for writing (start the app, or record a run)"
                + " to restore " + (one ? "it" : "them") + ", and find out who removed " + (one ? "it." : "them.");
    }

    private static String hashAt(JournalDatabase database, long id) {
        if (id == 0) {
            return ChainHash.GENESIS;
        }
        return database.read(connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT hash FROM journal_entry WHERE id = ?")) {
                query.setLong(1, id);
                try (ResultSet rs = query.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        });
    }

    /** One look at the keychain: its head for this file and its key's fingerprint, or why it could not be read. */
    private static final class Keychain {
        Optional<ChainHead> head = Optional.empty();
        Optional<String> fingerprint = Optional.empty();
        String unavailable;
        String damaged;

        static Keychain read(JournalKeys keys, Path file) {
            Keychain keychain = new Keychain();
            try {
                keychain.head = keys.head(file).filter(head -> head.id() > 0);
                keychain.fingerprint = keys.signingKeyFingerprint();
            } catch (CredentialException e) {
                keychain.unavailable = e.getMessage();
            } catch (IllegalArgumentException e) {
                keychain.damaged = e.getMessage();
            }
            return keychain;
        }
    }
}
