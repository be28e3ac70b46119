package com.rolloutcontrolroom.ui.common;

import java.util.List;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import com.rolloutcontrolroom.domain.rollout.MoveRefused;
import com.rolloutcontrolroom.services.rollout.CurrentRollout;
import com.rolloutcontrolroom.services.rollout.Rollouts;

/**
 * The rollout the whole window works on, shared by every screen: the header's chooser sets it, the
 * screens that record read it. The list and the remembered choice are read off the FX thread; a
 * choice is remembered in settings off the FX thread. Every property is touched on the FX thread only.
 */
public final class CurrentRolloutModel {

    /**
     * What a screen says instead of recording when no rollout is current: there is none yet, or there are
     * several and none was chosen (guessing would put evidence on the wrong one).
     */
    public static final String NONE_CURRENT = "Create a rollout first (New rollout… on the Rollout screen) or choose one in the"
            + " window header: every record belongs to a rollout.";

    private final Rollouts rollouts;
    private final CurrentRollout remembered;
    private final TaskExecutor executor;
    private final ObservableList<String> names = FXCollections.observableArrayList();
    private final ObservableList<String> readOnlyNames = FXCollections.unmodifiableObservableList(names);
    private final StringProperty current = new SimpleStringProperty();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final javafx.beans.property.BooleanProperty everRead = new javafx.beans.property.SimpleBooleanProperty();
    private final ObservableValue<String> currentOnceRead = javafx.beans.binding.Bindings.createStringBinding(
            () -> !everRead.get() ? null : current.get() == null ? "" : current.get(), everRead, current);
    /** Set while a refresh shows what was read, so showing it is not taken for a new choice to remember. */
    private boolean showingRead;

    public CurrentRolloutModel(Rollouts rollouts, CurrentRollout remembered, TaskExecutor executor) {
        this.rollouts = rollouts;
        this.remembered = remembered;
        this.executor = executor;
        current.addListener((obs, old, chosen) -> {
            if (!showingRead && chosen != null) {
                remember(chosen);
            }
        });
    }

    /** Reads the rollouts and the remembered choice again: at start, when the chooser opens, after a rollout is created. */
    public void refresh() {
        executor.execute(BackgroundTask.of(this::read)
                .onSuccess(this::show)
                .onFailure(failure -> problem.set("The rollouts could not be listed: " + FailureSentence.of(failure))));
    }

    /** A rollout just created becomes current and is remembered; the list is read again so the chooser offers it. */
    public void makeCurrent(String created) {
        current.set(created);
        refresh();
    }

    /** Blocking: the journal and the settings file. */
    private Read read() {
        List<String> existing = rollouts.names();
        String chosen;
        try {
            chosen = remembered.resolve(null, existing);
        } catch (MoveRefused noneToTell) {
            chosen = null;
        }
        return new Read(existing, chosen);
    }

    private void show(Read read) {
        showingRead = true;
        try {
            if (!names.equals(read.names())) {
                names.setAll(read.names());
            }
            // a choice made this session that still exists stays, even if remembering it failed
            if (current.get() == null || !read.names().contains(current.get())) {
                current.set(read.chosen());
            }
        } finally {
            showingRead = false;
        }
        problem.set("");
        everRead.set(true);
    }

    private void remember(String chosen) {
        executor.execute(BackgroundTask.ofRunnable(() -> remembered.remember(chosen))
                .onSuccess(done -> problem.set(""))
                .onFailure(failure -> problem.set(chosen + " is current for this session only: " + FailureSentence.of(failure))));
    }

    /** The current rollout's name, null when there is none; what the screens read and the Rollout screen follows. */
    public ObservableValue<String> current() {
        return current;
    }

    /**
     * For a screen that must tell "none yet" from "not read yet": null until the rollouts were first read,
     * then the current rollout's name, or "" when there is none.
     */
    public ObservableValue<String> currentOnceRead() {
        return currentOnceRead;
    }

    /** Writable for the header's chooser: setting it makes the rollout current and remembers it. */
    public StringProperty currentProperty() {
        return current;
    }

    /** The data folder's rollouts in the order they were created. */
    public ObservableList<String> names() {
        return readOnlyNames;
    }

    /** Listing or remembering failed, in one sentence; empty when all is well. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    private record Read(List<String> names, String chosen) {
    }
}
