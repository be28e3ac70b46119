package com.rolloutcontrolroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rolloutcontrolroom.domain.journal.ChainHash;
import com.rolloutcontrolroom.domain.journal.EntryFields;
import com.rolloutcontrolroom.domain.journal.JournalSamples;
import com.rolloutcontrolroom.domain.journal.JournalTime;
import com.rolloutcontrolroom.domain.journal.RollbackPerformed;
import com.rolloutcontrolroom.services.credentials.CredentialKey;
import com.rolloutcontrolroom.services.home.AppHome;
import com.rolloutcontrolroom.testsupport.EmbeddedPostgresExtension;
import com.rolloutcontrolroom.testsupport.TestRollouts;
import com.rolloutcontrolroom.testsupport.ObservabilityFixture;
import com.rolloutcontrolroom.testsupport.RealKeychain;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The journal's keys in the real OS keychain (gnome-keyring through Secret Service, as CI runs it),
 * through the CLI as the jar builds it: {@code run} enrolls a signing key and keeps the head, both
 * visible to {@code secret-tool}; {@code journal verify} names that key; a forged append is caught.
 * A missing keychain is a failure, never a skip: run inside {@code dbus-run-session} with
 * {@code gnome-keyring-daemon --unlock} (STACK.md, .ci/run).
 */
class JournalKeychainEndToEndTest {

    @RegisterExtension
    static final EmbeddedPostgresExtension postgres = new EmbeddedPostgresExtension();

    @TempDir
    Path folder;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private RealKeychain keychain;
    private AppHome home;
    private String headAccount;

    @BeforeEach
    void requireTheRealKeychain() throws Exception {
        keychain = RealKeychain.require();
        home = new AppHome(folder).ensureExists();
        // the item's name worked out here from the documented rule, not from the app's own code
        headAccount = "journal-head:" + sha256Hex(folder.toRealPath().resolve("journal.sqlite").toString()).substring(0, 16);
        keychain.removeAfterwards(new CredentialKey(CredentialKey.SERVICE, headAccount));
        // record 1 enrolls the key, record 2 creates the rollout the run records to
        TestRollouts.create(home, keychain.store(), TestRollouts.ROLLOUT);
        new ObservabilityFixture(postgres.dataSource()).coordinator("coordinator.start", null, 5)
                .coordinator("coordinator.confirmed", null, 5);
    }

    @AfterEach
    void removeWhatThisTestPutInTheKeychain() throws Exception {
        if (keychain != null) {
            keychain.close();
        }
    }

    @Test
    void runSignsWithAKeyInTheKeychainKeepsTheHeadThereAndVerifyCatchesAForgedAppend() throws Exception {
        assertThat(run("env", "add", "staging", "--url",
                "postgresql://postgres@localhost:" + postgres.port() + "/" + postgres.databaseName())).as(err.toString()).isZero();
        assertThat(run("run", "--env", "staging", "--suite", "quick", "--json")).as(err.toString()).isZero();
        JsonNode snapshot = new ObjectMapper().readTree(out.toString()).get("snapshot");
        assertThat(snapshot.get("journalId").asLong()).isEqualTo(3);

        String items = secretTool("search", "--all", "service", CredentialKey.SERVICE);
        assertThat(items).contains("attribute.account = journal-signing-key", "attribute.account = " + headAccount);
        assertThat(secretTool("lookup", "service", CredentialKey.SERVICE, "account", headAccount))
                .isEqualTo("3:" + snapshot.get("hash").asText());
        String keyItem = secretTool("lookup", "service", CredentialKey.SERVICE, "account", "journal-signing-key");
        String[] halves = keyItem.split(" ");
        assertThat(halves).as("private key (PKCS#8), a space, public key (X.509)").hasSize(2);
        String fingerprint = sha256Hex(Base64.getDecoder().decode(halves[1]));

        assertThat(run("journal", "verify")).as(err.toString()).isZero();
        assertThat(out.toString().lines()).containsExactly(
                "chain intact, 3 records, head " + snapshot.get("hash").asText(),
                "signed: every record carries a valid Ed25519 signature by key " + fingerprint,
                "the journal still holds the head this workstation's keychain recorded (record 3)",
                "the signing key is this workstation's keychain key");
        assertThat(run("journal", "export", "--jsonl")).isZero();
        assertThat(out.toString()).contains("\"fingerprint\":\"" + fingerprint + "\"").doesNotContain(halves[0]);

        forgeRollback(home.journal());
        assertThat(run("journal", "verify")).isEqualTo(1);
        assertThat(err.toString().strip()).isEqualTo("chain broken at record 4: it has no signature, but every record from 1"
                + " on must be signed by key " + fingerprint.substring(0, 8) + "…: it was added or rewritten without the key");
    }

    /** The jar's command tree with the real keychain: {@code ControlRoomCli.create(home, desktop)}. */
    private int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        CommandLine cli = ControlRoomCli.create(home, () -> { });
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    /** Someone with the file, not the keychain, appends a record with a correctly recomputed hash. */
    private static void forgeRollback(Path journal) throws Exception {
        try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + journal)) {
            long id;
            String previous;
            try (Statement statement = raw.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT id, hash FROM journal_entry ORDER BY id DESC LIMIT 1")) {
                rs.next();
                id = rs.getLong(1) + 1;
                previous = rs.getString(2);
            }
            Instant at = Instant.parse("2026-11-20T10:00:00Z");
            RollbackPerformed forged = new RollbackPerformed(at, JournalSamples.ANA, "production", JournalSamples.ROLLOUT, at,
                    "never happened", "none", "none");
            byte[] body = EntryFields.canonicalBytes(id, forged);
            try (PreparedStatement insert = raw.prepareStatement("INSERT INTO journal_entry (id, kind, recorded_at, operator,"
                    + " rollout, environment, body, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?)")) {
                insert.setLong(1, id);
                insert.setString(2, "ROLLBACK");
                insert.setString(3, JournalTime.format(at));
                insert.setString(4, "ana");
                insert.setString(5, JournalSamples.ROLLOUT);
                insert.setString(6, "production");
                insert.setString(7, new String(body, StandardCharsets.UTF_8));
                insert.setString(8, previous);
                insert.setString(9, ChainHash.next(previous, body));
                insert.executeUpdate();
            }
        }
    }

    private static String sha256Hex(String text) throws Exception {
        return sha256Hex(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String sha256Hex(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static String secretTool(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("secret-tool"));
        command.addAll(List.of(arguments));
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError("secret-tool is not installed; apt-get install libsecret-tools.", e);
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
        return output.strip();
    }
}
