package com.rolloutcontrolroom.services.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import com.rolloutcontrolroom.domain.rollout.RolloutState;
import com.rolloutcontrolroom.services.journal.JournalAccess;
import com.rolloutcontrolroom.services.journal.ScheduleLock;
import com.rolloutcontrolroom.services.notify.Notice;
import com.rolloutcontrolroom.services.notify.NoticeSink;
import com.rolloutcontrolroom.services.rollout.Rollouts;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a journal's monitoring schedule on a background thread, in whichever process holds the schedule
 * lock (the desktop app or {@code watch}); the others only look, and take over when the keeper exits.
 * Each tick: try for the lock, take what is due, tell the notice sinks what changed.
 */
public final class ScheduleKeeper implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduleKeeper.class);

    private final JournalAccess journal;
    private final Rollouts rollouts;
    private final Scheduler scheduler;
    private final Clock clock;
    private final NoticeSink notices;
    private final Optional<String> onlyRollout;
    private final LedgerNotices changes = new LedgerNotices();
    private ScheduleLock lock;
    private ScheduledExecutorService timer;

    /** @param onlyRollout keep only this rollout's schedule; empty for every rollout in progress */
    public ScheduleKeeper(JournalAccess journal, Rollouts rollouts, Scheduler scheduler, Clock clock, NoticeSink notices,
                          Optional<String> onlyRollout) {
        this.journal = journal;
        this.rollouts = rollouts;
        this.scheduler = scheduler;
        this.clock = clock;
        this.notices = notices;
        this.onlyRollout = onlyRollout;
    }

    /** What one tick did. @param keeperPid the process keeping the schedule when this one does not */
    public record Tick(boolean keeping, long keeperPid, List<Scheduler.Taken> taken, List<Notice> notices) {
    }

    /** Blocking: one tick. Failures of a sink never reach here; a query failure is an ERROR attempt, not an exception. */
    public synchronized Tick tick() {
        if (!journal.exists() || rollouts.names().isEmpty()) {
            return new Tick(lock != null, -1, List.of(), List.of());
        }
        if (lock == null) {
            lock = journal.tryKeepSchedule().orElse(null);
            if (lock == null) {
                return new Tick(false, journal.scheduleKeeper(), List.of(), look());
            }
            LOG.info("keeping the monitoring schedule of {}", journal.workspace());
        }
        List<Scheduler.Taken> taken = onlyRollout.map(scheduler::tick).orElseGet(scheduler::tick);
        return new Tick(true, ProcessHandle.current().pid(), taken, look());
    }

    private List<Notice> look() {
        List<Notice> found = new ArrayList<>();
        Instant now = Instant.now(clock);
        for (String name : onlyRollout.map(List::of).orElseGet(rollouts::names)) {
            Optional<RolloutState> state = rollouts.state(name);
            if (state.isPresent() && !state.get().isDone()) {
                found.addAll(changes.look(state.get(), now));
            }
        }
        found.forEach(notices::publish);
        return found;
    }

    /**
     * Ticks every {@code every} on a daemon thread until closed; a tick's failure is logged and handed to
     * {@code onFailure}; a tick that wrote to the journal is handed to {@code onWritten} (screens read again).
     */
    public synchronized void start(Duration every, Consumer<Throwable> onFailure, Consumer<Tick> onWritten) {
        if (timer != null) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "schedule-keeper");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(() -> {
            try {
                Tick tick = tick();
                if (!tick.taken().isEmpty()) {
                    onWritten.accept(tick);
                }
            } catch (RuntimeException | Error e) {
                LOG.error("The monitoring schedule could not be kept this tick; it tries again at the next", e);
                onFailure.accept(e);
            }
        }, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops ticking (a checkpoint being taken finishes first) and lets another process keep the schedule. */
    @Override
    public void close() {
        ScheduledExecutorService running;
        synchronized (this) {
            running = timer;
            timer = null;
        }
        if (running != null) {
            running.shutdown();
            try {
                running.awaitTermination(2, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (this) {
            if (lock != null) {
                lock.close();
                lock = null;
            }
        }
    }
}
