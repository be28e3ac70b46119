package com.rolloutcontrolroom.ui.journal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import com.rolloutcontrolroom.domain.journal.JournalEntry;
import com.rolloutcontrolroom.domain.journal.TestOutcome;
import com.rolloutcontrolroom.domain.journal.TestOutcomeRecorded;
import com.rolloutcontrolroom.ui.common.PresentationMode;

/**
 * A row of the report's Test Outcomes: the exact command or suite that ran, passed or failed, its result line,
 * when it ran and (optionally) against which environment. A password pasted with the command is masked by the
 * record itself, before it reaches the journal.
 */
public final class TestOutcomeFormViewModel extends JournalFormViewModel {

    private static final ObservableList<String> OUTCOMES = FXCollections.observableArrayList(
            List.of(TestOutcome.PASSED.word(), TestOutcome.FAILED.word()));

    private final FormField command = new FormField("command", text -> requiredText("Test command", text));
    private final FormField outcome = new FormField("outcome", text -> text.isBlank()
            ? "Test outcome is not chosen; pick passed or failed." : null);
    private final FormField summary = new FormField("result", text -> requiredText("Test result summary", text));
    private final FormField ranAt = new FormField("run time", text -> pastTime("Test run time", text, true));
    private final FormField environment = new FormField("environment", text -> null);

    TestOutcomeFormViewModel(Clock clock, EntrySaver saver, Runnable onClose, ObservableValue<String> currentRollout,
                             PresentationMode presentation) {
        super(clock, saver, onClose, currentRollout, presentation);
        watch(command, outcome, summary, ranAt, environment);
    }

    @Override
    protected EntryDraft content() {
        String rollout = rollout();
        String ran = command.text();
        TestOutcome result = outcome.text().isBlank() ? null : TestOutcome.valueOf(outcome.text().toUpperCase(Locale.ROOT));
        String said = summary.text();
        Instant at = time(ranAt);
        String where = environment.text();
        return (operator, recordedAt) -> TestOutcomeRecorded.masked(recordedAt, operator, where, rollout, ran, result, said, at);
    }

    @Override
    protected void fill(JournalEntry entry) {
        TestOutcomeRecorded run = (TestOutcomeRecorded) entry;
        command.reset(run.command());
        outcome.reset(run.outcome().word());
        summary.reset(run.summary());
        ranAt.reset(UtcTimeText.format(run.ranAt()));
        environment.reset(run.environment());
    }

    @Override
    protected void clear() {
        command.reset("");
        outcome.reset("");
        summary.reset("");
        ranAt.reset(now());
        environment.reset("");
    }

    @Override
    protected String newTitle() {
        return "Record test outcome";
    }

    @Override
    protected String correctionTitle(long id) {
        return "Correct test outcome #" + id;
    }

    ObservableList<String> outcomes() {
        return OUTCOMES;
    }

    FormField command() {
        return command;
    }

    FormField outcome() {
        return outcome;
    }

    FormField summary() {
        return summary;
    }

    FormField ranAt() {
        return ranAt;
    }

    FormField environment() {
        return environment;
    }
}
