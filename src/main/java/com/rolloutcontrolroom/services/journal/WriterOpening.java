package com.rolloutcontrolroom.services.journal;

import com.rolloutcontrolroom.domain.journal.ChainHash;
import com.rolloutcontrolroom.domain.journal.ChainHead;
import com.rolloutcontrolroom.domain.journal.JournalRepaired;
import com.rolloutcontrolroom.domain.journal.JournalSignatures;
import com.rolloutcontrolroom.domain.journal.SigningKeyEnrolled;
import com.rolloutcontrolroom.domain.operator.Operator;
import com.rolloutcontrolroom.services.credentials.CredentialException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the writer checks and records each time it opens the journal, before anyone appends: the
 * journal still holds the head this workstation's keychain kept for it (else it stays read-only:
 * writing on would bury the cut); the keychain's signing key is the journal's (else read-only: an
 * unsigned or foreign record would break it for good); a journal with no key yet is enrolled; and
 * missing append-only triggers are restored in the same transaction as the record saying so.
 */
final class WriterOpening {

    private static final Logger LOG = LoggerFactory.getLogger(WriterOpening.class);

    /** What {@link #plan} decided; {@code refusal} set means: open read-only with that sentence. */
    record Plan(RecordSealer sealer, String refusal, boolean enroll, Map<String, String> damagedTriggers,
                ChainHead stored, Optional<ChainHead> kept) {
    }

    private WriterOpening() {
    }

    /** Before SQLite creates a file: a journal the keychain knows of is not silently replaced by a new one. */
    static Optional<String> refusalForMissingFile(Path file, JournalKeys keys) {
        if (Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return keys.head(file).filter(kept -> kept.id() > 0).map(kept -> "The journal " + file
                    + " is missing, but this workstation's keychain recorded record " + kept.id() + " (hash "
                    + ChainHash.abbreviate(kept.hash()) + ") in it; restore the file from a backup or an evidence bundle"
                    + " (until then the journal is read-only).");
        } catch (CredentialException noKeychain) {
            return Optional.empty();
        } catch (IllegalArgumentException damaged) {
            return Optional.of(damaged.getMessage());
        }
    }

    static Plan plan(Connection connection, Path file, Path lockFile, JournalKeys keys) throws SQLException {
        Optional<ChainHead> kept;
        String noKeychain = null;
        try {
            kept = keys.head(file);
        } catch (CredentialException e) {
            kept = Optional.empty();
            noKeychain = e.getMessage();
        } catch (IllegalArgumentException damaged) {
            return refused(keys, file, damaged.getMessage() + " The journal stays read-only.");
        }
        // read after the kept head: another appender keeps a head only after its commit, so this one is never behind it
        ChainHead stored = JournalReader.head(connection);
        if (kept.isPresent()) {
            String cut = cutOff(connection, stored, kept.get());
            if (cut != null) {
                return refused(keys, file, cut);
            }
        }
        Optional<String> enrolled = enrolledFingerprint(connection);
        Optional<SigningKey> key = Optional.empty();
        if (noKeychain == null) {
            try {
                key = keys.signingKey();
                if (key.isEmpty() && enrolled.isEmpty()) {
                    key = Optional.of(keys.createSigningKey());
                    LOG.info("Created the journal signing key {} in the OS keychain", key.get().fingerprint());
                }
            } catch (CredentialException e) {
                noKeychain = e.getMessage();
            } catch (IllegalArgumentException damaged) {
                if (enrolled.isPresent()) {
                    return refused(keys, file, damaged.getMessage());
                }
                LOG.warn("Writing the journal unsigned: {}", damaged.getMessage());
            }
        }
        if (enrolled.isPresent()) {
            String fingerprint = enrolled.get();
            String journalKey = JournalSignatures.abbreviate(fingerprint);
            if (noKeychain != null) {
                return refused(keys, file, "The journal is signed, but its key cannot be read from the OS keychain ("
                        + clause(noKeychain) + "); it stays read-only until the keychain works.");
            }
            if (key.isEmpty()) {
                return refused(keys, file, "The journal is signed by key " + journalKey + ", but this workstation's keychain"
                        + " holds no journal signing key; continue it where its key is, or restore the key from a keychain"
                        + " backup (until then it stays read-only).");
            }
            if (!key.get().fingerprint().equals(fingerprint)) {
                return refused(keys, file, "The journal is signed by key " + journalKey + ", but this workstation's keychain"
                        + " holds key " + JournalSignatures.abbreviate(key.get().fingerprint())
                        + "; only the key that enrolled a journal may continue it, so it stays read-only.");
            }
        } else if (noKeychain != null) {
            LOG.info("Writing the journal unsigned (records consistent with each other, not proof against a rewrite): {}",
                    noKeychain);
        }
        RecordSealer sealer = new RecordSealer(key, keys, file, new HeadLock(lockFile), noKeychain == null);
        return new Plan(sealer, null, enrolled.isEmpty() && key.isPresent(), AppendOnlyTriggers.damaged(connection),
                stored, kept);
    }

    /** Appends the enrollment and the repair the plan calls for, and catches the keychain's head up. */
    static void carryOut(JournalDatabase database, Plan plan) {
        JournalWriter writer = new JournalWriter(database);
        Operator app = new Operator(System.getProperty("user.name", "unknown"), null);
        boolean appended = false;
        if (plan.enroll()) {
            SigningKey key = plan.sealer().key().orElseThrow();
            writer.append(new SigningKeyEnrolled(Instant.now(), app, JournalSignatures.ALGORITHM, key.publicKey(),
                    key.fingerprint()));
            appended = true;
        }
        Map<String, String> damaged = plan.damagedTriggers();
        if (!damaged.isEmpty()) {
            String found = damaged.entrySet().stream().map(t -> t.getKey() + " was " + t.getValue())
                    .collect(Collectors.joining(", "));
            LOG.warn("Restoring the journal's append-only triggers: {}", found);
            writer.append(new JournalRepaired(Instant.now(), app, List.copyOf(damaged.keySet()),
                    "At open " + found + "; restored, so SQLite refuses UPDATE and DELETE again."),
                    statement -> AppendOnlyTriggers.restore(statement, damaged.keySet()));
            appended = true;
        }
        if (!appended && plan.kept().map(kept -> kept.id() < plan.stored().id()).orElse(plan.stored().id() > 0)) {
            // a crash between a commit and its keychain write, or a journal this keychain never saw
            plan.sealer().committed(plan.stored());
        }
    }

    private static Plan refused(JournalKeys keys, Path file, String sentence) {
        LOG.warn(sentence);
        return new Plan(RecordSealer.unsigned(keys, file), sentence, false, Map.of(), ChainHead.EMPTY, Optional.empty());
    }

    /** The sentence when the journal no longer holds the kept head; null when it does. */
    private static String cutOff(Connection connection, ChainHead stored, ChainHead kept) throws SQLException {
        if (stored.id() < kept.id()) {
            String keptText = "this workstation's keychain recorded record " + kept.id() + " (hash "
                    + ChainHash.abbreviate(kept.hash()) + ")";
            return (stored.id() == 0 ? "The journal has no records" : "The journal ends at record " + stored.id())
                    + ", but " + keptText + ": records were cut off; restore it from a backup or an evidence bundle"
                    + " (until then it stays read-only).";
        }
        String hash = hashAt(connection, kept.id());
        if (!kept.hash().equals(hash)) {
            return "Record " + kept.id() + " of the journal " + (hash == null ? "is missing" : "has hash " + ChainHash.abbreviate(hash))
                    + ", but this workstation's"
                    + " keychain recorded hash " + ChainHash.abbreviate(kept.hash()) + " for it: the journal was rewritten;"
                    + " restore it from a backup or an evidence bundle (until then it stays read-only).";
        }
        return null;
    }

    private static String hashAt(Connection connection, long id) throws SQLException {
        if (id == 0) {
            return ChainHash.GENESIS;
        }
        try (PreparedStatement query = connection.prepareStatement("SELECT hash FROM journal_entry WHERE id = ?")) {
            query.setLong(1, id);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /** The fingerprint in the first SIGNING_KEY record as stored (verify checks the record; the writer only has to match it). */
    private static Optional<String> enrolledFingerprint(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT json_extract(body, '$.fingerprint')"
                     + " FROM journal_entry WHERE kind = 'SIGNING_KEY' ORDER BY id LIMIT 1")) {
            // a damaged record still counts as enrolled: enrolling a second key would only add to the damage
            return rs.next() ? Optional.of(String.valueOf(rs.getString(1))) : Optional.empty();
        }
    }

    /** "No OS keychain is available (…); start … ." as a clause inside another sentence. */
    static String clause(String sentence) {
        String text = sentence.strip().replaceAll("[.;]+$", "");
        return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }
}
