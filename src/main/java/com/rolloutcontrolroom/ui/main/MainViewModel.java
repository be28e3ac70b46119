package com.rolloutcontrolroom.ui.main;

import java.util.List;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

import com.rolloutcontrolroom.ui.common.ThemeSwitcher;

/** Navigation and window-level state of the main window. */
public final class MainViewModel {

    private final ObjectProperty<Screen> selectedScreen = new SimpleObjectProperty<>(Screen.DASHBOARD);
    private final ReadOnlyStringWrapper windowTitle = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper environmentBadge = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper dataFolder = new ReadOnlyStringWrapper();
    private final ThemeSwitcher themeSwitcher;
    private final String versionText;

    public MainViewModel(String environmentName, String dataFolderDescription, String version, ThemeSwitcher themeSwitcher) {
        this.themeSwitcher = themeSwitcher;
        this.versionText = "Rollout Control Room " + version;
        windowTitle.set("Rollout Control Room — " + environmentName);
        // the rollout the window was opened on; each screen names the environment it reads
        environmentBadge.set(environmentName.toUpperCase(java.util.Locale.ROOT) + " ROLLOUT");
        dataFolder.set("Data folder: " + dataFolderDescription);
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

    public void toggleTheme() {
        themeSwitcher.toggle();
    }

    public ReadOnlyStringProperty windowTitleProperty() {
        return windowTitle.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty environmentBadgeProperty() {
        return environmentBadge.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty dataFolderProperty() {
        return dataFolder.getReadOnlyProperty();
    }
}
