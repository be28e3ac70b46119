package com.rolloutcontrolroom.services.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DisplayPreferencesTest {

    @TempDir
    Path folder;

    @Test
    void theChosenThemeIsRememberedNextToOtherSettings() throws Exception {
        Path file = folder.resolve("settings.json");
        SettingsFile settings = new SettingsFile(file);
        settings.set("operator.displayName", "Ana Ruiz");
        assertThat(new DisplayPreferences(settings).theme()).isEqualTo("light");

        new DisplayPreferences(settings).rememberTheme("DARK");
        assertThat(new DisplayPreferences(new SettingsFile(file)).theme()).isEqualTo("dark");
        assertThat(new SettingsFile(file).get("operator.displayName")).contains("Ana Ruiz");
        assertThatThrownBy(() -> new DisplayPreferences(settings).rememberTheme("sepia"))
                .hasMessage("The theme must be light or dark, not 'sepia'.");

        Files.writeString(file, "{\"display.theme\":\"neon\"}");
        assertThat(new DisplayPreferences(new SettingsFile(file)).theme()).as("unknown value falls back").isEqualTo("light");
    }

    @Test
    void theWindowsBoundsAreRememberedAndADamagedValueGivesTheDefaults() throws Exception {
        Path file = folder.resolve("settings.json");
        DisplayPreferences display = new DisplayPreferences(new SettingsFile(file));
        assertThat(display.window()).as("first start").isEmpty();

        display.rememberWindow(new DisplayPreferences.WindowBounds(-1200, 80, 1280.4, 800, true));
        assertThat(new DisplayPreferences(new SettingsFile(file)).window())
                .contains(new DisplayPreferences.WindowBounds(-1200, 80, 1280, 800, true));
        assertThat(Files.readString(file)).contains("\"display.window\" : \"x=-1200 y=80 width=1280 height=800 maximized=true\"");

        for (String damaged : new String[] {"x=1 y=2 width=0 height=800 maximized=false", "x=NaN y=2 width=900 height=800 maximized=false",
                "x=1 y=2 width=900 maximized=false", "x=1 y=2 width=900 height=800 maximized=perhaps", "wide", ""}) {
            Files.writeString(file, "{\"display.window\":\"" + damaged + "\"}");
            assertThat(new DisplayPreferences(new SettingsFile(file)).window()).as(damaged).isEmpty();
        }
        Files.writeString(file, "{not json");
        assertThat(new DisplayPreferences(new SettingsFile(file)).window()).as("damaged file").isEmpty();
        assertThatThrownBy(() -> new DisplayPreferences(new SettingsFile(file))
                .rememberWindow(new DisplayPreferences.WindowBounds(0, 0, 900, 600, false)))
                .isInstanceOf(IllegalStateException.class);
        assertThat(Files.readString(file)).as("left for the user to fix").isEqualTo("{not json");
    }
}
