package com.rolloutcontrolroom.services.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.rolloutcontrolroom.domain.environment.DatabaseTarget;
import com.rolloutcontrolroom.domain.metrics.HourlyRate;
import com.rolloutcontrolroom.domain.metrics.MetricKind;
import com.rolloutcontrolroom.domain.metrics.Rate;
import com.rolloutcontrolroom.domain.metrics.RateBucket;
import com.rolloutcontrolroom.domain.query.QuerySet;
import com.rolloutcontrolroom.services.db.ConnectedDatabase;
import com.rolloutcontrolroom.services.db.Database;
import com.rolloutcontrolroom.testsupport.EmbeddedPostgresExtension;
import com.rolloutcontrolroom.testsupport.ObservabilityFixture;

/**
 * The hourly series behind the charts, hour by hour, on a real PostgreSQL. Events are placed at fixed
 * instants and the expected series is computed here from that list, not by the code under test.
 */
class MetricSeriesTest {

    @RegisterExtension
    static final EmbeddedPostgresExtension postgres = new EmbeddedPostgresExtension();

    /** A fixed past hour, so no event sits on an hour boundary that moves while the test runs. */
    private static final Instant BASE = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(12));
    private static final Instant SINCE = BASE.minus(Duration.ofHours(2));
    private static final Instant UNTIL = BASE.plus(Duration.ofHours(8));

    private final List<Placed> placed = new ArrayList<>();
    private final MetricSeriesReader reader = new MetricSeriesReader(new QueryRunner(Duration.ofSeconds(5), Clock.systemUTC()));
    private final QuerySet querySet = QuerySetLoader.builtIn(new com.rolloutcontrolroom.domain.query.QueryFileParser());
    private Database database;

    @BeforeEach
    void emptyTable() throws Exception {
        new ObservabilityFixture(postgres.dataSource()); // creates and truncates the table
        database = new ConnectedDatabase(postgres.dataSource(),
                new DatabaseTarget("test", "localhost", postgres.port(), postgres.databaseName(), "postgres"));
    }

    @Test
    void eachHourHasItsOwnRateOverItsOwnCount() throws Exception {
        // hour 0: three successes and an error; hour 1: nothing; hour 2: all failures; hour 3: one event;
        // hour 5: a review among starts; the last second of hour 6 and the first of hour 7
        for (int minute : new int[] {1, 20, 59}) {
            place("coordinator.start", null, BASE.plus(Duration.ofMinutes(minute)));
        }
        place("coordinator.error", "db_timeout", BASE.plus(Duration.ofMinutes(30)));
        place("coordinator.retry", "capacity_lock_timeout", BASE.plus(Duration.ofMinutes(125)));
        place("coordinator.confirmed", "", BASE.plus(Duration.ofMinutes(170))); // reason present but empty: not a success
        place("coordinator.start", null, BASE.plus(Duration.ofHours(3)));
        place("coordinator.start", null, BASE.plus(Duration.ofMinutes(301)));
        place("coordinator.start", null, BASE.plus(Duration.ofMinutes(302)));
        place("coordinator.manual_review", "no_capacity", BASE.plus(Duration.ofMinutes(303)));
        place("coordinator.confirmed", null, BASE.plus(Duration.ofHours(7)).minusSeconds(1));
        place("coordinator.confirmed", null, BASE.plus(Duration.ofHours(7)));
        placeOther("capacity.rpc", "capacity.rpc.conflict", BASE.plus(Duration.ofMinutes(10))); // not the coordinator
        place("coordinator.start", null, SINCE.minusSeconds(1)); // before the window
        place("coordinator.start", null, UNTIL); // the window's end is exclusive

        assertSeries(MetricKind.SUCCESS_RATE, expected(event -> event.reason() == null, event -> true));
        assertSeries(MetricKind.MANUAL_REVIEW_RATE, expected(event -> event.type().equals("coordinator.manual_review"),
                event -> event.type().equals("coordinator.start")));
    }

    @Test
    void eachMinuteHasItsOwnRateForTheLastHoursByMinute() throws Exception {
        place("coordinator.start", null, BASE.plusSeconds(5));
        place("coordinator.error", "db_timeout", BASE.plusSeconds(59));
        place("coordinator.manual_review", "no_capacity", BASE.plusSeconds(60));
        place("coordinator.start", null, BASE.plusSeconds(61));
        place("coordinator.start", null, BASE.plus(Duration.ofMinutes(3)));

        assertThat(reader.minutely(database, querySet, MetricKind.SUCCESS_RATE, SINCE, UNTIL)).containsExactly(
                new RateBucket(BASE, new Rate(1, 2)),
                new RateBucket(BASE.plus(Duration.ofMinutes(1)), new Rate(1, 2)),
                new RateBucket(BASE.plus(Duration.ofMinutes(3)), new Rate(1, 1)));
        assertThat(reader.minutely(database, querySet, MetricKind.MANUAL_REVIEW_RATE, SINCE, UNTIL)).containsExactly(
                new RateBucket(BASE, new Rate(0, 1)),
                new RateBucket(BASE.plus(Duration.ofMinutes(1)), new Rate(1, 1)),
                new RateBucket(BASE.plus(Duration.ofMinutes(3)), new Rate(0, 1)));
    }

    /** A metrics.sql of a team's own from before the per-minute entries: the built-in ones it does not name still load. */
    @Test
    void anOlderUserMetricsFileWithoutThePerMinuteEntriesStillReadsByMinute(@org.junit.jupiter.api.io.TempDir java.nio.file.Path folder)
            throws Exception {
        java.nio.file.Files.writeString(folder.resolve("metrics.sql"), """
                -- name: metric_success_rate_hourly
                -- suite: metric
                -- description: our hourly definition, written before per-minute entries existed
                -- param: since timestamptz = now - 48 hours
                -- param: until timestamptz = now
                SELECT date_trunc('hour', created_at, 'UTC') AS hour_utc, count(*) AS matching, count(*) AS total
                FROM observability_events WHERE created_at >= :since AND created_at < :until GROUP BY 1 ORDER BY 1;
                """);
        place("coordinator.error", "db_timeout", BASE.plusSeconds(5));
        QuerySetLoader.Loaded loaded = new QuerySetLoader(new com.rolloutcontrolroom.domain.query.QueryFileParser(), folder).load();
        assertThat(loaded.problems()).isEmpty();
        assertThat(reader.minutely(database, loaded.querySet(), MetricKind.SUCCESS_RATE, SINCE, UNTIL))
                .containsExactly(new RateBucket(BASE, new Rate(0, 1)));
        assertThat(reader.hourly(database, loaded.querySet(), MetricKind.SUCCESS_RATE, SINCE, UNTIL)).as("the user's own definition")
                .containsExactly(new HourlyRate(BASE, new Rate(1, 1)));
    }

    @Test
    void anEmptyWindowHasNoPointsAtAll() {
        assertThat(reader.hourly(database, querySet, MetricKind.SUCCESS_RATE, SINCE, UNTIL)).isEmpty();
        assertThat(reader.hourly(database, querySet, MetricKind.MANUAL_REVIEW_RATE, SINCE, UNTIL)).isEmpty();
    }

    @Test
    void anHourWithCoordinatorEventsButNoStartsHasNoManualReviewRate() throws Exception {
        place("coordinator.confirmed", null, BASE.plus(Duration.ofMinutes(5)));
        List<HourlyRate> review = reader.hourly(database, querySet, MetricKind.MANUAL_REVIEW_RATE, SINCE, UNTIL);
        assertThat(review).allSatisfy(point -> assertThat(point.rate().hasData()).as("no starts: no rate, not 0 %").isFalse());
    }

    private void assertSeries(MetricKind metric, Map<Instant, Rate> expected) {
        List<HourlyRate> points = reader.hourly(database, querySet, metric, SINCE, UNTIL);
        Map<Instant, Rate> actual = new TreeMap<>();
        points.stream().filter(point -> point.rate().hasData()).forEach(point -> actual.put(point.hourStart(), point.rate()));
        assertThat(actual).as(metric + " per hour").isEqualTo(expected);
        assertThat(points).as("hours without data carry no rate").filteredOn(point -> !point.rate().hasData())
                .allSatisfy(point -> assertThat(expected).doesNotContainKey(point.hourStart()));
    }

    /** Per UTC hour inside [SINCE, UNTIL): matching and total coordinator events, computed from the list. */
    private Map<Instant, Rate> expected(java.util.function.Predicate<Placed> matching, java.util.function.Predicate<Placed> counted) {
        Map<Instant, long[]> counts = new TreeMap<>();
        placed.stream()
                .filter(event -> event.source().equals("assignment.coordinator"))
                .filter(event -> !event.at().isBefore(SINCE) && event.at().isBefore(UNTIL))
                .forEach(event -> {
                    long[] count = counts.computeIfAbsent(event.at().truncatedTo(ChronoUnit.HOURS), hour -> new long[2]);
                    count[0] += matching.test(event) ? 1 : 0;
                    count[1] += counted.test(event) ? 1 : 0;
                });
        Map<Instant, Rate> rates = new TreeMap<>();
        counts.forEach((hour, count) -> {
            if (count[1] > 0) {
                rates.put(hour, new Rate(count[0], count[1]));
            }
        });
        return rates;
    }

    private void place(String type, String reason, Instant at) throws SQLException {
        insert(new Placed("assignment.coordinator", type, reason, at));
    }

    private void placeOther(String source, String type, Instant at) throws SQLException {
        insert(new Placed(source, type, null, at));
    }

    private void insert(Placed event) throws SQLException {
        try (Connection connection = postgres.dataSource().getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO observability_events (source, event_type, context, created_at) VALUES (?, ?, "
                             + "CASE WHEN CAST(? AS text) IS NULL THEN '{}'::jsonb ELSE jsonb_build_object('reason', CAST(? AS text)) END, ?)")) {
            insert.setString(1, event.source());
            insert.setString(2, event.type());
            insert.setString(3, event.reason());
            insert.setString(4, event.reason());
            insert.setObject(5, OffsetDateTime.ofInstant(event.at(), ZoneOffset.UTC));
            insert.executeUpdate();
        }
        placed.add(event);
    }

    private record Placed(String source, String type, String reason, Instant at) {
    }
}
