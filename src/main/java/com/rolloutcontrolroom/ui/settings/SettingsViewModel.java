package com.rolloutcontrolroom.ui.settings;

import com.rolloutcontrolroom.ui.common.FailureSentence;
import java.util.Arrays;
import java.util.List;

import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import com.rolloutcontrolroom.domain.environment.EnvironmentProfile;
import com.rolloutcontrolroom.domain.environment.RunbookImport;
import com.rolloutcontrolroom.domain.environment.SslMode;
import com.rolloutcontrolroom.services.credentials.CredentialException;
import com.rolloutcontrolroom.services.credentials.CredentialKey;
import com.rolloutcontrolroom.services.credentials.CredentialStore;
import com.rolloutcontrolroom.services.credentials.KeychainStatus;
import com.rolloutcontrolroom.services.environment.ConnectionCheck;
import com.rolloutcontrolroom.services.environment.ConnectionPools;
import com.rolloutcontrolroom.services.environment.ConnectionTester;
import com.rolloutcontrolroom.services.environment.EnvironmentProfiles;
import com.rolloutcontrolroom.ui.common.BackgroundTask;
import com.rolloutcontrolroom.ui.common.DialogService;
import com.rolloutcontrolroom.ui.common.PresentationMode;
import com.rolloutcontrolroom.ui.common.TaskExecutor;

/**
 * Environment profiles: list, add/edit form, runbook import, connection test, removal. Passwords go
 * from the form straight to the credential store and are cleared; nothing here ever shows one.
 */
public final class SettingsViewModel {

    static final String MASK = "••••••••";

    private final EnvironmentProfiles profileStore;
    private final CredentialStore credentials;
    private final ConnectionTester tester;
    private final ConnectionPools pools;
    private final DialogService dialogs;
    private final TaskExecutor executor;

    private final ProfileForm form = new ProfileForm();
    private final ObservableList<EnvironmentProfile> profiles = FXCollections.observableArrayList();
    private final ObjectProperty<EnvironmentProfile> selected = new SimpleObjectProperty<>();
    private final StringProperty runbook = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper keychainStatus = new ReadOnlyStringWrapper("Checking the OS keychain…");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    /** What the tested role could do beyond reading, one warning a line; empty when it is a read-only role */
    private final ReadOnlyStringWrapper roleWarnings = new ReadOnlyStringWrapper("");
    /** The SQL that creates a read-only role, shown with the warnings so it can be copied */
    private final ReadOnlyStringWrapper roleSql = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();

    private final PresentationMode presentation;
    private final Runnable profilesChanged;

    /** Presentation mode off, nobody to tell of saved profiles: for tests of the screen unshared. */
    public SettingsViewModel(EnvironmentProfiles profileStore, CredentialStore credentials, ConnectionTester tester,
                             ConnectionPools pools, DialogService dialogs, TaskExecutor executor) {
        this(profileStore, credentials, tester, pools, dialogs, executor, new PresentationMode(), () -> { });
    }

    /** @param profilesChanged told (on the FX thread) after a profile was saved or removed: presentation mode learns its words */
    public SettingsViewModel(EnvironmentProfiles profileStore, CredentialStore credentials, ConnectionTester tester,
                             ConnectionPools pools, DialogService dialogs, TaskExecutor executor,
                             PresentationMode presentation, Runnable profilesChanged) {
        this.presentation = presentation;
        this.profilesChanged = profilesChanged;
        this.profileStore = profileStore;
        this.credentials = credentials;
        this.tester = tester;
        this.pools = pools;
        this.dialogs = dialogs;
        this.executor = executor;
        selected.addListener((obs, old, profile) -> {
            if (profile != null) {
                form.load(profile);
            }
        });
    }

    /** Probes the keychain and loads the profiles, off the FX thread. */
    public void start() {
        run(BackgroundTask.of(() -> new Loaded(credentials.probe(), profileStore.list()))
                .onSuccess(loaded -> {
                    keychainStatus.set(loaded.status().sentence());
                    profiles.setAll(loaded.profiles());
                }));
    }

    public void newProfile() {
        selected.set(null);
        form.clear();
        clearFeedback();
    }

    public void save() {
        if (presentation.isOn()) {
            return; // the form shows masks: saving them would overwrite the profile
        }
        clearFeedback();
        EnvironmentProfile profile;
        try {
            profile = form.toProfile();
        } catch (IllegalArgumentException invalid) {
            error.set(invalid.getMessage());
            return;
        }
        if (!mayReplace(profile.name())) {
            return;
        }
        char[] password = form.takePassword();
        boolean hadPassword = password.length > 0;
        saveWithPassword(profile, password, "Saved environment " + profile.name()
                + (hadPassword ? "; its password is in the credential store (" + MASK + ")." : "."));
    }

    /** Parses the pasted text into the form, moves its password to the store and clears the paste. */
    public void importRunbook() {
        if (presentation.isOn()) {
            return;
        }
        clearFeedback();
        String name = form.nameProperty().get().isBlank() ? "staging" : form.nameProperty().get().strip();
        RunbookImport parsed;
        try {
            parsed = RunbookImport.parse(name, runbook.get());
        } catch (IllegalArgumentException invalid) {
            error.set(invalid.getMessage());
            return;
        }
        runbook.set(""); // the paste may hold the password in plain text: do not leave it on screen
        form.load(parsed.profile());
        if (!mayReplace(parsed.profile().name())) {
            parsed.wipe();
            return;
        }
        char[] password = parsed.password();
        parsed.wipe();
        String stored = "Imported " + parsed.profile().describe() + (password.length > 0 ? " with password " + MASK + " in the credential store." : " with no password.");
        saveWithPassword(parsed.profile(), password, parsed.heldPlaintextSecret()
                ? stored + " The runbook held this password in plain text: remove it from the runbook and rotate it if it was shared."
                : stored);
    }

    /**
     * True unless the name belongs to another profile than the one being edited and the user declines
     * to replace it: saving under an existing name silently overwrote that environment.
     */
    private boolean mayReplace(String name) {
        EnvironmentProfile editing = selected.get();
        boolean taken = profiles.stream().anyMatch(existing -> existing.name().equals(name));
        if (!taken || editing != null && editing.name().equals(name)) {
            return true;
        }
        if (dialogs.confirm("Replace environment " + name + "?", "An environment named " + name + " exists already; replace it with this one?",
                "Replace")) {
            return true;
        }
        message.set("Environment " + name + " was not replaced.");
        return false;
    }

    /**
     * Saves the profile first, then the password, so a keychain that refuses the password loses
     * neither the profile nor the reason; the password array is wiped either way.
     */
    private void saveWithPassword(EnvironmentProfile profile, char[] password, String savedMessage) {
        run(BackgroundTask.of(() -> {
            String passwordProblem = null;
            try {
                profileStore.save(profile);
                if (password.length > 0) {
                    try {
                        credentials.store(CredentialKey.forEnvironment(profile.name()), password);
                    } catch (CredentialException e) {
                        passwordProblem = e.getMessage();
                    }
                }
            } finally {
                Arrays.fill(password, '\0');
            }
            pools.invalidate(profile.name());
            return new Saved(profileStore.list(), passwordProblem);
        }).onSuccess(saved -> {
            profilesChanged.run();
            showProfiles(saved.profiles(), profile.name());
            if (saved.passwordProblem() == null) {
                message.set(savedMessage);
            } else {
                message.set("Saved environment " + profile.name() + " without its password.");
                error.set(saved.passwordProblem() + " Type the password in the Password field and save again.");
            }
        }));
    }

    private record Saved(java.util.List<EnvironmentProfile> profiles, String passwordProblem) {
    }

    public void testConnection() {
        if (presentation.isOn()) {
            return;
        }
        clearFeedback();
        EnvironmentProfile profile = selected.get();
        if (profile == null) {
            error.set("Select or save an environment first, then test its connection.");
            return;
        }
        message.set("Testing " + profile.name() + "…");
        run(BackgroundTask.of(() -> tester.test(profile)).onSuccess(check -> showCheck(profile, check)));
    }

    public void remove() {
        if (presentation.isOn()) {
            return;
        }
        clearFeedback();
        EnvironmentProfile profile = selected.get();
        if (profile == null) {
            error.set("Select the environment to remove first.");
            return;
        }
        run(BackgroundTask.of(() -> {
            profileStore.remove(profile.name());
            pools.invalidate(profile.name());
            credentials.delete(CredentialKey.forEnvironment(profile.name()));
            return profileStore.list();
        }).onSuccess(list -> {
            profilesChanged.run();
            showProfiles(list, null);
            form.clear();
            message.set("Removed environment " + profile.name() + " and its stored password.");
        }));
    }

    private void showCheck(EnvironmentProfile profile, ConnectionCheck check) {
        if (check.connected()) {
            message.set(profile.name() + ": " + check.sentence());
            if (!check.passed()) {
                error.set(profile.name() + ": " + check.role().refusal(profile.name()));
            }
            if (!check.role().clean()) {
                roleWarnings.set(String.join("\n", check.role().warnings().stream()
                        .map(warning -> "Warning: " + Character.toUpperCase(warning.charAt(0)) + warning.substring(1)).toList())
                        + "\nCreate a read-only role with the SQL below, then connect as it.");
                roleSql.set(check.role().recommendedRoleSql());
            }
        } else {
            message.set("");
            error.set(profile.name() + ": " + check.sentence());
        }
    }

    private void showProfiles(List<EnvironmentProfile> list, String select) {
        profiles.setAll(list);
        selected.set(list.stream().filter(profile -> profile.name().equals(select)).findFirst().orElse(null));
    }

    private <T> void run(BackgroundTask<T> task) {
        busy.set(true);
        executor.execute(task.onFailure(failure -> error.set(FailureSentence.of(failure))).onFinished(() -> busy.set(false)));
    }

    private void clearFeedback() {
        message.set("");
        error.set("");
        roleWarnings.set("");
        roleSql.set("");
    }

    public ProfileForm form() { return form; }
    public ObservableList<EnvironmentProfile> profiles() { return profiles; }
    public ObjectProperty<EnvironmentProfile> selectedProperty() { return selected; }
    public StringProperty runbookProperty() { return runbook; }
    public List<SslMode> sslModes() { return List.of(SslMode.values()); }
    public StringBinding keychainStatusProperty() { return presentation.shown(keychainStatus.getReadOnlyProperty()); }
    public StringBinding messageProperty() { return presentation.shown(message.getReadOnlyProperty()); }
    public StringBinding errorProperty() { return presentation.shown(error.getReadOnlyProperty()); }
    public StringBinding roleWarningsProperty() { return presentation.shown(roleWarnings.getReadOnlyProperty()); }
    public StringBinding roleSqlProperty() { return presentation.shown(roleSql.getReadOnlyProperty()); }
    /** Save, Remove, Test and Import are off: busy, or presenting (nothing may be revealed or overwritten). */
    public BooleanBinding editingOffProperty() { return busy.getReadOnlyProperty().or(presentation.onProperty()); }
    public PresentationMode presentation() { return presentation; }
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }

    private record Loaded(KeychainStatus status, List<EnvironmentProfile> profiles) {
    }
}
