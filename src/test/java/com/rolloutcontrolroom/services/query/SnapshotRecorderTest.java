package com.rolloutcontrolroom.services.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rolloutcontrolroom.services.db.ConnectedDatabase;
import com.rolloutcontrolroom.domain.environment.DatabaseTarget;
import com.rolloutcontrolroom.domain.journal.EntryKind;
import com.rolloutcontrolroom.domain.journal.QueryResult;
import com.rolloutcontrolroom.domain.journal.SnapshotTaken;
import com.rolloutcontrolroom.domain.journal.SnapshotVerdict;
import com.rolloutcontrolroom.domain.journal.StoredEntry;
import com.rolloutcontrolroom.domain.query.QueryFileParser;
import com.rolloutcontrolroom.domain.query.QuerySuite;
import com.rolloutcontrolroom.services.db.Database;
import com.rolloutcontrolroom.services.home.AppHome;
import com.rolloutcontrolroom.services.journal.JournalAccess;
import com.rolloutcontrolroom.services.journal.KeychainJournalKeys;
import com.rolloutcontrolroom.services.credentials.SessionCredentialStore;
import com.rolloutcontrolroom.services.journal.JournalQuery;
import com.rolloutcontrolroom.services.operator.OperatorIdentity;
import com.rolloutcontrolroom.testsupport.EmbeddedPostgresExtension;
import com.rolloutcontrolroom.testsupport.ObservabilityFixture;

/** A run becomes a journal snapshot with its exact SQL, parameters, rows and metrics; and exports. */
class SnapshotRecorderTest {

    @RegisterExtension
    static final EmbeddedPostgresExtension postgres = new EmbeddedPostgresExtension();

    @TempDir
    Path home;

    private SuiteRun runQuickSuite() throws Exception {
        new ObservabilityFixture(postgres.dataSource()).coordinator("coordinator.start", null, 5)
                .coordinator("coordinator.confirmed", null, 4).coordinator("coordinator.retry", "lock_contended", 3);
        DataSource dataSource = postgres.dataSource();
        Database database = new ConnectedDatabase(dataSource, new DatabaseTarget("staging", "localhost", postgres.port(), postgres.databaseName(), "postgres"));
        SuiteRunner runner = new SuiteRunner(new QueryRunner(Duration.ofSeconds(5), Clock.systemUTC()), Clock.systemUTC());
        return runner.run(database, QuerySetLoader.builtIn(new QueryFileParser()), QuerySuite.QUICK, new RunCancellation(), o -> { });
    }

    @Test
    void aSnapshotIsNeverStampedEarlierThanTheKeyEnrollmentItsJournalOpeningAppends() throws Exception {
        SuiteRun run = runQuickSuite();
        AppHome appHome = new AppHome(home);
        try (JournalAccess journal = new JournalAccess(appHome,
                new KeychainJournalKeys(new SessionCredentialStore("In-memory keychain for this test.")))) {
            new SnapshotRecorder(journal::writer, OperatorIdentity.forCurrentUser(appHome), new SnapshotJson(), Clock.systemUTC())
                    .record(run, "FEATURE_ASSIGNMENT_PIPELINE_V3", null);

            List<StoredEntry> records = journal.reader().entries(JournalQuery.all());
            assertThat(records).extracting(stored -> stored.entry().kind()).containsExactly(EntryKind.SIGNING_KEY, EntryKind.SNAPSHOT);
            assertThat(records.get(1).entry().recordedAt()).as("the snapshot comes after the enrollment, in time too")
                    .isAfterOrEqualTo(records.get(0).entry().recordedAt());
        }
    }

    @Test
    void theJournalKeepsTheExactSqlParametersRowsAndMetrics() throws Exception {
        SuiteRun run = runQuickSuite();
        AppHome appHome = new AppHome(home);
        try (JournalAccess journal = new JournalAccess(appHome)) {
            StoredEntry stored = new SnapshotRecorder(journal::writer, OperatorIdentity.forCurrentUser(appHome), new SnapshotJson(),
                    Clock.systemUTC()).record(run, "FEATURE_ASSIGNMENT_PIPELINE_V3", "T+1h");

            List<StoredEntry> snapshots = journal.reader().entries(JournalQuery.ofKinds(EntryKind.SNAPSHOT));
            assertThat(snapshots).extracting(StoredEntry::id).containsExactly(stored.id());
            SnapshotTaken snapshot = (SnapshotTaken) snapshots.get(0).entry();
            assertThat(snapshot.environment()).isEqualTo("staging");
            assertThat(snapshot.checkpoint()).isEqualTo("T+1h");
            assertThat(snapshot.querySet()).isEqualTo("quick");
            assertThat(snapshot.queries()).extracting(QueryResult::name)
                    .containsExactly("quick_health_check", "metric_success_rate", "metric_manual_review_rate", "metric_coordinator_alarms",
                            "metric_legacy_activity");
            QueryResult quick = snapshot.queries().get(0);
            assertThat(quick.sql()).isEqualTo(run.outcomes().get(0).query().sql()).contains("INTERVAL '6 hours'");
            JsonNode rows = new ObjectMapper().readTree(quick.rowsJson()).get("rows");
            assertThat(rows.toString()).isEqualTo(
                    "[[\"coordinator.confirmed\",1,\"100.00\"],[\"coordinator.retry\",1,\"0.00\"],[\"coordinator.start\",1,\"100.00\"]]");
            assertThat(snapshot.queries().get(1).parameters()).containsOnlyKeys("since", "until");
            assertThat(snapshot.metrics()).containsEntry("success_rate.matching", new java.math.BigDecimal("2"))
                    .containsEntry("success_rate.total", new java.math.BigDecimal("3"))
                    .containsEntry("success_rate.percent", new java.math.BigDecimal("66.67"))
                    .containsEntry("manual_review_rate.total", new java.math.BigDecimal("1"))
                    .containsEntry("legacy_activity.events", java.math.BigDecimal.ZERO);
            // judged outside any rollout: the snapshot says so, with the runbook's bands it was judged by
            assertThat(snapshot.metrics()).containsEntry("context.shadow", java.math.BigDecimal.ZERO)
                    .containsEntry("threshold.success_pass", new java.math.BigDecimal("97"))
                    .containsEntry("threshold.success_fail", new java.math.BigDecimal("90"))
                    .containsEntry("threshold.review_pass", java.math.BigDecimal.ONE)
                    .containsEntry("threshold.review_fail", new java.math.BigDecimal("5"))
                    .containsEntry("threshold.minimum_events", new java.math.BigDecimal("20"))
                    .doesNotContainKey("context.previous_errors");
            // three events are too few to judge either rate: the snapshot says so rather than pass or fail them
            assertThat(snapshot.verdicts()).containsExactly(
                    new SnapshotVerdict("overall", "NO_DATA", List.of("Success rate not judged: 3 coordinator events, fewer than 20.",
                            "Manual-review rate not judged: 1 started bookings, fewer than 20.",
                            "No coordinator.error and no coordinator.circuit_open events.")),
                    new SnapshotVerdict("success rate", "NO_DATA", List.of("Success rate not judged: 3 coordinator events, fewer than 20.")),
                    new SnapshotVerdict("manual-review rate", "NO_DATA", List.of("Manual-review rate not judged: 1 started bookings, fewer than 20.")),
                    new SnapshotVerdict("coordinator alarms", "PASS", List.of("No coordinator.error and no coordinator.circuit_open events.")));
            assertThat(journal.verifier().verify().isIntact()).isTrue();
        }
    }

    /** Issue 9: the degraded demo's circuit trips were on the Dashboard but nowhere in the snapshot. */
    @Test
    void theSnapshotRecordsTheRedFlagsAndItsVerdictsRecomputeFromItAlone() throws Exception {
        ObservabilityFixture fixture = new ObservabilityFixture(postgres.dataSource());
        for (int i = 0; i < 30; i++) {
            fixture.coordinator("coordinator.start", null, 5 + i).coordinator("coordinator.confirmed", null, 5 + i);
        }
        fixture.coordinator("coordinator.error", "capacity_rpc_failed", 20).coordinator("coordinator.error", "capacity_rpc_failed", 40)
                .coordinator("coordinator.circuit_open", "upstream", 50)
                .coordinator("coordinator.circuit_open", "upstream", 7 * 60); // outside the 6-hour window: not counted
        Database database = new ConnectedDatabase(postgres.dataSource(),
                new DatabaseTarget("staging", "localhost", postgres.port(), postgres.databaseName(), "postgres"));
        SuiteRun run = new SuiteRunner(new QueryRunner(Duration.ofSeconds(5), Clock.systemUTC()), Clock.systemUTC())
                .run(database, QuerySetLoader.builtIn(new QueryFileParser()), QuerySuite.QUICK, new RunCancellation(), o -> { });
        AppHome appHome = new AppHome(home);
        try (JournalAccess journal = new JournalAccess(appHome)) {
            StoredEntry stored = new SnapshotRecorder(journal::writer, OperatorIdentity.forCurrentUser(appHome), new SnapshotJson(),
                    Clock.systemUTC()).record(run, "FEATURE_ASSIGNMENT_PIPELINE_V3", null);
            SnapshotTaken snapshot = (SnapshotTaken) journal.reader().entry(stored.id()).orElseThrow().entry();

            assertThat(snapshot.metrics()).containsEntry("coordinator_alarms.errors", new java.math.BigDecimal("2"))
                    .containsEntry("coordinator_alarms.circuit_opens", new java.math.BigDecimal("1"));
            assertThat(snapshot.verdicts().get(0)).isEqualTo(new SnapshotVerdict("overall", "FAIL", List.of(
                    "1 coordinator.circuit_open event: upstream service issues; the runbook says roll back.",
                    "Success rate 95.24 % of 63 coordinator events (95 % CI 86.91–98.37 %) is below 97 % (warning band 90–97 %: investigate).",
                    "2 coordinator.error events: if they continue, the runbook says roll back immediately.",
                    "Manual-review rate 0.00 % of 30 started bookings (95 % CI 0.00–11.35 %) is below 1 %.")));
            assertThat(snapshot.verdicts()).contains(new SnapshotVerdict("coordinator alarms", "FAIL", List.of(
                    "1 coordinator.circuit_open event: upstream service issues; the runbook says roll back.",
                    "2 coordinator.error events: if they continue, the runbook says roll back immediately.")));
            // the record alone (as an auditor reads it back) gives the same verdicts, word for word
            assertThat(RunVerdicts.verdicts(RunVerdicts.recompute(snapshot))).isEqualTo(snapshot.verdicts());
        }
    }

    @Test
    void aRunThatReachedNothingRecomputesToTheSameErrorVerdicts() throws Exception {
        SuiteRunner runner = new SuiteRunner(new QueryRunner(Duration.ofSeconds(5), Clock.systemUTC()), Clock.systemUTC());
        SuiteRun run = runner.unreachable("staging", QuerySetLoader.builtIn(new QueryFileParser()), QuerySuite.QUICK,
                "Nothing accepted a connection on db:5432 (connection refused); check the host and port.", FailureKind.CONNECTION);
        AppHome appHome = new AppHome(home);
        try (JournalAccess journal = new JournalAccess(appHome)) {
            StoredEntry stored = new SnapshotRecorder(journal::writer, OperatorIdentity.forCurrentUser(appHome), new SnapshotJson(),
                    Clock.systemUTC()).record(run, "FEATURE_ASSIGNMENT_PIPELINE_V3", null);
            SnapshotTaken snapshot = (SnapshotTaken) journal.reader().entry(stored.id()).orElseThrow().entry();
            assertThat(snapshot.verdicts()).first().extracting(SnapshotVerdict::outcome).isEqualTo("ERROR");
            assertThat(snapshot.verdicts()).extracting(SnapshotVerdict::subject)
                    .containsExactly("overall", "success rate", "manual-review rate", "coordinator alarms", "query set");
            assertThat(snapshot.metrics()).as("the legacy count was not measured: no number stands for it")
                    .doesNotContainKey("legacy_activity.events");
            assertThat(RunVerdicts.verdicts(RunVerdicts.recompute(snapshot))).isEqualTo(snapshot.verdicts());
        }
    }

    @Test
    void csvIsLongFormAndJsonCarriesSqlRowsAndMetrics() throws Exception {
        SuiteRun run = runQuickSuite();
        StringWriter csv = new StringWriter();
        new SnapshotCsv().write(run, csv);
        List<String> lines = csv.toString().lines().toList();
        assertThat(lines.get(0)).isEqualTo("environment,suite,started_at,query,status,error,row,column,value");
        assertThat(lines).contains("staging,quick," + run.startedAt() + ",quick_health_check,OK,,2,event_type,coordinator.retry")
                .contains("staging,quick," + run.startedAt() + ",metric_success_rate,OK,,1,total,3");
        assertThat(csv.toString()).contains("\r\n");

        JsonNode json = new ObjectMapper().readTree(new SnapshotJson().runJson(run));
        assertThat(json.get("environment").asText()).isEqualTo("staging");
        assertThat(json.at("/metrics/success_rate/percent").asText()).isEqualTo("66.67");
        assertThat(json.at("/metrics/success_rate/total").asLong()).isEqualTo(3);
        assertThat(json.at("/queries/0/sql").asText()).startsWith("SELECT event_type, count(*) AS total");
        assertThat(json.at("/queries/0/rows/1/0").asText()).isEqualTo("coordinator.retry");
    }
}
