package com.rolloutcontrolroom.domain.rollout;

import static com.rolloutcontrolroom.domain.rollout.RolloutStory.ANA;
import static com.rolloutcontrolroom.domain.rollout.RolloutStory.START;
import static com.rolloutcontrolroom.domain.rollout.SmallPlan.CLEANUP;
import static com.rolloutcontrolroom.domain.rollout.SmallPlan.FULL;
import static com.rolloutcontrolroom.domain.rollout.SmallPlan.PREPARATION;
import static com.rolloutcontrolroom.domain.rollout.SmallPlan.SHADOW;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.rolloutcontrolroom.domain.journal.Correction;
import com.rolloutcontrolroom.domain.journal.EntryKind;
import com.rolloutcontrolroom.domain.journal.PhaseTransitioned;
import com.rolloutcontrolroom.domain.journal.QueryResult;
import com.rolloutcontrolroom.domain.journal.RollbackPerformed;
import com.rolloutcontrolroom.domain.journal.SnapshotTaken;
import com.rolloutcontrolroom.domain.journal.StoredEntry;
import com.rolloutcontrolroom.domain.journal.TestOutcome;
import com.rolloutcontrolroom.domain.journal.TestOutcomeRecorded;
import com.rolloutcontrolroom.domain.operator.Operator;

class RolloutHistoryTest {

    private static final String V3 = "FEATURE_ASSIGNMENT_PIPELINE_V3";

    @Test
    void aNewRolloutIsInItsFirstPhaseFromTheMomentItWasCreated() {
        RolloutState state = RolloutStory.small(V3).state();

        assertThat(state.currentPhaseName()).isEqualTo(PREPARATION);
        assertThat(state.phases()).extracting(PhaseState::status)
                .containsExactly(PhaseStatus.CURRENT, PhaseStatus.NEXT, PhaseStatus.PENDING, PhaseStatus.PENDING);
        assertThat(state.current().orElseThrow().startedAt()).isEqualTo(START);
        assertThat(state.createdBy()).isEqualTo(ANA);
        assertThat(state.lastRecordId()).isEqualTo(1);
        assertThat(state.problems()).isEmpty();
    }

    @Test
    void theLatestTickOrUntickOfAnItemIsItsStateWithWhoAndWhen() {
        RolloutStory story = RolloutStory.small(V3);
        story.then(s -> story.moves().tick(s, PREPARATION, "Runbook reviewed", true)).later(Duration.ofMinutes(1))
                .then(s -> story.moves().tick(s, PREPARATION, "Runbook reviewed", false)).later(Duration.ofMinutes(1))
                .then(s -> story.moves().tick(s, PREPARATION, "Runbook reviewed", true))
                .then(s -> story.moves().tick(s, PREPARATION, "Database connection verified", true))
                .then(s -> story.moves().tick(s, PREPARATION, "Database connection verified", false));

        PhaseState preparation = story.state().phase(PREPARATION).orElseThrow();
        assertThat(preparation.isTicked("Runbook reviewed")).isTrue();
        assertThat(preparation.tick("Runbook reviewed").orElseThrow().at()).isEqualTo(START.plus(Duration.ofMinutes(2)));
        assertThat(preparation.tick("Runbook reviewed").orElseThrow().by()).isEqualTo(ANA);
        assertThat(preparation.isTicked("Database connection verified")).isFalse();
        assertThat(preparation.uncheckedChecklist()).containsExactly("Database connection verified");
        assertThat(story.state().lastRecordId()).isEqualTo(6);
    }

    @Test
    void deploymentMarkersStartAndEndPhases() {
        RolloutStory story = RolloutStory.small(V3).intoStagingFull();
        RolloutState state = story.state();

        assertThat(state.currentPhaseName()).isEqualTo(FULL);
        assertThat(state.phases()).extracting(PhaseState::status)
                .containsExactly(PhaseStatus.DONE, PhaseStatus.DONE, PhaseStatus.CURRENT, PhaseStatus.NEXT);
        PhaseState preparation = state.phase(PREPARATION).orElseThrow();
        PhaseState shadow = state.phase(SHADOW).orElseThrow();
        assertThat(preparation.endedAt()).isEqualTo(START);
        assertThat(shadow.startedAt()).isEqualTo(START);
        assertThat(shadow.endedAt()).isEqualTo(START.plus(Duration.ofMinutes(31)));
        assertThat(shadow.duration(story.now)).contains(Duration.ofMinutes(31));
        assertThat(state.phase(FULL).orElseThrow().startedAt()).isEqualTo(START.plus(Duration.ofMinutes(31)));
        assertThat(state.visits()).extracting(PhaseVisit::toPhase).containsExactly(SHADOW, FULL);
        assertThat(state.visits().get(1).environment()).isEqualTo("staging");
    }

    @Test
    void aRollbackMovesBackAndKeepsHistoryAndTicks() {
        RolloutStory story = RolloutStory.small(V3).intoStagingFull().later(Duration.ofHours(2));
        story.then(s -> story.moves().rollback(s, SHADOW, null, "Manual review rate 4 %", "Set V3=false, redeployed",
                "Legacy routing restored"));
        RolloutState state = story.state();

        assertThat(state.currentPhaseName()).isEqualTo(SHADOW);
        assertThat(state.phase(SHADOW).orElseThrow().startedAt()).isEqualTo(story.now);
        assertThat(state.phase(FULL).orElseThrow().startedAt()).isNull();
        assertThat(state.phase(FULL).orElseThrow().status()).isEqualTo(PhaseStatus.NEXT);
        assertThat(state.phase(FULL).orElseThrow().checklistComplete()).isTrue();
        assertThat(state.rollbacks()).singleElement().satisfies(r -> {
            assertThat(r.entry().reason()).isEqualTo("Manual review rate 4 %");
            assertThat(r.entry().environment()).isEqualTo("staging");
            assertThat(r.phase()).isEqualTo(FULL);
        });
        assertThat(state.visits()).hasSize(3);
        assertThat(state.visits().get(2).backwards()).isTrue();
        assertThat(state.visits().get(2).note()).contains("Manual review rate 4 %");
    }

    @Test
    void anOverrideIsJournaledBeforeThePromotionItAllows() {
        RolloutStory story = RolloutStory.small(V3).intoStagingFull().later(Duration.ofHours(1)).tickAll(CLEANUP);
        story.then(s -> story.moves().override(s, DeploymentMarker.now("Ana Ruiz"), "Metrics checked by hand", "Dana Lee"));
        RolloutState state = story.state();

        assertThat(state.currentPhaseName()).isEqualTo(CLEANUP);
        assertThat(state.overrides()).singleElement().satisfies(o -> {
            assertThat(o.entry().who()).isEqualTo("Dana Lee");
            assertThat(o.entry().phase()).isEqualTo(FULL);
            assertThat(o.entry().reason()).startsWith("Metrics checked by hand").contains("the 48 h window of Staging full has run 1 h");
        });
        List<EntryKind> lastTwo = story.records().subList(story.records().size() - 2, story.records().size()).stream()
                .map(r -> r.entry().kind()).toList();
        assertThat(lastTwo).containsExactly(EntryKind.GATE_OVERRIDE, EntryKind.PHASE_TRANSITION);
        assertThat(state.visits().get(state.visits().size() - 1).note()).startsWith("Override: Metrics checked by hand");
    }

    @Test
    void aCorrectedMarkerMovesThePhaseTimesEverywhere() {
        RolloutStory story = RolloutStory.small(V3).intoStagingFull();
        PhaseVisit shadowVisit = story.state().visits().get(0);
        PhaseTransitioned original = (PhaseTransitioned) story.records().get((int) shadowVisit.recordId() - 1).entry();
        Instant reallyLive = START.minus(Duration.ofMinutes(7));
        story.append(new Correction(story.now, ANA, shadowVisit.recordId(), "Flags went live 7 minutes earlier",
                new PhaseTransitioned(original.recordedAt(), original.operator(), original.environment(), original.rollout(),
                        original.fromPhase(), original.toPhase(), reallyLive, "https://preview.example/v3", "Ana Ruiz", null)));
        RolloutState state = story.state();

        assertThat(state.phase(SHADOW).orElseThrow().startedAt()).isEqualTo(reallyLive);
        assertThat(state.phase(PREPARATION).orElseThrow().endedAt()).isEqualTo(reallyLive);
        assertThat(state.visits().get(0).corrected()).isTrue();
        assertThat(state.visits().get(0).deploymentUrl()).isEqualTo("https://preview.example/v3");
        assertThat(state.problems()).isEmpty();
    }

    @Test
    void aCorrectionCannotMoveAMarkerToAnotherPhase() {
        RolloutStory story = RolloutStory.small(V3).intoStagingFull();
        PhaseVisit shadowVisit = story.state().visits().get(0);
        story.append(new Correction(story.now, ANA, shadowVisit.recordId(), "sneaky",
                new PhaseTransitioned(story.now, ANA, "staging", V3, PREPARATION, CLEANUP, START, null, "Ana Ruiz", null)));
        RolloutState state = story.state();

        assertThat(state.currentPhaseName()).isEqualTo(FULL);
        assertThat(state.phase(SHADOW).orElseThrow().status()).isEqualTo(PhaseStatus.DONE);
        assertThat(state.problems()).singleElement().asString().contains("#" + shadowVisit.recordId());
    }

    @Test
    void aCorrectedRollbackReadsAsCorrected() {
        RolloutStory story = RolloutStory.small(V3).intoStagingFull();
        story.then(s -> story.moves().rollback(s, SHADOW, null, "typo reasn", "Flags off", "Restored"));
        long rollbackId = story.state().rollbacks().get(0).id();
        RollbackPerformed was = story.state().rollbacks().get(0).entry();
        story.append(new Correction(story.now, ANA, rollbackId, "Fix typo", new RollbackPerformed(was.recordedAt(),
                was.operator(), was.environment(), was.rollout(), was.occurredAt(), "Typo fixed", was.actionsTaken(), was.outcome())));

        assertThat(story.state().rollbacks()).singleElement().satisfies(r -> {
            assertThat(r.entry().reason()).isEqualTo("Typo fixed");
            assertThat(r.corrected()).isTrue();
        });
    }

    @Test
    void aCriterionAmendedAfterItsPhaseStartedIsMarked() {
        RolloutStory story = RolloutStory.small(V3).intoStagingFull();
        RolloutPlan amended = SmallPlan.of(V3, List.of("Runbook reviewed", "Success rate at least 95 % for 48 hours"));
        story.then(s -> story.moves().amend(s, amended, "Product agreed a lower bar"));
        RolloutState state = story.state();

        PhaseState full = state.phase(FULL).orElseThrow();
        assertThat(full.plan().verificationCriteria()).contains("Success rate at least 95 % for 48 hours");
        assertThat(full.changedAfterStart("Success rate at least 95 % for 48 hours")).isTrue();
        assertThat(full.changedAfterStart("Runbook reviewed")).isFalse();
        assertThat(state.amendments()).singleElement().satisfies(a -> {
            assertThat(a.entry().reason()).isEqualTo("Product agreed a lower bar");
            assertThat(a.entry().changes()).containsExactlyInAnyOrder(
                    "Staging full: verification criterion added: 'Success rate at least 95 % for 48 hours'.",
                    "Staging full: verification criterion removed: 'Database connection verified'.");
            assertThat(a.entry().operator()).isEqualTo(ANA);
        });
    }

    @Test
    void anAmendmentBeforeAPhaseStartsIsNotAChangeAfterItsStart() {
        RolloutStory story = RolloutStory.small(V3);
        story.then(s -> story.moves().amend(s, SmallPlan.of(V3, List.of("A new bar")), "Tighter wording"));

        assertThat(story.state().phase(FULL).orElseThrow().changedAfterStart("A new bar")).isFalse();
        assertThat(story.state().phase(FULL).orElseThrow().plan().verificationCriteria()).containsExactly("A new bar");
    }

    @Test
    void twoRolloutsInOneJournalStayApart() {
        RolloutStory a = RolloutStory.small("ROLLOUT_A");
        RolloutStory b = RolloutStory.small("ROLLOUT_B");
        a.tickAll(PREPARATION);
        // one journal holding both, interleaved
        List<StoredEntry> mixed = new ArrayList<>();
        long id = 1;
        for (int i = 0; i < Math.max(a.records().size(), b.records().size()); i++) {
            for (RolloutStory story : List.of(a, b)) {
                if (i < story.records().size()) {
                    mixed.add(new StoredEntry(id++, story.records().get(i).entry(), "", "", null));
                }
            }
        }

        RolloutState stateA = RolloutHistory.fold("ROLLOUT_A", mixed).orElseThrow();
        RolloutState stateB = RolloutHistory.fold("ROLLOUT_B", mixed).orElseThrow();
        assertThat(stateA.phase(PREPARATION).orElseThrow().checklistComplete()).isTrue();
        assertThat(stateB.phase(PREPARATION).orElseThrow().ticks()).isEmpty();
        assertThat(RolloutHistory.rolloutNames(mixed)).containsExactly("ROLLOUT_A", "ROLLOUT_B");
        assertThat(RolloutHistory.fold("ROLLOUT_C", mixed)).isEmpty();
    }

    @Test
    void evidenceRecordedForTheFlagBeforeTheRolloutWasCreatedIsKept() {
        List<StoredEntry> records = new ArrayList<>();
        Instant earlier = START.minus(Duration.ofDays(1));
        records.add(new StoredEntry(1, new SnapshotTaken(earlier,
                new Operator("ana", "Ana Ruiz"), "staging", V3, null, "observability",
                List.of(new QueryResult("q1", "SELECT 1", Map.of(), "[]")),
                Map.of("success_rate", new BigDecimal("97.5")), earlier, earlier, 5, List.of()), "", "", null));
        RolloutStory story = RolloutStory.small(V3);
        records.add(new StoredEntry(2, story.records().get(0).entry(), "", "", null));

        RolloutState state = RolloutHistory.fold(V3, records).orElseThrow();
        assertThat(state.snapshots()).singleElement().satisfies(s -> assertThat(s.phase()).isNull());
        assertThat(state.currentPhaseName()).isEqualTo(PREPARATION);
    }

    @Test
    void testOutcomesAreKeptInOrderWithThePhaseTheyWereRecordedInAndTheirCorrections() {
        RolloutStory story = RolloutStory.small(V3);
        long first = story.append(new TestOutcomeRecorded(story.now, ANA, null, V3, "npm test", TestOutcome.FAILED,
                "3 failed", story.now));
        story.intoStagingFull();
        story.append(new TestOutcomeRecorded(story.now, ANA, "staging", V3, "npm run e2e", TestOutcome.PASSED,
                "40 passed", story.now));
        story.append(new Correction(story.now, ANA, first, "Wrong count", new TestOutcomeRecorded(START, ANA, null, V3,
                "npm test", TestOutcome.FAILED, "2 failed", START)));

        RolloutState state = story.state();
        assertThat(state.testOutcomes()).extracting(r -> r.entry().command()).containsExactly("npm test", "npm run e2e");
        assertThat(state.testOutcomes()).extracting(r -> r.phase()).containsExactly(PREPARATION, FULL);
        assertThat(state.testOutcomes().get(0).id()).isEqualTo(first);
        assertThat(state.testOutcomes().get(0).entry().summary()).isEqualTo("2 failed");
        assertThat(state.testOutcomes().get(0).corrected()).isTrue();
        assertThat(state.testOutcomes().get(1).entry().passed()).isTrue();
        assertThat(state.problems()).isEmpty();
    }
}
