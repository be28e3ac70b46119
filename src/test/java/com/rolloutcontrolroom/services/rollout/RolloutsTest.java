package com.rolloutcontrolroom.services.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.rolloutcontrolroom.domain.journal.EntryKind;
import com.rolloutcontrolroom.domain.rollout.DeploymentMarker;
import com.rolloutcontrolroom.domain.rollout.MoveRefused;
import com.rolloutcontrolroom.domain.rollout.RolloutState;
import com.rolloutcontrolroom.domain.rollout.SmallPlan;
import com.rolloutcontrolroom.services.home.AppHome;
import com.rolloutcontrolroom.services.journal.JournalAccess;
import com.rolloutcontrolroom.services.journal.JournalQuery;
import com.rolloutcontrolroom.services.journal.RolloutChangedException;
import com.rolloutcontrolroom.services.operator.OperatorIdentity;
import com.rolloutcontrolroom.services.settings.SettingsFile;

/** Rollouts over a real SQLite journal file, with two processes' worth of access to one data folder. */
class RolloutsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-05T08:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private Rollouts rollouts(JournalAccess journal) {
        return new Rollouts(journal, new OperatorIdentity("ana", new SettingsFile(dir.resolve("settings.json"))), CLOCK);
    }

    @Test
    void creatingJournalsTheWholePlanAndTheRolloutStartsInPreparation() {
        try (JournalAccess journal = new JournalAccess(new AppHome(dir))) {
            RolloutState state = rollouts(journal).create(SmallPlan.named("V3"));

            assertThat(state.currentPhaseName()).isEqualTo(SmallPlan.PREPARATION);
            assertThat(state.plan()).isEqualTo(SmallPlan.named("V3"));
            assertThat(journal.reader().entries(JournalQuery.ofKinds(EntryKind.ROLLOUT_CREATED))).hasSize(1);
            assertThat(journal.verifier().verify().isIntact()).isTrue();
            assertThatThrownBy(() -> rollouts(journal).create(SmallPlan.named("V3"))).isInstanceOf(MoveRefused.class)
                    .hasMessage("A rollout named V3 already exists in this data folder; pick another name or make it current.");
        }
    }

    @Test
    void aDecisionOnAStaleStateIsRefusedAndNothingIsWritten() {
        AppHome home = new AppHome(dir);
        try (JournalAccess window = new JournalAccess(home); JournalAccess cli = new JournalAccess(home)) {
            RolloutState seen = rollouts(window).create(SmallPlan.named("V3"));
            rollouts(cli).tick(rollouts(cli).require("V3"), SmallPlan.PREPARATION, "Runbook reviewed", true);
            long before = window.reader().count();

            assertThatThrownBy(() -> rollouts(window).tick(seen, SmallPlan.PREPARATION, "Database connection verified", true))
                    .isInstanceOf(RolloutChangedException.class)
                    .hasMessage("Rollout V3 was changed elsewhere since this was read (record #2); look at it again and repeat if"
                            + " still right.");
            assertThat(window.reader().count()).isEqualTo(before);
        }
    }

    @Test
    void aRollbackAndItsMoveBackAreWrittenTogether() {
        try (JournalAccess journal = new JournalAccess(new AppHome(dir))) {
            Rollouts rollouts = rollouts(journal);
            RolloutState state = rollouts.create(SmallPlan.named("V3"));
            for (String item : List.of("Runbook reviewed", "Database connection verified")) {
                state = rollouts.tick(state, SmallPlan.PREPARATION, item, true);
            }
            for (String item : List.of("Vercel CLI authenticated", "Team notified")) {
                state = rollouts.tick(state, SmallPlan.SHADOW, item, true);
            }
            state = rollouts.promote(state, DeploymentMarker.now("Ana"));
            long before = journal.reader().count();

            RolloutState seen = state;
            assertThatThrownBy(() -> rollouts.rollback(seen, SmallPlan.PREPARATION, null, "Errors", "Flags off", " "))
                    .isInstanceOf(MoveRefused.class).hasMessageContaining("Rollback outcome");
            assertThat(journal.reader().count()).isEqualTo(before);

            RolloutState back = rollouts.rollback(seen, SmallPlan.PREPARATION, null, "Errors", "Flags off", "Restored");
            assertThat(back.currentPhaseName()).isEqualTo(SmallPlan.PREPARATION);
            List<EntryKind> kinds = journal.reader().entries(JournalQuery.all()).stream()
                    .map(stored -> stored.entry().kind()).toList();
            assertThat(kinds.subList(kinds.size() - 2, kinds.size())).containsExactly(EntryKind.ROLLBACK, EntryKind.PHASE_TRANSITION);
        }
    }

    @Test
    void twoRolloutsInOneDataFolderStayApart() {
        try (JournalAccess journal = new JournalAccess(new AppHome(dir))) {
            Rollouts rollouts = rollouts(journal);
            RolloutState a = rollouts.create(SmallPlan.named("ROLLOUT_A"));
            rollouts.create(SmallPlan.named("ROLLOUT_B"));
            rollouts.tick(a, SmallPlan.PREPARATION, "Runbook reviewed", true);

            assertThat(rollouts.names()).containsExactly("ROLLOUT_A", "ROLLOUT_B");
            assertThat(rollouts.require("ROLLOUT_A").phase(SmallPlan.PREPARATION).orElseThrow().isTicked("Runbook reviewed")).isTrue();
            assertThat(rollouts.require("ROLLOUT_B").phase(SmallPlan.PREPARATION).orElseThrow().ticks()).isEmpty();
            // B's state is untouched by A's write, so a decision on B is still current
            RolloutState b = rollouts.require("ROLLOUT_B");
            assertThat(rollouts.tick(b, SmallPlan.PREPARATION, "Runbook reviewed", true).lastRecordId()).isEqualTo(4);
        }
    }

    @Test
    void twoProcessesCreatingTheSameRolloutAtOnceMakeOne() throws Exception {
        AppHome home = new AppHome(dir);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<JournalAccess> accesses = List.of(new JournalAccess(home), new JournalAccess(home));
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<String>> results = new ArrayList<>();
            for (JournalAccess access : accesses) {
                results.add(pool.submit(() -> {
                    go.await();
                    try {
                        rollouts(access).create(SmallPlan.named("V3"));
                        return "created";
                    } catch (MoveRefused | RolloutChangedException refused) {
                        return "refused";
                    }
                }));
            }
            go.countDown();
            List<String> outcomes = new ArrayList<>();
            for (Future<String> result : results) {
                outcomes.add(result.get());
            }
            assertThat(outcomes).containsExactlyInAnyOrder("created", "refused");
            assertThat(accesses.get(0).reader().entries(JournalQuery.ofKinds(EntryKind.ROLLOUT_CREATED))).hasSize(1);
        } finally {
            pool.shutdownNow();
            accesses.forEach(JournalAccess::close);
        }
    }

    @Test
    void theCurrentRolloutIsRememberedAndResolved() {
        SettingsFile settings = new SettingsFile(dir.resolve("settings.json"));
        CurrentRollout current = new CurrentRollout(settings);
        assertThatThrownBy(() -> current.resolve(null, List.of()))
                .hasMessage("There is no rollout in this data folder yet; create one with `rollout new NAME`.");
        assertThat(current.resolve(null, List.of("A"))).isEqualTo("A");
        assertThatThrownBy(() -> current.resolve(null, List.of("A", "B")))
                .hasMessage("Several rollouts exist (A, B); choose one with `rollout use NAME` or --rollout NAME.");
        current.remember("B");
        assertThat(new CurrentRollout(new SettingsFile(dir.resolve("settings.json"))).resolve(null, List.of("A", "B"))).isEqualTo("B");
        assertThat(current.resolve("A", List.of("A", "B"))).isEqualTo("A");
        assertThatThrownBy(() -> current.resolve("C", List.of("A", "B"))).hasMessage("There is no rollout 'C'; pick one of A, B.");
    }

    @Test
    void readingAFolderWithNoJournalCreatesNone() {
        AppHome home = new AppHome(dir.resolve("fresh"));
        try (JournalAccess journal = new JournalAccess(home)) {
            Rollouts rollouts = rollouts(journal);

            assertThat(rollouts.names()).isEmpty();
            assertThat(rollouts.state("V3")).isEmpty();
            assertThatThrownBy(() -> rollouts.require("V3")).isInstanceOf(MoveRefused.class);
        }
        // a first start opens the demo until the user has a journal: looking must not make one
        assertThat(home.journal()).doesNotExist();
    }
}
