package com.rolloutcontrolroom.ui.rollout;

import java.time.Instant;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import com.rolloutcontrolroom.domain.rollout.DeploymentMarker;
import com.rolloutcontrolroom.domain.rollout.MoveRefused;
import com.rolloutcontrolroom.ui.journal.UtcTimeText;

/**
 * The deployment marker being entered: when the flags went live (UTC; now until someone edits it,
 * since deploys are often recorded minutes later), the deployment URL, who deployed, a note. It is
 * cleared only once a marker is in the journal, so a refused promotion loses nothing typed.
 */
public final class MarkerForm {

    private final StringProperty at = new SimpleStringProperty("");
    private final StringProperty deploymentUrl = new SimpleStringProperty("");
    private final StringProperty deployedBy = new SimpleStringProperty("");
    private final StringProperty note = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper atProblem = new ReadOnlyStringWrapper("");
    private boolean atEdited;
    private boolean filling;

    MarkerForm() {
        at.addListener((obs, old, now) -> {
            if (!filling) {
                atEdited = true;
            }
            atProblem.set(problem(now));
        });
    }

    /** A fresh form: now, the operator as the deployer, nothing else. */
    void reset(Instant now, String operator) {
        fill(now);
        atEdited = false;
        deploymentUrl.set("");
        deployedBy.set(operator);
        note.set("");
    }

    /** Keeps the time at "now" while nobody has typed one; an edited time stays as typed. */
    void followClock(Instant now) {
        if (!atEdited) {
            fill(now);
        }
    }

    /** Fills in who deployed if the user has not yet (the operator is read in the background). */
    void offerDeployer(String operator) {
        if (deployedBy.get() == null || deployedBy.get().isBlank()) {
            deployedBy.set(operator);
        }
    }

    /** The marker as typed; refused in one sentence when the time is not a time. */
    DeploymentMarker marker() {
        String problem = problem(at.get());
        if (!problem.isEmpty()) {
            throw new MoveRefused(problem);
        }
        return new DeploymentMarker(UtcTimeText.parse(at.get()).orElseThrow(), blankToNull(deploymentUrl.get()),
                blankToNull(deployedBy.get()), blankToNull(note.get()));
    }

    private void fill(Instant now) {
        filling = true;
        try {
            at.set(UtcTimeText.format(now));
        } finally {
            filling = false;
        }
    }

    static String problem(String text) {
        return UtcTimeText.parse(text).isPresent() ? ""
                : "Deployment time '" + (text == null ? "" : text.strip()) + "' is not a date and time; type it as "
                        + UtcTimeText.EXAMPLE + " (UTC).";
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    public StringProperty atProperty() {
        return at;
    }

    public ReadOnlyStringProperty atProblemProperty() {
        return atProblem.getReadOnlyProperty();
    }

    public StringProperty deploymentUrlProperty() {
        return deploymentUrl;
    }

    public StringProperty deployedByProperty() {
        return deployedBy;
    }

    public StringProperty noteProperty() {
        return note;
    }
}
