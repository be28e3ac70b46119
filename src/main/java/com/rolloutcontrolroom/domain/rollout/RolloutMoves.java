package com.rolloutcontrolroom.domain.rollout;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.rolloutcontrolroom.domain.journal.ChecklistItemTicked;
import com.rolloutcontrolroom.domain.journal.GateOverridden;
import com.rolloutcontrolroom.domain.journal.JournalEntry;
import com.rolloutcontrolroom.domain.journal.PhaseTransitioned;
import com.rolloutcontrolroom.domain.journal.PlanAmended;
import com.rolloutcontrolroom.domain.journal.WarningAccepted;
import com.rolloutcontrolroom.domain.journal.RollbackPerformed;
import com.rolloutcontrolroom.domain.operator.Operator;

/**
 * The phase state machine: each move either gives the records to append (together, atomically) or
 * is refused with one sentence saying what is missing. Pure, so the GUI and the CLI refuse alike.
 */
public final class RolloutMoves {

    /** A deploy is recorded after it happened; a marker this far ahead of the clock is a typo. */
    static final Duration MARKER_FUTURE_TOLERANCE = Duration.ofMinutes(5);

    private final Operator operator;
    private final Instant now;

    public RolloutMoves(Operator operator, Instant now) {
        this.operator = operator;
        this.now = now;
    }

    public List<JournalEntry> tick(RolloutState state, String phaseName, String item, boolean ticked) {
        PhaseState phase = state.phase(phaseName).orElseThrow(() -> new MoveRefused(
                "The rollout has no phase '" + phaseName + "'; pick one of " + names(state) + "."));
        if (!phase.plan().hasItem(item)) {
            throw new MoveRefused(phase.name() + " has no item '" + item + "'; copy the item's text from the plan.");
        }
        if (phase.isTicked(item) == ticked) {
            throw new MoveRefused("'" + item + "' is already " + (ticked ? "ticked" : "unticked") + " in " + phase.name() + ".");
        }
        return List.of(new ChecklistItemTicked(now, operator, state.plan().environmentOf(phase.plan()), state.rollout(),
                phase.name(), item, ticked));
    }

    /** Records the next phase's deployment marker; refused unless the gate passes and the next checklist is complete. */
    public List<JournalEntry> promote(RolloutState state, DeploymentMarker marker) {
        PromotionCheck check = PromotionCheck.of(state, now);
        if (!check.allowed()) {
            throw new MoveRefused(check.refusal());
        }
        return List.of(transition(state, marker, null));
    }

    /** Promotes past what blocks it, with the reason and the approver journaled first, in the same write. */
    public List<JournalEntry> override(RolloutState state, DeploymentMarker marker, String reason, String approver) {
        PromotionCheck check = PromotionCheck.of(state, now);
        if (state.isDone()) {
            throw new MoveRefused(check.refusal());
        }
        if (check.allowed()) {
            throw new MoveRefused("Nothing blocks promotion to " + check.to() + "; promote without an override.");
        }
        if (blank(reason)) {
            throw new MoveRefused("An override needs a written reason; say why promoting past the gate is safe.");
        }
        if (blank(approver)) {
            throw new MoveRefused("An override needs a named approver; enter who approved it.");
        }
        PhaseTransitioned move = transition(state, marker, "Override: " + reason.strip());
        GateOverridden override = new GateOverridden(now, operator, move.environment() != null ? move.environment()
                : state.current().map(phase -> state.plan().environmentOf(phase.plan())).orElse(null),
                state.rollout(), check.from(), reason.strip() + " (blocked by: " + String.join("; ", check.blockers()) + ")",
                approver.strip());
        return List.of(override, move);
    }

    /**
     * Records what happened and moves the rollout back to {@code targetPhase}, a rollback target
     * before the current phase. Ticks and all earlier records stay.
     */
    public List<JournalEntry> rollback(RolloutState state, String targetPhase, Instant occurredAt, String reason,
                                       String actionsTaken, String outcome) {
        if (state.currentIndex() == 0) {
            throw new MoveRefused("The rollout is still in " + state.currentPhaseName() + "; there is nothing to roll back.");
        }
        int target = state.plan().indexOf(targetPhase == null ? "" : targetPhase);
        List<String> allowed = state.phases().subList(0, Math.min(state.currentIndex(), state.phases().size())).stream()
                .filter(phase -> phase.plan().rollbackTarget()).map(PhaseState::name).toList();
        if (target < 0 || target >= state.currentIndex() || !state.phases().get(target).plan().rollbackTarget()) {
            throw new MoveRefused("Roll back to a phase before " + state.currentPhaseName() + " that the plan allows: "
                    + String.join(", ", allowed) + ".");
        }
        Instant at = occurredAt == null ? now : occurredAt;
        checkMarkerTime(at, null);
        String environment = rollbackEnvironment(state);
        RollbackPerformed rollback = new RollbackPerformed(now, operator, environment, state.rollout(), at, reason,
                actionsTaken, outcome);
        String toName = state.phases().get(target).name();
        PhaseTransitioned back = new PhaseTransitioned(now, operator, state.plan().environmentOf(state.phases().get(target).plan()),
                state.rollout(), state.currentPhaseName(), toName, at, null, operator.describe(), "Rollback: " + rollback.reason());
        return List.of(rollback, back);
    }

    /**
     * The rollback row alone, the rollout staying where it is: an emergency rollback of an environment the
     * rollout has moved past, one with no phase to return to, or one whose commands failed.
     */
    public List<JournalEntry> rollbackRecord(RolloutState state, String environment, Instant occurredAt, String reason,
                                             String actionsTaken, String outcome) {
        Instant at = occurredAt == null ? now : occurredAt;
        checkMarkerTime(at, null);
        return List.of(new RollbackPerformed(now, operator, environment, state.rollout(), at, reason, actionsTaken, outcome));
    }

    /** The phase a rollback returns to when nobody picks one: the latest rollback target before the current phase. */
    public static java.util.Optional<String> latestRollbackTarget(RolloutState state) {
        for (int i = Math.min(state.currentIndex(), state.phases().size()) - 1; i >= 0; i--) {
            if (state.phases().get(i).plan().rollbackTarget()) {
                return java.util.Optional.of(state.phases().get(i).name());
            }
        }
        return java.util.Optional.empty();
    }

    /** The environment a rollback of the rollout concerns: the one its latest deploying phase up to now runs in. */
    public static java.util.Optional<String> deployedEnvironment(RolloutState state) {
        try {
            return java.util.Optional.of(rollbackEnvironment(state));
        } catch (MoveRefused none) {
            return java.util.Optional.empty();
        }
    }

    /**
     * A named person accepts the current gate's WARN with a reason, so it passes. Only a WARN can be
     * accepted: a FAIL is rolled back or overridden, and a gate not yet judged has nothing to accept.
     */
    public List<JournalEntry> acceptWarning(RolloutState state, String who, String reason) {
        PhaseState current = state.current().orElseThrow(() -> new MoveRefused("The rollout is done; there is no gate to accept."));
        GateStatus gate = PhaseGates.of(state, current, now);
        if (gate.result() != GateResult.WARN) {
            throw new MoveRefused("The " + current.name() + " gate is " + gate.result().label().toLowerCase(java.util.Locale.ROOT)
                    + ", not a warning; only a WARN gate can be accepted.");
        }
        if (blank(who)) {
            throw new MoveRefused("Accepting a warning needs a named person; enter who accepts it.");
        }
        if (blank(reason)) {
            throw new MoveRefused("Accepting a warning needs a written reason; say why the rollout may go on.");
        }
        return List.of(new WarningAccepted(now, operator, state.plan().environmentOf(current.plan()), state.rollout(),
                current.name(), who.strip(), reason.strip(), gate.reasons()));
    }

    /** Journals the whole new plan with what changed in words; the phases already run cannot be removed or reordered. */
    public List<JournalEntry> amend(RolloutState state, RolloutPlan amended, String reason) {
        if (!amended.rollout().equals(state.rollout())) {
            throw new MoveRefused("The amended plan is for '" + amended.rollout() + "', not " + state.rollout()
                    + "; keep the rollout's name.");
        }
        int reached = Math.min(state.currentIndex(), state.phases().size() - 1);
        for (int i = 0; i <= reached; i++) {
            String name = state.phases().get(i).name();
            if (i >= amended.phases().size() || !amended.phases().get(i).name().equalsIgnoreCase(name)) {
                throw new MoveRefused("The amended plan changes phase " + (i + 1) + " ('" + name + "'), which has already"
                        + " started; keep the phases up to the current one as they are.");
            }
        }
        if (blank(reason)) {
            throw new MoveRefused("An amendment needs a reason; say why the plan changes.");
        }
        List<String> changes = PlanChanges.between(state.plan(), amended);
        if (changes.isEmpty()) {
            throw new MoveRefused("The amended plan is the same as the current one; change something or keep it.");
        }
        return List.of(new PlanAmended(now, operator, state.rollout(), reason, changes, PlanTree.write(amended)));
    }

    private PhaseTransitioned transition(RolloutState state, DeploymentMarker marker, String overrideNote) {
        PhaseState current = state.current().orElseThrow();
        Instant at = marker.at() == null ? now : marker.at();
        // before the first marker the current phase "started" when the rollout was written down, which says
        // nothing about deploys: a rollout adopted mid-way (the demo's) records the ones that came before
        checkMarkerTime(at, state.visits().isEmpty() ? null : current);
        String to = state.nextPhaseName();
        String environment = state.next().map(next -> state.plan().environmentOf(next.plan())).orElse(null);
        String note = joinNotes(overrideNote, marker.note());
        String deployedBy = blank(marker.deployedBy()) ? operator.describe() : marker.deployedBy();
        return new PhaseTransitioned(now, operator, environment, state.rollout(), current.name(), to, at,
                marker.deploymentUrl(), deployedBy, note);
    }

    private void checkMarkerTime(Instant at, PhaseState current) {
        if (at.isAfter(now.plus(MARKER_FUTURE_TOLERANCE))) {
            throw new MoveRefused("The time " + at + " is in the future; enter when the flags actually went live.");
        }
        if (current != null && current.startedAt() != null && at.isBefore(current.startedAt())) {
            throw new MoveRefused("The time " + at + " is before " + current.name() + " started (" + current.startedAt()
                    + "); enter a later time.");
        }
    }

    private static String rollbackEnvironment(RolloutState state) {
        for (int i = Math.min(state.currentIndex(), state.phases().size() - 1); i >= 0; i--) {
            String environment = state.plan().environmentOf(state.phases().get(i).plan());
            if (environment != null) {
                return environment;
            }
        }
        throw new MoveRefused("No phase up to " + state.currentPhaseName() + " deploys anywhere; there is nothing to roll back.");
    }

    private static String joinNotes(String first, String second) {
        if (blank(first)) {
            return blank(second) ? null : second;
        }
        return blank(second) ? first : first + " — " + second;
    }

    private static String names(RolloutState state) {
        return String.join(", ", state.phases().stream().map(PhaseState::name).toList());
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
