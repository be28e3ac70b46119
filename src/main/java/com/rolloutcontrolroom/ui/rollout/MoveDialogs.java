package com.rolloutcontrolroom.ui.rollout;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.rolloutcontrolroom.domain.rollout.MoveRefused;
import com.rolloutcontrolroom.domain.rollout.RolloutState;
import com.rolloutcontrolroom.ui.common.DialogQuestion;
import com.rolloutcontrolroom.ui.common.DialogService;
import com.rolloutcontrolroom.ui.journal.UtcTimeText;

/**
 * The questions Override and Roll back ask. The answers are kept until the move is in the journal,
 * so a refused override or rollback opens again with everything the user typed.
 */
final class MoveDialogs {

    private final DialogService dialogs;
    private List<String> overrideDraft = List.of();
    private List<String> rollbackDraft = List.of();

    MoveDialogs(DialogService dialogs) {
        this.dialogs = dialogs;
    }

    Optional<OverrideAnswer> override(RolloutState state, List<String> blockers) {
        String message = "Promote from " + state.currentPhaseName() + " to " + state.nextPhaseName() + " past: "
                + String.join("; ", blockers) + ". The reason and the approver are journaled as a gate override.";
        Optional<List<String>> answers = dialogs.ask("Override the gate", message, List.of(
                DialogQuestion.text("_Reason", draft(overrideDraft, 0, "")),
                DialogQuestion.text("_Approved by", draft(overrideDraft, 1, ""))), "Override and promote");
        answers.ifPresent(typed -> overrideDraft = typed);
        return answers.map(typed -> new OverrideAnswer(typed.get(0), typed.get(1)));
    }

    Optional<OverrideAnswer> acceptWarning(RolloutState state, List<String> warnings) {
        String message = "The " + state.currentPhaseName() + " gate warns: " + String.join("; ", warnings)
                + ". Who accepts it and why is journaled; then the gate passes.";
        Optional<List<String>> answers = dialogs.ask("Accept the warning", message, List.of(
                DialogQuestion.text("_Reason", draft(overrideDraft, 0, "")),
                DialogQuestion.text("_Accepted by", draft(overrideDraft, 1, ""))), "Accept warning");
        answers.ifPresent(typed -> overrideDraft = typed);
        return answers.map(typed -> new OverrideAnswer(typed.get(0), typed.get(1)));
    }

    /** @throws MoveRefused when the time typed is not a time */
    Optional<RollbackAnswer> rollback(RolloutState state, List<String> targets, Instant now) {
        String message = "Roll " + state.rollout() + " back from " + state.currentPhaseName() + ". What happened is"
                + " journaled as a rollback; every earlier record stays.";
        Optional<List<String>> answers = dialogs.ask("Roll back", message, List.of(
                DialogQuestion.choice("Roll back _to", draft(rollbackDraft, 0, targets.get(targets.size() - 1)), targets),
                DialogQuestion.text("_When (UTC)", draft(rollbackDraft, 1, UtcTimeText.format(now))),
                DialogQuestion.text("_Reason", draft(rollbackDraft, 2, "")),
                DialogQuestion.lines("_Actions taken", draft(rollbackDraft, 3, "")),
                DialogQuestion.text("_Outcome", draft(rollbackDraft, 4, ""))), "Record rollback");
        if (answers.isEmpty()) {
            return Optional.empty();
        }
        List<String> typed = answers.get();
        rollbackDraft = typed;
        Instant at = UtcTimeText.parse(typed.get(1)).orElseThrow(() -> new MoveRefused("Rollback time '" + typed.get(1).strip()
                + "' is not a date and time; type it as " + UtcTimeText.EXAMPLE + " (UTC)."));
        return Optional.of(new RollbackAnswer(typed.get(0), at, typed.get(2), typed.get(3), typed.get(4)));
    }

    /** After the move is journaled, or when another rollout becomes current. */
    void forget() {
        overrideDraft = List.of();
        rollbackDraft = List.of();
    }

    private static String draft(List<String> draft, int index, String fallback) {
        return index < draft.size() ? draft.get(index) : fallback;
    }

    record OverrideAnswer(String reason, String approver) {
    }

    record RollbackAnswer(String target, Instant at, String reason, String actionsTaken, String outcome) {
    }
}
