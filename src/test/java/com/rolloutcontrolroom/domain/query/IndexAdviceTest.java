package com.rolloutcontrolroom.domain.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class IndexAdviceTest {

    private static final EventIndex SOURCE_CREATED_AT = new EventIndex("observability_events_source_created_at_idx", "source", "btree",
            true, true, false);
    private static final EventIndex PRIMARY_KEY = new EventIndex("observability_events_pkey", "id", "btree", true, true, false);

    private static QueryDefinition query(String name, String sql) {
        return new QueryDefinition(name, QuerySuite.FULL, "", sql, List.of(), "test.sql", 1, QueryOrigin.BUILT_IN);
    }

    private static final QueryDefinition TOP_TEN = query("baseline_top_events", """
            SELECT source, event_type, count(*) AS events FROM observability_events
            WHERE created_at >= now() - CAST(:window AS interval) GROUP BY 1, 2 ORDER BY 3 DESC LIMIT 10""");
    private static final QueryDefinition LEGACY = query("metric_legacy_activity", """
            SELECT count(*) AS events FROM observability_events
            WHERE event_type LIKE 'auto\\_assign.%' AND created_at >= :since AND created_at < :until""");
    private static final QueryDefinition BY_SOURCE = query("metric_success_rate", """
            SELECT count(*) FROM observability_events WHERE source = 'assignment.coordinator'
              AND created_at >= :since AND created_at < :until""");
    private static final List<QueryDefinition> SUITE = List.of(BY_SOURCE, TOP_TEN, LEGACY);

    @Test
    void withoutAnIndexLedByCreatedAtItNamesTheQueriesFilteringOnTimeAloneAndTheStatement() {
        IndexAdvice advice = IndexAdvice.decide("public", List.of(PRIMARY_KEY, SOURCE_CREATED_AT), SUITE).orElseThrow();

        assertThat(advice.queries()).containsExactly("baseline_top_events", "metric_legacy_activity");
        assertThat(advice.statement())
                .isEqualTo("CREATE INDEX CONCURRENTLY observability_events_created_at_idx ON observability_events (created_at);");
        assertThat(advice.sentence()).isEqualTo("observability_events has no valid index led by created_at, so baseline_top_events and"
                + " metric_legacy_activity read the whole table; an index on created_at would help (the app never creates it,"
                + " ask your DBA to run the statement).");
        assertThat(advice.headline()).isEqualTo("2 queries read all of observability_events; an index on created_at would help:");
    }

    @Test
    void aValidBtreeOrBrinIndexLedByCreatedAtMeansNoAdvice() {
        assertThat(IndexAdvice.decide("public", List.of(SOURCE_CREATED_AT,
                new EventIndex("events_time", "created_at", "btree", true, true, false)), SUITE)).isEmpty();
        assertThat(IndexAdvice.decide("public", List.of(new EventIndex("events_brin", "created_at", "brin", true, true, false)), SUITE))
                .isEmpty();
        assertThat(IndexAdvice.decide("public", List.of(new EventIndex("events_time_type", "created_at", "btree", true, true, false),
                PRIMARY_KEY), SUITE)).as("a multi-column index led by created_at serves the range too").isEmpty();
    }

    @Test
    void anIndexThePlannerCannotUseForAWindowDoesNotCount() {
        for (EventIndex unusable : List.of(
                new EventIndex("observability_events_created_at_idx", "created_at", "btree", false, true, false), // failed CONCURRENTLY
                new EventIndex("observability_events_created_at_idx", "created_at", "btree", true, false, false), // build not finished
                new EventIndex("recent_only", "created_at", "btree", true, true, true), // partial
                new EventIndex("hashed", "created_at", "hash", true, true, false), // no ranges
                new EventIndex("by_day", null, "btree", true, true, false), // an expression (date_trunc of created_at)
                new EventIndex("type_time", "event_type", "btree", true, true, false))) { // created_at second
            assertThat(IndexAdvice.decide("public", List.of(SOURCE_CREATED_AT, unusable), SUITE)).as(unusable.toString()).isPresent();
        }
    }

    @Test
    void anInvalidIndexIsNamedAndDroppedBeforeTheNewOneIsBuilt() {
        IndexAdvice advice = IndexAdvice.decide("public", List.of(SOURCE_CREATED_AT,
                new EventIndex("observability_events_created_at_idx", "created_at", "btree", false, true, false)), SUITE).orElseThrow();

        assertThat(advice.invalidIndexes()).containsExactly("observability_events_created_at_idx");
        assertThat(advice.statement()).isEqualTo("DROP INDEX CONCURRENTLY observability_events_created_at_idx;"
                + " CREATE INDEX CONCURRENTLY observability_events_created_at_idx ON observability_events (created_at);");
        assertThat(advice.sentence()).startsWith("observability_events has no valid index led by created_at"
                + " (observability_events_created_at_idx is INVALID, left by a failed CREATE INDEX CONCURRENTLY, and the planner ignores it),");
        assertThat(advice.headline()).isEqualTo("2 queries read all of observability_events; its created_at index is INVALID, rebuild it:");
    }

    @Test
    void aTableOutsidePublicIsQualifiedAndOddNamesAreQuoted() {
        IndexAdvice advice = IndexAdvice.decide("Analytics", List.of(new EventIndex("Old Time", "created_at", "btree", false, true, false)),
                SUITE).orElseThrow();
        assertThat(advice.statement()).isEqualTo("DROP INDEX CONCURRENTLY \"Analytics\".\"Old Time\"; CREATE INDEX CONCURRENTLY"
                + " observability_events_created_at_idx ON \"Analytics\".observability_events (created_at);");
    }

    @Test
    void aSuiteWhoseQueriesAllNarrowBySourceNeedsNoAdvice() {
        assertThat(IndexAdvice.decide("public", List.of(SOURCE_CREATED_AT), List.of(BY_SOURCE))).isEqualTo(Optional.empty());
        assertThat(IndexAdvice.decide("public", List.of(), List.of(query("other_table", "SELECT 1 FROM bookings WHERE created_at >= now()"))))
                .as("a query on another table").isEmpty();
    }

    @Test
    void theBuiltInSuiteNamesTheTopTenBreakdownAndTheLegacyQueries() {
        List<QueryDefinition> builtIn = new QueryFileParser().parse("observability-queries.sql",
                new String(readResource("/queries/observability-queries.sql")), QueryOrigin.BUILT_IN);
        List<QueryDefinition> metrics = new QueryFileParser().parse("metrics.sql", new String(readResource("/queries/metrics.sql")),
                QueryOrigin.BUILT_IN);
        List<QueryDefinition> all = new java.util.ArrayList<>(builtIn);
        all.addAll(metrics);
        assertThat(IndexAdvice.decide("public", List.of(SOURCE_CREATED_AT), all).orElseThrow().queries())
                .containsExactly("legacy_auto_assign_activity", "baseline_top_events", "metric_legacy_activity");
    }

    private static byte[] readResource(String name) {
        try (var in = IndexAdviceTest.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
