package com.rolloutcontrolroom.services.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.rolloutcontrolroom.testsupport.EmbeddedPostgresExtension;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class BaselineAndPhasesTest {

    @RegisterExtension
    static final EmbeddedPostgresExtension postgres = new EmbeddedPostgresExtension();

    static final Instant SEED = Instant.parse("2026-11-20T10:17:42Z");
    static CoordinatorSql sql;
    static Instant baselineStart;
    static Instant baselineEnd;
    static Instant shadowStart;
    static Instant fullStart;

    @BeforeAll
    static void seed() throws Exception {
        new DemoSeeder(postgres.dataSource(), Clock.fixed(SEED, ZoneOffset.UTC)).seed(DemoOptions.defaults());
        sql = new CoordinatorSql(postgres.dataSource());
        baselineStart = sql.marker("baseline_start");
        baselineEnd = sql.marker("baseline_end");
        shadowStart = sql.marker("shadow_start");
        fullStart = sql.marker("full_start");
    }

    @Test
    void timelineOrdersTheStoryBeforeTheSeed() {
        assertThat(Duration.between(baselineStart, baselineEnd)).isEqualTo(Duration.ofHours(24));
        assertThat(baselineEnd).isBefore(shadowStart);
        assertThat(shadowStart).isBefore(fullStart);
        assertThat(fullStart).isBefore(SEED.minus(Duration.ofHours(24)));
    }

    @Test
    void baselineWindowHoldsExactlyTheSeedsEventCount() throws Exception {
        assertThat(sql.count("created_at >= ? AND created_at < ?", baselineStart, baselineEnd)).isEqualTo(2_631);
    }

    @Test
    void baselineTopFiveIsSeed000sInOrder() throws Exception {
        List<String> top = new ArrayList<>();
        List<Long> rest = new ArrayList<>();
        String query = """
                SELECT source, event_type, count(*) FROM observability_events
                 WHERE created_at >= ? AND created_at < ?
                 GROUP BY source, event_type ORDER BY count(*) DESC, source, event_type""";
        try (Connection c = postgres.dataSource().getConnection(); PreparedStatement statement = c.prepareStatement(query)) {
            statement.setTimestamp(1, Timestamp.from(baselineStart));
            statement.setTimestamp(2, Timestamp.from(baselineEnd));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    if (top.size() < 5) {
                        top.add(rows.getString(1) + " " + rows.getString(2) + " " + rows.getLong(3));
                    } else {
                        rest.add(rows.getLong(3));
                    }
                }
            }
        }
        assertThat(top).containsExactly(
                "capacity.rpc capacity.rpc.conflict 2323",
                "auto_assign auto_assign.attempt 41",
                "auto_assign auto_assign.quote 27",
                "capacity.transaction booking.creation.success 27",
                "bookings.inline_auto_assign inline_auto_assign.quote_result 20");
        assertThat(rest).hasSizeBetween(8, 12).allSatisfy(count -> assertThat(count).isLessThan(20));
        assertThat(rest.stream().mapToLong(Long::longValue).sum()).isEqualTo(193);
    }

    @Test
    void noCoordinatorEventsBeforeTheFullPhase() throws Exception {
        assertThat(sql.count("source = 'assignment.coordinator' AND created_at < ?", fullStart)).isZero();
        assertThat(sql.count("source = 'assignment.state_machine' AND created_at < ?", fullStart)).isZero();
    }

    @Test
    void legacyPathRoutesInShadowAndStopsInFullPhase() throws Exception {
        assertThat(sql.count("source = 'auto_assign' AND created_at >= ? AND created_at < ?", shadowStart, fullStart)).isPositive();
        assertThat(sql.count("source IN ('auto_assign', 'bookings.inline_auto_assign') AND created_at >= ?", fullStart)).isZero();
        assertThat(sql.count("event_type = 'capacity.rpc.conflict' AND created_at >= ?", fullStart)).isPositive();
        assertThat(sql.count("event_type = 'coordinator.start' AND created_at >= ?", fullStart)).isPositive();
        assertThat(sql.count("event_type = 'state_machine.transition' AND context->>'to' = 'confirmed' AND created_at >= ?", fullStart))
                .isPositive();
    }

    @Test
    void everyNonSuccessCoordinatorEventCarriesAReasonAndSuccessesNone() throws Exception {
        assertThat(sql.count("source = 'assignment.coordinator' AND event_type NOT IN ('coordinator.start', 'coordinator.confirmed')"
                + " AND coalesce(context->>'reason', '') = ''")).isZero();
        assertThat(sql.count("source = 'assignment.coordinator' AND event_type IN ('coordinator.start', 'coordinator.confirmed')"
                + " AND context->>'reason' IS NOT NULL")).isZero();
    }

    @Test
    void historyEndsAtTheSeedMoment() throws Exception {
        assertThat(sql.count("created_at >= ?", SEED)).isZero();
        assertThat(sql.count("created_at >= ?", SEED.minus(Duration.ofMinutes(10)))).isPositive();
    }
}
