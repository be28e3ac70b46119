package com.rolloutcontrolroom.ui.journal;

import java.time.Clock;
import java.time.Instant;

import javafx.beans.value.ObservableValue;

import com.rolloutcontrolroom.domain.journal.JournalEntry;
import com.rolloutcontrolroom.ui.common.PresentationMode;
import com.rolloutcontrolroom.domain.journal.RollbackPerformed;

/** A row of the report's Rollback Log: date/time, environment, reason, actions taken, outcome. */
public final class RollbackFormViewModel extends JournalFormViewModel {

    private final FormField occurredAt = new FormField("date/time", text -> pastTime("Rollback date/time", text, true));
    private final FormField environment = new FormField("environment", text -> chosenEnvironment("Rollback environment", text));
    private final FormField reason = new FormField("reason", text -> requiredText("Rollback reason", text));
    private final FormField actionsTaken = new FormField("actions taken", text -> requiredText("Rollback actions taken", text));
    private final FormField outcome = new FormField("outcome", text -> requiredText("Rollback outcome", text));

    RollbackFormViewModel(Clock clock, EntrySaver saver, Runnable onClose, ObservableValue<String> currentRollout,
                        PresentationMode presentation) {
        super(clock, saver, onClose, currentRollout, presentation);
        watch(occurredAt, environment, reason, actionsTaken, outcome);
    }

    @Override
    protected EntryDraft content() {
        String rollout = rollout();
        String chosenEnvironment = environment.text();
        Instant occurred = time(occurredAt);
        String why = reason.text();
        String actions = actionsTaken.text();
        String result = outcome.text();
        return (operator, recordedAt) -> new RollbackPerformed(recordedAt, operator, chosenEnvironment, rollout,
                occurred, why, actions, result);
    }

    @Override
    protected void fill(JournalEntry entry) {
        RollbackPerformed rollback = (RollbackPerformed) entry;
        occurredAt.reset(UtcTimeText.format(rollback.occurredAt()));
        environment.reset(rollback.environment());
        reason.reset(rollback.reason());
        actionsTaken.reset(rollback.actionsTaken());
        outcome.reset(rollback.outcome());
    }

    @Override
    protected void clear() {
        occurredAt.reset(now());
        environment.reset("");
        reason.reset("");
        actionsTaken.reset("");
        outcome.reset("");
    }

    @Override
    protected String newTitle() {
        return "Add rollback";
    }

    @Override
    protected String correctionTitle(long id) {
        return "Correct rollback #" + id;
    }

    FormField occurredAt() {
        return occurredAt;
    }

    FormField environment() {
        return environment;
    }

    FormField reason() {
        return reason;
    }

    FormField actionsTaken() {
        return actionsTaken;
    }

    FormField outcome() {
        return outcome;
    }
}
