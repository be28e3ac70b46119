package com.rolloutcontrolroom.services.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.rolloutcontrolroom.domain.gate.CheckpointContext;
import com.rolloutcontrolroom.domain.journal.QueryResult;
import com.rolloutcontrolroom.domain.journal.SnapshotTaken;
import com.rolloutcontrolroom.domain.metrics.AlarmCounts;
import com.rolloutcontrolroom.domain.metrics.LegacyActivity;
import com.rolloutcontrolroom.domain.metrics.MetricKind;
import com.rolloutcontrolroom.domain.metrics.Rate;
import com.rolloutcontrolroom.domain.query.QueryFileParser;
import com.rolloutcontrolroom.domain.query.QuerySet;
import com.rolloutcontrolroom.services.home.AppHome;
import com.rolloutcontrolroom.services.operator.OperatorIdentity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A snapshot's numbers recompute from its journaled rows with the code that computed them, and an edited row is named. */
class RecordedMetricsTest {

    private static final QuerySet METRICS = QuerySetLoader.builtIn(new QueryFileParser());
    private static final Instant STARTED = Instant.parse("2026-03-05T14:30:00Z");

    @TempDir
    Path home;

    @Test
    void aRecordedSnapshotAgreesWithItsRowsAndAnEditedRowDoesNot() {
        SnapshotTaken snapshot = snapshot(List.of(), Map.of());
        assertThat(RecordedMetrics.metricDifferences(snapshot)).isEmpty();
        assertThat(RecordedMetrics.verdictDifferences(snapshot)).isEmpty();

        SnapshotTaken edited = withRows(snapshot, MetricKind.SUCCESS_RATE.windowQuery(), "[[480,484]]", "[[484,484]]");
        assertThat(RecordedMetrics.metricDifferences(edited)).containsExactly(
                "metric success_rate.matching is recorded as 480, but its rows give 484",
                "metric success_rate.percent is recorded as 99.17, but its rows give 100.00");
        assertThat(RecordedMetrics.verdictDifferences(edited)).as("the verdicts follow the recorded numbers").isEmpty();
    }

    @Test
    void aRecordedNumberEditedToChangeTheVerdictIsNamedWithTheVerdictItNoLongerGives() {
        SnapshotTaken snapshot = snapshot(List.of(), Map.of());
        Map<String, BigDecimal> metrics = new TreeMap<>(snapshot.metrics());
        metrics.put("success_rate.matching", new BigDecimal("400"));
        SnapshotTaken edited = new SnapshotTaken(snapshot.recordedAt(), snapshot.operator(), snapshot.environment(), snapshot.rollout(),
                snapshot.checkpoint(), snapshot.querySet(), snapshot.queries(), metrics, snapshot.startedAt(), snapshot.finishedAt(),
                snapshot.durationMillis(), snapshot.verdicts());

        assertThat(RecordedMetrics.metricDifferences(edited)).containsExactly(
                "metric success_rate.matching is recorded as 400, but its rows give 480");
        assertThat(RecordedMetrics.verdictDifferences(edited)).hasSize(2).first().asString()
                .startsWith("verdict 1 is recorded as overall PASS (")
                .contains("but its numbers give overall FAIL (Success rate 82.64 % of 484 coordinator events");
    }

    @Test
    void aFinalVerificationsWholeWindowRecomputesHourByHour() {
        Instant marker = STARTED.minus(Duration.ofHours(48));
        Map<String, String> window = Map.of("since", marker.toString(), "until", marker.plus(Duration.ofHours(48)).toString());
        List<QueryOutcome> extra = List.of(
                outcome(MetricKind.SUCCESS_RATE.phaseHoursQuery(), window, List.of("phase_hour", "matching", "total"),
                        List.of(List.of(0L, 39L, 40L), List.of(3L, 40L, 40L))),
                outcome(MetricKind.MANUAL_REVIEW_RATE.phaseHoursQuery(), window, List.of("phase_hour", "matching", "total"),
                        List.of(List.of(0L, 0L, 20L))),
                outcome(AlarmCounts.QUERY, window, List.of(AlarmCounts.ERRORS, AlarmCounts.CIRCUIT_OPENS), List.of(List.of(1L, 0L))));
        Map<String, BigDecimal> counts = PhaseWindowReader.counts(marker, 48, extra).toMetrics();
        SnapshotTaken snapshot = snapshot(extra, counts);
        assertThat(snapshot.metrics()).containsEntry("window.hour.3.success_rate.matching", new BigDecimal("40"))
                .containsEntry("window.coordinator_alarms.errors", BigDecimal.ONE);
        assertThat(RecordedMetrics.metricDifferences(snapshot)).isEmpty();

        SnapshotTaken edited = withRows(snapshot, MetricKind.SUCCESS_RATE.phaseHoursQuery(), "[[0,39,40],[3,40,40]]", "[[0,39,40],[3,38,40]]");
        assertThat(RecordedMetrics.metricDifferences(edited)).containsExactly(
                "metric window.hour.3.success_rate.matching is recorded as 40, but its rows give 38");
    }

    /** A run as the metric queries return it, recorded as the scheduler records a checkpoint, with any whole-window outcomes. */
    private SnapshotTaken snapshot(List<QueryOutcome> extra, Map<String, BigDecimal> extraMetrics) {
        Map<String, String> window = Map.of("since", STARTED.minus(Duration.ofHours(6)).toString(), "until", STARTED.toString());
        List<QueryOutcome> outcomes = List.of(
                outcome(MetricKind.SUCCESS_RATE.windowQuery(), window, List.of("matching", "total"), List.of(List.of(480L, 484L))),
                outcome(MetricKind.MANUAL_REVIEW_RATE.windowQuery(), window, List.of("matching", "total"), List.of(List.of(0L, 240L))),
                outcome(AlarmCounts.QUERY, window, List.of(AlarmCounts.ERRORS, AlarmCounts.CIRCUIT_OPENS), List.of(List.of(0L, 0L))),
                outcome(LegacyActivity.QUERY, window, List.of(LegacyActivity.EVENTS), List.of(List.of(0L))));
        SuiteRun run = new SuiteRun("simulation", "full", outcomes, Map.of(MetricKind.SUCCESS_RATE, new Rate(480, 484),
                MetricKind.MANUAL_REVIEW_RATE, new Rate(0, 240)), new AlarmCounts(0, 0), STARTED.minus(Duration.ofHours(6)), STARTED,
                STARTED, STARTED.plusSeconds(1), Duration.ofSeconds(1), 0L);
        SnapshotRecorder recorder = new SnapshotRecorder(() -> {
            throw new AssertionError("nothing is written");
        }, OperatorIdentity.forCurrentUser(new AppHome(home)), new SnapshotJson(), Clock.fixed(STARTED, ZoneOffset.UTC));
        return recorder.snapshot(run, "FEATURE_ASSIGNMENT_PIPELINE_V3", "T+48h", null, CheckpointContext.of(null, false, 0L), extra,
                extraMetrics);
    }

    private static QueryOutcome outcome(String name, Map<String, String> parameters, List<String> columns, List<List<Object>> rows) {
        return new QueryOutcome(METRICS.byName(name).orElseThrow(), parameters, QueryStatus.OK, columns, rows, null, STARTED,
                Duration.ofMillis(3), FailureKind.NONE);
    }

    private static SnapshotTaken withRows(SnapshotTaken snapshot, String query, String rows, String edited) {
        List<QueryResult> queries = new ArrayList<>();
        boolean found = false;
        for (QueryResult result : snapshot.queries()) {
            if (result.name().equals(query) && !found) {
                assertThat(result.rowsJson()).contains("\"rows\":" + rows);
                result = new QueryResult(result.name(), result.sql(), result.parameters(), result.rowsJson().replace(rows, edited));
                found = true;
            }
            queries.add(result);
        }
        return new SnapshotTaken(snapshot.recordedAt(), snapshot.operator(), snapshot.environment(), snapshot.rollout(),
                snapshot.checkpoint(), snapshot.querySet(), queries, snapshot.metrics(), snapshot.startedAt(), snapshot.finishedAt(),
                snapshot.durationMillis(), snapshot.verdicts(), snapshot.scheduled());
    }
}
