package com.rolloutcontrolroom.services.settings;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** How the window looks, remembered between sessions in settings.json; file I/O, so off the FX thread. */
public final class DisplayPreferences {

    static final String THEME_KEY = "display.theme";
    static final String WINDOW_KEY = "display.window";

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

    /**
     * Where the window was last: its normal (not maximised) bounds in the toolkit's logical pixels, and whether it was
     * maximised. Empty on first start and when the value is damaged: the window then opens at its defaults.
     */
    public Optional<WindowBounds> window() {
        return settings.get(WINDOW_KEY).flatMap(WindowBounds::parse);
    }

    /** Throws when the settings file is damaged (it is left for the user to fix); callers log and go on. */
    public void rememberWindow(WindowBounds bounds) {
        settings.set(WINDOW_KEY, bounds.text());
    }

    /** A window's bounds as settings.json keeps them: "x=120 y=80 width=1280 height=800 maximized=false". */
    public record WindowBounds(double x, double y, double width, double height, boolean maximized) {

        public WindowBounds {
            if (!Double.isFinite(x) || !Double.isFinite(y) || !Double.isFinite(width) || !Double.isFinite(height)
                    || width < 1 || height < 1) {
                throw new IllegalArgumentException("A window needs a finite position and a size of at least one pixel.");
            }
        }

        String text() {
            return String.format(Locale.ROOT, "x=%.0f y=%.0f width=%.0f height=%.0f maximized=%b", x, y, width, height, maximized);
        }

        static Optional<WindowBounds> parse(String text) {
            Map<String, String> fields = new HashMap<>();
            for (String field : text.trim().split("\\s+")) {
                int equals = field.indexOf('=');
                if (equals > 0) {
                    fields.put(field.substring(0, equals), field.substring(equals + 1));
                }
            }
            try {
                String maximized = fields.get("maximized");
                if (maximized == null || !(maximized.equals("true") || maximized.equals("false"))) {
                    return Optional.empty();
                }
                return Optional.of(new WindowBounds(number(fields, "x"), number(fields, "y"), number(fields, "width"),
                        number(fields, "height"), Boolean.parseBoolean(maximized)));
            } catch (IllegalArgumentException damaged) {
                return Optional.empty();
            }
        }

        private static double number(Map<String, String> fields, String name) {
            String value = fields.get(name);
            if (value == null) {
                throw new IllegalArgumentException("no " + name);
            }
            return Double.parseDouble(value);
        }
    }
}
