package com.rolloutcontrolroom.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

class ClassPreloaderTest {

    static final AtomicBoolean INITIALISED = new AtomicBoolean();

    /** Its static initialiser must not run on the preloader's thread, only where the app first uses it. */
    static final class InitialisedOnUse {
        static {
            INITIALISED.set(true);
        }

        static void use() {
        }
    }

    @Test
    void loadsTheListedClassesWithoutRunningTheirInitialisersAndPassesOverOnesThatAreGone() {
        int loaded = ClassPreloader.preload("/startup/test-classes.txt");

        assertThat(loaded).as("two of the three names are classes").isEqualTo(2);
        assertThat(INITIALISED).as("loaded, not initialised").isFalse();
        InitialisedOnUse.use();
        assertThat(INITIALISED).isTrue();
    }

    @Test
    void theAppsListNamesOnlyClassesThatExistSoItIsRecordedAgainWhenTheStartChanges() throws IOException {
        List<String> names;
        try (InputStream list = ClassPreloader.class.getResourceAsStream(ClassPreloader.LIST)) {
            assertThat(list).as(ClassPreloader.LIST).isNotNull();
            names = new String(list.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
        assertThat(names).as("the list covers the window's start").hasSizeGreaterThan(1000)
                .contains(ControlRoomApp.class.getName(), "javafx.scene.control.ToggleButton");
        List<String> gone = names.stream().filter(name -> {
            try {
                Class.forName(name, false, ClassPreloader.class.getClassLoader());
                return false;
            } catch (ClassNotFoundException | LinkageError e) {
                return true;
            }
        }).toList();
        assertThat(gone).as("classes listed in %s that are gone: run scripts/record-startup-classes.sh", ClassPreloader.LIST)
                .isEmpty();
        assertThat(ClassPreloader.preload(ClassPreloader.LIST)).isEqualTo(names.size());
    }
}
