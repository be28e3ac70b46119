package com.rolloutcontrolroom.domain.rollout;

import static com.rolloutcontrolroom.domain.rollout.RolloutStory.START;
import static com.rolloutcontrolroom.domain.rollout.SmallPlan.CLEANUP;
import static com.rolloutcontrolroom.domain.rollout.SmallPlan.FULL;
import static com.rolloutcontrolroom.domain.rollout.SmallPlan.PREPARATION;
import static com.rolloutcontrolroom.domain.rollout.SmallPlan.SHADOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Every illegal move is refused with the one sentence that says what is missing. */
class RolloutMovesTest {

    private static final String V3 = "V3";
    private static final DeploymentMarker NOW = DeploymentMarker.now("Ana Ruiz");

    @Test
    void promotionNeedsTheGateAndTheNextChecklist() {
        RolloutStory story = RolloutStory.small(V3);
        assertThatThrownBy(() -> story.moves().promote(story.state(), NOW)).isInstanceOf(MoveRefused.class)
                .hasMessage("Promotion from Preparation to Staging shadow is refused: 2 of 2 Preparation checklist items are"
                        + " not ticked; 2 of 2 Staging shadow pre-phase checklist items are not ticked; wait, or override with a"
                        + " reason and an approver.");
        story.tickAll(PREPARATION);
        assertThatThrownBy(() -> story.moves().promote(story.state(), NOW))
                .hasMessageContaining("2 of 2 Staging shadow pre-phase checklist items are not ticked")
                .hasMessageNotContaining("Preparation checklist");
        story.tickAll(SHADOW);
        assertThat(story.moves().promote(story.state(), NOW)).hasSize(1);
    }

    @Test
    void shadowMustRunItsMinimumDuration() {
        RolloutStory story = RolloutStory.small(V3).tickAll(PREPARATION).tickAll(SHADOW);
        story.then(s -> story.moves().promote(s, NOW)).tickAll(FULL).later(Duration.ofMinutes(10));
        assertThatThrownBy(() -> story.moves().promote(story.state(), NOW)).isInstanceOf(MoveRefused.class)
                .hasMessage("Promotion from Staging shadow to Staging full is refused: Staging shadow has run 10 min of its"
                        + " minimum 30 min (20 min to go); wait, or override with a reason and an approver.");
        story.later(Duration.ofMinutes(20));
        assertThat(story.moves().promote(story.state(), NOW)).hasSize(1);
    }

    @Test
    void aMetricsGateWithoutItsFinalVerificationBlocks() {
        RolloutStory story = RolloutStory.small(V3).intoStagingFull().later(Duration.ofDays(8)).tickAll(CLEANUP);
        GateStatus gate = PhaseGates.current(story.state(), story.now);
        assertThat(gate.result()).isEqualTo(GateResult.NOT_YET);
        assertThatThrownBy(() -> story.moves().promote(story.state(), NOW)).isInstanceOf(MoveRefused.class)
                .hasMessage("Promotion from Staging full to Legacy cleanup is refused: the window has elapsed; the gate"
                        + " waits for the final verification, which measures the whole 48 h; wait, or override with a reason"
                        + " and an approver.");
    }

    @Test
    void aStablePeriodBeforeTheNextPhaseIsWaitedFor() {
        RolloutStory story = RolloutStory.small(V3).intoStagingFull().tickAll(CLEANUP).later(Duration.ofDays(2));
        PromotionCheck check = PromotionCheck.of(story.state(), story.now);
        assertThat(check.blockers()).contains("Legacy cleanup waits for Staging full to be stable for 7 days (120 h to go)");
    }

    @Test
    void aMarkerInTheFutureOrBeforeThePhaseStartedIsRefused() {
        RolloutStory story = RolloutStory.small(V3).tickAll(PREPARATION).tickAll(SHADOW);
        Instant tooLate = story.now.plus(Duration.ofMinutes(6));
        assertThatThrownBy(() -> story.moves().promote(story.state(), new DeploymentMarker(tooLate, null, "Ana", null)))
                .hasMessage("The time " + tooLate + " is in the future; enter when the flags actually went live.");
        Instant fourMinutesAhead = story.now.plus(Duration.ofMinutes(4));
        assertThat(story.moves().promote(story.state(), new DeploymentMarker(fourMinutesAhead, null, "Ana", null))).hasSize(1);

        // the first marker may predate the rollout's creation (adopted mid-way); a later one may not predate its phase
        Instant shadowLive = START.minus(Duration.ofHours(2));
        story.then(s -> story.moves().promote(s, new DeploymentMarker(shadowLive, null, "Ana", null))).tickAll(FULL);
        Instant beforeShadow = shadowLive.minus(Duration.ofMinutes(1));
        assertThatThrownBy(() -> story.moves().promote(story.state(), new DeploymentMarker(beforeShadow, null, "Ana", null)))
                .hasMessage("The time " + beforeShadow + " is before Staging shadow started (" + shadowLive + "); enter a later time.");
    }

    @Test
    void anOverrideNeedsSomethingToOverrideAReasonAndAnApprover() {
        RolloutStory story = RolloutStory.small(V3);
        assertThatThrownBy(() -> story.moves().override(story.state(), NOW, " ", "Dana"))
                .hasMessage("An override needs a written reason; say why promoting past the gate is safe.");
        assertThatThrownBy(() -> story.moves().override(story.state(), NOW, "Hotfix", null))
                .hasMessage("An override needs a named approver; enter who approved it.");
        story.tickAll(PREPARATION).tickAll(SHADOW);
        assertThatThrownBy(() -> story.moves().override(story.state(), NOW, "Hotfix", "Dana"))
                .hasMessage("Nothing blocks promotion to Staging shadow; promote without an override.");
    }

    @Test
    void aRollbackGoesOnlyToAnEarlierRollbackTarget() {
        RolloutStory story = RolloutStory.small(V3);
        assertThatThrownBy(() -> story.moves().rollback(story.state(), PREPARATION, null, "r", "a", "o"))
                .hasMessage("The rollout is still in Preparation; there is nothing to roll back.");
        story.intoStagingFull();
        assertThatThrownBy(() -> story.moves().rollback(story.state(), FULL, null, "r", "a", "o"))
                .hasMessage("Roll back to a phase before Staging full that the plan allows: Preparation, Staging shadow.");
        assertThatThrownBy(() -> story.moves().rollback(story.state(), CLEANUP, null, "r", "a", "o"))
                .hasMessageStartingWith("Roll back to a phase before Staging full");
        assertThatThrownBy(() -> story.moves().rollback(story.state(), SHADOW, null, " ", "a", "o"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Rollback reason");
        assertThat(story.moves().rollback(story.state(), PREPARATION, null, "r", "a", "o")).hasSize(2);
    }

    @Test
    void ticksNameARealItemAndChangeSomething() {
        RolloutStory story = RolloutStory.small(V3);
        assertThatThrownBy(() -> story.moves().tick(story.state(), "Canary", "x", true))
                .hasMessage("The rollout has no phase 'Canary'; pick one of Preparation, Staging shadow, Staging full, Legacy cleanup.");
        assertThatThrownBy(() -> story.moves().tick(story.state(), PREPARATION, "Runbook", true))
                .hasMessage("Preparation has no item 'Runbook'; copy the item's text from the plan.");
        assertThatThrownBy(() -> story.moves().tick(story.state(), PREPARATION, "Runbook reviewed", false))
                .hasMessage("'Runbook reviewed' is already unticked in Preparation.");
        story.then(s -> story.moves().tick(s, PREPARATION, "Runbook reviewed", true));
        assertThatThrownBy(() -> story.moves().tick(story.state(), PREPARATION, "Runbook reviewed", true))
                .hasMessage("'Runbook reviewed' is already ticked in Preparation.");
    }

    @Test
    void aDoneRolloutCannotBePromoted() {
        RolloutStory story = RolloutStory.small(V3).intoStagingFull().tickAll(CLEANUP)
                .then(s -> new RolloutMoves(RolloutStory.ANA, START.plus(Duration.ofHours(1))).override(s, NOW, "ok", "Dana"))
                .later(Duration.ofDays(8))
                .then(s -> new RolloutMoves(RolloutStory.ANA, START.plus(Duration.ofDays(9))).promote(s, NOW));
        assertThat(story.state().isDone()).isTrue();
        assertThat(story.state().currentPhaseName()).isEqualTo(RolloutPhases.DONE);
        assertThatThrownBy(() -> story.moves().promote(story.state(), NOW))
                .hasMessage("The rollout is done; there is no phase left to promote to.");
        assertThat(NextAction.of(story.state(), story.now)).startsWith("The rollout is done");
    }

    @Test
    void anAmendmentKeepsTheRolloutAndThePhasesAlreadyRun() {
        RolloutStory story = RolloutStory.small(V3).intoStagingFull();
        assertThatThrownBy(() -> story.moves().amend(story.state(), SmallPlan.named("OTHER"), "x"))
                .hasMessage("The amended plan is for 'OTHER', not V3; keep the rollout's name.");
        assertThatThrownBy(() -> story.moves().amend(story.state(), SmallPlan.named(V3), "x"))
                .hasMessage("The amended plan is the same as the current one; change something or keep it.");
        assertThatThrownBy(() -> story.moves().amend(story.state(), SmallPlan.of(V3, List.of("x")), " "))
                .hasMessage("An amendment needs a reason; say why the plan changes.");
        RolloutPlan plan = story.state().plan();
        RolloutPlan withoutShadow = new RolloutPlan(V3, plan.description(), plan.flags(), plan.environments(),
                List.of(plan.phases().get(0), plan.phases().get(2), plan.phases().get(3)));
        assertThatThrownBy(() -> story.moves().amend(story.state(), withoutShadow, "simpler"))
                .hasMessage("The amended plan changes phase 2 ('Staging shadow'), which has already started; keep the phases up"
                        + " to the current one as they are.");
    }

    @Test
    void theNextActionSaysWhatToDo() {
        RolloutStory story = RolloutStory.small(V3);
        assertThat(NextAction.of(story.state(), story.now)).isEqualTo("Tick the Preparation checklist: 2 items are open.");
        story.tickAll(PREPARATION);
        assertThat(NextAction.of(story.state(), story.now))
                .isEqualTo("Before Staging shadow: 2 of 2 Staging shadow pre-phase checklist items are not ticked.");
        story.tickAll(SHADOW);
        assertThat(NextAction.of(story.state(), story.now))
                .isEqualTo("Deploy Staging shadow and record its deployment marker when the flags are live.");
        story.intoStagingFullFromShadowReady();
        assertThat(NextAction.of(story.state(), story.now))
                .isEqualTo("Wait: the 48 h window of Staging full has run 0 min (48 h to go).");
    }

    @Test
    void aChecklistGateOfALaterPhaseWaitsForItsCriteria() {
        RolloutPlan plan = SmallPlan.named(V3);
        PhasePlan cleanup = plan.phases().get(3);
        PhasePlan finishing = new PhasePlan(cleanup.name(), null, null, null, List.of(), cleanup.checklist(), List.of(),
                List.of("Retrospective held"), List.of(), List.of(), PhaseGate.CHECKLIST, false);
        RolloutPlan withCriteria = new RolloutPlan(V3, null, plan.flags(), plan.environments(),
                List.of(plan.phases().get(0), plan.phases().get(1), plan.phases().get(2), finishing));
        RolloutStory story = new RolloutStory(withCriteria).intoStagingFull().tickAll(CLEANUP);
        story.then(s -> story.moves().override(s, NOW, "Checked by hand", "Dana"));

        assertThat(PhaseGates.current(story.state(), story.now).reasons())
                .containsExactly("1 of 1 Legacy cleanup verification criteria are not ticked");
        story.then(s -> story.moves().tick(s, CLEANUP, "Retrospective held", true));
        assertThat(PhaseGates.current(story.state(), story.now).passes()).isTrue();
    }
}
