package com.rolloutcontrolroom.ui.main;

import java.util.List;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.collections.ObservableList;

import com.rolloutcontrolroom.services.credentials.CredentialStore;
import com.rolloutcontrolroom.ui.common.BackgroundTask;
import com.rolloutcontrolroom.ui.common.CurrentRolloutModel;
import com.rolloutcontrolroom.ui.common.FailureSentence;
import com.rolloutcontrolroom.ui.common.PresentationMode;
import com.rolloutcontrolroom.ui.common.TaskExecutor;
import com.rolloutcontrolroom.ui.common.ThemeSwitcher;

/** Navigation and window-level state of the main window, including which rollout the window works on. */
public final class MainViewModel {

    static final String IN_KEYCHAIN = "Passwords: OS keychain";
    static final String BANNER = "Presenting — host names, users, paths and secrets are hidden · Ctrl+Shift+P to stop";
    static final String IN_MEMORY = "No OS keychain available; passwords are asked once per session and kept in memory only.";

    private final ObjectProperty<Screen> selectedScreen = new SimpleObjectProperty<>(Screen.DASHBOARD);
    private final ReadOnlyStringWrapper windowTitle = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper environmentBadge = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper dataFolder = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper statusText = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper announcement = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper passwords = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper passwordsDetail = new ReadOnlyStringWrapper("");
    private final ThemeSwitcher themeSwitcher;
    private final CredentialStore credentials;
    private final TaskExecutor executor;
    private final CurrentRolloutModel currentRollout;
    private final StringBinding rolloutPrompt;
    private final StringBinding rolloutTooltip;
    private final String versionText;
    private final PresentationMode presentation;

    /** Presentation mode off and knowing nothing: for tests of what the window says unshared. */
    public MainViewModel(String environmentName, String dataFolderDescription, String version, ThemeSwitcher themeSwitcher,
                         CredentialStore credentials, TaskExecutor executor, CurrentRolloutModel currentRollout) {
        this(environmentName, dataFolderDescription, version, themeSwitcher, credentials, executor, currentRollout, new PresentationMode());
    }

    /** @param environmentName "demo" on the demo workspace (a badge says so); null on the user's own rollouts */
    public MainViewModel(String environmentName, String dataFolderDescription, String version, ThemeSwitcher themeSwitcher,
                         CredentialStore credentials, TaskExecutor executor, CurrentRolloutModel currentRollout,
                         PresentationMode presentation) {
        this.presentation = presentation;
        this.themeSwitcher = themeSwitcher;
        this.currentRollout = currentRollout;
        this.rolloutPrompt = Bindings.createStringBinding(
                () -> currentRollout.names().isEmpty() ? "No rollout yet" : "Choose a rollout", currentRollout.names());
        this.rolloutTooltip = Bindings.createStringBinding(() -> currentRollout.currentProperty().get() == null
                ? "Every record belongs to the current rollout; choose it here (Alt+R)."
                : "Current rollout: " + currentRollout.currentProperty().get(), currentRollout.currentProperty());
        // listing or remembering the rollout failed: the status bar says so until the next notice
        currentRollout.problemProperty().addListener((obs, old, problem) -> {
            if (!problem.isBlank()) {
                showNotice(problem);
            }
        });
        this.credentials = credentials;
        this.executor = executor;
        this.versionText = "Rollout Control Room " + version;
        // the demo workspace says so on every screen, so a shared screen never passes demo numbers off as real
        windowTitle.set(environmentName == null ? "Rollout Control Room" : "Rollout Control Room — " + environmentName);
        environmentBadge.set(environmentName == null ? "" : environmentName.toUpperCase(java.util.Locale.ROOT) + " ROLLOUT");
        dataFolder.set("Data folder: " + dataFolderDescription);
        statusText.set(dataFolder.get());
        // a failure no screen handled is still news to whoever watches the shared screen
        executor.unhandledFailures().showWith(this::showNotice);
    }

    /** A problem the whole window should know of (a damaged settings file): shown in the status bar instead of the data folder. */
    public void showNotice(String sentence) {
        statusText.set(sentence == null || sentence.isBlank() ? dataFolder.get() : sentence);
    }

    /** News the release manager should hear now (a checkpoint due, late or missed, a verdict that changed): status bar and a notification. */
    public void announce(String sentence) {
        showNotice(sentence);
        announcement.set(null);
        // redacted as it is made: the popup outlives a change of mode by seconds only
        announcement.set(presentation.shown(sentence));
    }

    /** The latest announcement, for the view's notification popup. */
    public ReadOnlyStringProperty announcementProperty() {
        return announcement.getReadOnlyProperty();
    }

    /** What the status bar says: the data folder, unless a notice replaced it. */
    public StringBinding statusTextProperty() {
        return presentation.shown(statusText.getReadOnlyProperty());
    }

    /**
     * Lists the rollouts, and probes the credential store off the FX thread as the app starts, so a missing keychain switches
     * passwords to session memory before anything needs one, and says where passwords go: short enough
     * for the status bar, with the store's full sentence (why, and what to fix) as its detail.
     */
    public void start() {
        currentRollout.refresh();
        executor.execute(BackgroundTask.of(credentials::probe)
                .onSuccess(status -> {
                    passwords.set(status.available() ? IN_KEYCHAIN : IN_MEMORY);
                    passwordsDetail.set(status.sentence());
                })
                .onFailure(failure -> {
                    passwords.set("The OS keychain could not be checked: " + FailureSentence.of(failure));
                    passwordsDetail.set(passwords.get());
                }));
    }

    /** "Rollout Control Room 0.1.0", so a screenshot in an audit says which build made it. */
    public String versionText() {
        return versionText;
    }

    public List<Screen> screens() {
        return List.of(Screen.values());
    }

    public ObjectProperty<Screen> selectedScreenProperty() {
        return selectedScreen;
    }

    public void navigateTo(Screen screen) {
        selectedScreen.set(screen);
    }

    /** Reads the rollouts again, e.g. as the chooser opens after one was created with the CLI. */
    public void refreshRollouts() {
        currentRollout.refresh();
    }

    /** The data folder's rollouts, for the header's chooser. */
    public ObservableList<String> rollouts() {
        return currentRollout.names();
    }

    /** The current rollout; the chooser sets it, and a choice is remembered for the next start. */
    public StringProperty currentRolloutProperty() {
        return currentRollout.currentProperty();
    }

    /** What the chooser says while no rollout is current. */
    public StringBinding rolloutPromptBinding() {
        return rolloutPrompt;
    }

    /** The whole name of the current rollout, which the sidebar may cut short. */
    public StringBinding rolloutTooltipBinding() {
        return presentation.shown(rolloutTooltip);
    }

    /** The window is shared: the banner shows, type grows, and every text passes the redactor. Not remembered across starts. */
    public BooleanProperty presentingProperty() {
        return presentation.onProperty();
    }

    public void togglePresenting() {
        presentation.toggle();
    }

    /** What the banner says while presenting. */
    public String bannerText() {
        return BANNER;
    }

    public void toggleTheme() {
        themeSwitcher.toggle();
    }

    public StringBinding windowTitleProperty() {
        return presentation.shown(windowTitle.getReadOnlyProperty());
    }

    public ReadOnlyStringProperty environmentBadgeProperty() {
        return environmentBadge.getReadOnlyProperty();
    }

    public StringBinding dataFolderProperty() {
        return presentation.shown(dataFolder.getReadOnlyProperty());
    }

    /** Where passwords are kept this session, in one short sentence; empty until probed. */
    public StringBinding passwordsProperty() {
        return presentation.shown(passwords.getReadOnlyProperty());
    }

    /** The credential store's own sentence, the one Settings shows: which keychain, or why there is none. */
    public StringBinding passwordsDetailProperty() {
        return presentation.shown(passwordsDetail.getReadOnlyProperty());
    }
}
