package com.rolloutcontrolroom.services.operator;

import com.rolloutcontrolroom.services.home.AppHome;
import com.rolloutcontrolroom.domain.operator.Operator;
import com.rolloutcontrolroom.services.settings.SettingsFile;

/**
 * Who is operating this workstation: the OS login, which the app never lets anyone change, and a
 * display name editable in Settings. Every journal record carries both.
 */
public final class OperatorIdentity {

    static final String DISPLAY_NAME_KEY = "operator.displayName";
    private static final int MAX_DISPLAY_NAME = 100;

    private final String login;
    private final SettingsFile settings;

    public OperatorIdentity(String login, SettingsFile settings) {
        this.login = login;
        this.settings = settings;
    }

    /** The OS user from {@code user.name}, display name kept in the data folder's settings.json. */
    public static OperatorIdentity forCurrentUser(AppHome home) {
        return new OperatorIdentity(System.getProperty("user.name", "unknown"),
                new SettingsFile(home.root().resolve("settings.json")));
    }

    public Operator current() {
        return new Operator(login, settings.get(DISPLAY_NAME_KEY).orElse(login));
    }

    /** Blank resets to the OS login. */
    public Operator setDisplayName(String displayName) {
        String cleaned = displayName == null ? "" : displayName.strip();
        if (cleaned.length() > MAX_DISPLAY_NAME) {
            throw new IllegalArgumentException("Display name is longer than " + MAX_DISPLAY_NAME + " characters; shorten it.");
        }
        if (cleaned.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("Display name contains control characters; type it on one line.");
        }
        settings.set(DISPLAY_NAME_KEY, cleaned.isEmpty() ? null : cleaned);
        return current();
    }
}
