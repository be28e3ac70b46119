package com.rolloutcontrolroom.services.schedule;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.rolloutcontrolroom.domain.journal.SnapshotTaken;
import com.rolloutcontrolroom.domain.journal.StoredEntry;
import com.rolloutcontrolroom.domain.rollout.RolloutState;
import com.rolloutcontrolroom.domain.schedule.CheckpointLedger;
import com.rolloutcontrolroom.domain.schedule.LedgerEntry;
import com.rolloutcontrolroom.domain.query.QuerySet;
import com.rolloutcontrolroom.services.db.EnvironmentDatabases;
import com.rolloutcontrolroom.services.journal.JournalAccess;
import com.rolloutcontrolroom.services.operator.OperatorIdentity;
import com.rolloutcontrolroom.services.query.PhaseWindowReader;
import com.rolloutcontrolroom.services.query.QueryRunner;
import com.rolloutcontrolroom.services.query.SnapshotJson;
import com.rolloutcontrolroom.services.query.SnapshotRecorder;
import com.rolloutcontrolroom.services.query.SuiteRunner;
import com.rolloutcontrolroom.services.journal.RolloutChangedException;
import com.rolloutcontrolroom.services.rollout.Rollouts;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the monitoring schedule, one tick at a time: from the plan, the deployment markers and the journal
 * it works out which checkpoints are due and takes them. It keeps no state of its own, so a restart, a
 * second process or a clock jump reads the same ledger and takes nothing twice. No JavaFX; the clock is
 * given. Call it only while holding the journal's schedule lock ({@link ScheduleKeeper} does).
 */
public final class Scheduler {

    private static final Logger LOG = LoggerFactory.getLogger(Scheduler.class);
    private static final int WRITE_TRIES = 3;

    private final Rollouts rollouts;
    private final JournalAccess journal;
    private final CheckpointTaker taker;
    private final Clock clock;

    public Scheduler(Rollouts rollouts, JournalAccess journal, CheckpointTaker taker, Clock clock) {
        this.rollouts = rollouts;
        this.journal = journal;
        this.taker = taker;
        this.clock = clock;
    }

    /** The scheduler the desktop app and {@code watch} both run: the same queries, judge and journal as a manual run. */
    public static Scheduler of(Rollouts rollouts, JournalAccess journal, EnvironmentDatabases databases,
                               Supplier<QuerySet> querySets, OperatorIdentity operator, Duration statementTimeout, Clock clock) {
        QueryRunner queries = new QueryRunner(statementTimeout, clock);
        SnapshotRecorder snapshots = new SnapshotRecorder(journal::writer, operator, new SnapshotJson(), clock);
        CheckpointTaker taker = new CheckpointTaker(new SuiteRunner(queries, clock), new PhaseWindowReader(queries), databases,
                querySets, snapshots);
        return new Scheduler(rollouts, journal, taker, clock);
    }

    /** A checkpoint this tick took (or attempted), as written. */
    public record Taken(String rollout, LedgerEntry entry, StoredEntry stored) {
    }

    /** Blocking: takes every due checkpoint of every rollout in progress, oldest first. */
    public List<Taken> tick() {
        List<Taken> taken = new ArrayList<>();
        for (String rollout : rollouts.names()) {
            taken.addAll(tick(rollout));
        }
        return taken;
    }

    /** Blocking: takes every due checkpoint of one rollout, oldest first. */
    public List<Taken> tick(String rollout) {
        List<Taken> taken = new ArrayList<>();
        Optional<RolloutState> read = rollouts.state(rollout);
        while (read.isPresent() && !read.get().isDone()) {
            RolloutState state = read.get();
            Instant now = Instant.now(clock);
            Optional<LedgerEntry> due = CheckpointLedger.of(state, now).toTake(now).stream().findFirst();
            if (due.isEmpty()) {
                break;
            }
            SnapshotTaken snapshot = taker.take(state, due.get());
            Optional<StoredEntry> stored = write(state, due.get(), snapshot);
            if (stored.isEmpty()) {
                break;
            }
            taken.add(new Taken(rollout, due.get(), stored.get()));
            read = rollouts.state(rollout);
        }
        return taken;
    }

    /**
     * Writes against the state the checkpoint was chosen from. If something else was recorded meanwhile
     * (a tick in the window, a marker), the ledger is read again: the snapshot is written only if that
     * checkpoint still wants taking; its numbers stand, since they are as of its due time.
     */
    private Optional<StoredEntry> write(RolloutState state, LedgerEntry entry, SnapshotTaken snapshot) {
        RolloutState seen = state;
        for (int attempt = 1; attempt <= WRITE_TRIES; attempt++) {
            try {
                return Optional.of(journal.writer().appendAll(seen.rollout(), seen.lastRecordId(), List.of(snapshot)).get(0));
            } catch (RolloutChangedException changed) {
                seen = rollouts.require(seen.rollout());
                Instant now = Instant.now(clock);
                boolean stillWanted = CheckpointLedger.of(seen, now).entries().stream()
                        .anyMatch(e -> sameCheckpoint(e, entry) && e.toTake(now));
                if (!stillWanted) {
                    LOG.info("{} {} of {} was taken elsewhere meanwhile; this run is not recorded", entry.label(), entry.phase(),
                            seen.rollout());
                    return Optional.empty();
                }
            }
        }
        LOG.warn("{} {} of {} could not be written: the rollout kept changing; the next tick tries again", entry.label(),
                entry.phase(), state.rollout());
        return Optional.empty();
    }

    private static boolean sameCheckpoint(LedgerEntry a, LedgerEntry b) {
        return a.phase().equalsIgnoreCase(b.phase()) && a.visitMarker().equals(b.visitMarker()) && a.label().equals(b.label());
    }
}
