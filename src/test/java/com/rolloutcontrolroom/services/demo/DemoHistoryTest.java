package com.rolloutcontrolroom.services.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.rolloutcontrolroom.domain.journal.EntryKind;
import com.rolloutcontrolroom.domain.journal.StoredEntry;
import com.rolloutcontrolroom.domain.rollout.PhaseState;
import com.rolloutcontrolroom.domain.rollout.PhaseStatus;
import com.rolloutcontrolroom.domain.rollout.RolloutPlan;
import com.rolloutcontrolroom.domain.rollout.RolloutState;
import com.rolloutcontrolroom.domain.rollout.ThreePhasePlan;
import com.rolloutcontrolroom.services.home.AppHome;
import com.rolloutcontrolroom.services.home.Workspace;
import com.rolloutcontrolroom.services.journal.JournalAccess;
import com.rolloutcontrolroom.services.journal.JournalKeys;
import com.rolloutcontrolroom.services.journal.JournalQuery;
import com.rolloutcontrolroom.services.operator.OperatorIdentity;
import com.rolloutcontrolroom.services.rollout.CurrentRollout;
import com.rolloutcontrolroom.services.rollout.Rollouts;
import com.rolloutcontrolroom.services.settings.SettingsFile;

/** The demo rollout's story, recorded once into the demo's own journal and nowhere else. */
class DemoHistoryTest {

    private static final Instant NOW = Instant.parse("2026-03-02T12:00:00Z");

    @TempDir
    Path folder;

    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final DemoStory story = DemoStory.anchoredAt(NOW.minusSeconds(5));

    @Test
    void aFreshFolderGetsTheRolloutUnderWayInStagingFullSinceTheStorysFullStart() {
        AppHome home = home();
        RolloutState state;
        try (JournalAccess journal = demoJournal(home)) {
            state = history(home, journal).recordOnce(story);
        }

        assertThat(state.rollout()).isEqualTo(plan().rollout());
        assertThat(state.currentPhaseName()).isEqualTo("Staging full");
        assertThat(state.phases()).extracting(PhaseState::status).containsExactly(PhaseStatus.DONE, PhaseStatus.DONE,
                PhaseStatus.CURRENT, PhaseStatus.NEXT, PhaseStatus.PENDING, PhaseStatus.PENDING);
        assertThat(state.plan().environments()).extracting(e -> e.environment()).containsOnly("demo");
        PhaseState full = state.phase("Staging full").orElseThrow();
        assertThat(full.startedAt()).isEqualTo(story.fullStart());
        assertThat(Duration.between(full.startedAt(), NOW)).isBetween(Duration.ofHours(30), Duration.ofHours(31));
        assertThat(state.phase("Staging shadow").orElseThrow().startedAt()).isEqualTo(story.shadowStart());
        assertThat(state.phase("Staging shadow").orElseThrow().endedAt()).isEqualTo(story.fullStart());
        for (PhaseState phase : state.phases().subList(0, 3)) {
            assertThat(phase.checklistComplete()).as(phase.name() + " checklist ticked").isTrue();
            assertThat(phase.plan().checklist()).isNotEmpty();
        }
        assertThat(state.problems()).isEmpty();
        assertThat(new CurrentRollout(new SettingsFile(Workspace.DEMO.rolloutSettings(home))).remembered())
                .as("the demo rollout is the demo workspace's current one").contains(plan().rollout());
        assertThat(new CurrentRollout(new SettingsFile(Workspace.REAL.rolloutSettings(home))).remembered())
                .as("the real workspace's current rollout is left alone").isEmpty();
        assertThat(home.journal()).as("nothing went to the real journal").doesNotExist();
    }

    @Test
    void everyRecordSaysItWasRecordedNowAfterWhatTheJournalAlreadyHeld() {
        AppHome home = home();
        try (JournalAccess journal = demoJournal(home)) {
            history(home, journal).recordOnce(story);
            List<StoredEntry> records = journal.reader().entries(JournalQuery.all());
            assertThat(records).isNotEmpty().allSatisfy(record -> assertThat(record.entry().recordedAt()).isEqualTo(NOW));
            assertThat(records).filteredOn(record -> record.entry().kind() == EntryKind.PHASE_TRANSITION).hasSize(2);
        }
    }

    @Test
    void recordingTwiceRecordsNothingMore() {
        AppHome home = home();
        try (JournalAccess journal = demoJournal(home)) {
            RolloutState first = history(home, journal).recordOnce(story);
            long count = journal.reader().count();
            RolloutState second = history(home, journal).recordOnce(DemoStory.anchoredAt(NOW.plusSeconds(3600)));
            assertThat(journal.reader().count()).isEqualTo(count);
            assertThat(second).isEqualTo(first);
        }
    }

    @Test
    void twoProcessesStartingTogetherRecordTheStoryOnce() throws Exception {
        AppHome home = home();
        long once;
        try (JournalAccess journal = new JournalAccess(new AppHome(folder.resolve("once")).ensureExists(), Workspace.DEMO,
                JournalKeys.none("Test."))) {
            history(new AppHome(folder.resolve("once")), journal).recordOnce(story);
            once = journal.reader().count();
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CyclicBarrier together = new CyclicBarrier(2);
        List<Future<RolloutState>> starts = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                starts.add(pool.submit((Callable<RolloutState>) () -> {
                    // each its own journal connection, as the window and a `run --env demo` have
                    try (JournalAccess journal = demoJournal(home)) {
                        journal.database();
                        together.await(30, TimeUnit.SECONDS);
                        return history(home, journal).recordOnce(story);
                    }
                }));
            }
            for (Future<RolloutState> start : starts) {
                assertThat(start.get(60, TimeUnit.SECONDS).currentPhaseName()).isEqualTo("Staging full");
            }
        } finally {
            pool.shutdownNow();
        }
        try (JournalAccess journal = demoJournal(home)) {
            assertThat(journal.reader().count()).isEqualTo(once);
            assertThat(journal.reader().entries(JournalQuery.ofKinds(EntryKind.ROLLOUT_CREATED))).hasSize(1);
            assertThat(journal.verifier().verify().isIntact()).isTrue();
        }
    }

    @Test
    void aRealRolloutAndTheDemoNeverSeeEachOther() {
        AppHome home = home();
        OperatorIdentity operator = OperatorIdentity.forCurrentUser(home);
        try (JournalAccess real = new JournalAccess(home)) {
            new Rollouts(real, operator, clock).create(ThreePhasePlan.of("CHECKOUT_V2", "staging"));
        }
        try (JournalAccess demo = demoJournal(home)) {
            history(home, demo).recordOnce(story);
            assertThat(new Rollouts(demo, operator, clock).names()).containsExactly(plan().rollout());
        }
        try (JournalAccess real = new JournalAccess(home)) {
            assertThat(new Rollouts(real, operator, clock).names()).containsExactly("CHECKOUT_V2");
            assertThat(real.reader().entries(JournalQuery.all().inRollout(plan().rollout()))).isEmpty();
        }
    }

    private AppHome home() {
        return new AppHome(folder.resolve("data")).ensureExists();
    }

    private static JournalAccess demoJournal(AppHome home) {
        return new JournalAccess(home, Workspace.DEMO, JournalKeys.none("Test."));
    }

    private DemoHistory history(AppHome home, JournalAccess journal) {
        return new DemoHistory(journal, OperatorIdentity.forCurrentUser(home),
                new CurrentRollout(new SettingsFile(Workspace.DEMO.rolloutSettings(home))), clock);
    }

    private static RolloutPlan plan() {
        return DemoHistory.plan();
    }
}
