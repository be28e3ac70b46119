package com.rolloutcontrolroom.ui.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javafx.beans.property.SimpleStringProperty;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import com.rolloutcontrolroom.domain.journal.EntryKind;
import com.rolloutcontrolroom.domain.journal.RollbackPerformed;
import com.rolloutcontrolroom.services.deploy.DeployFixture;
import com.rolloutcontrolroom.services.operator.OperatorIdentity;
import com.rolloutcontrolroom.services.settings.SettingsFile;
import com.rolloutcontrolroom.testsupport.FxWait;
import com.rolloutcontrolroom.ui.common.FxDialogService;
import com.rolloutcontrolroom.ui.common.FxTaskExecutor;
import com.rolloutcontrolroom.ui.common.FxmlView;
import com.rolloutcontrolroom.ui.common.PresentationMode;
import com.rolloutcontrolroom.ui.common.ThemeSwitcher;
import com.rolloutcontrolroom.ui.common.ViewFactory;

/**
 * The emergency rollback from the Rollout screen, headless, against the fake Vercel CLI: the dialog shows the
 * exact commands, a wrong typed name keeps Run disabled, the right one runs it with live output, and the
 * rollback is in the journal with the rollout moved back.
 */
@ExtendWith(ApplicationExtension.class)
class EmergencyRollbackViewTest {

    private DeployFixture fixture;
    private FxTaskExecutor executor;

    @Start
    void start(Stage stage) throws Exception {
        fixture = new DeployFixture(Files.createTempDirectory("emergency-rollback-view-test"));
        fixture.walkTo("Production shadow");
        executor = new FxTaskExecutor();
        Path settings = fixture.home.root().resolve("settings.json");
        OperatorIdentity operator = new OperatorIdentity("ana", new SettingsFile(settings));
        SimpleStringProperty name = new SimpleStringProperty(DeployFixture.ROLLOUT);
        FxDialogService dialogs = new FxDialogService(() -> stage);
        PresentationMode presentation = new PresentationMode();
        RolloutViewModel viewModel = new RolloutViewModel(fixture.rollouts, operator, name, executor, dialogs, fixture.clock,
                () -> List.of("staging", "production"), chosen -> { }, presentation);
        ViewFactory views = new ViewFactory(DeploymentScreens.controllers(viewModel, fixture.rollouts, settings, name, executor,
                dialogs, presentation, fixture.fake.setups()));
        Scene scene = new Scene(views.load(FxmlView.ROLLOUT), 1200, 760);
        new ThemeSwitcher().install(scene);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void close() {
        executor.close();
        fixture.close();
    }

    @Test
    void aWrongNameKeepsRunDisabledTheRightOneRollsProductionBackAndTheJournalHasIt(FxRobot robot) throws Exception {
        FxWait.until(10, () -> robot.lookup("#deploy-rollback-production").tryQuery().isPresent());
        assertThat(robot.lookup("#deploy-rollback-staging").tryQuery()).isPresent();
        robot.clickOn("#deploy-rollback-production");
        FxWait.until(15, () -> !text(robot, "#deploy-dry-run").isEmpty());
        assertThat(text(robot, "#deploy-dry-run")).contains(
                "printf '%s' false | vercel env add FEATURE_ASSIGNMENT_PIPELINE_V3 production --force --no-sensitive --yes",
                "vercel --prod --yes");
        assertThat(label(robot, "#deploy-confirm-prompt")).isEqualTo("Type production to confirm");
        assertThat(button(robot, "#deploy-run").isDisabled()).isTrue();

        robot.clickOn("#deploy-reason").write("coordinator.circuit_open at T+2h");
        robot.clickOn("#deploy-confirm").write("prod");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(button(robot, "#deploy-run").isDisabled()).as("a wrong name keeps it disabled").isTrue();
        robot.write("uctio");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(button(robot, "#deploy-run").isDisabled()).isTrue();
        robot.write("n");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(button(robot, "#deploy-run").isDisabled()).as("the right name enables it").isFalse();
        assertThat(fixture.kinds()).doesNotContain(EntryKind.ROLLBACK);

        robot.clickOn("#deploy-run");
        FxWait.until(30, () -> !label(robot, "#deploy-result").isEmpty());
        assertThat(label(robot, "#deploy-result")).startsWith("The emergency rollback of production is done")
                .endsWith("the rollout is back in Staging shadow.");
        assertThat(text(robot, "#deploy-output")).contains("$ vercel --prod --yes", "Read back FEATURE_ASSIGNMENT_PIPELINE_V3=false");
        RollbackPerformed row = fixture.state().rollbacks().get(0).entry();
        assertThat(row.environment()).isEqualTo("production");
        assertThat(row.reason()).isEqualTo("coordinator.circuit_open at T+2h");
        assertThat(fixture.state().currentPhaseName()).isEqualTo("Staging shadow");
        FxWait.until(10, () -> "Current".equals(label(robot, "#rollout-phase-1-status")));

        robot.clickOn("#deploy-close");
        FxWait.until(10, () -> robot.lookup("#deploy-close").tryQuery().isEmpty());
    }

    private static String text(FxRobot robot, String query) {
        String text = robot.lookup(query).queryAs(TextArea.class).getText();
        return text == null ? "" : text;
    }

    private static String label(FxRobot robot, String query) {
        String text = robot.lookup(query).queryAs(Label.class).getText();
        return text == null ? "" : text;
    }

    private static Button button(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Button.class);
    }
}
