package com.rolloutcontrolroom.services.schedule;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.rolloutcontrolroom.domain.gate.CheckpointContext;
import com.rolloutcontrolroom.domain.journal.ScheduledFor;
import com.rolloutcontrolroom.domain.metrics.AlarmCounts;
import com.rolloutcontrolroom.domain.journal.SnapshotTaken;
import com.rolloutcontrolroom.domain.query.QuerySet;
import com.rolloutcontrolroom.domain.rollout.CheckpointKind;
import com.rolloutcontrolroom.domain.rollout.GateKind;
import com.rolloutcontrolroom.domain.rollout.PhasePlan;
import com.rolloutcontrolroom.domain.rollout.RolloutState;
import com.rolloutcontrolroom.domain.schedule.CheckpointLedger;
import com.rolloutcontrolroom.domain.schedule.LedgerEntry;
import com.rolloutcontrolroom.services.db.EnvironmentDatabases;
import com.rolloutcontrolroom.services.query.FailureKind;
import com.rolloutcontrolroom.services.query.PhaseWindowReader;
import com.rolloutcontrolroom.services.query.QueryOutcome;
import com.rolloutcontrolroom.services.query.RunCancellation;
import com.rolloutcontrolroom.services.query.SnapshotRecorder;
import com.rolloutcontrolroom.services.query.SuiteRun;
import com.rolloutcontrolroom.services.query.SuiteRunner;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes one planned checkpoint: its suite on the phase's environment, measured as of its due time, and
 * for a phase's final verification the whole window its gate judges. An unreachable database is not an
 * exception but an attempt on record, so retries are counted from the journal.
 */
public final class CheckpointTaker {

    private static final Logger LOG = LoggerFactory.getLogger(CheckpointTaker.class);

    private final SuiteRunner suites;
    private final PhaseWindowReader windows;
    private final EnvironmentDatabases databases;
    private final Supplier<QuerySet> querySets;
    private final SnapshotRecorder snapshots;

    public CheckpointTaker(SuiteRunner suites, PhaseWindowReader windows, EnvironmentDatabases databases,
                           Supplier<QuerySet> querySets, SnapshotRecorder snapshots) {
        this.suites = suites;
        this.windows = windows;
        this.databases = databases;
        this.querySets = querySets;
        this.snapshots = snapshots;
    }

    /** Blocking: runs queries. The snapshot is not written; the scheduler writes it against the state it read. */
    public SnapshotTaken take(RolloutState state, LedgerEntry entry) {
        PhasePlan phase = state.plan().phase(entry.phase()).orElseThrow();
        String environment = state.plan().environmentOf(phase);
        QuerySet set = querySets.get();
        SuiteRun run;
        try {
            run = suites.attempt(databases, environment, set, entry.kind().suite(), entry.due(), new RunCancellation(),
                    database -> { }, outcome -> { });
        } catch (IllegalArgumentException unknown) {
            // an environment the plan names but this machine lacks: an attempt on record, retried, then ERROR
            run = suites.unreachable(environment, set, entry.kind().suite(), unknown.getMessage(), FailureKind.CONNECTION, entry.due());
        }
        boolean reached = !run.reachedNothing();
        List<QueryOutcome> extra = List.of();
        Map<String, BigDecimal> extraMetrics = Map.of();
        if (reached && entry.kind() == CheckpointKind.FINAL && phase.gate().kind() == GateKind.METRICS) {
            Duration window = phase.gate().sustained();
            Instant end = entry.visitMarker().plus(window);
            if (end.isAfter(entry.due())) {
                window = Duration.between(entry.visitMarker(), entry.due());
            }
            try {
                PhaseWindowReader.PhaseWindow measured = windows.read(databases.database(environment), set, entry.visitMarker(), window);
                extra = measured.outcomes();
                extraMetrics = measured.counts().toMetrics();
            } catch (Exception e) {
                // the suite's own evidence is still recorded; the gate waits for a window it can read
                LOG.warn("The {} window of {} could not be measured: {}", entry.phase(), state.rollout(), e.getMessage(), e);
            }
        }
        return snapshots.snapshot(run, state.rollout(), entry.label(), new ScheduledFor(entry.phase(), entry.due(), reached),
                context(state, phase, entry), extra, extraMetrics);
    }

    /** The plan's bands, shadow mode, and the coordinator errors of the checkpoint taken before this one in the same run of the phase. */
    private static CheckpointContext context(RolloutState state, PhasePlan phase, LedgerEntry entry) {
        Long previousErrors = CheckpointLedger.of(state, entry.due()).latestVisit(entry.phase()).stream()
                .filter(e -> e.visitMarker().equals(entry.visitMarker()) && e.due().isBefore(entry.due()) && e.state().taken())
                .reduce((a, b) -> b)
                .map(e -> e.taken().entry().metrics().get(AlarmCounts.METRIC_KEY + "." + AlarmCounts.ERRORS))
                .map(BigDecimal::longValueExact)
                .orElse(null);
        return CheckpointContext.of(phase.gate().thresholds(), phase.isShadow(), previousErrors);
    }
}
