package com.rolloutcontrolroom.ui.common;

import java.util.Optional;
import java.util.function.Consumer;

import com.rolloutcontrolroom.services.db.EnvironmentDatabases;

/**
 * Stands before work that needs an environment's password. When no store holds it (no keychain,
 * first use this session) it asks once; the answer goes to the credential store, never to a file.
 * Shared by the screens that read an environment (Queries, Dashboard).
 */
public final class PasswordGate {

    private final EnvironmentDatabases environments;
    private final DialogService dialogs;
    private final TaskExecutor executor;

    public PasswordGate(EnvironmentDatabases environments, DialogService dialogs, TaskExecutor executor) {
        this.environments = environments;
        this.dialogs = dialogs;
        this.executor = executor;
    }

    /** Calls {@code proceed} (on the FX thread) once the password is there, or {@code stopped} with one sentence. */
    public void open(String environment, Runnable proceed, Consumer<String> stopped) {
        executor.execute(BackgroundTask.of(() -> environments.missingPassword(environment))
                .onSuccess(missing -> {
                    if (missing) {
                        ask(environment, proceed, stopped);
                    } else {
                        proceed.run();
                    }
                })
                .onFailure(failure -> stopped.accept(FailureSentence.of(failure))));
    }

    /** After PostgreSQL rejected the stored password: ask for the right one; Cancel keeps what is stored. */
    public void askAgain(String environment, Runnable proceed, Consumer<String> stopped) {
        Optional<char[]> password = dialogs.askPassword("Password for " + environment,
                "PostgreSQL rejected the stored password for environment " + environment + ". Type the right one to run again.");
        if (password.isEmpty()) {
            stopped.accept("The stored password for " + environment + " was kept.");
            return;
        }
        remember(environment, password.get(), proceed, stopped);
    }

    private void ask(String environment, Runnable proceed, Consumer<String> stopped) {
        Optional<char[]> password = dialogs.askPassword("Password for " + environment,
                "No password is stored for environment " + environment + ". Type it to go on; it is kept in the "
                        + "OS keychain, or in memory for this session only when there is no keychain.");
        if (password.isEmpty()) {
            stopped.accept("Environment " + environment + " needs its password; nothing was run.");
            return;
        }
        remember(environment, password.get(), proceed, stopped);
    }

    private void remember(String environment, char[] password, Runnable proceed, Consumer<String> stopped) {
        executor.execute(BackgroundTask.ofRunnable(() -> environments.rememberPassword(environment, password))
                .onSuccess(done -> proceed.run())
                .onFailure(failure -> stopped.accept(FailureSentence.of(failure))));
    }
}
