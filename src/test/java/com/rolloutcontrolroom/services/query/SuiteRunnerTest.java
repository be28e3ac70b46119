package com.rolloutcontrolroom.services.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.rolloutcontrolroom.services.db.ConnectedDatabase;
import com.rolloutcontrolroom.domain.environment.DatabaseTarget;
import com.rolloutcontrolroom.domain.metrics.AlarmCounts;
import com.rolloutcontrolroom.domain.metrics.LegacyActivity;
import com.rolloutcontrolroom.domain.metrics.MetricKind;
import com.rolloutcontrolroom.domain.metrics.Rate;
import com.rolloutcontrolroom.domain.query.QueryFileParser;
import com.rolloutcontrolroom.domain.query.QuerySet;
import com.rolloutcontrolroom.domain.query.QuerySuite;
import com.rolloutcontrolroom.services.db.Database;
import com.rolloutcontrolroom.testsupport.EmbeddedPostgresExtension;
import com.rolloutcontrolroom.testsupport.ObservabilityFixture;
import com.rolloutcontrolroom.testsupport.ObservabilityFixture.Event;

/**
 * The suite and its metrics on a real PostgreSQL, against answers the test computes itself from
 * the events it inserted.
 */
class SuiteRunnerTest {

    @RegisterExtension
    static final EmbeddedPostgresExtension postgres = new EmbeddedPostgresExtension();

    @TempDir
    Path userQueries;

    private ObservabilityFixture fixture;
    private Database database;
    private QuerySet querySet;
    private final SuiteRunner runner = new SuiteRunner(new QueryRunner(Duration.ofSeconds(5), Clock.systemUTC()), Clock.systemUTC());

    @BeforeEach
    void setUp() throws Exception {
        fixture = new ObservabilityFixture(postgres.dataSource());
        DataSource dataSource = postgres.dataSource();
        database = new ConnectedDatabase(dataSource, new DatabaseTarget("test", "localhost", postgres.port(), postgres.databaseName(), "postgres"));
        querySet = new QuerySetLoader(new QueryFileParser(), userQueries).load().querySet();
    }

    private SuiteRun runFull() {
        return runner.run(database, querySet, QuerySuite.FULL, new RunCancellation(), outcome -> { });
    }

    @Test
    void ratesOverRandomTrafficMatchTheTestsOwnCount() throws Exception {
        Random random = new Random(42);
        String[] types = {"coordinator.start", "coordinator.confirmed", "coordinator.retry", "coordinator.manual_review",
                "coordinator.error", "coordinator.lock_contention", "coordinator.circuit_open"};
        for (int i = 0; i < 400; i++) {
            String type = types[random.nextInt(types.length)];
            boolean success = type.equals("coordinator.start") || type.equals("coordinator.confirmed");
            // 1..299 min: inside the 6 h window; 420..600: outside it
            int minutesAgo = random.nextInt(4) == 0 ? 420 + random.nextInt(180) : 1 + random.nextInt(299);
            fixture.coordinator(type, success ? null : "reason_" + random.nextInt(3), minutesAgo);
        }
        fixture.add(new Event("capacity.rpc", "capacity.rpc.conflict", "conflict", 10)); // not a coordinator event

        SuiteRun run = runFull();

        List<Event> inWindow = fixture.events().stream()
                .filter(e -> e.source().equals("assignment.coordinator") && e.minutesAgo() < 360).toList();
        long successes = inWindow.stream().filter(e -> e.reason() == null).count();
        long starts = inWindow.stream().filter(e -> e.eventType().equals("coordinator.start")).count();
        long reviews = inWindow.stream().filter(e -> e.eventType().equals("coordinator.manual_review")).count();
        assertThat(run.metrics().get(MetricKind.SUCCESS_RATE)).isEqualTo(new Rate(successes, inWindow.size()));
        assertThat(run.metrics().get(MetricKind.MANUAL_REVIEW_RATE)).isEqualTo(new Rate(reviews, starts));
        assertThat(run.metrics().get(MetricKind.SUCCESS_RATE).percent()).contains(
                BigDecimal.valueOf(100 * successes).divide(BigDecimal.valueOf(inWindow.size()), 2, RoundingMode.HALF_UP));
        // the red flags are counted over the same window, by the alarm metric query
        assertThat(run.alarms()).isEqualTo(new AlarmCounts(
                inWindow.stream().filter(e -> e.eventType().equals("coordinator.error")).count(),
                inWindow.stream().filter(e -> e.eventType().equals("coordinator.circuit_open")).count()));
        assertThat(run.count(QueryStatus.OK)).isEqualTo(14);
        assertThat(run.count(QueryStatus.ERROR)).isZero();
    }

    @Test
    void anEmptyWindowHasNoRateRatherThanZeroOrHundredPercent() throws Exception {
        fixture.coordinator("coordinator.start", null, 600);
        SuiteRun run = runFull();
        Rate success = run.metrics().get(MetricKind.SUCCESS_RATE);
        assertThat(success).isEqualTo(new Rate(0, 0));
        assertThat(success.hasData()).isFalse();
        assertThat(success.percent()).isEmpty();
        assertThat(success.describe("coordinator events")).isEqualTo("no coordinator events");
        assertThat(run.metrics().get(MetricKind.MANUAL_REVIEW_RATE).percent()).isEmpty();
    }

    @Test
    void allFailuresIsZeroPercentOverTheirCount() throws Exception {
        fixture.coordinator("coordinator.error", "db_timeout", 5).coordinator("coordinator.retry", "lock", 6)
                .coordinator("coordinator.circuit_open", "upstream", 7);
        Rate success = runFull().metrics().get(MetricKind.SUCCESS_RATE);
        assertThat(success).isEqualTo(new Rate(0, 3));
        assertThat(success.describe("coordinator events")).isEqualTo("0.00 % of 3 coordinator events");
    }

    @Test
    void aSingleEventIsAHundredPercentOfOneAndSaysSo() throws Exception {
        fixture.coordinator("coordinator.start", null, 5);
        SuiteRun run = runFull();
        assertThat(run.metrics().get(MetricKind.SUCCESS_RATE).describe("coordinator events")).isEqualTo("100.00 % of 1 coordinator events");
        assertThat(run.metrics().get(MetricKind.MANUAL_REVIEW_RATE)).isEqualTo(new Rate(0, 1));
    }

    @Test
    void aReasonKeyThatIsPresentButEmptyCountsAsAReasonAsInTheRunbook() throws Exception {
        fixture.coordinator("coordinator.start", null, 5).coordinator("coordinator.confirmed", "", 5);
        assertThat(runFull().metrics().get(MetricKind.SUCCESS_RATE)).isEqualTo(new Rate(1, 2));
    }

    @Test
    void theShadowCheckReturnsNoRowsWithoutCoordinatorEventsInTheLastHour() throws Exception {
        fixture.add(new Event("auto_assign", "auto_assign.attempt", null, 10)).coordinator("coordinator.start", null, 90);
        SuiteRun run = runFull();
        QueryOutcome shadowCheck = run.outcomes().stream()
                .filter(o -> o.query().name().equals("coordinator_events_last_hour")).findFirst().orElseThrow();
        assertThat(shadowCheck.status()).isEqualTo(QueryStatus.OK);
        assertThat(shadowCheck.rows()).isEmpty();
        QueryOutcome legacy = run.outcomes().stream()
                .filter(o -> o.query().name().equals("legacy_auto_assign_activity")).findFirst().orElseThrow();
        assertThat(legacy.columns()).containsExactly("source", "event_type", "events", "last_seen");
        assertThat(legacy.rows()).hasSize(1);
        assertThat(legacy.rows().get(0).subList(0, 3)).containsExactly("auto_assign", "auto_assign.attempt", 1L);
    }

    /** Issue 11: a shadow phase expects legacy traffic; the count is of auto_assign.* events in the window, whatever their source. */
    @Test
    void theLegacyActivityIsEveryAutoAssignEventInTheWindow() throws Exception {
        fixture.add(new Event("auto_assign", "auto_assign.attempt", null, 10))
                .add(new Event("auto_assign", "auto_assign.assigned", null, 200))
                .add(new Event("bookings", "auto_assign.skipped", "no_capacity", 359))
                .add(new Event("auto_assign", "auto_assign.attempt", null, 7 * 60)) // outside the 6-hour window
                .add(new Event("auto_assign", "autoXassign.attempt", null, 10)) // '_' is a letter here, not LIKE's wildcard
                .add(new Event("auto_assign", "auto_assignment.attempt", null, 10)) // not auto_assign.*
                .coordinator("coordinator.start", null, 5);

        SuiteRun run = runFull();

        long expected = fixture.events().stream()
                .filter(e -> e.eventType().startsWith("auto_assign.") && e.minutesAgo() < 360).count();
        assertThat(expected).isEqualTo(3);
        assertThat(run.legacyEvents()).isEqualTo(expected);
        assertThat(run.evidence().legacyEvents()).isEqualTo(expected);
        assertThat(run.outcomes()).extracting(o -> o.query().name()).endsWith(LegacyActivity.QUERY);
    }

    @Test
    void aLegacyQueryThatReturnsTheWrongColumnsLeavesTheCountUnmeasured() throws Exception {
        java.nio.file.Files.writeString(userQueries.resolve("our-metrics.sql"), """
                -- name: metric_legacy_activity
                -- suite: metric
                -- description: renamed column
                -- param: since timestamptz = now - 6 hours
                -- param: until timestamptz = now
                SELECT count(*) AS n FROM observability_events WHERE created_at >= :since AND created_at < :until;
                """);
        QuerySetLoader.Loaded loaded = new QuerySetLoader(new QueryFileParser(), userQueries).load();
        SuiteRun run = runner.run(database, loaded.querySet(), QuerySuite.QUICK, new RunCancellation(), outcome -> { });
        assertThat(run.legacyEvents()).isNull();
    }

    @Test
    void aTeamCanRedefineHowTheManualReviewRateIsComputed() throws Exception {
        fixture.coordinator("coordinator.start", null, 5).coordinator("coordinator.start", null, 6)
                .coordinator("coordinator.confirmed", null, 5).coordinator("coordinator.manual_review", "no_capacity", 4);
        java.nio.file.Files.writeString(userQueries.resolve("our-metrics.sql"), """
                -- name: metric_manual_review_rate
                -- suite: metric
                -- description: manual reviews over confirmed bookings (our definition)
                -- param: since timestamptz = now - 6 hours
                -- param: until timestamptz = now
                SELECT count(*) FILTER (WHERE event_type = 'coordinator.manual_review') AS matching,
                       count(*) FILTER (WHERE event_type = 'coordinator.confirmed') AS total
                FROM observability_events WHERE created_at >= :since AND created_at < :until;
                """);
        QuerySetLoader.Loaded loaded = new QuerySetLoader(new QueryFileParser(), userQueries).load();
        assertThat(loaded.problems()).isEmpty();
        SuiteRun run = runner.run(database, loaded.querySet(), QuerySuite.QUICK, new RunCancellation(), outcome -> { });
        assertThat(run.metrics().get(MetricKind.MANUAL_REVIEW_RATE)).isEqualTo(new Rate(1, 1));
        assertThat(runFull().metrics().get(MetricKind.MANUAL_REVIEW_RATE)).as("built-in definition").isEqualTo(new Rate(1, 2));
    }
}
