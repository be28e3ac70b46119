package com.rolloutcontrolroom.ui.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import com.rolloutcontrolroom.services.home.AppHome;
import com.rolloutcontrolroom.ui.common.PresentationMode;
import com.rolloutcontrolroom.services.journal.JournalAccess;
import com.rolloutcontrolroom.services.operator.OperatorIdentity;
import com.rolloutcontrolroom.services.rollout.Rollouts;
import com.rolloutcontrolroom.services.settings.SettingsFile;
import com.rolloutcontrolroom.testsupport.FxWait;
import com.rolloutcontrolroom.ui.common.FxDialogService;
import com.rolloutcontrolroom.ui.common.FxTaskExecutor;
import com.rolloutcontrolroom.ui.common.FxmlView;
import com.rolloutcontrolroom.ui.common.ThemeSwitcher;
import com.rolloutcontrolroom.ui.common.ViewFactory;

/** A release manager with no rollout yet creates the first one from the Rollout screen's empty state, by keyboard. */
@ExtendWith(ApplicationExtension.class)
class NewRolloutViewTest {

    private static final String NAME = "FEATURE_ASSIGNMENT_PIPELINE_V3";

    private JournalAccess journal;
    private FxTaskExecutor executor;
    private Rollouts rollouts;
    private final StringProperty current = new SimpleStringProperty("");

    @Start
    void start(Stage stage) throws Exception {
        Path folder = Files.createTempDirectory("new-rollout-view-test");
        journal = new JournalAccess(new AppHome(folder));
        executor = new FxTaskExecutor();
        OperatorIdentity operator = new OperatorIdentity("ana", new SettingsFile(folder.resolve("settings.json")));
        rollouts = new Rollouts(journal, operator, Clock.systemUTC());
        FxDialogService dialogs = new FxDialogService(() -> stage);
        RolloutViewModel viewModel = new RolloutViewModel(rollouts, operator, current, executor,
                dialogs, Clock.systemUTC(), () -> List.of("demo", "staging", "production"), current::set, new PresentationMode());
        ViewFactory views = new ViewFactory(DeploymentScreens.controllers(viewModel, rollouts, folder.resolve("settings.json"), current,
                executor, dialogs));
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
    void createsTheFirstRolloutFromTheEmptyStateWithTheKeyboard(FxRobot robot) throws Exception {
        FxWait.until(10, () -> robot.lookup("#rollout-empty").queryAs(Label.class).isVisible());
        assertThat(robot.lookup("#rollout-empty-new").queryButton().isVisible()).isTrue();
        assertThat(robot.lookup("#rollout-new").queryButton().isVisible()).as("one New rollout button at a time").isFalse();

        robot.press(KeyCode.ALT, KeyCode.W).release(KeyCode.W, KeyCode.ALT);
        FxWait.until(10, () -> !robot.lookup("#dialog-answer-0").queryAll().isEmpty());
        TextField name = robot.lookup("#dialog-answer-0").queryAs(TextField.class);
        assertThat(name.getText()).isEqualTo(NAME);
        assertThat(name.isFocused()).isTrue();
        robot.targetWindow(name.getScene());
        robot.press(KeyCode.ENTER).release(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();

        FxWait.until(10, () -> NAME.equals(robot.lookup("#rollout-name").queryAs(Label.class).getText()));
        FxWait.until(10, () -> !robot.lookup("#rollout-phase-0-status").queryAll().isEmpty());
        assertThat(robot.lookup("#rollout-phase-0-status").queryAs(Label.class).getText()).isEqualTo("Current");
        assertThat(robot.lookup("#rollout-empty").queryAs(Label.class).isVisible()).isFalse();
        assertThat(robot.lookup("#rollout-new").queryButton().isVisible()).isTrue();
        assertThat(current.get()).isEqualTo(NAME);
        assertThat(rollouts.require(NAME).plan().environments()).extracting(e -> e.environment())
                .containsExactly("staging", "production");
    }
}
