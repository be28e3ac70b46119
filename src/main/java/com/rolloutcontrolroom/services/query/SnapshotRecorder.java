package com.rolloutcontrolroom.services.query;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.rolloutcontrolroom.domain.gate.CheckpointContext;
import com.rolloutcontrolroom.domain.journal.QueryResult;
import com.rolloutcontrolroom.domain.journal.ScheduledFor;
import com.rolloutcontrolroom.domain.journal.SnapshotTaken;
import com.rolloutcontrolroom.domain.journal.SnapshotVerdict;
import com.rolloutcontrolroom.domain.journal.StoredEntry;
import com.rolloutcontrolroom.domain.metrics.AlarmCounts;
import com.rolloutcontrolroom.domain.metrics.LegacyActivity;
import com.rolloutcontrolroom.domain.metrics.MetricKind;
import com.rolloutcontrolroom.domain.metrics.Rate;
import com.rolloutcontrolroom.services.journal.JournalWriter;
import com.rolloutcontrolroom.services.operator.OperatorIdentity;

/**
 * Records a run as a snapshot in the journal: the exact SQL, parameters and rows of each query,
 * the derived metrics with their event counts (and the alarm counts), the verdicts, timings,
 * environment and operator.
 */
public final class SnapshotRecorder {

    private final JournalWriterSource journal;
    private final OperatorIdentity operator;
    private final SnapshotJson json;
    private final Clock clock;

    public SnapshotRecorder(JournalWriterSource journal, OperatorIdentity operator, SnapshotJson json, Clock clock) {
        this.journal = journal;
        this.operator = operator;
        this.json = json;
        this.clock = clock;
    }

    /** A run outside any rollout, judged by the runbook. Blocking (an fsync'd append): call from background work. */
    public StoredEntry record(SuiteRun run, String rollout, String checkpoint) {
        return record(run, rollout, checkpoint, CheckpointContext.NONE);
    }

    /**
     * A run judged in its phase's context, which the snapshot records with its numbers. Blocking (an
     * fsync'd append): call from background work.
     */
    public StoredEntry record(SuiteRun run, String rollout, String checkpoint, CheckpointContext context) {
        // opened first: opening may append records of its own (the key's enrollment, a trigger repair), and
        // the snapshot must not carry a time earlier than the record before it
        JournalWriter writer = journal.writer();
        return writer.append(snapshot(run, rollout, checkpoint, null, context, List.of(), Map.of()));
    }

    /**
     * The snapshot of a run, not yet written: the scheduler writes it against the rollout state it
     * decided on, so a checkpoint another process took meanwhile is not taken twice.
     *
     * @param scheduled     the planned checkpoint it serves; null for a run someone started
     * @param extraOutcomes queries run beside the suite (the final verification's whole-window measures)
     * @param extraMetrics  the numbers read from them
     */
    public SnapshotTaken snapshot(SuiteRun run, String rollout, String checkpoint, ScheduledFor scheduled, CheckpointContext context,
                                  List<QueryOutcome> extraOutcomes, Map<String, BigDecimal> extraMetrics) {
        List<QueryResult> queries = new ArrayList<>();
        for (QueryOutcome outcome : run.outcomes()) {
            queries.add(new QueryResult(outcome.query().name(), outcome.query().sql(), outcome.parameters(), json.outcomeJson(outcome)));
        }
        for (QueryOutcome outcome : extraOutcomes) {
            queries.add(new QueryResult(outcome.query().name(), outcome.query().sql(), outcome.parameters(), json.outcomeJson(outcome)));
        }
        Map<String, BigDecimal> metrics = measured(new RunMeasures(run.metrics(), run.alarms(), run.legacyEvents()), extraMetrics);
        RecordedContext.write(context, metrics);
        // the snapshot is evidence: it carries the judgement of its own numbers, with the reasons, and every
        // number the judge read (the bands and context too), so the verdicts can be recomputed from the snapshot alone
        List<SnapshotVerdict> verdicts = RunVerdicts.of(run, context);
        return new SnapshotTaken(Instant.now(clock), operator.current(), run.environment(), rollout, checkpoint,
                run.querySet(), queries, metrics, run.startedAt(), run.finishedAt(), run.took().toMillis(), verdicts, scheduled);
    }

    /**
     * The numbers a snapshot records from its rows (the context it was judged with is added apart): the same
     * map for a live run and for a recorded one read back by {@link RecordedMetrics}.
     */
    static Map<String, BigDecimal> measured(RunMeasures measures, Map<String, BigDecimal> extraMetrics) {
        Map<String, BigDecimal> metrics = new TreeMap<>(extraMetrics);
        for (Map.Entry<MetricKind, Rate> metric : measures.rates().entrySet()) {
            String key = RunVerdicts.metricName(metric.getKey());
            Rate rate = metric.getValue();
            metrics.put(key + ".matching", BigDecimal.valueOf(rate.matching()));
            metrics.put(key + ".total", BigDecimal.valueOf(rate.total()));
            rate.percent().ifPresent(percent -> metrics.put(key + ".percent", percent));
        }
        if (measures.alarms() != null) {
            metrics.put(RunVerdicts.metricKey(AlarmCounts.METRIC_KEY, AlarmCounts.ERRORS), BigDecimal.valueOf(measures.alarms().errors()));
            metrics.put(RunVerdicts.metricKey(AlarmCounts.METRIC_KEY, AlarmCounts.CIRCUIT_OPENS),
                    BigDecimal.valueOf(measures.alarms().circuitOpens()));
        }
        if (measures.legacyEvents() != null) {
            metrics.put(RunVerdicts.metricKey(LegacyActivity.METRIC_KEY, LegacyActivity.EVENTS), BigDecimal.valueOf(measures.legacyEvents()));
        }
        return metrics;
    }

    /** Where appends go; the app opens the journal lazily, tests hand in their own. */
    @FunctionalInterface
    public interface JournalWriterSource {
        JournalWriter writer();
    }
}
