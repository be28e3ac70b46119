package com.rolloutcontrolroom.services.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsFileTest {

    @TempDir
    Path home;

    @Test
    void twoFeaturesWritingTheSameFileAtOnceKeepEachOthersKeys() throws Exception {
        Path file = home.resolve("settings.json");
        SettingsFile theme = new SettingsFile(file);
        SettingsFile operator = new SettingsFile(home.resolve(".").resolve("settings.json")); // same file, other spelling
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> writes = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                int n = i;
                writes.add(threads.submit(() -> theme.set("theme." + n, "dark")));
                writes.add(threads.submit(() -> operator.set("operator." + n, "Ada")));
            }
            for (Future<?> write : writes) {
                write.get();
            }
        } finally {
            threads.shutdown();
        }
        SettingsFile reader = new SettingsFile(file);
        for (int i = 0; i < 100; i++) {
            assertThat(reader.get("theme." + i)).as("theme key %d", i).contains("dark");
            assertThat(reader.get("operator." + i)).as("operator key %d", i).contains("Ada");
        }
    }

    @Test
    void removingAKeyKeepsTheOthers() {
        SettingsFile settings = new SettingsFile(home.resolve("settings.json"));
        settings.set("a", "1");
        settings.set("b", "2");
        settings.set("a", null);
        assertThat(settings.get("a")).isEmpty();
        assertThat(settings.get("b")).contains("2");
    }

    @Test
    void aDamagedFileFallsBackToDefaultsSaysSoInOneSentenceAndIsNotOverwritten() throws Exception {
        Path file = home.resolve("settings.json");
        String damaged = "{\"operator.displayName\": \"Ana\", ";
        java.nio.file.Files.writeString(file, damaged);
        SettingsFile settings = new SettingsFile(file);

        assertThat(settings.get("operator.displayName")).as("defaults").isEmpty();
        assertThat(settings.damage()).hasValue("Settings file " + file + " is damaged, so defaults are used; fix or delete it.");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> settings.set("display.theme", "dark"))
                .hasMessage("Settings file " + file + " is damaged, so it was not changed; fix or delete it.");
        assertThat(java.nio.file.Files.readString(file)).as("left for the user to fix").isEqualTo(damaged);

        java.nio.file.Files.writeString(file, "[1, 2]");
        assertThat(settings.damage()).as("JSON, but not an object").isPresent();
        assertThat(new DisplayPreferences(settings).theme()).isEqualTo("light");
        java.nio.file.Files.writeString(file, "{}");
        assertThat(settings.damage()).isEmpty();
    }
}
