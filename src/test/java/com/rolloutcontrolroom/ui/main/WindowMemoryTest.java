package com.rolloutcontrolroom.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import javafx.util.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import com.rolloutcontrolroom.services.settings.DisplayPreferences;
import com.rolloutcontrolroom.services.settings.DisplayPreferences.WindowBounds;
import com.rolloutcontrolroom.services.settings.SettingsFile;
import com.rolloutcontrolroom.testsupport.FxWait;
import com.rolloutcontrolroom.ui.common.FxTaskExecutor;

/** A real window remembers where it is in a real settings.json, and opens anyway when that file is damaged. */
@ExtendWith(ApplicationExtension.class)
class WindowMemoryTest {

    private Path file;
    private FxTaskExecutor executor;
    private Stage stage;

    /** A stage of its own per test: the primary one is shared, and would keep an earlier test's listeners. */
    @Start
    void start(Stage primary) throws Exception {
        stage = new Stage();
        file = Files.createTempDirectory("window-memory").resolve("settings.json");
        executor = new FxTaskExecutor();
        stage.setScene(new Scene(new Label("window")));
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(stage::close);
        executor.close();
    }

    @Test
    void aMovedWindowIsRememberedAMomentAfterItStopsAndOpensThereNextTime(FxRobot robot) throws Exception {
        DisplayPreferences display = new DisplayPreferences(new SettingsFile(file));
        WindowMemory memory = new WindowMemory(display, executor, Duration.millis(100));
        robot.interact(() -> {
            memory.restore(stage, Optional.empty());
            stage.show();
        });
        robot.interact(() -> {
            stage.setX(100);
            stage.setY(50);
            stage.setWidth(1000);
            stage.setHeight(700);
        });
        FxWait.until(10, () -> display.window().isPresent());
        assertThat(display.window()).contains(new WindowBounds(100, 50, 1000, 700, false));

        WindowMemory nextTime = new WindowMemory(display, executor, Duration.millis(100));
        robot.interact(() -> nextTime.restore(stage, display.window()));
        assertThat(new Rectangle2D(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight()))
                .isEqualTo(new Rectangle2D(100, 50, 1000, 700));
    }

    @Test
    void aDamagedSettingsFileOpensTheWindowAtItsDefaultsAndIsLeftAsItWas(FxRobot robot) throws Exception {
        Files.writeString(file, "{not json");
        DisplayPreferences display = new DisplayPreferences(new SettingsFile(file));
        WindowMemory memory = new WindowMemory(display, executor, Duration.millis(50));
        robot.interact(() -> {
            memory.restore(stage, display.window());
            stage.show();
        });
        Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        assertThat(stage.isShowing()).isTrue();
        assertThat(stage.getWidth()).isEqualTo(Math.min(WindowPlacement.FIRST_WIDTH, screen.getWidth()));
        assertThat(stage.getHeight()).isEqualTo(Math.min(WindowPlacement.FIRST_HEIGHT, screen.getHeight()));
        robot.interact(() -> stage.setX(stage.getX() + 10));
        Thread.sleep(300);
        memory.saveNow(WaitForAsyncUtils.asyncFx(memory::current).get());
        assertThat(Files.readString(file)).isEqualTo("{not json");
    }
}
