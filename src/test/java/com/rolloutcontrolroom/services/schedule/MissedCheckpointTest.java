package com.rolloutcontrolroom.services.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.rolloutcontrolroom.domain.environment.DatabaseTarget;
import com.rolloutcontrolroom.domain.rollout.DeploymentMarker;
import com.rolloutcontrolroom.domain.rollout.RolloutState;
import com.rolloutcontrolroom.domain.schedule.CheckpointState;
import com.rolloutcontrolroom.services.db.ConnectedDatabase;
import com.rolloutcontrolroom.services.db.Database;
import com.rolloutcontrolroom.testsupport.EmbeddedPostgresExtension;
import com.rolloutcontrolroom.testsupport.MutableClock;
import com.rolloutcontrolroom.testsupport.ObservabilityFixture;

/** A checkpoint due while its phase ran but never taken reads MISSED once the phase is left, and is not taken afterwards. */
class MissedCheckpointTest {

    @RegisterExtension
    static final EmbeddedPostgresExtension postgres = new EmbeddedPostgresExtension();

    @TempDir
    Path dataFolder;

    private final Instant marker = Instant.now().minus(Duration.ofHours(10)).truncatedTo(ChronoUnit.SECONDS);

    @Test
    void leavingThePhaseByOverrideMakesItsUntakenDueCheckpointsMissedAndTheRestNotReached() throws Exception {
        new ObservabilityFixture(postgres.dataSource());
        Database database = new ConnectedDatabase(postgres.dataSource(),
                new DatabaseTarget(SchedulePlan.ENVIRONMENT, "localhost", postgres.port(), postgres.databaseName(), "postgres"));
        MutableClock clock = new MutableClock(marker);
        try (ScheduleRig rig = new ScheduleRig(dataFolder, clock, () -> database)) {
            rig.startFullPhaseAt(marker);
            clock.set(marker.plusSeconds(10));
            assertThat(rig.scheduler.tick()).hasSize(1);
            clock.set(marker.plus(Duration.ofHours(2))); // T+1h fell due while nothing ticked
            assertThat(rig.entry("T+1h").state()).isEqualTo(CheckpointState.OVERDUE);

            RolloutState left = rig.rollouts.override(rig.state(), new DeploymentMarker(clock.instant(), null, "Ana", null),
                    "Cleanup started early for the test", "Dana Reviewer");
            assertThat(left.currentPhaseName()).isEqualTo(SchedulePlan.CLEANUP);

            assertThat(rig.entry("T+0h").state()).isEqualTo(CheckpointState.TAKEN);
            assertThat(rig.entry("T+1h").state()).isEqualTo(CheckpointState.MISSED);
            assertThat(rig.entry("T+1h").describe()).isEqualTo("T+1h Full query suite of Staging full: MISSED, the phase ended before it was taken");
            assertThat(rig.ledger()).filteredOn(e -> e.due().isAfter(clock.instant()))
                    .extracting(e -> e.state()).hasSize(7).containsOnly(CheckpointState.NOT_REACHED);
            clock.advance(Duration.ofDays(3));
            assertThat(rig.scheduler.tick()).as("a missed checkpoint is not taken after its phase").isEmpty();
            assertThat(rig.entry("T+1h").state()).isEqualTo(CheckpointState.MISSED);
        }
    }
}
