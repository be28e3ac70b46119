package com.rolloutcontrolroom.ui.journal;

import java.time.Clock;
import java.time.Instant;

import javafx.beans.value.ObservableValue;

import com.rolloutcontrolroom.domain.journal.IssueLogged;
import com.rolloutcontrolroom.ui.common.PresentationMode;
import com.rolloutcontrolroom.domain.journal.JournalEntry;

/**
 * A row of the report's Issues &amp; Resolutions table. Resolution and resolved time are optional
 * but go together; the record's constructor says so and its sentence is shown as it is.
 */
public final class IssueFormViewModel extends JournalFormViewModel {

    private final FormField discoveredAt = new FormField("discovered time", text -> pastTime("Issue discovered time", text, true));
    private final FormField environment = new FormField("environment", text -> chosenEnvironment("Issue environment", text));
    private final FormField description = new FormField("description", text -> requiredText("Issue description", text));
    private final FormField resolution = new FormField("resolution", text -> null);
    private final FormField resolvedAt = new FormField("resolved time", text -> pastTime("Issue resolved time", text, false));

    IssueFormViewModel(Clock clock, EntrySaver saver, Runnable onClose, ObservableValue<String> currentRollout,
                        PresentationMode presentation) {
        super(clock, saver, onClose, currentRollout, presentation);
        watch(discoveredAt, environment, description, resolution, resolvedAt);
    }

    @Override
    protected EntryDraft content() {
        String rollout = rollout();
        String chosenEnvironment = environment.text();
        Instant discovered = time(discoveredAt);
        String what = description.text();
        String how = resolution.text();
        Instant resolved = time(resolvedAt);
        return (operator, recordedAt) -> new IssueLogged(recordedAt, operator, chosenEnvironment, rollout,
                discovered, what, how, resolved);
    }

    @Override
    protected void fill(JournalEntry entry) {
        IssueLogged issue = (IssueLogged) entry;
        discoveredAt.reset(UtcTimeText.format(issue.discoveredAt()));
        environment.reset(issue.environment());
        description.reset(issue.description());
        resolution.reset(issue.resolution());
        resolvedAt.reset(UtcTimeText.format(issue.resolvedAt()));
    }

    @Override
    protected void clear() {
        discoveredAt.reset(now());
        environment.reset("");
        description.reset("");
        resolution.reset("");
        resolvedAt.reset("");
    }

    @Override
    protected String newTitle() {
        return "Log issue";
    }

    @Override
    protected String correctionTitle(long id) {
        return "Correct issue #" + id;
    }

    FormField discoveredAt() {
        return discoveredAt;
    }

    FormField environment() {
        return environment;
    }

    FormField description() {
        return description;
    }

    FormField resolution() {
        return resolution;
    }

    FormField resolvedAt() {
        return resolvedAt;
    }
}
