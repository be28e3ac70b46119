package com.rolloutcontrolroom.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rolloutcontrolroom.domain.journal.ChainHash;
import com.rolloutcontrolroom.domain.journal.ChainHead;
import com.rolloutcontrolroom.domain.journal.EntryFields;
import com.rolloutcontrolroom.domain.journal.JournalEntry;
import com.rolloutcontrolroom.domain.journal.JournalRepaired;
import com.rolloutcontrolroom.domain.journal.JournalSamples;
import com.rolloutcontrolroom.domain.journal.JournalTime;
import com.rolloutcontrolroom.domain.journal.SnapshotTaken;
import com.rolloutcontrolroom.domain.journal.StoredEntry;
import com.rolloutcontrolroom.services.credentials.CredentialKey;
import com.rolloutcontrolroom.services.credentials.CredentialStore;
import com.rolloutcontrolroom.services.credentials.SessionCredentialStore;
import com.rolloutcontrolroom.services.home.AppHome;
import com.rolloutcontrolroom.services.journal.JournalDatabase;
import com.rolloutcontrolroom.services.journal.JournalKeys;
import com.rolloutcontrolroom.services.journal.JournalQuery;
import com.rolloutcontrolroom.services.journal.JournalReader;
import com.rolloutcontrolroom.services.journal.JournalWriter;
import com.rolloutcontrolroom.services.journal.KeychainJournalKeys;
import com.rolloutcontrolroom.testsupport.NoKeychain;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The hostile test of the journal, through {@code control-room journal verify|export} as the jar runs
 * them: someone with the journal file (not the keychain) forges, rewrites, cuts, empties or deletes
 * it, or removes its triggers. Each is caught with exit 1 and one sentence naming it. The keychain is
 * an in-memory store standing in for the OS one (JournalKeychainEndToEndTest uses the real one).
 */
class JournalTamperingTest {

    private static final int RECORDS = 20;

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final SessionCredentialStore keychain = new SessionCredentialStore("Test keychain in memory.");
    private final JournalKeys keys = new KeychainJournalKeys(keychain);
    private AppHome home;

    @BeforeEach
    void home() {
        home = new AppHome(dir);
    }

    private int run(String... args) {
        return run(keychain, args);
    }

    private int run(CredentialStore credentials, String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        CommandLine cli = ControlRoomCli.create(home, () -> { }, credentials, new ByteArrayInputStream(new byte[0]));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    /** The app writing with this workstation's keychain: the signing key is enrolled as record 1, then 19 records. */
    private StoredEntry seedSigned() {
        try (JournalDatabase db = JournalDatabase.open(home, keys)) {
            assertThat(db.signs()).isTrue();
            JournalWriter writer = new JournalWriter(db);
            StoredEntry last = null;
            List<JournalEntry> samples = JournalSamples.everyKind(JournalSamples.T0);
            for (int i = 1; i < RECORDS; i++) {
                last = writer.append(samples.get(i % samples.size()));
            }
            assertThat(last.id()).isEqualTo(RECORDS);
            return last;
        }
    }

    private String fingerprint() throws Exception {
        return keys.signingKey().orElseThrow().fingerprint();
    }

    @Test
    void aSignedJournalVerifiesNamingItsKeyItsFullHeadAndTheKeychainsHead() throws Exception {
        StoredEntry head = seedSigned();

        assertThat(run("journal", "verify")).as(err.toString()).isZero();
        assertThat(out.toString().lines()).containsExactly(
                "chain intact, 20 records, head " + head.hash(),
                "signed: every record carries a valid Ed25519 signature by key " + fingerprint(),
                "the journal still holds the head this workstation's keychain recorded (record 20)",
                "the signing key is this workstation's keychain key");
        assertThat(keys.head(home.journal())).hasValue(new ChainHead(head.id(), head.hash()));
    }

    @Test
    void aForgedAppendWithARecomputedHashIsCaughtByItsMissingSignature() throws Exception {
        seedSigned();
        forgeSnapshot(null);

        assertThat(run("journal", "verify")).isEqualTo(1);
        assertThat(err.toString().strip()).isEqualTo("chain broken at record 21: it has no signature, but every record from 1"
                + " on must be signed by key " + fingerprint().substring(0, 8) + "…: it was added or rewritten without the key");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void aForgedAppendCarryingAnotherRecordsSignatureIsCaught() throws Exception {
        StoredEntry last = seedSigned();
        forgeSnapshot(last.signature());

        assertThat(run("journal", "verify")).isEqualTo(1);
        assertThat(err.toString().strip()).isEqualTo("chain broken at record 21: its signature does not verify with key "
                + fingerprint().substring(0, 8) + "… (enrolled at record 1): it was added or rewritten without the key");
    }

    @Test
    void aRewriteOfEveryRecordAfterTheSeventeenthIsCaughtAtTheEighteenth() throws Exception {
        seedSigned();
        try (Connection raw = raw(); Statement statement = raw.createStatement()) {
            statement.execute("DROP TRIGGER journal_entry_no_update");
            rehashFrom(raw, 18, body -> body.replace("Ana Ruiz", "Mallory"));
            // a careful attacker puts the trigger back
            statement.execute("CREATE TRIGGER journal_entry_no_update BEFORE UPDATE ON journal_entry"
                    + " BEGIN SELECT RAISE(ABORT, 'the journal is append-only: UPDATE is refused'); END");
        }

        assertThat(run("journal", "verify")).isEqualTo(1);
        assertThat(err.toString().strip()).isEqualTo("chain broken at record 18: its signature does not verify with key "
                + fingerprint().substring(0, 8) + "… (enrolled at record 1): it was added or rewritten without the key");
    }

    @Test
    void aJournalReSignedFromTheStartWithAnotherKeyIsCaughtByTheKeychainAndByAPinnedKey() throws Exception {
        StoredEntry head = seedSigned();
        String realKey = keys.signingKey().orElseThrow().publicKey();
        replaceWithAJournalSignedByAnotherKey();

        assertThat(run("journal", "verify")).isEqualTo(1);
        assertThat(err.toString().strip()).isEqualTo("Record 20 has hash " + ChainHash.abbreviate(readHead().hash())
                + ", but this workstation's keychain recorded hash " + ChainHash.abbreviate(head.hash())
                + " for it: the journal was rewritten at or before record 20.");

        // an auditor on another machine, no keychain: the key they were handed is not the one that signed
        assertThat(run(new NoKeychain(), "journal", "verify")).as("without a pinned key nothing shows it").isZero();
        assertThat(out.toString()).contains("the signing key is not pinned");
        assertThat(run(new NoKeychain(), "journal", "verify", "--public-key", realKey)).isEqualTo(1);
        assertThat(err.toString().strip()).startsWith("The journal is signed by key ")
                .endsWith(", not by the key given with --public-key (" + fingerprint().substring(0, 8) + "…): it was"
                        + " re-signed by someone else.");
    }

    @Test
    void aCutOffEndIsCaughtByTheHeadKeptInTheKeychain() throws Exception {
        StoredEntry head = seedSigned();
        try (Connection raw = raw(); Statement statement = raw.createStatement()) {
            statement.execute("DROP TRIGGER journal_entry_no_delete");
            statement.execute("DELETE FROM journal_entry WHERE id = " + RECORDS);
        }

        assertThat(run("journal", "verify")).isEqualTo(1);
        assertThat(err.toString().strip()).isEqualTo("The journal ends at record 19, but this workstation's keychain recorded"
                + " record 20 (hash " + ChainHash.abbreviate(head.hash()) + "): records were cut off the end.");

        try (JournalDatabase writer = JournalDatabase.open(home, keys)) {
            assertThat(writer.isReadOnly()).as("writing on would bury the cut").isTrue();
            assertThat(writer.readOnlyMessage()).hasValueSatisfying(message -> assertThat(message)
                    .startsWith("The journal ends at record 19, but this workstation's keychain recorded record 20"));
            assertThatThrownBy(() -> new JournalWriter(writer).append(JournalSamples.everyKind(JournalSamples.T0).get(0)))
                    .hasMessageContaining("records were cut off");
        }
        assertThat(keys.head(home.journal())).as("the kept head is not overwritten").hasValue(new ChainHead(head.id(), head.hash()));
    }

    @Test
    void anEmptiedTableIsCaughtEvenWhenAnEmptyJournalIsAllowed() throws Exception {
        StoredEntry head = seedSigned();
        try (Connection raw = raw(); Statement statement = raw.createStatement()) {
            statement.execute("DROP TRIGGER journal_entry_no_delete");
            statement.execute("DELETE FROM journal_entry");
        }
        String expected = "The journal has no records, but this workstation's keychain recorded record 20 (hash "
                + ChainHash.abbreviate(head.hash()) + "): its records were deleted.";

        assertThat(run("journal", "verify")).isEqualTo(1);
        assertThat(err.toString().strip()).isEqualTo(expected);
        assertThat(run("journal", "verify", "--allow-empty")).isEqualTo(1);
        assertThat(err.toString().strip()).isEqualTo(expected);
        assertThat(run(new NoKeychain(), "journal", "verify")).as("without the keychain: still not 'intact, 0 records'").isEqualTo(1);
        assertThat(err.toString().strip()).isEqualTo("The journal has no records; pass --allow-empty if none were written yet.");
    }

    @Test
    void aDeletedFileIsCaughtAndNeitherVerifyNorTheWriterCreatesANewOne() throws Exception {
        StoredEntry head = seedSigned();
        Files.delete(home.journal());
        Files.deleteIfExists(dir.resolve("journal.sqlite-wal"));
        Files.deleteIfExists(dir.resolve("journal.sqlite-shm"));

        assertThat(run("journal", "verify", "--allow-empty")).isEqualTo(1);
        assertThat(err.toString().strip()).isEqualTo("The journal file " + home.journal() + " does not exist, but this"
                + " workstation's keychain recorded record 20 (hash " + ChainHash.abbreviate(head.hash()) + ") in it: it was"
                + " deleted or moved; restore it from a backup or an evidence bundle.");
        try (JournalDatabase writer = JournalDatabase.open(home, keys)) {
            assertThat(writer.isReadOnly()).isTrue();
            assertThat(writer.readOnlyMessage()).hasValueSatisfying(message -> assertThat(message)
                    .isEqualTo("The journal " + home.journal() + " is missing, but this workstation's keychain recorded record 20"
                            + " (hash " + ChainHash.abbreviate(head.hash()) + ") in it; restore the file from a backup or an"
                            + " evidence bundle (until then the journal is read-only)."));
        }
        assertThat(home.journal()).doesNotExist();

        assertThat(run(new NoKeychain(), "journal", "verify")).isEqualTo(1);
        assertThat(err.toString().strip()).isEqualTo("The journal file " + home.journal() + " does not exist; restore it from"
                + " a backup, or pass --allow-empty if no journal was written yet.");
    }

    @Test
    void droppedTriggersAreNamedThenRestoredAtTheNextWritableOpenWhichJournalsThatItHadTo() throws Exception {
        seedSigned();
        try (Connection raw = raw(); Statement statement = raw.createStatement()) {
            statement.execute("DROP TRIGGER journal_entry_no_update");
            statement.execute("DROP TRIGGER journal_entry_no_delete");
        }

        assertThat(run("journal", "verify")).isEqualTo(1);
        assertThat(err.toString().strip()).isEqualTo("The journal's append-only triggers are damaged (journal_entry_no_update"
                + " is missing, journal_entry_no_delete is missing), so SQLite no longer refuses changes to its records; open it"
                + " for writing (start the app, or record a run) to restore them, and find out who removed them.");

        try (JournalDatabase writer = JournalDatabase.open(home, keys)) {
            assertThat(writer.isReadOnly()).isFalse();
            StoredEntry repair = new JournalReader(writer).entry(RECORDS + 1).orElseThrow();
            assertThat(repair.entry()).isInstanceOfSatisfying(JournalRepaired.class, repaired ->
                    assertThat(repaired.restoredTriggers()).containsExactly("journal_entry_no_update", "journal_entry_no_delete"));
            assertThat(repair.signature()).as("the repair is signed evidence").isNotNull();
        }
        assertThat(run("journal", "verify")).as(err.toString()).isZero();
        assertThat(out.toString()).startsWith("chain intact, 21 records");
        try (Connection raw = raw(); Statement statement = raw.createStatement()) {
            assertThatThrownBy(() -> statement.execute("DELETE FROM journal_entry WHERE id = 21"))
                    .hasMessageContaining("the journal is append-only: DELETE is refused");
        }
    }

    @Test
    void anAlteredTriggerIsRestoredToo() throws Exception {
        seedSigned();
        try (Connection raw = raw(); Statement statement = raw.createStatement()) {
            statement.execute("DROP TRIGGER journal_entry_no_delete");
            statement.execute("CREATE TRIGGER journal_entry_no_delete BEFORE DELETE ON journal_entry BEGIN SELECT 1; END");
        }
        assertThat(run("journal", "verify")).isEqualTo(1);
        assertThat(err.toString()).contains("(journal_entry_no_delete was altered)");
        try (JournalDatabase writer = JournalDatabase.open(home, keys)) {
            assertThat(new JournalReader(writer).entry(RECORDS + 1).orElseThrow().entry())
                    .isInstanceOfSatisfying(JournalRepaired.class, repaired -> assertThat(repaired.description())
                            .isEqualTo("At open journal_entry_no_delete was altered; restored, so SQLite refuses UPDATE and"
                                    + " DELETE again."));
        }
        assertThat(run("journal", "verify")).as(err.toString()).isZero();
    }

    @Test
    void aLegacyJournalIsEnrolledAtTheNextWritableOpenAndStillVerifiesAsAWhole() throws Exception {
        try (JournalDatabase before = JournalDatabase.open(home)) {
            JournalWriter writer = new JournalWriter(before);
            JournalSamples.everyKind(JournalSamples.T0).forEach(writer::append);
        }
        StoredEntry head;
        try (JournalDatabase after = JournalDatabase.open(home, keys)) {
            JournalReader reader = new JournalReader(after);
            assertThat(reader.entry(10).orElseThrow().entry().kind().name()).isEqualTo("SIGNING_KEY");
            head = new JournalWriter(after).append(JournalSamples.everyKind(JournalSamples.T0).get(4));
        }

        assertThat(run("journal", "verify")).as(err.toString()).isZero();
        assertThat(out.toString().lines()).startsWith("chain intact, 11 records, head " + head.hash(),
                "signed: records 10–11 carry valid Ed25519 signatures by key " + fingerprint() + "; records 1–9, written"
                        + " before the key was enrolled, are covered through the chain by record 10's signature");

        try (Connection raw = raw(); Statement statement = raw.createStatement()) {
            statement.execute("DROP TRIGGER journal_entry_no_update");
            rehashFrom(raw, 3, body -> body.replace("Project linked", "Project not linked"));
        }
        assertThat(run("journal", "verify")).isEqualTo(1);
        assertThat(err.toString().strip()).isEqualTo("chain broken at record 10: its signature does not verify with the key it"
                + " enrolls (" + fingerprint().substring(0, 8) + "…): it, or a record before it, was rewritten or forged");
    }

    @Test
    void aJournalWrittenWithoutAKeychainVerifiesSayingPlainlyWhatThatProves() {
        NoKeychain none = new NoKeychain();
        StoredEntry head;
        try (JournalDatabase db = JournalDatabase.open(home, new KeychainJournalKeys(none))) {
            assertThat(db.signs()).isFalse();
            head = new JournalWriter(db).append(JournalSamples.everyKind(JournalSamples.T0).get(4));
        }

        assertThat(run(none, "journal", "verify")).as(err.toString()).isZero();
        assertThat(out.toString().lines()).containsExactly(
                "chain intact, 1 record, head " + head.hash(),
                "unsigned: no signing key was ever enrolled (no OS keychain worked where it was written), so this proves"
                        + " that the records are consistent with each other, not that nobody rewrote them",
                "the OS keychain could not be read (no OS keychain is available (no Secret Service in this test)), so no"
                        + " signing key or head kept on this workstation was compared");
    }

    @Test
    void aSignedJournalIsNeverContinuedUnsignedNorWithAnotherKey() throws Exception {
        seedSigned();
        try (JournalDatabase noKeychain = JournalDatabase.open(home, new KeychainJournalKeys(new NoKeychain()))) {
            assertThat(noKeychain.isReadOnly()).isTrue();
            assertThat(noKeychain.readOnlyMessage()).hasValue("The journal is signed, but its key cannot be read from the OS"
                    + " keychain (no OS keychain is available (no Secret Service in this test)); it stays read-only until the"
                    + " keychain works.");
        }
        SessionCredentialStore otherKeychain = new SessionCredentialStore("Another user's keychain.");
        KeychainJournalKeys otherUser = new KeychainJournalKeys(otherKeychain);
        String theirs = otherUser.createSigningKey().fingerprint();
        try (JournalDatabase foreign = JournalDatabase.open(home, otherUser)) {
            assertThat(foreign.readOnlyMessage()).hasValue("The journal is signed by key " + fingerprint().substring(0, 8)
                    + "…, but this workstation's keychain holds key " + theirs.substring(0, 8) + "…; only the key that enrolled"
                    + " a journal may continue it, so it stays read-only.");
        }
        assertThat(run(otherKeychain, "journal", "verify")).isEqualTo(1);
        assertThat(err.toString().strip()).isEqualTo("The journal is signed by key " + fingerprint().substring(0, 8)
                + "…, but this workstation's keychain holds key " + theirs.substring(0, 8) + "…: it was re-signed with"
                + " another key, or enrolled by another user.");
        try (JournalDatabase again = JournalDatabase.open(home, keys)) {
            assertThat(again.isReadOnly()).isFalse();
            assertThat(new JournalReader(again).count()).as("no record was added by the refused writers").isEqualTo(RECORDS);
        }
    }

    @Test
    void exportRefusesABrokenChainUnlessForcedAndThenSaysWhereItBroke() throws Exception {
        seedSigned();
        try (Connection raw = raw(); Statement statement = raw.createStatement()) {
            statement.execute("DROP TRIGGER journal_entry_no_update");
            statement.execute("UPDATE journal_entry SET body = replace(body, 'Success rate 91', 'Success rate 99') WHERE id = 5");
        }
        Path file = dir.resolve("export.jsonl");
        String broken = "chain broken at record 5: its hash does not match its content: the record was changed after it was written";

        assertThat(run("journal", "export", "--jsonl", "--out", file.toString())).isEqualTo(1);
        assertThat(err.toString().strip()).isEqualTo("Not exported, because the journal does not verify (" + broken
                + "); pass --force to export it anyway.");
        assertThat(file).doesNotExist();
        assertThat(run("journal", "export", "--jsonl")).isEqualTo(1);
        assertThat(out.toString()).isEmpty();

        assertThat(run("journal", "export", "--jsonl", "--out", file.toString(), "--force")).isEqualTo(1);
        assertThat(err.toString().strip()).isEqualTo("Exported 20 records to " + file + ", but the journal does not verify: " + broken);
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(1 + RECORDS);
        JsonNode header = new ObjectMapper().readTree(lines.get(0)).get("journal");
        assertThat(header.get("verified").asBoolean()).isFalse();
        assertThat(header.get("problem").asText()).isEqualTo(broken);
    }

    @Test
    void everyExportCarriesThePublicKeyItsFingerprintAndTheHeadButNeverThePrivateKey() throws Exception {
        StoredEntry head = seedSigned();
        assertThat(run("journal", "export", "--jsonl")).as(err.toString()).isZero();
        List<String> lines = out.toString().lines().toList();
        JsonNode header = new ObjectMapper().readTree(lines.get(0)).get("journal");

        assertThat(header.get("format").asText()).isEqualTo("rollout-control-room-journal-export/1");
        assertThat(header.at("/signing/algorithm").asText()).isEqualTo("Ed25519");
        assertThat(header.at("/signing/publicKey").asText()).isEqualTo(keys.signingKey().orElseThrow().publicKey());
        assertThat(header.at("/signing/fingerprint").asText()).isEqualTo(fingerprint());
        assertThat(header.at("/signing/enrolledAt").asLong()).isEqualTo(1);
        assertThat(header.at("/head/id").asLong()).isEqualTo(RECORDS);
        assertThat(header.at("/head/hash").asText()).isEqualTo(head.hash());
        assertThat(new ObjectMapper().readTree(lines.get(RECORDS)).get("signature").asText()).isEqualTo(head.signature());

        String privateHalf = new String(keychain.read(CredentialKey.journalSigningKey()).orElseThrow()).split(" ")[0];
        assertThat(out.toString()).doesNotContain(privateHalf);
        List<Path> journalFiles;
        try (var listing = Files.list(dir)) {
            journalFiles = listing.filter(Files::isRegularFile).toList();
        }
        for (Path journalFile : journalFiles) {
            assertThat(new String(Files.readAllBytes(journalFile), StandardCharsets.ISO_8859_1)).as(journalFile.toString())
                    .doesNotContain(privateHalf);
        }
    }

    // --- the attacker's tools: plain SQL on the file, and the documented (unkeyed) hash ---

    private Connection raw() throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + home.journal());
    }

    private ChainHead readHead() {
        try (JournalDatabase db = JournalDatabase.openReadOnly(home)) {
            return new JournalReader(db).head();
        }
    }

    /** Appends a SNAPSHOT with a correctly recomputed hash, as anyone who read docs/journal-format.md can. */
    private void forgeSnapshot(String signature) throws SQLException {
        ChainHead head = readHead();
        Instant at = JournalSamples.T0.plusSeconds(7200);
        SnapshotTaken forged = new SnapshotTaken(at, JournalSamples.ANA, "production", JournalSamples.ROLLOUT, "T+2h",
                "Full query suite", JournalSamples.snapshot(at).queries(), Map.of("success_rate.percent", new BigDecimal("99.90")),
                at, at, 5, List.of());
        byte[] body = EntryFields.canonicalBytes(head.id() + 1, forged);
        try (Connection raw = raw(); PreparedStatement insert = raw.prepareStatement("INSERT INTO journal_entry (id, kind,"
                + " recorded_at, operator, rollout, environment, body, prev_hash, hash, signature) VALUES (?,?,?,?,?,?,?,?,?,?)")) {
            insert.setLong(1, head.id() + 1);
            insert.setString(2, "SNAPSHOT");
            insert.setString(3, JournalTime.format(at));
            insert.setString(4, "ana");
            insert.setString(5, JournalSamples.ROLLOUT);
            insert.setString(6, "production");
            insert.setString(7, new String(body, StandardCharsets.UTF_8));
            insert.setString(8, head.hash());
            insert.setString(9, ChainHash.next(head.hash(), body));
            insert.setString(10, signature);
            insert.executeUpdate();
        }
    }

    /** Edits the body of record {@code from} and recomputes every hash after it, keeping the old signatures. */
    private static void rehashFrom(Connection raw, long from, java.util.function.UnaryOperator<String> edit) throws SQLException {
        List<long[]> ids = new ArrayList<>();
        List<String> bodies = new ArrayList<>();
        String previous;
        try (PreparedStatement before = raw.prepareStatement("SELECT hash FROM journal_entry WHERE id = ?")) {
            before.setLong(1, from - 1);
            try (ResultSet rs = before.executeQuery()) {
                previous = rs.next() ? rs.getString(1) : ChainHash.GENESIS;
            }
        }
        try (Statement statement = raw.createStatement();
             ResultSet rs = statement.executeQuery("SELECT id, body FROM journal_entry WHERE id >= " + from + " ORDER BY id")) {
            while (rs.next()) {
                ids.add(new long[] {rs.getLong(1)});
                bodies.add(rs.getString(2));
            }
        }
        try (PreparedStatement update = raw.prepareStatement("UPDATE journal_entry SET body = ?, prev_hash = ?, hash = ? WHERE id = ?")) {
            for (int i = 0; i < ids.size(); i++) {
                String body = i == 0 ? edit.apply(bodies.get(i)) : bodies.get(i);
                String hash = ChainHash.next(previous, body.getBytes(StandardCharsets.UTF_8));
                update.setString(1, body);
                update.setString(2, previous);
                update.setString(3, hash);
                update.setLong(4, ids.get(i)[0]);
                update.executeUpdate();
                previous = hash;
            }
        }
    }

    /** The same records written by someone else's app with their own key, copied over this journal. */
    private void replaceWithAJournalSignedByAnotherKey() throws Exception {
        List<JournalEntry> entries;
        try (JournalDatabase db = JournalDatabase.openReadOnly(home)) {
            entries = new JournalReader(db).entries(JournalQuery.all()).stream().map(StoredEntry::entry)
                    .filter(entry -> !entry.kind().name().equals("SIGNING_KEY")).toList();
        }
        AppHome elsewhere = new AppHome(Files.createDirectory(dir.resolve("attacker")));
        try (JournalDatabase db = JournalDatabase.open(elsewhere,
                new KeychainJournalKeys(new SessionCredentialStore("The attacker's keychain.")))) {
            JournalWriter writer = new JournalWriter(db);
            entries.forEach(writer::append);
        }
        Files.copy(elsewhere.journal(), home.journal(), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
