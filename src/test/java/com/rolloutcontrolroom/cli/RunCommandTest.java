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
import com.rolloutcontrolroom.testsupport.TestRollouts;

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
        // record 1 enrolls the journal's signing key (the test's keychain is in memory and works), record 2 creates the rollout
        TestRollouts.create(home, credentials, TestRollouts.ROLLOUT);
    }

    @Test
    void jsonCarriesTheVerdictsWithTheirReasonsAndTheSnapshot() throws Exception {
        out.getBuffer().setLength(0);
        assertThat(cli().execute("run", "--env", "staging", "--json")).as(err.toString()).isZero();

        JsonNode run = new ObjectMapper().readTree(out.toString());
        assertThat(run.at("/metrics/success_rate/total").asLong()).isEqualTo(61);
        assertThat(run.at("/metrics/manual_review_rate/percent").asText()).isEqualTo("3.33");
        assertThat(run.at("/metrics/coordinator_alarms/errors").asLong()).isZero();
        assertThat(run.at("/metrics/coordinator_alarms/circuit_opens").asLong()).isZero();
        assertThat(run.get("verdict").asText()).isEqualTo("WARN");
        assertThat(run.get("verdicts").toString()).isEqualTo("[{\"subject\":\"overall\",\"verdict\":\"WARN\",\"reasons\":"
                + "[\"Manual-review rate 3.33 % of 30 started bookings (95 % CI 0.59–16.67 %) is in the warning band 1–5 %: higher than it should be.\","
                + "\"Success rate 98.36 % of 61 coordinator events (95 % CI 91.28–99.71 %) is at least 97 %.\","
                + "\"No coordinator.error and no coordinator.circuit_open events.\"]},"
                + "{\"subject\":\"success rate\",\"verdict\":\"PASS\",\"reasons\":"
                + "[\"Success rate 98.36 % of 61 coordinator events (95 % CI 91.28–99.71 %) is at least 97 %.\"]},"
                + "{\"subject\":\"manual-review rate\",\"verdict\":\"WARN\",\"reasons\":"
                + "[\"Manual-review rate 3.33 % of 30 started bookings (95 % CI 0.59–16.67 %) is in the warning band 1–5 %: higher than it should be.\"]},"
                + "{\"subject\":\"coordinator alarms\",\"verdict\":\"PASS\",\"reasons\":"
                + "[\"No coordinator.error and no coordinator.circuit_open events.\"]}]");
        assertThat(run.at("/snapshot/journalId").asLong()).isEqualTo(3);
    }

    @Test
    void textSaysTheVerdictThenEachReasonWithItsOwnVerdictMostSeriousFirst() {
        out.getBuffer().setLength(0);
        assertThat(cli().execute("run", "--env", "staging")).as("a WARN exits 0: " + err).isZero();
        assertThat(out.toString()).contains("""
                  Coordinator alarms:        0 coordinator.error, 0 coordinator.circuit_open (last 6 h)
                  Verdict:                   WARN
                    WARN    Manual-review rate 3.33 % of 30 started bookings (95 % CI 0.59–16.67 %) is in the warning band 1–5 %: higher than it should be.
                    PASS    Success rate 98.36 % of 61 coordinator events (95 % CI 91.28–99.71 %) is at least 97 %.
                    PASS    No coordinator.error and no coordinator.circuit_open events.
                """);
        assertThat(sentences()).isEmpty();
    }

    /** Issue 9: {@code run} exited 0 on a FAIL, so {@code run && promote} would have promoted. */
    @Test
    void aFailVerdictExitsOneWithTheReasonOnStderrAndTheSnapshotStillRecorded() throws Exception {
        // a new fixture starts afresh: 30 healthy bookings, then one circuit trip
        ObservabilityFixture fixture = new ObservabilityFixture(postgres.dataSource());
        for (int i = 0; i < 30; i++) {
            fixture.coordinator("coordinator.start", null, 5 + i).coordinator("coordinator.confirmed", null, 5 + i);
        }
        fixture.coordinator("coordinator.circuit_open", "upstream", 3);
        out.getBuffer().setLength(0);

        assertThat(cli().execute("run", "--env", "staging", "--json")).isEqualTo(1);
        JsonNode run = new ObjectMapper().readTree(out.toString());
        assertThat(run.get("verdict").asText()).isEqualTo("FAIL");
        assertThat(run.at("/snapshot/journalId").asLong()).as("recorded all the same").isPositive();
        assertThat(sentences()).containsExactly("control-room: the verdict on staging is FAIL: "
                + "1 coordinator.circuit_open event: upstream service issues; the runbook says roll back.");

        // the old exit code, for scripts that read the verdict from --json themselves
        err.getBuffer().setLength(0);
        assertThat(cli().execute("run", "--env", "staging", "--no-verdict-exit")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("  Verdict:                   FAIL");
        assertThat(sentences()).isEmpty();
    }

    @Test
    void tooFewEventsIsNoDataAndExitsZero() throws Exception {
        new ObservabilityFixture(postgres.dataSource()).coordinator("coordinator.start", null, 3);
        out.getBuffer().setLength(0);
        assertThat(cli().execute("run", "--env", "staging", "--json")).as(err.toString()).isZero();
        assertThat(new ObjectMapper().readTree(out.toString()).get("verdict").asText()).isEqualTo("NO_DATA");
    }

    /** What stderr said beyond the role warning (the test server's role is a superuser). */
    private java.util.List<String> sentences() {
        return err.toString().lines().filter(line -> !line.startsWith("control-room: warning: ")).toList();
    }

    @Test
    void aRunWhileTheDesktopAppHasTheJournalOpenIsRecorded() throws Exception {
        try (JournalAccess app = new JournalAccess(home, new KeychainJournalKeys(credentials))) {
            app.writer(); // the window opened the journal first
            out.getBuffer().setLength(0);
            assertThat(cli().execute("run", "--env", "staging", "--json")).as(err.toString()).isZero();
            assertThat(err.toString()).doesNotContain("not recorded", "read-only");
            JsonNode run = new ObjectMapper().readTree(out.toString());
            assertThat(run.at("/snapshot/journalId").asLong()).isEqualTo(3);
            assertThat(app.reader().count()).as("the window sees the CLI's snapshot").isEqualTo(3);
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
        assertThat(run.at("/snapshot/journalId").asLong()).as("recorded, by the OS login").isEqualTo(3);
    }

    private CommandLine cli() {
        CommandLine cli = ControlRoomCli.create(home, () -> { }, credentials, new ByteArrayInputStream(new byte[0]));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli;
    }
}
