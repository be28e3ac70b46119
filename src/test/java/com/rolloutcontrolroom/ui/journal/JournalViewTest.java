package com.rolloutcontrolroom.ui.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.nio.file.Path;
import java.time.Clock;

import javafx.scene.Node;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import com.rolloutcontrolroom.testsupport.FxWait;

import com.rolloutcontrolroom.domain.journal.JournalSamples;
import com.rolloutcontrolroom.services.home.AppHome;
import com.rolloutcontrolroom.services.journal.JournalAccess;
import com.rolloutcontrolroom.services.operator.OperatorIdentity;
import com.rolloutcontrolroom.services.settings.SettingsFile;
import com.rolloutcontrolroom.ui.common.FxDialogService;
import com.rolloutcontrolroom.ui.common.PresentationMode;
import com.rolloutcontrolroom.ui.common.FxTaskExecutor;
import com.rolloutcontrolroom.ui.common.FxmlView;
import com.rolloutcontrolroom.services.evidence.BundleVerifier;
import com.rolloutcontrolroom.services.evidence.EvidenceExport;
import com.rolloutcontrolroom.services.evidence.EvidenceExporter;
import com.rolloutcontrolroom.services.report.VerificationReportWriter;
import com.rolloutcontrolroom.ui.common.ThemeSwitcher;
import com.rolloutcontrolroom.ui.common.ViewFactory;

/** The journal screen as a user drives it: a real journal, real background work, headless. */
@ExtendWith(ApplicationExtension.class)
class JournalViewTest {

    @TempDir static Path folder;
    private JournalAccess journal;
    private FxTaskExecutor executor;

    @Start
    void start(Stage stage) {
        journal = new JournalAccess(new AppHome(folder));
        executor = new FxTaskExecutor();
        OperatorIdentity operator = new OperatorIdentity("ana", new SettingsFile(folder.resolve("settings.json")));
        JournalViewModel viewModel = new JournalViewModel(journal, operator, () -> List.of("demo", "eu-prod"), executor,
                new FxDialogService(() -> stage), Clock.systemUTC(), new SimpleStringProperty(JournalSamples.ROLLOUT),
                new PresentationMode());
        EvidenceViewModel evidence = new EvidenceViewModel(new EvidenceExport(journal, new EvidenceExporter(
                new VerificationReportWriter(), "test")), new BundleVerifier(new VerificationReportWriter()), executor,
                new FxDialogService(() -> stage), new SimpleStringProperty(JournalSamples.ROLLOUT));
        ViewFactory views = new ViewFactory(JournalControllers.of(viewModel, evidence));
        // within Monocle's headless 1280x800 screen; a larger window overflows its framebuffer
        Scene scene = new Scene(views.load(FxmlView.JOURNAL), 1200, 760);
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
    void anInvalidDateIsExplainedThenTheFixedRollbackIsSavedAndTheChainVerified(FxRobot robot) throws Exception {
        FxWait.until(10,
                () -> label(robot, "#journal-chain-status").getText().startsWith("Chain intact, 0 records"));

        robot.clickOn("#journal-add-rollback");
        replaceText(robot, "#rollback-occurred-at", "2025-13-45 10:00");
        robot.interact(() -> robot.lookup("#rollback-environment").queryAs(ChoiceBox.class).setValue("production"));
        replaceText(robot, "#rollback-reason", "Success rate 91 % at T+30m");
        replaceText(robot, "#rollback-actions-taken", "vercel env add FEATURE_ASSIGNMENT_PIPELINE_V3 production");
        replaceText(robot, "#rollback-outcome", "Legacy routing restored within 4 minutes");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(label(robot, "#rollback-occurred-at-problem").getText())
                .isEqualTo("Rollback date/time '2025-13-45 10:00' is not a date and time; type it as 2025-11-13 15:00 (UTC).");
        assertThat(label(robot, "#rollback-occurred-at-problem").isVisible()).isTrue();
        assertThat(robot.lookup("#rollback-save").queryAs(Button.class).isDisabled()).isTrue();
        assertThat(label(robot, "#rollback-reason-problem").isVisible()).as("valid fields say nothing").isFalse();

        replaceText(robot, "#rollback-occurred-at", "2025-11-13 16:26");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(label(robot, "#rollback-occurred-at-problem").isVisible()).isFalse();
        assertThat(robot.lookup("#rollback-save").queryAs(Button.class).isDisabled()).isFalse();
        robot.clickOn("#rollback-save");

        TableView<?> table = robot.lookup("#journal-table").queryAs(TableView.class);
        FxWait.until(10, () -> table.getItems().size() == 1);
        WaitForAsyncUtils.waitForFxEvents();
        JournalRow row = (JournalRow) table.getItems().get(0);
        assertThat(row.kind()).isEqualTo("Rollback");
        assertThat(row.environment()).isEqualTo("production");
        assertThat(row.summary()).startsWith("Rolled back 2025-11-13 16:26 UTC: Success rate 91 % at T+30m");
        assertThat(label(robot, "#journal-chain-status").getText()).startsWith("Chain intact, 1 record, head ");
        assertThat(robot.lookup("#journal-details").queryAs(javafx.scene.control.TextArea.class).getText())
                .contains("reason: Success rate 91 % at T+30m", "prev hash " + "0".repeat(64));
        assertThat(shown(robot.lookup("#rollback-save").query())).as("the form closed").isFalse();

        robot.clickOn("#journal-copy-head");
        WaitForAsyncUtils.waitForFxEvents();
        String copied = WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString()).get();
        assertThat(copied).as("the full head, one click away").isEqualTo("1:" + row.stored().hash());
        assertThat(shown(robot.lookup("#journal-details").query())).as("the details are back").isTrue();
    }

    private static void replaceText(FxRobot robot, String query, String text) {
        robot.clickOn(query);
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.write(text);
    }

    /** Visible on screen: the node and every ancestor (a closed form hides its root, not its buttons). */
    private static boolean shown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private static Label label(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class);
    }
}
