package com.rolloutcontrolroom.domain.journal;

import com.rolloutcontrolroom.domain.operator.Operator;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The recorded result of running a query set once.
 *
 * @param checkpoint     the scheduled T+ offset it served ("T+1h"), or null for an on-demand run
 * @param scheduled      the planned checkpoint the scheduler took it for; null for a run someone started
 * @param metrics        derived metrics; decimals so 97.50 % is journaled exactly as computed
 * @param durationMillis measured wall time, kept apart from started/finished because it is
 *                       measured with a monotonic clock
 */
public record SnapshotTaken(Instant recordedAt, Operator operator, String environment, String rollout,
                            String checkpoint, String querySet, List<QueryResult> queries,
                            Map<String, BigDecimal> metrics, Instant startedAt, Instant finishedAt,
                            long durationMillis, List<SnapshotVerdict> verdicts, ScheduledFor scheduled)
        implements JournalEntry {

    /** A run someone started, not the scheduler. */
    public SnapshotTaken(Instant recordedAt, Operator operator, String environment, String rollout, String checkpoint,
                         String querySet, List<QueryResult> queries, Map<String, BigDecimal> metrics, Instant startedAt,
                         Instant finishedAt, long durationMillis, List<SnapshotVerdict> verdicts) {
        this(recordedAt, operator, environment, rollout, checkpoint, querySet, queries, metrics, startedAt, finishedAt,
                durationMillis, verdicts, null);
    }

    public SnapshotTaken {
        recordedAt = Require.time(recordedAt, "Recorded-at time");
        Require.present(operator, "Operator");
        environment = Require.text(environment, "Environment");
        rollout = Require.text(rollout, "Rollout name");
        checkpoint = Require.optionalText(checkpoint);
        querySet = Require.text(querySet, "Query set name");
        queries = List.copyOf(Require.present(queries, "Queries"));
        if (queries.isEmpty()) {
            throw new IllegalArgumentException("Snapshot has no queries; record at least the one that ran.");
        }
        TreeMap<String, BigDecimal> sorted = new TreeMap<>();
        Require.present(metrics, "Metrics").forEach((name, value) -> {
            BigDecimal checked = Require.present(value, "Value of metric " + name);
            // a negative scale (1E+3) would print differently from how it reads back
            sorted.put(Require.text(name, "Metric name"), checked.scale() < 0 ? checked.setScale(0) : checked);
        });
        metrics = Map.copyOf(sorted);
        startedAt = Require.time(startedAt, "Snapshot start time");
        finishedAt = Require.time(finishedAt, "Snapshot finish time");
        if (finishedAt.isBefore(startedAt)) {
            throw new IllegalArgumentException("Snapshot finish time is before its start time; check the clock.");
        }
        if (durationMillis < 0) {
            throw new IllegalArgumentException("Snapshot duration is negative; measure it with a monotonic clock.");
        }
        verdicts = List.copyOf(Require.present(verdicts, "Verdicts"));
        if (scheduled != null && checkpoint == null) {
            throw new IllegalArgumentException("A scheduled snapshot names its checkpoint, as T+6h.");
        }
    }

    @Override
    public EntryKind kind() {
        return EntryKind.SNAPSHOT;
    }
}
