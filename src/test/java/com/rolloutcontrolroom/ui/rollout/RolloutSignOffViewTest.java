package com.rolloutcontrolroom.ui.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import javafx.beans.property.SimpleStringProperty;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
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

import com.rolloutcontrolroom.domain.journal.ChainHash;
import com.rolloutcontrolroom.domain.journal.ChainHead;
import com.rolloutcontrolroom.domain.journal.EntryKind;
import com.rolloutcontrolroom.domain.journal.SignedOff;
import com.rolloutcontrolroom.domain.journal.StoredEntry;
import com.rolloutcontrolroom.services.home.AppHome;
import com.rolloutcontrolroom.services.journal.JournalAccess;
import com.rolloutcontrolroom.services.journal.JournalQuery;
import com.rolloutcontrolroom.services.operator.OperatorIdentity;
import com.rolloutcontrolroom.services.rollout.Rollouts;
import com.rolloutcontrolroom.services.settings.SettingsFile;
import com.rolloutcontrolroom.testsupport.FirstPhasesPlan;
import com.rolloutcontrolroom.testsupport.FxWait;
import com.rolloutcontrolroom.ui.common.FxDialogService;
import com.rolloutcontrolroom.ui.common.FxTaskExecutor;
import com.rolloutcontrolroom.ui.common.FxmlView;
import com.rolloutcontrolroom.ui.common.PresentationMode;
import com.rolloutcontrolroom.ui.common.ThemeSwitcher;
import com.rolloutcontrolroom.ui.common.ViewFactory;

/** A release manager signs a role through the window; the journal holds the SIGN_OFF pinned to the head shown. */
@ExtendWith(ApplicationExtension.class)
class RolloutSignOffViewTest {

    private static final String NAME = "FEATURE_ASSIGNMENT_PIPELINE_V3";

    private JournalAccess journal;
    private FxTaskExecutor executor;
    private final PresentationMode presentation = new PresentationMode();

    @Start
    void start(Stage stage) throws Exception {
        Path folder = Files.createTempDirectory("rollout-sign-off-view-test");
        journal = new JournalAccess(new AppHome(folder));
        executor = new FxTaskExecutor();
        OperatorIdentity operator = new OperatorIdentity("ana", new SettingsFile(folder.resolve("settings.json")));
        Rollouts rollouts = new Rollouts(journal, operator, Clock.systemUTC());
        rollouts.create(FirstPhasesPlan.named(NAME));
        RolloutViewModel viewModel = new RolloutViewModel(rollouts, operator, new SimpleStringProperty(NAME), executor,
                new FxDialogService(() -> stage), Clock.systemUTC(), () -> List.of("staging"), name -> { }, presentation);
        ViewFactory views = new ViewFactory(Map.of(RolloutView.class, () -> new RolloutView(viewModel)));
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
    void altSSignsTheOperationsLeadPinnedToTheHeadTheDialogShowed(FxRobot robot) throws Exception {
        FxWait.until(10, () -> !robot.lookup("#rollout-sign-off").queryAs(Button.class).isDisabled());
        ChainHead head = journal.reader().head();

        robot.press(KeyCode.ALT, KeyCode.S).release(KeyCode.S, KeyCode.ALT);
        FxWait.until(10, () -> robot.lookup("#dialog-answer-0").tryQuery().isPresent());
        DialogPane dialog = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        assertThat(dialog.getHeaderText()).contains("You approve the journal up to record " + head.id() + ", hash "
                + ChainHash.abbreviate(head.hash()) + ".");
        robot.targetWindow(dialog.getScene());
        robot.clickOn("#dialog-answer-0");
        robot.clickOn("Operations Lead — not signed yet");
        robot.clickOn("#dialog-answer-2").write("Staging verified");
        robot.clickOn("#dialog-answer-1").write("Ana Ruiz");
        robot.press(KeyCode.ENTER).release(KeyCode.ENTER);

        FxWait.until(10, () -> !journal.reader().entries(JournalQuery.ofKinds(EntryKind.SIGN_OFF)).isEmpty());
        StoredEntry stored = journal.reader().entries(JournalQuery.ofKinds(EntryKind.SIGN_OFF)).get(0);
        SignedOff signOff = (SignedOff) stored.entry();
        assertThat(signOff.role()).isEqualTo("Operations Lead");
        assertThat(signOff.name()).isEqualTo("Ana Ruiz");
        assertThat(signOff.comment()).isEqualTo("Staging verified");
        assertThat(signOff.approvedHeadHash()).isEqualTo(head.hash());
        assertThat(stored.id()).isEqualTo(head.id() + 1);
        assertThat(robot.lookup("#rollout-error").queryAs(Label.class).isVisible()).isFalse();
    }

    @Test
    void whilePresentingTheActionIsDisabled(FxRobot robot) throws Exception {
        FxWait.until(10, () -> !robot.lookup("#rollout-sign-off").queryAs(Button.class).isDisabled());
        robot.interact(presentation::toggle);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#rollout-sign-off").queryAs(Button.class).isDisabled()).isTrue();
        robot.press(KeyCode.ALT, KeyCode.S).release(KeyCode.S, KeyCode.ALT);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".dialog-pane").tryQuery()).isEmpty();
        assertThat(journal.reader().entries(JournalQuery.ofKinds(EntryKind.SIGN_OFF))).isEmpty();
    }
}
