package com.rolloutcontrolroom.services.schedule;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.rolloutcontrolroom.domain.query.QueryFileParser;
import com.rolloutcontrolroom.domain.rollout.DeploymentMarker;
import com.rolloutcontrolroom.domain.rollout.RolloutState;
import com.rolloutcontrolroom.domain.schedule.CheckpointLedger;
import com.rolloutcontrolroom.domain.schedule.LedgerEntry;
import com.rolloutcontrolroom.services.db.DatabaseProvider;
import com.rolloutcontrolroom.services.db.EnvironmentDatabases;
import com.rolloutcontrolroom.services.home.AppHome;
import com.rolloutcontrolroom.services.journal.JournalAccess;
import com.rolloutcontrolroom.services.operator.OperatorIdentity;
import com.rolloutcontrolroom.services.query.PhaseWindowReader;
import com.rolloutcontrolroom.services.query.QueryRunner;
import com.rolloutcontrolroom.services.query.QuerySetLoader;
import com.rolloutcontrolroom.services.query.SnapshotJson;
import com.rolloutcontrolroom.services.query.SnapshotRecorder;
import com.rolloutcontrolroom.services.query.SuiteRunner;
import com.rolloutcontrolroom.testsupport.MutableClock;

/**
 * One process's view of a data folder, wired as the app wires it: its own {@link JournalAccess} on the
 * folder, {@link Rollouts}, a {@link Scheduler} over a real {@link CheckpointTaker}; the clock is shared.
 */
final class ScheduleRig implements AutoCloseable {

    final AppHome home;
    final MutableClock clock;
    final JournalAccess journal;
    final com.rolloutcontrolroom.services.rollout.Rollouts rollouts;
    final Scheduler scheduler;

    ScheduleRig(Path dataFolder, MutableClock clock, DatabaseProvider environment) {
        this(dataFolder, clock, EnvironmentDatabases.only(SchedulePlan.ENVIRONMENT, environment));
    }

    ScheduleRig(Path dataFolder, MutableClock clock, EnvironmentDatabases environments) {
        this.home = new AppHome(dataFolder);
        this.clock = clock;
        this.journal = new JournalAccess(home);
        OperatorIdentity operator = OperatorIdentity.forCurrentUser(home);
        this.rollouts = new com.rolloutcontrolroom.services.rollout.Rollouts(journal, operator, clock);
        QueryRunner queries = new QueryRunner(Duration.ofSeconds(10), clock);
        CheckpointTaker taker = new CheckpointTaker(new SuiteRunner(queries, clock), new PhaseWindowReader(queries),
                environments,
                () -> QuerySetLoader.builtIn(new QueryFileParser()),
                new SnapshotRecorder(journal::writer, operator, new SnapshotJson(), clock));
        this.scheduler = new Scheduler(rollouts, journal, taker, clock);
    }

    /** Creates the rollout an hour before {@code marker} and promotes it into the full phase with a deployment marker at {@code marker}. */
    RolloutState startFullPhaseAt(Instant marker) {
        clock.set(marker.minus(Duration.ofHours(1)));
        RolloutState created = rollouts.create(SchedulePlan.plan());
        clock.set(marker);
        RolloutState full = rollouts.promote(created, new DeploymentMarker(marker, null, "Ana", null));
        if (!full.currentPhaseName().equals(SchedulePlan.FULL)) {
            throw new IllegalStateException("not in the full phase: " + full.currentPhaseName());
        }
        return full;
    }

    RolloutState state() {
        return rollouts.require(SchedulePlan.ROLLOUT);
    }

    List<LedgerEntry> ledger() {
        return CheckpointLedger.of(state(), clock.instant()).entries();
    }

    LedgerEntry entry(String label) {
        return ledger().stream().filter(e -> e.label().equals(label)).findFirst().orElseThrow();
    }

    @Override
    public void close() {
        journal.close();
    }
}
