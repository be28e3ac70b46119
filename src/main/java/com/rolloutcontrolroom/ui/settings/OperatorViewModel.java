package com.rolloutcontrolroom.ui.settings;

import com.rolloutcontrolroom.ui.common.FailureSentence;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import com.rolloutcontrolroom.domain.operator.Operator;
import com.rolloutcontrolroom.services.operator.OperatorIdentity;
import com.rolloutcontrolroom.ui.common.BackgroundTask;
import com.rolloutcontrolroom.ui.common.PresentationMode;
import com.rolloutcontrolroom.ui.common.TaskExecutor;

/**
 * Who the journal says did things: the OS login (fixed) and a display name the operator may set.
 * settings.json is read and written off the FX thread.
 */
public final class OperatorViewModel {

    private final OperatorIdentity identity;
    private final TaskExecutor executor;

    private final StringProperty displayName = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper saved = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper login = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final BooleanBinding canSave;

    private PresentationMode presentation = new PresentationMode();

    /** The login, display name and messages pass the window's presentation mode. */
    public OperatorViewModel(OperatorIdentity identity, TaskExecutor executor, PresentationMode presentation) {
        this(identity, executor);
        this.presentation = presentation;
    }

    public OperatorViewModel(OperatorIdentity identity, TaskExecutor executor) {
        this.identity = identity;
        this.executor = executor;
        this.canSave = busy.not().and(Bindings.createBooleanBinding(
                () -> !displayName.get().strip().equals(saved.get()), displayName, saved));
    }

    public void load() {
        run(identity::current, "");
    }

    public void save() {
        if (!canSave.get()) {
            return;
        }
        String wanted = displayName.get();
        run(() -> identity.setDisplayName(wanted), "Saved: new journal records say ");
    }

    private void run(java.util.concurrent.Callable<Operator> work, String savedPrefix) {
        busy.set(true);
        error.set("");
        executor.execute(BackgroundTask.of(work)
                .onSuccess(operator -> {
                    login.set(operator.login());
                    saved.set(operator.displayName());
                    displayName.set(operator.displayName());
                    message.set(savedPrefix.isEmpty() ? "" : savedPrefix + operator.describe() + ".");
                })
                .onFailure(failure -> error.set(FailureSentence.of(failure)))
                .onFinished(() -> busy.set(false)));
    }

    public StringProperty displayNameProperty() {
        return displayName;
    }

    public javafx.beans.binding.StringBinding loginProperty() {
        return presentation.shown(login.getReadOnlyProperty());
    }

    public javafx.beans.binding.StringBinding messageProperty() {
        return presentation.shown(message.getReadOnlyProperty());
    }

    public javafx.beans.binding.StringBinding errorProperty() {
        return presentation.shown(error.getReadOnlyProperty());
    }

    public PresentationMode presentation() {
        return presentation;
    }

    public BooleanBinding canSaveProperty() {
        return canSave;
    }
}
