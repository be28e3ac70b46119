package com.rolloutcontrolroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rolloutcontrolroom.services.credentials.SessionCredentialStore;
import com.rolloutcontrolroom.services.home.AppHome;
import com.rolloutcontrolroom.services.journal.JournalAccess;
import com.rolloutcontrolroom.services.journal.KeychainJournalKeys;
import com.rolloutcontrolroom.testsupport.EmbeddedPostgresExtension;
import com.rolloutcontrolroom.testsupport.ObservabilityFixture;

import picocli.CommandLine;

/** {@code run} against a real PostgreSQL: the numbers, the verdicts and the snapshot, as text and as JSON. */
class RunCommandTest {

    @RegisterExtension
    static final EmbeddedPostgresExtension postgres = new EmbeddedPostgresExtension();

    @TempDir
    Path folder;

    private AppHome home;
    private final SessionCredentialStore credentials = new SessionCredentialStore("Test.");
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void addTheEnvironment() throws Exception {
        home = new AppHome(folder).ensureExists();
        ObservabilityFixture fixture = new ObservabilityFixture(postgres.dataSource());
        for (int i = 0; i < 30; i++) {
            fixture.coordinator("coordinator.start", null, 5 + i).coordinator("coordinator.confirmed", null, 5 + i);
        }
        fixture.coordinator("coordinator.manual_review", "no_capacity", 9);
        assertThat(cli().execute("env", "add", "staging", "--url",
                "postgresql://postgres@localhost:" + postgres.port() + "/" + postgres.databaseName())).isZero();
    }

    @Test
    void jsonCarriesTheVerdictsWithTheirReasonsAndTheSnapshot() throws Exception {
        out.getBuffer().setLength(0);
        assertThat(cli().execute("run", "--env", "staging", "--json")).as(err.toString()).isZero();

        JsonNode run = new ObjectMapper().readTree(out.toString());
        assertThat(run.at("/metrics/success_rate/total").asLong()).isEqualTo(61);
        assertThat(run.at("/metrics/manual_review_rate/percent").asText()).isEqualTo("3.33");
        assertThat(run.get("verdicts").toString()).isEqualTo("[{\"subject\":\"success rate\",\"verdict\":\"PASS\",\"reasons\":"
                + "[\"Success rate 98.36 % of 61 coordinator events is at least 97 %.\"]},"
                + "{\"subject\":\"manual-review rate\",\"verdict\":\"WARN\",\"reasons\":"
                + "[\"Manual-review rate 3.33 % of 30 started bookings is in the warning band 1–5 %: higher than it should be.\"]}]");
        // record 1 enrolls the journal's signing key (the test's keychain is in memory and works)
        assertThat(run.at("/snapshot/journalId").asLong()).isEqualTo(2);
    }

    @Test
    void textSaysEachVerdictInOneLine() {
        out.getBuffer().setLength(0);
        assertThat(cli().execute("run", "--env", "staging")).as(err.toString()).isZero();
        assertThat(out.toString()).contains(
                "Verdict on success rate:   PASS: Success rate 98.36 % of 61 coordinator events is at least 97 %.",
                "Verdict on manual-review rate: WARN: Manual-review rate 3.33 % of 30 started bookings is in the warning band");
    }

    @Test
    void aRunWhileTheDesktopAppHasTheJournalOpenIsRecorded() throws Exception {
        try (JournalAccess app = new JournalAccess(home, new KeychainJournalKeys(credentials))) {
            app.writer(); // the window opened the journal first (and enrolled the key: record 1)
            out.getBuffer().setLength(0);
            assertThat(cli().execute("run", "--env", "staging", "--json")).as(err.toString()).isZero();
            assertThat(err.toString()).doesNotContain("not recorded", "read-only");
            JsonNode run = new ObjectMapper().readTree(out.toString());
            assertThat(run.at("/snapshot/journalId").asLong()).isEqualTo(2);
            assertThat(app.reader().count()).as("the window sees the CLI's snapshot").isEqualTo(2);
            assertThat(app.check().ok()).isTrue();
        }
    }

    @Test
    void aDamagedSettingsFileSaysSoInOneLineAndTheSnapshotIsStillRecorded() throws Exception {
        Path settings = folder.resolve("settings.json");
        java.nio.file.Files.writeString(settings, "{\"operator.displayName\": ");
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);

        assertThat(cli().execute("run", "--env", "staging", "--json")).as(err.toString()).isZero();

        assertThat(err.toString().lines().filter(line -> line.contains("settings")).toList()).containsExactly(
                "control-room: warning: Settings file " + settings + " is damaged, so defaults are used; fix or delete it.");
        assertThat(err.toString()).doesNotContain("Unexpected end-of-input", "line: 1");
        JsonNode run = new ObjectMapper().readTree(out.toString());
        assertThat(run.at("/snapshot/journalId").asLong()).as("recorded, by the OS login").isEqualTo(2);
    }

    private CommandLine cli() {
        CommandLine cli = ControlRoomCli.create(home, () -> { }, credentials, new ByteArrayInputStream(new byte[0]));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli;
    }
}
