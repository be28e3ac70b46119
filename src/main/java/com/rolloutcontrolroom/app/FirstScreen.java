package com.rolloutcontrolroom.app;

import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.rolloutcontrolroom.ui.main.Screen;

/**
 * {@code -Dcontrolroom.screen=JOURNAL} opens the window on that screen: for screenshots, demos and
 * checking one screen quickly. An unknown name falls back to the dashboard with a log line.
 */
final class FirstScreen {

    static final String PROPERTY = "controlroom.screen";
    private static final Logger LOG = LoggerFactory.getLogger(FirstScreen.class);

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
            LOG.warn("{}={} names no screen; opening the dashboard.", PROPERTY, name);
            return Screen.DASHBOARD;
        }
    }
}
