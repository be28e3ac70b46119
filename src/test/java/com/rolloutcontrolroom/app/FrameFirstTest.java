package com.rolloutcontrolroom.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Clock;

import java.util.List;

import javafx.scene.Scene;
import javafx.scene.control.Control;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import com.rolloutcontrolroom.services.credentials.SessionCredentialStore;
import com.rolloutcontrolroom.services.home.AppHome;
import com.rolloutcontrolroom.ui.common.FxTaskExecutor;
import com.rolloutcontrolroom.ui.main.Shortcuts;

/** The window's first frame is its frame alone; the selected screen is built when asked, once. */
@ExtendWith(ApplicationExtension.class)
class FrameFirstTest {

    private ControlRoom room;
    private FxTaskExecutor executor;

    @Start
    void start(Stage stage) throws Exception {
        AppHome home = new AppHome(Files.createTempDirectory("frame-first-test")).ensureExists();
        executor = new FxTaskExecutor();
        room = new ControlRoom(home, () -> {
            throw new IllegalStateException("Nothing connects before the window's start.");
        }, new SessionCredentialStore("frame-first test"), executor, Clock.systemUTC());
        Scene scene = new Scene(room.mainFrameOnly(), 1280, 800);
        room.themeSwitcher().install(scene);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void close() {
        executor.close();
        room.close();
    }

    @Test
    void theFrameIsDrawnWithoutItsScreenWhichComesWhenAskedForOnce(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#nav-dashboard").tryQuery()).as("the frame's navigation").isPresent();
        assertThat(robot.lookup("#health-table").tryQuery()).as("no dashboard in the first frame").isEmpty();
        StackPane content = robot.lookup(".content").queryAs(StackPane.class);
        assertThat(content.getChildren()).isEmpty();

        robot.interact(room::showSelectedScreen);
        assertThat(robot.lookup("#health-table").tryQuery()).as("the dashboard, now").isPresent();
        javafx.scene.Node dashboard = content.getChildren().get(0);

        robot.interact(room::showSelectedScreen);
        assertThat(content.getChildren()).containsExactly(dashboard);
    }

    @Test
    void theFrameGetsEveryTooltipOnceItsScreenComes(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(room::showSelectedScreen);
        robot.interact(room::showSelectedScreen);
        for (String id : List.of("#nav-dashboard", "#nav-rollout", "#nav-queries", "#nav-journal", "#nav-settings",
                "#main-present", "#" + Shortcuts.THEME_BUTTON_ID, "#main-rollout")) {
            Control control = robot.lookup(id).queryAs(Control.class);
            assertThat(control.getTooltip()).as(id).isNotNull();
            assertThat(control.getTooltip().getText()).as(id).isNotBlank();
        }
        // where passwords are kept is known once the keychain is probed, after the start: the tooltip follows it
        Control passwords = robot.lookup("#main-passwords").queryAs(Control.class);
        assertThat(passwords.getTooltip().textProperty().isBound()).isTrue();
        ToggleButton journal = robot.lookup("#nav-journal").queryAs(ToggleButton.class);
        assertThat(journal.getTooltip().getText()).startsWith("Journal (");
    }

    @Test
    void navigatingBeforeTheScreenIsAskedForShowsTheOneChosen(FxRobot robot) {
        robot.clickOn("#nav-journal");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#health-table").tryQuery()).isEmpty();
        robot.interact(room::showSelectedScreen);
        assertThat(robot.lookup("#health-table").tryQuery()).as("the journal stays, the dashboard is not built").isEmpty();
    }
}
