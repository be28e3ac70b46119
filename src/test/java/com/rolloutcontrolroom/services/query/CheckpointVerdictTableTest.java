package com.rolloutcontrolroom.services.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.rolloutcontrolroom.domain.gate.CheckpointContext;
import com.rolloutcontrolroom.domain.gate.GateThresholds;
import com.rolloutcontrolroom.domain.gate.Verdict;
import com.rolloutcontrolroom.domain.journal.SnapshotTaken;
import com.rolloutcontrolroom.domain.journal.StoredEntry;
import com.rolloutcontrolroom.domain.metrics.AlarmCounts;
import com.rolloutcontrolroom.domain.metrics.LegacyActivity;
import com.rolloutcontrolroom.domain.metrics.MetricKind;
import com.rolloutcontrolroom.domain.metrics.Rate;
import com.rolloutcontrolroom.domain.query.QueryFileParser;
import com.rolloutcontrolroom.domain.query.QuerySet;
import com.rolloutcontrolroom.services.home.AppHome;
import com.rolloutcontrolroom.services.journal.JournalAccess;
import com.rolloutcontrolroom.services.operator.OperatorIdentity;

/**
 * Issue 11, "table-driven tests at every boundary": each row is a checkpoint's numbers and the context of
 * its phase, judged and recorded in a real journal; the recorded verdict is the expected one, and the
 * snapshot read back from the journal recomputes to the same verdicts word for word from nothing but itself.
 */
class CheckpointVerdictTableTest {

    /** A plan that moves the lines: success 95/85, manual review 2/6, at least 50 events. */
    private static final GateThresholds PLAN_95_85 = new GateThresholds(new BigDecimal("95"), new BigDecimal("85"),
            new BigDecimal("2"), new BigDecimal("6"), 50);

    private static final QuerySet METRICS = QuerySetLoader.builtIn(new QueryFileParser());

    @TempDir
    static Path folder;

    private static JournalAccess journal;
    private static SnapshotRecorder recorder;

    @BeforeAll
    static void openTheJournal() {
        AppHome home = new AppHome(folder);
        journal = new JournalAccess(home);
        recorder = new SnapshotRecorder(journal::writer, OperatorIdentity.forCurrentUser(home), new SnapshotJson(), Clock.systemUTC());
    }

    @AfterAll
    static void closeTheJournal() throws Exception {
        journal.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # row                                  | ok   | of    | rev | starts | err | circ | legacy | plan    | shadow | prev | verdict
            success 97.00 % exactly passes         | 9700 | 10000 | 0   | 240    | 0   | 0    |        | runbook | false  |      | PASS
            success 96.99 % warns                  | 9699 | 10000 | 0   | 240    | 0   | 0    |        | runbook | false  |      | WARN
            success 96.995 % (shows 97.00) warns   | 19399| 20000 | 0   | 240    | 0   | 0    |        | runbook | false  |      | WARN
            success 90.00 % exactly warns          | 9000 | 10000 | 0   | 240    | 0   | 0    |        | runbook | false  |      | WARN
            success 89.99 % fails                  | 8999 | 10000 | 0   | 240    | 0   | 0    |        | runbook | false  |      | FAIL
            success 0 % fails                      | 0    | 20    | 0   | 240    | 0   | 0    |        | runbook | false  |      | FAIL
            no events: no data                     | 0    | 0     | 0   | 240    | 0   | 0    |        | runbook | false  |      | NO_DATA
            one event: no data                     | 1    | 1     | 0   | 240    | 0   | 0    |        | runbook | false  |      | NO_DATA
            minimum - 1 events: no data            | 19   | 19    | 0   | 240    | 0   | 0    |        | runbook | false  |      | NO_DATA
            minimum events are judged              | 20   | 20    | 0   | 240    | 0   | 0    |        | runbook | false  |      | PASS
            review exactly 1 % warns               | 980  | 1000  | 100 | 10000  | 0   | 0    |        | runbook | false  |      | WARN
            review 0.99 % passes                   | 980  | 1000  | 99  | 10000  | 0   | 0    |        | runbook | false  |      | PASS
            review 0.995 % (shows 1.00) passes     | 980  | 1000  | 199 | 20000  | 0   | 0    |        | runbook | false  |      | PASS
            review exactly 5 % warns               | 980  | 1000  | 500 | 10000  | 0   | 0    |        | runbook | false  |      | WARN
            review 5.01 % fails                    | 980  | 1000  | 501 | 10000  | 0   | 0    |        | runbook | false  |      | FAIL
            review minimum - 1 starts: no data     | 980  | 1000  | 0   | 19     | 0   | 0    |        | runbook | false  |      | NO_DATA
            plan: 95.00 % passes                   | 9500 | 10000 | 0   | 240    | 0   | 0    |        | 95/85   | false  |      | PASS
            runbook: 95.00 % warns                 | 9500 | 10000 | 0   | 240    | 0   | 0    |        | runbook | false  |      | WARN
            plan: 94.99 % warns                    | 9499 | 10000 | 0   | 240    | 0   | 0    |        | 95/85   | false  |      | WARN
            plan: 85.00 % warns                    | 8500 | 10000 | 0   | 240    | 0   | 0    |        | 95/85   | false  |      | WARN
            plan: 84.99 % fails                    | 8499 | 10000 | 0   | 240    | 0   | 0    |        | 95/85   | false  |      | FAIL
            plan: 89.99 % only warns               | 8999 | 10000 | 0   | 240    | 0   | 0    |        | 95/85   | false  |      | WARN
            plan: review 1.99 % passes             | 980  | 1000  | 199 | 10000  | 0   | 0    |        | 95/85   | false  |      | PASS
            plan: review 6.01 % fails              | 980  | 1000  | 601 | 10000  | 0   | 0    |        | 95/85   | false  |      | FAIL
            plan: 49 events no data                | 49   | 49    | 0   | 240    | 0   | 0    |        | 95/85   | false  |      | NO_DATA
            plan: 50 events are judged             | 50   | 50    | 0   | 240    | 0   | 0    |        | 95/85   | false  |      | PASS
            shadow: no V3, legacy busy passes      | 0    | 0     | 0   | 0      | 0   | 0    | 120    | runbook | true   |      | PASS
            shadow: one V3 event fails             | 1    | 1     | 0   | 1      | 0   | 0    | 120    | runbook | true   |      | FAIL
            shadow: healthy V3 traffic still fails | 9900 | 10000 | 0   | 240    | 0   | 0    | 120    | runbook | true   |      | FAIL
            shadow: no legacy traffic warns        | 0    | 0     | 0   | 0      | 0   | 0    | 0      | runbook | true   |      | WARN
            shadow: legacy not measured is ERROR   | 0    | 0     | 0   | 0      | 0   | 0    |        | runbook | true   |      | ERROR
            errors now only warn                   | 980  | 1000  | 0   | 240    | 2   | 0    |        | runbook | false  |      | WARN
            errors after none before warn          | 980  | 1000  | 0   | 240    | 2   | 0    |        | runbook | false  | 0    | WARN
            errors twice in a row fail             | 980  | 1000  | 2   | 240    | 1   | 0    |        | runbook | false  | 3    | FAIL
            errors before but not now pass         | 980  | 1000  | 0   | 240    | 0   | 0    |        | runbook | false  | 3    | PASS
            a circuit trip fails                   | 980  | 1000  | 0   | 240    | 0   | 1    |        | runbook | false  |      | FAIL
            """)
    void theRecordedVerdictIsTheExpectedOneAndRecomputesFromTheSnapshot(String row, long ok, long of, long reviews, long starts,
            long errors, long circuitOpens, Long legacy, String plan, boolean shadow, Long previous, Verdict expected) {
        SuiteRun run = run(new Rate(ok, of), new Rate(reviews, starts), new AlarmCounts(errors, circuitOpens), legacy);
        CheckpointContext context = CheckpointContext.of("95/85".equals(plan) ? PLAN_95_85 : null, shadow, previous);

        SnapshotTaken snapshot = recordAndReadBack(run, context);

        assertThat(RunVerdicts.judge(run, context).verdict()).isEqualTo(expected);
        assertThat(snapshot.verdicts().get(0).outcome()).isEqualTo(expected.name());
        assertThat(snapshot.verdicts()).isEqualTo(RunVerdicts.verdicts(RunVerdicts.judge(run, context)));
        assertThat(RunVerdicts.verdicts(RunVerdicts.recompute(snapshot))).as("recomputed from the snapshot alone")
                .isEqualTo(snapshot.verdicts());
        assertThat(RecordedMetrics.metricDifferences(snapshot)).as("its numbers recomputed from its journaled rows").isEmpty();
        assertThat(RecordedMetrics.verdictDifferences(snapshot)).isEmpty();
    }

    @Test
    void theSnapshotRecordsTheContextItWasJudgedWith() {
        SuiteRun run = run(new Rate(0, 0), new Rate(0, 0), new AlarmCounts(1, 0), 300L);
        SnapshotTaken snapshot = recordAndReadBack(run, CheckpointContext.of(PLAN_95_85, true, 4L));

        assertThat(snapshot.metrics()).containsEntry("context.shadow", BigDecimal.ONE)
                .containsEntry("context.previous_errors", new BigDecimal("4"))
                .containsEntry("threshold.success_pass", new BigDecimal("95"))
                .containsEntry("threshold.success_fail", new BigDecimal("85"))
                .containsEntry("threshold.review_pass", new BigDecimal("2"))
                .containsEntry("threshold.review_fail", new BigDecimal("6"))
                .containsEntry("threshold.minimum_events", new BigDecimal("50"))
                .containsEntry("legacy_activity.events", new BigDecimal("300"));
        assertThat(snapshot.verdicts().get(0).reasons()).first().isEqualTo(
                "coordinator.error sustained: 1 error now and 4 at the previous checkpoint; the runbook says roll back immediately.");
    }

    /** A snapshot recorded before checkpoints had a context was judged by the runbook, outside shadow, with nothing before it. */
    @Test
    void aSnapshotWithoutAContextRecomputesAsTheRunbooksJudgement() {
        SuiteRun run = run(new Rate(9_600, 10_000), new Rate(0, 240), new AlarmCounts(2, 0), 0L);
        SnapshotTaken judgedInPhase = recordAndReadBack(run, CheckpointContext.of(PLAN_95_85, false, 5L));
        Map<String, BigDecimal> olderMetrics = new TreeMap<>(judgedInPhase.metrics());
        olderMetrics.keySet().removeIf(key -> key.startsWith("context.") || key.startsWith("threshold."));
        SnapshotTaken older = new SnapshotTaken(judgedInPhase.recordedAt(), judgedInPhase.operator(), judgedInPhase.environment(),
                judgedInPhase.rollout(), judgedInPhase.checkpoint(), judgedInPhase.querySet(), judgedInPhase.queries(), olderMetrics,
                judgedInPhase.startedAt(), judgedInPhase.finishedAt(), judgedInPhase.durationMillis(), judgedInPhase.verdicts());

        assertThat(RunVerdicts.recompute(judgedInPhase).verdict()).as("the plan's 95 % line, errors sustained").isEqualTo(Verdict.FAIL);
        assertThat(RunVerdicts.recompute(older)).isEqualTo(RunVerdicts.judge(run, CheckpointContext.NONE));
        assertThat(RunVerdicts.recompute(older).verdict()).as("96 % under the runbook's 97 %, errors once").isEqualTo(Verdict.WARN);
    }

    /** A run as the metric queries would have returned these numbers (rows and all), without a database to seed per row. */
    private static SuiteRun run(Rate success, Rate manualReview, AlarmCounts alarms, Long legacyEvents) {
        Instant started = Instant.parse("2025-03-04T12:00:00Z");
        List<QueryOutcome> outcomes = new ArrayList<>(List.of(
                ran(MetricKind.SUCCESS_RATE.windowQuery(), started, List.of("matching", "total"), success.matching(), success.total()),
                ran(MetricKind.MANUAL_REVIEW_RATE.windowQuery(), started, List.of("matching", "total"), manualReview.matching(),
                        manualReview.total()),
                ran(AlarmCounts.QUERY, started, List.of(AlarmCounts.ERRORS, AlarmCounts.CIRCUIT_OPENS), alarms.errors(), alarms.circuitOpens())));
        if (legacyEvents != null) {
            outcomes.add(ran(LegacyActivity.QUERY, started, List.of(LegacyActivity.EVENTS), legacyEvents));
        }
        return new SuiteRun("staging", "quick", outcomes, Map.of(MetricKind.SUCCESS_RATE, success, MetricKind.MANUAL_REVIEW_RATE,
                manualReview), alarms, started.minus(Duration.ofHours(6)), started, started, started.plusSeconds(2), Duration.ofSeconds(2),
                legacyEvents);
    }

    private static QueryOutcome ran(String name, Instant started, List<String> columns, Object... row) {
        return new QueryOutcome(METRICS.byName(name).orElseThrow(), Map.of("since", started.minus(Duration.ofHours(6)).toString(),
                "until", started.toString()), QueryStatus.OK, columns, List.of(List.of(row)), null, started, Duration.ofMillis(3),
                FailureKind.NONE);
    }

    private static SnapshotTaken recordAndReadBack(SuiteRun run, CheckpointContext context) {
        StoredEntry stored = recorder.record(run, "FEATURE_ASSIGNMENT_PIPELINE_V3", "T+6h", context);
        return (SnapshotTaken) journal.reader().entry(stored.id()).orElseThrow().entry();
    }
}
