package com.rolloutcontrolroom.ui.rollout;

import java.util.List;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import com.rolloutcontrolroom.domain.rollout.GateResult;
import com.rolloutcontrolroom.ui.common.PresentationMode;

/**
 * The Rollout screen's read-only part, as properties the View binds: one {@link RolloutPresentation} at a time,
 * its text passed through presentation mode and shown again whenever the mode changes. Checklist items keep
 * their journaled text (a tick names it); the View shows it through {@link #shown(String)}.
 */
public final class ShownRollout {

    private final PresentationMode presentation;
    private RolloutPresentation last;

    private final ObservableList<PhaseCard> timeline = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper nextAction = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper currentTitle = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper gate = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<GateResult> gateResult = new ReadOnlyObjectWrapper<>();
    private final ObservableList<String> blockers = FXCollections.observableArrayList();
    private final ObservableList<String> checkpoints = FXCollections.observableArrayList();
    private final ObservableList<TickableItem> currentChecklist = FXCollections.observableArrayList();
    private final ObservableList<TickableItem> criteria = FXCollections.observableArrayList();
    private final ObservableList<TickableItem> evidence = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper nextTitle = new ReadOnlyStringWrapper("");
    private final ObservableList<TickableItem> nextChecklist = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper steps = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper promoteText = new ReadOnlyStringWrapper("_Promote");

    ShownRollout(PresentationMode presentation) {
        this.presentation = presentation;
        presentation.redactorInUseProperty().addListener((obs, old, now) -> show(last));
    }

    /** A text of this screen as it may be shown now (a checklist item, a tick line). */
    public String shown(String raw) {
        return presentation.shown(raw);
    }

    /** @param shown null when no rollout is shown */
    void show(RolloutPresentation shown) {
        last = shown;
        timeline.setAll(shown == null ? List.of() : shown.timeline().stream().map(card -> card.shownBy(presentation::shown)).toList());
        nextAction.set(shown == null ? "" : presentation.shown(shown.nextAction()));
        currentTitle.set(shown == null ? "" : presentation.shown(shown.currentTitle()));
        gate.set(shown == null ? "" : presentation.shown(shown.gate()));
        gateResult.set(shown == null ? null : shown.gateResult());
        blockers.setAll(shown == null ? List.of() : shown.blockers().stream().map(presentation::shown).toList());
        checkpoints.setAll(shown == null ? List.of() : shown.checkpoints().stream().map(presentation::shown).toList());
        currentChecklist.setAll(shown == null ? List.of() : shown.currentChecklist());
        criteria.setAll(shown == null ? List.of() : shown.criteria());
        evidence.setAll(shown == null ? List.of() : shown.evidence());
        nextTitle.set(shown == null ? "" : presentation.shown(shown.nextTitle()));
        nextChecklist.setAll(shown == null ? List.of() : shown.nextChecklist());
        steps.set(shown == null ? "" : presentation.shown(shown.steps()));
        promoteText.set(shown == null ? "_Promote" : presentation.shown(shown.promoteText()));
    }

    public ObservableList<PhaseCard> timeline() {
        return timeline;
    }

    /** The one thing to do next, in a sentence. */
    public ReadOnlyStringProperty nextActionProperty() {
        return nextAction.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty currentTitleProperty() {
        return currentTitle.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty gateProperty() {
        return gate.getReadOnlyProperty();
    }

    /** What the gate says, for its colour; null when there is no current phase. */
    public ReadOnlyObjectProperty<GateResult> gateResultProperty() {
        return gateResult.getReadOnlyProperty();
    }

    /** What stands between the current phase and the next; one line saying nothing does when promotion is allowed. */
    public ObservableList<String> blockers() {
        return blockers;
    }

    /** The current phase's checkpoints and where each stands; empty for a phase without a schedule. */
    public ObservableList<String> checkpoints() {
        return checkpoints;
    }

    public ObservableList<TickableItem> currentChecklist() {
        return currentChecklist;
    }

    public ObservableList<TickableItem> criteria() {
        return criteria;
    }

    public ObservableList<TickableItem> evidence() {
        return evidence;
    }

    public ReadOnlyStringProperty nextTitleProperty() {
        return nextTitle.getReadOnlyProperty();
    }

    public ObservableList<TickableItem> nextChecklist() {
        return nextChecklist;
    }

    /** The next phase's deployment steps as journaled, for Copy: a redacted command would deploy the wrong thing. */
    String stepsToCopy() {
        return last == null ? "" : last.steps();
    }

    /** The next phase's deployment steps, shell-quoted, one command a line. */
    public ReadOnlyStringProperty stepsProperty() {
        return steps.getReadOnlyProperty();
    }

    /** "_Promote to Staging full", with its mnemonic. */
    public ReadOnlyStringProperty promoteTextProperty() {
        return promoteText.getReadOnlyProperty();
    }
}
