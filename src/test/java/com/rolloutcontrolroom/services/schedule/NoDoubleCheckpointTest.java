package com.rolloutcontrolroom.services.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.rolloutcontrolroom.domain.environment.DatabaseTarget;
import com.rolloutcontrolroom.domain.journal.SnapshotTaken;
import com.rolloutcontrolroom.domain.rollout.Recorded;
import com.rolloutcontrolroom.domain.schedule.CheckpointState;
import com.rolloutcontrolroom.services.db.ConnectedDatabase;
import com.rolloutcontrolroom.services.db.Database;
import com.rolloutcontrolroom.services.notify.Notice;
import com.rolloutcontrolroom.testsupport.EmbeddedPostgresExtension;
import com.rolloutcontrolroom.testsupport.MutableClock;
import com.rolloutcontrolroom.testsupport.ObservabilityFixture;

/**
 * Two processes on one data folder (two {@code JournalAccess} objects, as two JVMs would have) tick at
 * once, again and again, across clock jumps, then one restarts: every checkpoint is served by exactly one
 * snapshot. And of two schedule keepers only one keeps the schedule until it closes.
 */
class NoDoubleCheckpointTest {

    @RegisterExtension
    static final EmbeddedPostgresExtension postgres = new EmbeddedPostgresExtension();

    @TempDir
    Path dataFolder;

    private final Instant marker = Instant.now().minus(Duration.ofHours(30)).truncatedTo(ChronoUnit.SECONDS);
    private Database database;

    @BeforeEach
    void setUp() throws Exception {
        new ObservabilityFixture(postgres.dataSource()).coordinator("coordinator.start", null, 60 * 20)
                .coordinator("coordinator.confirmed", null, 60 * 25);
        database = new ConnectedDatabase(postgres.dataSource(),
                new DatabaseTarget(SchedulePlan.ENVIRONMENT, "localhost", postgres.port(), postgres.databaseName(), "postgres"));
    }

    @Test
    void twoSchedulersTickingAtOnceAndARestartTakeEveryCheckpointExactlyOnce() throws Exception {
        MutableClock clock = new MutableClock(marker);
        ScheduleRig first = new ScheduleRig(dataFolder, clock, () -> database);
        List<Scheduler.Taken> taken = new CopyOnWriteArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try (ScheduleRig second = new ScheduleRig(dataFolder, clock, () -> database)) {
            first.startFullPhaseAt(marker);
            // on time, a jump over several, another jump: each round both tick three times at once
            for (Duration at : List.of(Duration.ofSeconds(10), Duration.ofMinutes(61), Duration.ofHours(10), Duration.ofHours(13))) {
                clock.set(marker.plus(at));
                CyclicBarrier together = new CyclicBarrier(2);
                List<Future<?>> running = new ArrayList<>();
                for (ScheduleRig rig : List.of(first, second)) {
                    running.add(threads.submit(() -> {
                        for (int i = 0; i < 3; i++) {
                            together.await(30, TimeUnit.SECONDS);
                            taken.addAll(rig.scheduler.tick());
                        }
                        return null;
                    }));
                }
                for (Future<?> run : running) {
                    run.get(2, TimeUnit.MINUTES);
                }
            }
            first.close(); // the first process is gone; a new one starts on the same folder
            clock.set(marker.plus(Duration.ofHours(25)));
            try (ScheduleRig restarted = new ScheduleRig(dataFolder, clock, () -> database)) {
                taken.addAll(restarted.scheduler.tick());
                taken.addAll(restarted.scheduler.tick());
                taken.addAll(second.scheduler.tick());

                List<String> expected = List.of("T+0h", "T+1h", "T+3h", "T+6h", "T+9h", "T+12h", "T+24h");
                assertThat(taken).extracting(t -> t.entry().label()).as("what the ticks report").containsExactlyInAnyOrderElementsOf(expected);
                Map<String, Long> reachedSnapshots = restarted.state().snapshots().stream().map(Recorded::entry)
                        .filter(s -> s.scheduled() != null && s.scheduled().databaseReached())
                        .collect(Collectors.groupingBy(SnapshotTaken::checkpoint, Collectors.counting()));
                assertThat(reachedSnapshots).as("snapshots in the journal per checkpoint")
                        .isEqualTo(expected.stream().collect(Collectors.toMap(label -> label, label -> 1L)));
                assertThat(restarted.ledger()).filteredOn(e -> expected.contains(e.label()))
                        .allSatisfy(e -> assertThat(e.state().taken()).as(e.label()).isTrue());
                assertThat(restarted.entry("T+36h").state()).isEqualTo(CheckpointState.PENDING);
                assertThat(restarted.journal.verifier().verify().isIntact()).isTrue();
            }
        } finally {
            threads.shutdownNow();
            first.close();
        }
    }

    @Test
    void ofTwoKeepersOnlyOneKeepsTheScheduleAndTheOtherTakesOverWhenItCloses() throws Exception {
        MutableClock clock = new MutableClock(marker);
        List<Notice> heard = new CopyOnWriteArrayList<>();
        try (ScheduleRig first = new ScheduleRig(dataFolder, clock, () -> database);
             ScheduleRig second = new ScheduleRig(dataFolder, clock, () -> database)) {
            first.startFullPhaseAt(marker);
            clock.set(marker.plusSeconds(10));
            ScheduleKeeper keeperOne = new ScheduleKeeper(first.journal, first.rollouts, first.scheduler, clock, heard::add, Optional.empty());
            ScheduleKeeper keeperTwo = new ScheduleKeeper(second.journal, second.rollouts, second.scheduler, clock, heard::add,
                    Optional.of(SchedulePlan.ROLLOUT));
            try {
                ScheduleKeeper.Tick one = keeperOne.tick();
                ScheduleKeeper.Tick two = keeperTwo.tick();
                assertThat(one.keeping()).isTrue();
                assertThat(one.taken()).extracting(t -> t.entry().label()).containsExactly("T+0h");
                assertThat(two.keeping()).isFalse();
                assertThat(two.taken()).isEmpty();
                assertThat(two.keeperPid()).isEqualTo(ProcessHandle.current().pid());

                clock.set(marker.plus(Duration.ofHours(1)).plusSeconds(10));
                assertThat(keeperTwo.tick().keeping()).as("still kept by the first").isFalse();
                assertThat(keeperOne.tick().taken()).extracting(t -> t.entry().label()).containsExactly("T+1h");

                keeperOne.close();
                clock.set(marker.plus(Duration.ofHours(3)).plusSeconds(10));
                ScheduleKeeper.Tick takenOver = keeperTwo.tick();
                assertThat(takenOver.keeping()).isTrue();
                assertThat(takenOver.taken()).extracting(t -> t.entry().label()).containsExactly("T+3h");
                assertThat(keeperOne.tick().keeping()).as("the closed keeper, ticked again, finds the schedule kept").isFalse();
            } finally {
                keeperOne.close();
                keeperTwo.close();
            }
            assertThat(first.ledger().stream().filter(e -> e.state().taken()).count()).isEqualTo(3);
        }
    }
}
