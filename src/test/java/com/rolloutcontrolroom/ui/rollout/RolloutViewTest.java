package com.rolloutcontrolroom.ui.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import com.rolloutcontrolroom.domain.rollout.RolloutState;
import com.rolloutcontrolroom.ui.common.PresentationMode;
import com.rolloutcontrolroom.services.home.AppHome;
import com.rolloutcontrolroom.services.journal.JournalAccess;
import com.rolloutcontrolroom.services.operator.OperatorIdentity;
import com.rolloutcontrolroom.services.rollout.Rollouts;
import com.rolloutcontrolroom.services.settings.SettingsFile;
import com.rolloutcontrolroom.testsupport.FirstPhasesPlan;
import com.rolloutcontrolroom.testsupport.FxWait;
import com.rolloutcontrolroom.ui.common.FxDialogService;
import com.rolloutcontrolroom.ui.common.FxTaskExecutor;
import com.rolloutcontrolroom.ui.common.FxmlView;
import com.rolloutcontrolroom.ui.common.ThemeSwitcher;
import com.rolloutcontrolroom.ui.common.ViewFactory;
import com.rolloutcontrolroom.ui.journal.UtcTimeText;

/**
 * A release manager walks a rollout on the Rollout screen from Preparation into Staging full: real
 * journal, real background work, real confirmation dialogs, headless.
 */
@ExtendWith(ApplicationExtension.class)
class RolloutViewTest {

    private static final String NAME = "FEATURE_ASSIGNMENT_PIPELINE_V3";

    private JournalAccess journal;
    private FxTaskExecutor executor;
    private Rollouts rollouts;

    @Start
    void start(Stage stage) throws Exception {
        Path folder = Files.createTempDirectory("rollout-view-test");
        journal = new JournalAccess(new AppHome(folder));
        executor = new FxTaskExecutor();
        OperatorIdentity operator = new OperatorIdentity("ana", new SettingsFile(folder.resolve("settings.json")));
        // created an hour ago, so a deploy recorded 31 minutes late still falls inside Preparation
        new Rollouts(journal, operator, Clock.offset(Clock.systemUTC(), Duration.ofHours(-1)))
                .create(FirstPhasesPlan.named(NAME));
        rollouts = new Rollouts(journal, operator, Clock.systemUTC());
        FxDialogService dialogs = new FxDialogService(() -> stage);
        SimpleStringProperty name = new SimpleStringProperty(NAME);
        RolloutViewModel viewModel = new RolloutViewModel(rollouts, operator, name, executor,
                dialogs, Clock.systemUTC(), () -> List.of("staging", "production"), chosen -> { }, new PresentationMode());
        ViewFactory views = new ViewFactory(DeploymentScreens.controllers(viewModel, rollouts, folder.resolve("settings.json"), name,
                executor, dialogs));
        // within Monocle's headless 1280x800 screen; a larger window overflows its framebuffer
        Scene scene = new Scene(views.load(FxmlView.ROLLOUT), 1200, 760);
        new ThemeSwitcher().install(scene);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void close() {
        executor.close();
        journal.close();
    }

    @Test
    void walksFromPreparationIntoStagingFullAndIsRefusedWhileItsWindowRuns(FxRobot robot) throws Exception {
        FxWait.until(10, () -> text(robot, "#rollout-phase-0-status").equals("Current"));
        assertThat(text(robot, "#rollout-next-action")).isEqualTo("Tick the Preparation checklist: 3 items are open.");
        for (String move : List.of("#rollout-promote", "#rollout-override", "#rollout-rollback")) {
            assertThat(robot.lookup(".next-action " + move).tryQuery()).as("%s beside the next action", move).isPresent();
            assertThat(robot.lookup(move).queryAll()).as("one %s, not a copy", move).hasSize(1);
            Node button = robot.lookup(move).query();
            assertThat(button.localToScene(button.getLayoutBounds()).getMaxY()).as("%s seen without scrolling", move)
                    .isLessThanOrEqualTo(button.getScene().getHeight());
        }

        tickAll(robot, "#rollout-current-checklist", 3);
        assertThat(text(robot, "#rollout-current-checklist-0-by")).startsWith("ticked by ana at ").endsWith(" UTC");
        tickAll(robot, "#rollout-next-checklist", 3);
        assertThat(text(robot, "#rollout-gate")).isEqualTo("Gate: Pass");

        String deployedAt = UtcTimeText.format(Instant.now().minus(Duration.ofMinutes(32)));
        replaceText(robot, "#rollout-marker-at", deployedAt);
        replaceText(robot, "#rollout-marker-url", "https://preview.example.test/deploy/1");
        // Alt+P from the form: Promote sits in the banner above it and records the marker typed here
        robot.press(KeyCode.ALT, KeyCode.P).release(KeyCode.P, KeyCode.ALT);
        confirmWithEnter(robot);

        FxWait.until(10, () -> text(robot, "#rollout-phase-1-status").equals("Current"));
        assertThat(text(robot, "#rollout-phase-0-status")).isEqualTo("Done");
        assertThat(text(robot, "#rollout-phase-1-started")).isEqualTo("Started " + deployedAt + " UTC");
        assertThat(text(robot, "#rollout-phase-2-status")).isEqualTo("Next");
        assertThat(text(robot, "#rollout-next-title")).isEqualTo("Next phase: Staging full");

        tickAll(robot, "#rollout-next-checklist", 3);
        robot.press(KeyCode.ALT, KeyCode.P).release(KeyCode.P, KeyCode.ALT);
        confirmWithEnter(robot);

        FxWait.until(10, () -> text(robot, "#rollout-phase-2-status").equals("Current"));
        assertThat(text(robot, "#rollout-gate")).isEqualTo("Gate: Not yet");
        RolloutState state = rollouts.require(NAME);
        assertThat(state.currentPhaseName()).isEqualTo("Staging full");
        assertThat(state.visits()).hasSize(2);
        assertThat(state.visits().get(0).marker()).isEqualTo(Instant.parse(deployedAt.replace(' ', 'T') + ":00Z"));
        assertThat(state.visits().get(0).deploymentUrl()).isEqualTo("https://preview.example.test/deploy/1");

        // Alt+P: the Promote button's mnemonic; a refused promotion asks nothing
        robot.press(KeyCode.ALT, KeyCode.P).release(KeyCode.P, KeyCode.ALT);
        FxWait.until(10, () -> robot.lookup("#rollout-error").queryAs(Label.class).isVisible());
        assertThat(text(robot, "#rollout-error")).startsWith("Promotion from Staging full to Done is refused: the 48 h window of Staging full"
                + " has run").endsWith("wait, or override with a reason and an approver.");
        assertThat(rollouts.require(NAME).currentPhaseName()).isEqualTo("Staging full");
        for (Node button : robot.lookup(".button").queryAll()) {
            Bounds inScene = button.localToScene(button.getLayoutBounds());
            assertThat(inScene.getMaxX()).as("%s inside the window's width", button.getId())
                    .isLessThanOrEqualTo(button.getScene().getWidth());
        }
        assertThat(state.visits().get(1).marker()).isBefore(Instant.now().plusSeconds(1));
        assertThat(Duration.between(state.visits().get(1).marker(), Instant.now())).isLessThan(Duration.ofMinutes(2));
    }

    @Test
    void anOverrideAsksReasonAndApproverInADialogDrivenFromTheKeyboard(FxRobot robot) throws Exception {
        FxWait.until(10, () -> text(robot, "#rollout-phase-0-status").equals("Current"));

        robot.press(KeyCode.ALT, KeyCode.O).release(KeyCode.O, KeyCode.ALT);
        WaitForAsyncUtils.waitForFxEvents();
        // typed text goes to the dialog, whose first answer has the focus
        robot.targetWindow(robot.lookup("#dialog-answer-0").query().getScene());
        robot.write("Preparation signed off on paper");
        robot.press(KeyCode.TAB).release(KeyCode.TAB);
        robot.write("Chris (CTO)");
        robot.press(KeyCode.ENTER).release(KeyCode.ENTER);

        FxWait.until(10, () -> text(robot, "#rollout-phase-1-status").equals("Current"));
        RolloutState state = rollouts.require(NAME);
        assertThat(state.overrides()).hasSize(1);
        assertThat(state.overrides().get(0).entry().who()).isEqualTo("Chris (CTO)");
        assertThat(state.overrides().get(0).entry().reason()).startsWith("Preparation signed off on paper (blocked by: ");
    }

    private static void tickAll(FxRobot robot, String prefix, int count) throws Exception {
        for (int i = 0; i < count; i++) {
            String query = prefix + "-" + i;
            robot.clickOn(query);
            FxWait.until(10, () -> robot.lookup(query).queryAs(CheckBox.class).isSelected()
                    && !robot.lookup(query + "-by").queryAll().isEmpty());
        }
    }

    private static void confirmWithEnter(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        robot.press(KeyCode.ENTER).release(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void replaceText(FxRobot robot, String query, String text) {
        // the form may sit below the fold (the deployment bar is above it): focus scrolls it into view, as Tab does
        robot.interact(robot.lookup(query).queryAs(javafx.scene.control.TextField.class)::requestFocus);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(query);
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.write(text);
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }
}
