package com.rolloutcontrolroom.services.settings;

import java.util.Locale;

/** How the window looks, remembered between sessions in settings.json; file I/O, so off the FX thread. */
public final class DisplayPreferences {

    static final String THEME_KEY = "display.theme";

    private final SettingsFile settings;

    public DisplayPreferences(SettingsFile settings) {
        this.settings = settings;
    }

    /** "light" or "dark"; light when nothing was chosen yet or the file holds something else. */
    public String theme() {
        return settings.get(THEME_KEY).map(value -> value.toLowerCase(Locale.ROOT))
                .filter(value -> value.equals("dark") || value.equals("light")).orElse("light");
    }

    public void rememberTheme(String theme) {
        String value = theme.toLowerCase(Locale.ROOT);
        if (!value.equals("dark") && !value.equals("light")) {
            throw new IllegalArgumentException("The theme must be light or dark, not '" + theme + "'.");
        }
        settings.set(THEME_KEY, value);
    }
}
