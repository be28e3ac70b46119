package com.rolloutcontrolroom.ui.common;

import java.util.Objects;

import javafx.application.Application;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;

/**
 * Applies AtlantaFX plus the app's token stylesheet, which also defines the Modena colours that
 * ControlsFX looks up and AtlantaFX lacks (otherwise its controls render unstyled).
 */
public final class ThemeSwitcher {

    public static final String APP_STYLESHEET = "/css/control-room.css";

    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(Theme.LIGHT);

    public void install(Scene scene) {
        String appCss = Objects.requireNonNull(ThemeSwitcher.class.getResource(APP_STYLESHEET), APP_STYLESHEET).toExternalForm();
        scene.getStylesheets().add(appCss);
        apply(scene, theme.get());
        theme.addListener((obs, old, now) -> apply(scene, now));
    }

    /**
     * Makes the chosen theme the user-agent stylesheet now. Called before the window's first control is built, JavaFX
     * never loads its own Modena stylesheet only to drop it (that load was a tenth of the start-up).
     */
    public void applyUserAgentStylesheet() {
        Application.setUserAgentStylesheet(theme.get().userAgentStylesheet());
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    public void toggle() {
        theme.set(theme.get().other());
    }

    private static void apply(Scene scene, Theme theme) {
        Application.setUserAgentStylesheet(theme.userAgentStylesheet());
        scene.getRoot().getStyleClass().removeAll(Theme.LIGHT.styleClass(), Theme.DARK.styleClass());
        scene.getRoot().getStyleClass().add(theme.styleClass());
    }
}
