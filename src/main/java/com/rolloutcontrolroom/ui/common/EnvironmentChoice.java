package com.rolloutcontrolroom.ui.common;

import java.util.List;
import java.util.function.Consumer;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import com.rolloutcontrolroom.domain.environment.EnvironmentProfile;
import com.rolloutcontrolroom.services.db.EnvironmentDatabases;

/**
 * The environment a screen reads and the password it needs, the same on every screen that reads one
 * (Dashboard, Queries): the list (the demo first, then the profiles), the chosen name, a password
 * asked for when no store holds it, and asked for again when PostgreSQL rejects the stored one.
 */
public final class EnvironmentChoice {

    private static final String DEMO = EnvironmentProfile.DEMO_NAME;

    private final EnvironmentDatabases databases;
    private final TaskExecutor executor;
    private final PasswordGate passwordGate;
    private final ObservableList<String> environments = FXCollections.observableArrayList(DEMO);
    private final ObjectProperty<String> environment = new SimpleObjectProperty<>(DEMO);

    public EnvironmentChoice(EnvironmentDatabases databases, DialogService dialogs, TaskExecutor executor) {
        this.databases = databases;
        this.executor = executor;
        this.passwordGate = new PasswordGate(databases, dialogs, executor);
    }

    /**
     * Re-reads the names off the FX thread (profiles are a file), e.g. when a chooser opens after a
     * profile was added in Settings: the chosen one stays while it is listed, else the demo is chosen.
     */
    public void refresh(Consumer<String> failed) {
        executor.execute(BackgroundTask.of(databases::names)
                .onSuccess(this::show)
                .onFailure(failure -> failed.accept("Could not list the environments: " + FailureSentence.of(failure))));
    }

    private void show(List<String> names) {
        String chosen = environment.get();
        if (!environments.equals(names)) {
            environments.setAll(names); // a ChoiceBox may drop its value when its items are replaced
        }
        environment.set(names.contains(chosen) ? chosen : names.contains(DEMO) ? DEMO : names.get(0));
    }

    /** Calls {@code proceed} (on the FX thread) once the environment's password is there, or {@code stopped} with one sentence. */
    public void open(String name, Runnable proceed, Consumer<String> stopped) {
        passwordGate.open(name, proceed, stopped);
    }

    /**
     * Called when work on the environment is finished. A mistyped password must not stay stored for
     * good: when PostgreSQL rejected it, asks for the right one and runs {@code again} with it, or
     * calls {@code stopped} when the user keeps the stored one.
     *
     * @return whether it asked; when false, nothing was called and the caller finishes as usual
     */
    public boolean askAgainIfRejected(String name, boolean passwordRejected, Runnable again, Consumer<String> stopped) {
        if (!passwordRejected) {
            return false;
        }
        passwordGate.askAgain(name, again, stopped);
        return true;
    }

    public ObservableList<String> environments() {
        return environments;
    }

    public ObjectProperty<String> environmentProperty() {
        return environment;
    }
}
