package com.rolloutcontrolroom.services.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

import javax.imageio.ImageIO;

import com.rolloutcontrolroom.domain.environment.DatabaseTarget;
import com.rolloutcontrolroom.domain.journal.ChainHead;
import com.rolloutcontrolroom.domain.journal.JournalEntry;
import com.rolloutcontrolroom.domain.journal.SignedOff;
import com.rolloutcontrolroom.domain.journal.TestOutcome;
import com.rolloutcontrolroom.domain.journal.TestOutcomeRecorded;
import com.rolloutcontrolroom.domain.journal.StoredEntry;
import com.rolloutcontrolroom.domain.operator.Operator;
import com.rolloutcontrolroom.services.demo.DemoSchema;
import com.rolloutcontrolroom.services.home.AppHome;
import com.rolloutcontrolroom.services.journal.JournalAccess;
import com.rolloutcontrolroom.services.journal.JournalQuery;
import com.rolloutcontrolroom.services.operator.OperatorIdentity;
import com.rolloutcontrolroom.services.simulation.RolloutSimulation;
import com.rolloutcontrolroom.services.simulation.SimulationReport;
import com.rolloutcontrolroom.services.simulation.SimulationScenario;
import com.rolloutcontrolroom.testsupport.EmbeddedPostgresExtension;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The verification report of the simulated five-day rollout, healthy and degraded, against a real PostgreSQL. */
class VerificationReportSimulationTest {

    /** Set to a folder to keep the healthy report there (for a note); unset, nothing is written outside the temp folder. */
    private static final String SAMPLE_PROPERTY = "report.sampleDir";

    @RegisterExtension
    static final EmbeddedPostgresExtension postgres = new EmbeddedPostgresExtension();

    private static final Instant START = Instant.parse("2026-03-02T08:00:00Z");
    private static final Operator RELEASE_DESK = new Operator("release", "Release Desk");

    @TempDir
    Path folder;

    private final VerificationReportWriter writer = new VerificationReportWriter();

    @BeforeEach
    void emptyEvents() throws Exception {
        try (Connection connection = postgres.dataSource().getConnection(); Statement statement = connection.createStatement()) {
            DemoSchema.ensure(connection);
            statement.execute("TRUNCATE observability_events");
        }
    }

    @Test
    void theHealthyRolloutReadsLikeSeed000WithRealValues() throws Exception {
        simulate(SimulationScenario.HEALTHY);
        // the approvers sign once the rollout sits in Legacy cleanup; one of them also deployed, one signs two roles
        Instant signing = Instant.parse("2026-03-12T09:00:00Z");
        append(new TestOutcomeRecorded(signing.minusSeconds(600), RELEASE_DESK, null, RolloutSimulation.ROLLOUT,
                "./mvnw test -Dtest=CoordinatorTelemetryTest", TestOutcome.PASSED, "Tests run: 4, Failures: 0", signing.minusSeconds(900)));
        append(new TestOutcomeRecorded(signing.minusSeconds(540), RELEASE_DESK, null, RolloutSimulation.ROLLOUT,
                "pnpm test:ops", TestOutcome.FAILED, "4 suites failed (pre-existing: booking-side-effects, holds.strict-conflict,"
                + " selector.scoring, manualAssignmentRoutes)", signing.minusSeconds(840)));
        signOff("Engineering", "Ana Ruiz", signing);
        signOff("QA", "Bo Chen", signing.plusSeconds(60));
        signOff("Design/PM", "Cy Diaz", signing.plusSeconds(120));
        signOff("Implementation Lead", "ana ruiz", signing.plusSeconds(180));
        signOff("Operations Lead", "Simulated Release Manager", signing.plusSeconds(240));
        List<StoredEntry> records = records();
        ReportFiles report = writer.write(records, RolloutSimulation.ROLLOUT);
        String md = report.markdown();
        keepSample(report, "healthy");

        ReportAssertions.hasSeedStructure(md);
        ReportAssertions.hasNoPlaceholderCells(md);
        assertThat(md).contains("# Verification Report: FEATURE_ASSIGNMENT_PIPELINE_V3")
                .contains("task: \"FEATURE_ASSIGNMENT_PIPELINE_V3\"")
                .contains("rollout_started: 2026-03-02T08:00:00Z")
                .contains("reviewers: [\"Ana Ruiz\", \"Bo Chen\", \"Cy Diaz\", \"Simulated Release Manager\"]")
                .contains("**Current Phase**: 🔄 Legacy cleanup");
        // the timeline: staging full ran its 48 h from the marker the release manager set after 30 min of shadow
        assertThat(md).containsPattern("\\| \\*\\*Staging full\\*\\* +\\| ✅ Complete +\\| 2026-03-02 08:30 UTC +\\| 2026-03-04 08:30 UTC +\\| 48 h +\\|"
                + " Deployed by simulated release manager \\(marker #\\d+\\)");
        // a checkpoint row with who captured it, when, on time, its verdict and measured rates
        assertThat(md).containsPattern("\\| T\\+48h +\\| Final verification +\\| 2026-03-0\\d \\d\\d:\\d\\d UTC +\\| [^|]+ \\| 2026-03-0\\d \\d\\d:\\d\\d UTC"
                + " +\\| ✅ Taken on time +\\| ✅ PASS +\\| \\d\\d\\.\\d\\d % of [\\d,]+ coordinator events +\\| \\d+\\.\\d\\d % of [\\d,]+ started bookings");
        assertThat(md).contains("Success rate ≥97% sustained for 48 hours").containsPattern("✅ Yes \\(PASS at \\d");
        // the baseline the simulated release manager took before the first deployment, as in seed 000
        assertThat(md).contains("query `baseline_top_events`)").contains("**Time range**: 2026-03-01 08:00 UTC to 2026-03-02 08:00 UTC (24 h)")
                .containsPattern("\\| `capacity.rpc` +\\| `capacity.rpc.conflict` +\\| [\\d,]+ +\\|");
        assertThat(md).contains("No rollbacks were recorded in the journal.").contains("No issues were recorded in the journal.");
        assertThat(md).contains("- [ ] Engineering Manager (Post-production success) — Date: not signed")
                .containsPattern("- \\[x\\] QA \\(Coordinator tests verified\\) — Bo Chen, Date: 2026-03-12 09:01 UTC; pins record #\\d+");
        assertThat(md).contains("Ana Ruiz (Engineering, record #").contains("also signed Implementation Lead")
                .contains("Simulated Release Manager (Operations Lead, record #").contains("also deployed in the rollout (records #");
        assertThat(md).contains("Success rate 98.97 % of 3,875 coordinator events");
        assertThat(md).contains("| `./mvnw test -Dtest=CoordinatorTelemetryTest` | ✅ passed | Tests run: 4, Failures: 0")
                .contains("- Test `pnpm test:ops` failed at its latest recorded run");
        assertThat(md).contains("```sql\nSELECT count(*) FILTER (WHERE context->>'reason' IS NULL) AS matching");
        assertThat(md).contains("# Production emergency rollback: back to Production shadow")
                .contains("printf '%s' false | vercel env add FEATURE_ASSIGNMENT_PIPELINE_V3 production --force --no-sensitive --yes");

        assertThat(report.html()).contains("<table>").contains("<th>Checkpoint</th>")
                .contains("<img src=\"charts/success-rate.png\"").contains("<img src=\"charts/manual-review-rate.png\"")
                .contains("<h2>Sign-Off</h2>").doesNotContain("<p>task:");
        assertThat(report.charts()).containsOnlyKeys(ReportCharts.SUCCESS_PATH, ReportCharts.REVIEW_PATH);
        for (byte[] png : report.charts().values()) {
            assertThat(ImageIO.read(new ByteArrayInputStream(png)).getWidth()).isEqualTo(ReportCharts.WIDTH);
        }
        // the same journal, the same bytes
        assertThat(writer.write(List.copyOf(records), RolloutSimulation.ROLLOUT)).isEqualTo(report);
    }

    @Test
    void theDegradedRolloutLogsItsRollbackAndTheFailingCheckpoint() throws Exception {
        List<StoredEntry> records = simulate(SimulationScenario.DEGRADED);
        ReportFiles report = writer.write(records, RolloutSimulation.ROLLOUT);
        keepSample(report, "degraded");
        String md = report.markdown();

        ReportAssertions.hasSeedStructure(md);
        ReportAssertions.hasNoPlaceholderCells(md);
        assertThat(md).contains("**Current Phase**: 🔄 Production shadow");
        assertThat(md).containsPattern("\\| \\*\\*Production full\\*\\* +\\| ↩️ Rolled back +\\|");
        assertThat(md).containsPattern("\\| 2026-03-05 20:30 UTC +\\| simulation +\\| T\\+12h Full query suite was FAIL: [^|]+\\| Set the flags back to"
                + " Production shadow \\(simulated\\) +\\| Rolled back to Production shadow +\\|");
        assertThat(md).containsPattern("\\| T\\+12h +\\| Full query suite +\\|[^\\n]+\\| ❌ FAIL +\\|");
        assertThat(md).containsPattern("\\| T\\+6h +\\| Full query suite +\\|[^\\n]+\\| ⚠️ WARN +\\|");
        assertThat(md).contains("- [ ] Production full: rolled back at 2026-03-05 20:30 UTC");
    }

    private List<StoredEntry> simulate(SimulationScenario scenario) {
        AppHome home = new AppHome(folder);
        try (JournalAccess journal = new JournalAccess(home)) {
            SimulationReport report = new RolloutSimulation(postgres.dataSource(), new DatabaseTarget(RolloutSimulation.ENVIRONMENT,
                    "localhost", postgres.port(), postgres.databaseName(), "postgres"), journal,
                    OperatorIdentity.forCurrentUser(home), scenario, START).run();
            assertThat(report.outcome()).isNotEqualTo(SimulationReport.Outcome.STALLED);
            return journal.reader().entries(JournalQuery.all());
        }
    }

    private static void keepSample(ReportFiles report, String name) throws java.io.IOException {
        String sample = System.getProperty(SAMPLE_PROPERTY);
        if (sample == null || sample.isBlank()) {
            return;
        }
        Path into = Files.createDirectories(Path.of(sample, name));
        Files.writeString(into.resolve(ReportFiles.MARKDOWN_NAME), report.markdown(), StandardCharsets.UTF_8);
        Files.writeString(into.resolve(ReportFiles.HTML_NAME), report.html(), StandardCharsets.UTF_8);
        for (String chart : report.charts().keySet()) {
            Files.createDirectories(into.resolve(chart).getParent());
            Files.write(into.resolve(chart), report.chart(chart));
        }
    }

    private List<StoredEntry> records() {
        try (JournalAccess journal = new JournalAccess(new AppHome(folder))) {
            return journal.reader().entries(JournalQuery.all());
        }
    }

    /** A sign-off pinning the journal's head at the moment of signing, as the sign-off command does. */
    private void signOff(String role, String name, Instant at) {
        try (JournalAccess journal = new JournalAccess(new AppHome(folder))) {
            ChainHead head = journal.reader().head();
            journal.writer().append(new SignedOff(at, RELEASE_DESK, null, RolloutSimulation.ROLLOUT, role, name, at, null, head.hash()));
        }
    }

    private void append(JournalEntry entry) {
        try (JournalAccess journal = new JournalAccess(new AppHome(folder))) {
            journal.writer().append(entry);
        }
    }
}
