package com.rolloutcontrolroom.app;

import java.util.Locale;
import java.util.logging.Logger;

import com.rolloutcontrolroom.ui.main.Screen;

/**
 * {@code -Dcontrolroom.screen=JOURNAL} opens the window on that screen: for screenshots, demos and
 * checking one screen quickly. An unknown name falls back to the dashboard with a log line.
 */
final class FirstScreen {

    static final String PROPERTY = "controlroom.screen";
    private static final Logger LOG = Logger.getLogger(FirstScreen.class.getName());

    private FirstScreen() {
    }

    static Screen fromSystemProperty() {
        String name = System.getProperty(PROPERTY, "").strip();
        if (name.isEmpty()) {
            return Screen.DASHBOARD;
        }
        try {
            return Screen.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            LOG.warning(() -> PROPERTY + "=" + name + " names no screen; opening the dashboard.");
            return Screen.DASHBOARD;
        }
    }
}
