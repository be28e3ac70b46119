package com.rolloutcontrolroom.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.text.Text;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import com.rolloutcontrolroom.services.credentials.CredentialKey;
import com.rolloutcontrolroom.services.credentials.SessionCredentialStore;
import com.rolloutcontrolroom.services.environment.ConnectionPools;
import com.rolloutcontrolroom.services.environment.ConnectionTester;
import com.rolloutcontrolroom.services.environment.EnvironmentProfiles;
import com.rolloutcontrolroom.ui.common.CurrentThreadTaskExecutor;
import com.rolloutcontrolroom.ui.common.FxmlView;
import com.rolloutcontrolroom.ui.common.ViewFactory;
import com.rolloutcontrolroom.ui.common.FxTaskExecutor;
import com.rolloutcontrolroom.services.home.AppHome;
import com.rolloutcontrolroom.services.operator.OperatorIdentity;
import com.rolloutcontrolroom.testsupport.ScriptedDialogs;

/** The Settings screen never renders a password, nor a URL that holds one. */
@ExtendWith(ApplicationExtension.class)
class SettingsViewTest {

    private static final String TYPED = "Typed-Secret-4711";
    private static final String PASTED = "Pasted-Secret-0815";

    private final SessionCredentialStore credentials = new SessionCredentialStore("Test.");
    private final ConnectionPools pools = new ConnectionPools(credentials);
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        Path home = Files.createTempDirectory("settings-view");
        SettingsViewModel viewModel = new SettingsViewModel(new EnvironmentProfiles(home.resolve("config.json")), credentials,
                new ConnectionTester(credentials), pools, new ScriptedDialogs(), new CurrentThreadTaskExecutor());
        OperatorViewModel operator = new OperatorViewModel(OperatorIdentity.forCurrentUser(new AppHome(home)), new FxTaskExecutor());
        ViewFactory views = new ViewFactory(Map.<Class<?>, Supplier<?>>of(SettingsView.class, () -> new SettingsView(viewModel),
                OperatorView.class, () -> new OperatorView(operator)));
        Parent root = views.load(FxmlView.SETTINGS);
        stage.setScene(new Scene(root, 1100, 900));
        stage.setTitle("Rollout Control Room — Settings");
        stage.show();
    }

    @AfterEach
    void closePools() {
        pools.close();
    }

    @Test
    void neitherATypedNorAnImportedPasswordIsRenderedAnywhere(FxRobot robot) throws Exception {
        robot.clickOn("#settings-name").write("staging");
        robot.clickOn("#settings-host").write("127.0.0.1");
        robot.clickOn("#settings-user").write("rollout_reader");
        robot.clickOn("#settings-password").write(TYPED);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#settings-password").queryAs(PasswordField.class).getText()).isEqualTo(TYPED);
        assertNothingShows(robot, "while typed, before saving");

        robot.clickOn("#settings-save");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(new String(credentials.read(CredentialKey.forEnvironment("staging")).orElseThrow())).isEqualTo(TYPED);
        assertThat(robot.lookup("#settings-password").queryAs(PasswordField.class).getText()).isEmpty();
        assertNothingShows(robot, "after saving");

        robot.interact(() -> {
            robot.lookup("#settings-name").queryAs(TextInputControl.class).setText("production");
            robot.lookup("#settings-runbook").queryAs(TextArea.class).setText("export PGPASSWORD='" + PASTED + "'\n"
                    + "psql \"postgresql://postgres.abcdef:" + PASTED + "@aws-1-eu-north-1.pooler.supabase.com:6543/postgres\"");
        });
        // the import pane sits below the fold of the 800-pixel headless screen, where a click can miss
        // while the scroll is laid out; press the button the way a keyboard user would
        robot.interact(() -> robot.lookup("#settings-import").queryButton().fire());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(new String(credentials.read(CredentialKey.forEnvironment("production")).orElseThrow())).isEqualTo(PASTED);
        assertThat(texts(robot)).anyMatch(text -> text.contains(SettingsViewModel.MASK) && text.contains("plain text"));
        assertNothingShows(robot, "after importing");

        robot.clickOn("#settings-test");
        WaitForAsyncUtils.waitForFxEvents();
        assertNothingShows(robot, "after testing the connection");
    }

    private void assertNothingShows(FxRobot robot, String when) {
        WaitForAsyncUtils.waitForFxEvents();
        List<String> texts = texts(robot);
        assertThat(texts).as("texts " + when).isNotEmpty();
        for (String secret : List.of(TYPED, PASTED)) {
            assertThat(texts).as("texts " + when).noneMatch(text -> text.contains(secret));
        }
        assertThat(texts).as("no URL with a password " + when).noneMatch(text -> text.matches("(?s).*postgres(ql)?://[^@\\s]*:[^@\\s]+@.*"));
    }

    /** Every string the screen can render: labels, inputs but the password field, skin texts, tooltips, title. */
    private List<String> texts(FxRobot robot) {
        List<String> texts = new ArrayList<>();
        robot.interact(() -> {
            texts.add(stage.getTitle());
            collect(stage.getScene().getRoot(), texts);
        });
        return texts;
    }

    private static void collect(Node node, List<String> texts) {
        if (node instanceof Labeled labeled) {
            texts.add(labeled.getText());
        }
        if (node instanceof TextInputControl input && !(node instanceof PasswordField)) {
            texts.add(input.getText());
            texts.add(input.getPromptText());
        }
        // the password field's skin draws its own Text node: it must hold bullets only
        if (node instanceof Text text) {
            texts.add(text.getText());
        }
        if (node instanceof Control control) {
            Tooltip tooltip = control.getTooltip();
            if (tooltip != null) {
                texts.add(tooltip.getText());
            }
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                collect(child, texts);
            }
        }
        texts.removeIf(text -> text == null);
    }
}
