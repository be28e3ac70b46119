package com.rolloutcontrolroom.services.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.rolloutcontrolroom.domain.environment.DatabaseTarget;
import com.rolloutcontrolroom.domain.metrics.AlarmCounts;
import com.rolloutcontrolroom.domain.metrics.MetricKind;
import com.rolloutcontrolroom.domain.metrics.Rate;
import com.rolloutcontrolroom.domain.query.AsOfSql;
import com.rolloutcontrolroom.domain.query.NamedParameterSql;
import com.rolloutcontrolroom.domain.query.QueryDefinition;
import com.rolloutcontrolroom.domain.query.QueryFileParser;
import com.rolloutcontrolroom.domain.query.QuerySet;
import com.rolloutcontrolroom.domain.query.QuerySuite;
import com.rolloutcontrolroom.services.db.ConnectedDatabase;
import com.rolloutcontrolroom.services.db.Database;
import com.rolloutcontrolroom.testsupport.EmbeddedPostgresExtension;
import com.rolloutcontrolroom.testsupport.ObservabilityFixture;

/**
 * A checkpoint taken 14 hours late (the laptop slept) measures the window that ended at its due
 * instant T: every runbook query and metric equals what this test's own SQL, with explicit
 * {@code [T - window, T)} bounds, returns, although events kept arriving after T.
 */
class AsOfRunTest {

    @RegisterExtension
    static final EmbeddedPostgresExtension postgres = new EmbeddedPostgresExtension();

    private static final String[] COORDINATOR_TYPES = {"coordinator.start", "coordinator.confirmed", "coordinator.retry",
            "coordinator.manual_review", "coordinator.error", "coordinator.lock_contention", "coordinator.circuit_open"};

    @TempDir
    Path userQueries;

    private Database database;
    /** The checkpoint's due instant: 14 hours ago, whole seconds like a planned offset. */
    private final Instant dueAt = Instant.now().minus(Duration.ofHours(14)).truncatedTo(ChronoUnit.SECONDS);
    private final SuiteRunner runner = new SuiteRunner(new QueryRunner(Duration.ofSeconds(10), Clock.systemUTC()), Clock.systemUTC());

    @BeforeEach
    void setUp() throws Exception {
        new ObservabilityFixture(postgres.dataSource()); // creates and empties the table
        database = new ConnectedDatabase(postgres.dataSource(),
                new DatabaseTarget("test", "localhost", postgres.port(), postgres.databaseName(), "postgres"));
    }

    /** Events from 30 hours before T to 14 hours after it, some exactly on the window's edges. */
    private void insertTrafficAroundTheDueInstant() throws SQLException {
        try (Connection connection = postgres.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            insertTraffic(connection);
            connection.commit();
        }
    }

    private void insertTraffic(Connection connection) throws SQLException {
        Random random = new Random(11);
        for (int i = 0; i < 900; i++) {
            long secondsFromDue = -30 * 3600L + random.nextInt(44 * 3600);
            String type = COORDINATOR_TYPES[random.nextInt(COORDINATOR_TYPES.length)];
            boolean success = type.equals("coordinator.start") || type.equals("coordinator.confirmed");
            insert(connection, "assignment.coordinator", type, success ? "{}" : "{\"reason\": \"reason_" + random.nextInt(3) + "\"}",
                    dueAt.plusSeconds(secondsFromDue));
        }
        for (int i = 0; i < 120; i++) {
            insert(connection, "assignment.state_machine", "state_machine.transition",
                    "{\"from\": \"s" + random.nextInt(3) + "\", \"to\": \"s" + random.nextInt(3) + "\"}",
                    dueAt.plusSeconds(-8 * 3600L + random.nextInt(22 * 3600)));
            insert(connection, "auto_assign", random.nextBoolean() ? "auto_assign.attempt" : "auto_assign.done", "{}",
                    dueAt.plusSeconds(-8 * 3600L + random.nextInt(22 * 3600)));
        }
        // the edges: T - 6 h and T - 1 h are inside their windows, T itself is not
        insert(connection, "assignment.coordinator", "coordinator.error", "{\"reason\": \"edge\"}", dueAt.minus(Duration.ofHours(6)));
        insert(connection, "assignment.coordinator", "coordinator.error", "{\"reason\": \"edge\"}", dueAt.minus(Duration.ofHours(1)));
        insert(connection, "assignment.coordinator", "coordinator.circuit_open", "{\"reason\": \"edge\"}", dueAt);
        insert(connection, "assignment.coordinator", "coordinator.start", "{}", dueAt.minusNanos(1_000));
    }

    @Test
    void aLateCheckpointMeasuresTheWindowThatEndedAtItsDueInstant() throws Exception {
        insertTrafficAroundTheDueInstant();
        assertThat(count("SELECT count(*) FROM observability_events WHERE created_at > ?", dueAt)).as("events after T")
                .isGreaterThan(200);
        QuerySet set = new QuerySetLoader(new QueryFileParser(), userQueries).load().querySet();

        SuiteRun run = runner.run(database, set, QuerySuite.FULL, dueAt, new RunCancellation(), outcome -> { });
        SuiteRun quick = runner.run(database, set, QuerySuite.QUICK, dueAt, new RunCancellation(), outcome -> { });

        assertThat(run.metricsUntil()).isEqualTo(dueAt);
        assertThat(run.metricsSince()).isEqualTo(dueAt.minus(Duration.ofHours(6)));
        assertThat(run.startedAt()).as("it ran now, 14 hours late").isAfter(dueAt.plus(Duration.ofHours(13)));
        assertThat(run.count(QueryStatus.ERROR)).isZero();
        List<QueryOutcome> outcomes = new ArrayList<>(run.outcomes());
        outcomes.addAll(quick.outcomes());
        for (QueryOutcome outcome : outcomes) {
            assertThat(outcome.asOf()).as(outcome.query().name()).isEqualTo(dueAt);
            assertThat(outcome.realTime()).isNull();
            String expected = INDEPENDENT.get(outcome.query().name());
            if (expected != null) {
                Duration window = outcome.query().name().equals("baseline_top_events") ? Duration.ofHours(24)
                        : outcome.query().name().endsWith("_last_hour") || outcome.query().name().equals("success_rate_by_event_type")
                        ? Duration.ofHours(1) : Duration.ofHours(6);
                assertThat(sorted(outcome.rows())).as(outcome.query().name())
                        .isEqualTo(sorted(rows(expected, dueAt.minus(window), dueAt)));
            }
        }
        assertThat(INDEPENDENT.keySet()).allSatisfy(name ->
                assertThat(outcomes).anySatisfy(o -> assertThat(o.query().name()).isEqualTo(name)));
        assertThat(run.outcomes().stream().filter(o -> o.query().name().equals("error_events_with_reasons")).findFirst()
                .orElseThrow().rows()).as("the error at exactly T - 6 h counts").anySatisfy(row -> assertThat(row.get(0)).isEqualTo("edge"));

        Instant since = dueAt.minus(Duration.ofHours(6));
        String coordinator = "FROM observability_events WHERE source = 'assignment.coordinator' AND created_at >= ? AND created_at < ?";
        assertThat(run.metrics().get(MetricKind.SUCCESS_RATE)).isEqualTo(new Rate(
                count("SELECT count(*) " + coordinator + " AND NOT context ?? 'reason'", since, dueAt),
                count("SELECT count(*) " + coordinator, since, dueAt)));
        assertThat(run.metrics().get(MetricKind.MANUAL_REVIEW_RATE)).isEqualTo(new Rate(
                count("SELECT count(*) " + coordinator + " AND event_type = 'coordinator.manual_review'", since, dueAt),
                count("SELECT count(*) " + coordinator + " AND event_type = 'coordinator.start'", since, dueAt)));
        assertThat(run.alarms()).isEqualTo(new AlarmCounts(
                count("SELECT count(*) " + coordinator + " AND event_type = 'coordinator.error'", since, dueAt),
                count("SELECT count(*) " + coordinator + " AND event_type = 'coordinator.circuit_open'", since, dueAt)));
    }

    @Test
    void aUserQueryThatReadsTheRealClockRunsAtTheRealTimeAndItsOutcomeSaysSo() throws Exception {
        insertTrafficAroundTheDueInstant();
        Files.writeString(userQueries.resolve("ours.sql"), """
                -- name: events_so_far
                -- suite: full
                -- description: every event up to this very moment
                SELECT count(*) AS events FROM observability_events WHERE created_at < clock_timestamp();

                -- name: our_last_two_hours
                -- suite: full
                -- description: coordinator events of the last two hours
                SELECT count(*) AS events FROM observability_events
                WHERE source = 'assignment.coordinator' AND created_at >= now() - INTERVAL '2 hours';

                -- name: our_last_two_hours_by_parameter
                -- suite: full
                -- description: the same, from a relative parameter
                -- param: window_start timestamptz = now - 2 hours
                SELECT count(*) AS events FROM observability_events
                WHERE source = 'assignment.coordinator' AND created_at >= :window_start;
                """);
        QuerySetLoader.Loaded loaded = new QuerySetLoader(new QueryFileParser(), userQueries).load();
        assertThat(loaded.problems()).isEmpty();

        SuiteRun run = runner.run(database, loaded.querySet(), QuerySuite.FULL, dueAt, new RunCancellation(), outcome -> { });

        QueryOutcome realTime = outcome(run, "events_so_far");
        assertThat(realTime.status()).isEqualTo(QueryStatus.OK);
        assertThat(realTime.asOf()).isNull();
        assertThat(realTime.realTime()).isEqualTo("Measured at the real time, not as of the window's end:"
                + " it calls clock_timestamp(), which reads the clock as the query runs.");
        assertThat(realTime.rows()).containsExactly(List.of(count("SELECT count(*) FROM observability_events")));
        assertThat(new SnapshotJson().outcomeJson(realTime)).contains("\"realTime\":\"Measured at the real time")
                .doesNotContain("\"asOf\"");

        QueryOutcome asOf = outcome(run, "our_last_two_hours");
        assertThat(asOf.asOf()).isEqualTo(dueAt);
        assertThat(asOf.rows()).containsExactly(List.of(count("SELECT count(*) FROM observability_events WHERE source ="
                + " 'assignment.coordinator' AND created_at >= ? AND created_at < ?", dueAt.minus(Duration.ofHours(2)), dueAt)));
        assertThat(new SnapshotJson().outcomeJson(asOf)).contains("\"asOf\":\"" + dueAt + "\"").doesNotContain("realTime");
        QueryOutcome byParameter = outcome(run, "our_last_two_hours_by_parameter");
        assertThat(byParameter.parameters()).as("now - 2 hours counts back from T").containsEntry("window_start",
                dueAt.minus(Duration.ofHours(2)).toString());
        assertThat(byParameter.rows()).isEqualTo(asOf.rows());
    }

    @Test
    void withoutAnInstantARunIsWhatItAlwaysWasAndItsRecordSaysNothingNew() throws Exception {
        insertTrafficAroundTheDueInstant();
        QuerySet set = new QuerySetLoader(new QueryFileParser(), userQueries).load().querySet();

        SuiteRun run = runner.run(database, set, QuerySuite.QUICK, new RunCancellation(), outcome -> { });

        assertThat(run.metricsUntil()).isEqualTo(run.startedAt());
        QueryOutcome quick = outcome(run, "quick_health_check");
        assertThat(quick.asOf()).isNull();
        assertThat(quick.realTime()).isNull();
        assertThat(new SnapshotJson().outcomeJson(quick)).doesNotContain("asOf").doesNotContain("realTime");
        long seenNow = quick.rows().stream().mapToLong(row -> (Long) row.get(1)).sum();
        String since = "SELECT count(*) FROM observability_events WHERE source = 'assignment.coordinator' AND created_at >= ?";
        Instant windowStart = run.startedAt().minus(Duration.ofHours(6));
        // the transaction's now() is a few milliseconds after the run's start, and events sit on whole seconds
        assertThat(seenNow).as("the events of the last 6 hours, long after T")
                .isBetween(count(since, windowStart.plusSeconds(1)), count(since, windowStart)).isPositive();
    }

    @Test
    void everyQueryTheAppShipsCanBeTakenAsOfAnInstant() {
        List<QueryDefinition> shipped = QuerySetLoader.builtIn(new QueryFileParser()).queries();
        assertThat(shipped).hasSizeGreaterThan(15).allSatisfy(query ->
                assertThat(AsOfSql.of(query.sql())).as(query.name()).isInstanceOf(AsOfSql.Rewritten.class));
    }

    @Test
    void theBoundIsInlinedSoTheQuickCheckStillUsesTheIndexOnCreatedAt() throws Exception {
        try (Connection connection = postgres.dataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO observability_events (source, event_type, context, created_at)"
                    + " SELECT 'assignment.coordinator', 'coordinator.start', '{}', now() - make_interval(secs => g * 30)"
                    + " FROM generate_series(1, 100000) g");
            statement.execute("CREATE INDEX IF NOT EXISTS observability_events_created_at ON observability_events (created_at)");
            statement.execute("ANALYZE observability_events");
        }
        QueryDefinition quick = QuerySetLoader.builtIn(new QueryFileParser()).byName("quick_health_check").orElseThrow();
        NamedParameterSql sql = NamedParameterSql.parse(((AsOfSql.Rewritten) AsOfSql.of(quick.sql())).sql());

        StringBuilder plan = new StringBuilder();
        try (Connection connection = postgres.dataSource().getConnection();
             PreparedStatement explain = connection.prepareStatement("EXPLAIN " + sql.jdbcSql())) {
            for (int i = 1; i <= sql.bindingOrder().size(); i++) {
                explain.setObject(i, OffsetDateTime.ofInstant(dueAt, ZoneOffset.UTC));
            }
            try (ResultSet lines = explain.executeQuery()) {
                while (lines.next()) {
                    plan.append(lines.getString(1)).append('\n');
                }
            }
        }
        assertThat(plan.toString()).doesNotContain("CTE Scan").contains("observability_events_created_at");
    }

    private static QueryOutcome outcome(SuiteRun run, String name) {
        return run.outcomes().stream().filter(o -> o.query().name().equals(name)).findFirst().orElseThrow();
    }

    /**
     * The runbook's questions, written here with explicit bounds ({@code ?} = the window's start,
     * then its end) rather than taken from the product's files.
     */
    private static final Map<String, String> INDEPENDENT = new LinkedHashMap<>();

    static {
        String coordinator = " FROM observability_events WHERE source = 'assignment.coordinator' AND created_at >= ? AND created_at < ?";
        String byReason = "SELECT context->>'reason', count(*), min(created_at), max(created_at)" + coordinator + " AND event_type = ";
        INDEPENDENT.put("quick_health_check", "SELECT event_type, count(*), round(100.0 * sum(CASE WHEN context ?? 'reason' THEN 0 ELSE 1 END)"
                + " / count(*), 2)" + coordinator + " GROUP BY event_type");
        INDEPENDENT.put("coordinator_events_last_hour", "SELECT source, event_type, count(*)" + coordinator + " GROUP BY source, event_type");
        INDEPENDENT.put("success_rate_by_event_type", INDEPENDENT.get("quick_health_check"));
        INDEPENDENT.put("manual_review_rate", "SELECT sum(CASE WHEN event_type = 'coordinator.manual_review' THEN 1 ELSE 0 END),"
                + " sum(CASE WHEN event_type = 'coordinator.start' THEN 1 ELSE 0 END),"
                + " round(100.0 * sum(CASE WHEN event_type = 'coordinator.manual_review' THEN 1 ELSE 0 END)"
                + " / nullif(sum(CASE WHEN event_type = 'coordinator.start' THEN 1 ELSE 0 END), 0), 2)" + coordinator);
        INDEPENDENT.put("error_events_with_reasons", byReason + "'coordinator.error' GROUP BY 1");
        INDEPENDENT.put("circuit_breaker_events", byReason + "'coordinator.circuit_open' GROUP BY 1");
        INDEPENDENT.put("retries_by_reason", "SELECT context->>'reason', count(*)" + coordinator + " AND event_type = 'coordinator.retry' GROUP BY 1");
        INDEPENDENT.put("lock_contention_by_hour", "SELECT date_trunc('hour', created_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC', count(*)" + coordinator
                + " AND event_type = 'coordinator.lock_contention' GROUP BY 1");
        INDEPENDENT.put("state_machine_transitions", "SELECT event_type, context->>'from', context->>'to', count(*)"
                + " FROM observability_events WHERE source = 'assignment.state_machine' AND created_at >= ? AND created_at < ? GROUP BY 1, 2, 3");
        INDEPENDENT.put("legacy_auto_assign_activity", "SELECT source, event_type, count(*), max(created_at) FROM observability_events"
                + " WHERE starts_with(event_type, 'auto_assign.') AND created_at >= ? AND created_at < ? GROUP BY 1, 2");
        INDEPENDENT.put("baseline_top_events", "SELECT source, event_type, count(*) FROM observability_events"
                + " WHERE created_at >= ? AND created_at < ? GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2 LIMIT 10");
    }

    private List<List<Object>> rows(String sql, Instant since, Instant until) throws SQLException {
        try (Connection connection = postgres.dataSource().getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, OffsetDateTime.ofInstant(since, ZoneOffset.UTC));
            statement.setObject(2, OffsetDateTime.ofInstant(until, ZoneOffset.UTC));
            List<List<Object>> rows = new ArrayList<>();
            try (ResultSet resultSet = statement.executeQuery()) {
                ResultSetMetaData meta = resultSet.getMetaData();
                while (resultSet.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        Object value = resultSet.getObject(i);
                        row.add(value == null ? null : plain(value));
                    }
                    rows.add(row);
                }
            }
            return rows;
        }
    }

    /** Both sides as text, whatever Java type the driver picks: an int8 count, a numeric sum. */
    private static Object plain(Object value) {
        if (value instanceof java.math.BigDecimal decimal) {
            return decimal.scale() == 0 ? (Object) Long.toString(decimal.longValueExact()) : decimal.toPlainString();
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant().toString();
        }
        return value.toString();
    }

    private static List<String> sorted(List<List<Object>> rows) {
        return rows.stream().map(row -> row.stream().map(v -> v == null ? "null" : plain(v).toString()).toList().toString())
                .sorted(Comparator.naturalOrder()).toList();
    }

    private long count(String sql, Instant... bounds) throws SQLException {
        try (Connection connection = postgres.dataSource().getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < bounds.length; i++) {
                statement.setObject(i + 1, OffsetDateTime.ofInstant(bounds[i], ZoneOffset.UTC));
            }
            try (ResultSet resultSet = statement.executeQuery()) {
                resultSet.next();
                return resultSet.getLong(1);
            }
        }
    }

    private static void insert(Connection connection, String source, String eventType, String contextJson, Instant at) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO observability_events (source, event_type, context, created_at) VALUES (?, ?, CAST(? AS jsonb), ?)")) {
            insert.setString(1, source);
            insert.setString(2, eventType);
            insert.setString(3, contextJson);
            insert.setObject(4, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
            insert.executeUpdate();
        }
    }
}
