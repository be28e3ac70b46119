package com.rolloutcontrolroom.ui.queries;

import com.rolloutcontrolroom.ui.common.FailureSentence;
import java.util.Optional;
import java.util.function.Consumer;

import com.rolloutcontrolroom.services.environment.EnvironmentCatalog;
import com.rolloutcontrolroom.ui.common.BackgroundTask;
import com.rolloutcontrolroom.ui.common.DialogService;
import com.rolloutcontrolroom.ui.common.TaskExecutor;

/**
 * Stands before work that needs an environment's password. When no store holds it (no keychain,
 * first use this session) it asks once; the answer goes to the credential store, never to a file.
 */
final class PasswordGate {

    private final EnvironmentCatalog environments;
    private final DialogService dialogs;
    private final TaskExecutor executor;

    PasswordGate(EnvironmentCatalog environments, DialogService dialogs, TaskExecutor executor) {
        this.environments = environments;
        this.dialogs = dialogs;
        this.executor = executor;
    }

    /** Calls {@code proceed} (on the FX thread) once the password is there, or {@code stopped} with one sentence. */
    void open(String environment, Runnable proceed, Consumer<String> stopped) {
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
    void askAgain(String environment, Runnable proceed, Consumer<String> stopped) {
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
