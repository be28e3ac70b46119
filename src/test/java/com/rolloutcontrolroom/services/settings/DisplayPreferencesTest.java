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
}
