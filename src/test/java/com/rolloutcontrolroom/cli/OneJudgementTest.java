package com.rolloutcontrolroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rolloutcontrolroom.domain.environment.DatabaseTarget;
import com.rolloutcontrolroom.domain.gate.Verdict;
import com.rolloutcontrolroom.domain.journal.EntryKind;
import com.rolloutcontrolroom.domain.journal.SnapshotTaken;
import com.rolloutcontrolroom.domain.journal.SnapshotVerdict;
import com.rolloutcontrolroom.domain.journal.StoredEntry;
import com.rolloutcontrolroom.domain.query.QueryFileParser;
import com.rolloutcontrolroom.services.credentials.SessionCredentialStore;
import com.rolloutcontrolroom.services.db.ConnectedDatabase;
import com.rolloutcontrolroom.services.db.Database;
import com.rolloutcontrolroom.services.db.EnvironmentDatabases;
import com.rolloutcontrolroom.services.db.ReadOnlyQuery;
import com.rolloutcontrolroom.services.demo.DemoOptions;
import com.rolloutcontrolroom.services.demo.DemoScenario;
import com.rolloutcontrolroom.services.demo.DemoSeeder;
import com.rolloutcontrolroom.services.health.HealthCheckService;
import com.rolloutcontrolroom.services.home.AppHome;
import com.rolloutcontrolroom.services.journal.JournalAccess;
import com.rolloutcontrolroom.services.journal.JournalQuery;
import com.rolloutcontrolroom.services.journal.KeychainJournalKeys;
import com.rolloutcontrolroom.services.query.QueryRunner;
import com.rolloutcontrolroom.services.query.QuerySetLoader;
import com.rolloutcontrolroom.services.query.RunVerdicts;
import com.rolloutcontrolroom.services.query.WindowMetricsReader;
import com.rolloutcontrolroom.testsupport.EmbeddedPostgresExtension;
import com.rolloutcontrolroom.testsupport.TestRollouts;
import com.rolloutcontrolroom.ui.common.CurrentThreadTaskExecutor;
import com.rolloutcontrolroom.domain.gate.CheckpointJudge;
import com.rolloutcontrolroom.domain.gate.CheckpointJudgement;
import com.rolloutcontrolroom.domain.metrics.MetricWindow;
import com.rolloutcontrolroom.services.query.WindowMetrics;
import com.rolloutcontrolroom.testsupport.ScriptedDialogs;

import picocli.CommandLine;

/**
 * Issue 9, "one judgement": over the same demo data and the same 6-hour window, the Dashboard's strip,
 * {@code run --json}, {@code run}'s exit code and the journaled snapshot say the same verdict for the
 * same reasons, and the snapshot's verdicts recompute from the snapshot alone. The run goes through the
 * CLI's entry point against a real PostgreSQL seeded by the demo's own seeder; the Dashboard's clock is
 * fixed at the run's start, so both read [start - 6 h, start).
 */
class OneJudgementTest {

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
        TestRollouts.create(home, credentials, TestRollouts.ROLLOUT);
        assertThat(cli().execute("env", "add", "staging", "--url",
                "postgresql://postgres@localhost:" + postgres.port() + "/" + postgres.databaseName())).isZero();
    }

    @Test
    void theDegradedDemoFailsEverywhereForItsCircuitTripsAndRunExitsOne() throws Exception {
        seed(DemoScenario.DEGRADED);
        Judged run = runAndJudgeOnTheDashboard(1);

        assertThat(run.json().path("verdict").asText()).isEqualTo("FAIL");
        assertThat(run.dashboardVerdict()).isEqualTo(Verdict.FAIL);
        assertThat(run.dashboardReasons()).anyMatch(reason -> reason.matches(
                "\\d+ coordinator\\.circuit_open events: upstream service issues; the runbook says roll back\\."));
        assertThat(run.json().at("/metrics/coordinator_alarms/circuit_opens").asLong()).isPositive();
        assertThat(err.toString()).contains("control-room: the verdict on staging is FAIL: " + run.dashboardReasons().get(0));
        assertThat(run.snapshot().verdicts()).anySatisfy(v -> {
            assertThat(v.subject()).isEqualTo("coordinator alarms");
            assertThat(v.outcome()).isEqualTo("FAIL");
        });
    }

    @Test
    void theHealthyDemoSaysTheSameOnTheDashboardAndInTheSnapshotAndRunExitsZero() throws Exception {
        seed(DemoScenario.HEALTHY);
        Judged run = runAndJudgeOnTheDashboard(0);

        // one coordinator.error in six hours is a WARN (the runbook: roll back if they continue), and WARN exits 0
        assertThat(run.dashboardVerdict()).isIn(Verdict.PASS, Verdict.WARN);
        assertThat(run.dashboardReasons()).anyMatch(reason -> reason.startsWith("Success rate ") && reason.endsWith("is at least 97 %."));
        assertThat(run.json().at("/metrics/coordinator_alarms/circuit_opens").asLong()).isZero();
        long errors = run.json().at("/metrics/coordinator_alarms/errors").asLong();
        assertThat(run.dashboardVerdict()).isEqualTo(errors > 0 ? Verdict.WARN : Verdict.PASS);
    }

    private void seed(DemoScenario scenario) throws Exception {
        new DemoSeeder(postgres.dataSource(), Clock.systemUTC()).seed(DemoOptions.defaults().withScenario(scenario).withReset(true));
    }

    /** Runs {@code run --json}, then the Dashboard at the run's start over the same data, and checks they agree with the snapshot. */
    private Judged runAndJudgeOnTheDashboard(int expectedExit) throws Exception {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        assertThat(cli().execute("run", "--env", "staging", "--suite", "quick", "--json")).as(err.toString()).isEqualTo(expectedExit);
        JsonNode json = new ObjectMapper().readTree(out.toString());
        Instant startedAt = Instant.parse(json.path("startedAt").asText());

        Database database = new ConnectedDatabase(postgres.dataSource(),
                new DatabaseTarget("staging", "localhost", postgres.port(), postgres.databaseName(), "postgres"));
        // what the Dashboard's strip judged before the cutover dashboard: the runbook's judge over the metric queries' window
        Clock atTheRun = Clock.fixed(startedAt, ZoneOffset.UTC);
        WindowMetrics window = new WindowMetricsReader(new QueryRunner(Duration.ofSeconds(10), atTheRun),
                () -> QuerySetLoader.builtIn(new QueryFileParser())).read(database, startedAt.minus(MetricWindow.RUNBOOK), startedAt);
        CheckpointJudgement judgement = CheckpointJudge.runbook().judge(window.evidence());
        Verdict verdict = judgement.verdict();
        List<String> reasons = judgement.reasons();

        JsonNode overall = json.path("verdicts").get(0);
        assertThat(overall.path("subject").asText()).isEqualTo("overall");
        assertThat(overall.path("verdict").asText()).as("run --json and the Dashboard").isEqualTo(verdict.name());
        assertThat(json.path("verdict").asText()).isEqualTo(verdict.name());
        List<String> jsonReasons = new ArrayList<>();
        overall.path("reasons").forEach(reason -> jsonReasons.add(reason.asText()));
        assertThat(jsonReasons).as("the same reasons, in the same order").isEqualTo(reasons);

        SnapshotTaken snapshot;
        try (JournalAccess journal = new JournalAccess(home, new KeychainJournalKeys(credentials))) {
            List<StoredEntry> snapshots = journal.reader().entries(JournalQuery.ofKinds(EntryKind.SNAPSHOT));
            snapshot = (SnapshotTaken) snapshots.get(snapshots.size() - 1).entry();
        }
        assertThat(snapshot.verdicts().get(0)).as("the snapshot and the Dashboard")
                .isEqualTo(new SnapshotVerdict("overall", verdict.name(), reasons));
        assertThat(RunVerdicts.verdicts(RunVerdicts.recompute(snapshot))).as("recomputed from the snapshot alone")
                .isEqualTo(snapshot.verdicts());
        return new Judged(json, verdict, reasons, snapshot);
    }

    private CommandLine cli() {
        CommandLine cli = ControlRoomCli.create(home, () -> { }, credentials, new ByteArrayInputStream(new byte[0]));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli;
    }

    private record Judged(JsonNode json, Verdict dashboardVerdict, List<String> dashboardReasons, SnapshotTaken snapshot) {
    }
}
