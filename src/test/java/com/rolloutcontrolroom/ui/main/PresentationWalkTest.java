package com.rolloutcontrolroom.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import com.rolloutcontrolroom.app.ControlRoom;
import com.rolloutcontrolroom.domain.environment.DatabaseTarget;
import com.rolloutcontrolroom.domain.environment.EnvironmentProfile;
import com.rolloutcontrolroom.domain.environment.SslMode;
import com.rolloutcontrolroom.domain.journal.IssueLogged;
import com.rolloutcontrolroom.domain.operator.Operator;
import com.rolloutcontrolroom.domain.rollout.DeploymentMarker;
import com.rolloutcontrolroom.domain.rollout.RolloutState;
import com.rolloutcontrolroom.services.credentials.CredentialKey;
import com.rolloutcontrolroom.services.journal.JournalAccess;
import com.rolloutcontrolroom.services.operator.OperatorIdentity;
import com.rolloutcontrolroom.services.rollout.Rollouts;
import com.rolloutcontrolroom.services.credentials.SessionCredentialStore;
import com.rolloutcontrolroom.services.db.ConnectedDatabase;
import com.rolloutcontrolroom.services.db.Database;
import com.rolloutcontrolroom.services.environment.EnvironmentProfiles;
import com.rolloutcontrolroom.services.home.AppHome;
import com.rolloutcontrolroom.services.journal.JournalKeys;
import com.rolloutcontrolroom.testsupport.EmbeddedPostgresExtension;
import com.rolloutcontrolroom.testsupport.FxWait;
import com.rolloutcontrolroom.testsupport.TestRollouts;
import com.rolloutcontrolroom.ui.common.FailureSentence;
import com.rolloutcontrolroom.ui.common.FxDialogService;
import com.rolloutcontrolroom.ui.common.FxTaskExecutor;

/**
 * Presentation mode, done means: with it on, no open window (main stage, dialogs, notifications)
 * shows a profile's host, IP, port, database or user, the data folder, the home folder or the login,
 * on any screen; with it off, the same walk finds them (so the walk is not vacuous).
 */
@ExtendWith(ApplicationExtension.class)
class PresentationWalkTest {

    @RegisterExtension
    static final EmbeddedPostgresExtension postgres = new EmbeddedPostgresExtension();

    private static final String HOST = "db-prod-17.internal.example";
    private static final String IP = "10.20.30.40";
    private static final String ISSUE = HOST + ":6543 refused rollout_reader from /home/alice/.pgpass";
    private static final String DEPLOY_URL = "https://vercel.example.com/deploy/123";
    private static final Pattern IPV4 = Pattern.compile("(?<![\\w.])(?:\\d{1,3}\\.){3}\\d{1,3}(?![\\w.]*\\d)");
    private static final Pattern PATH = Pattern.compile("(?:^|[\\s'\"(=])~?/[\\w.-]+/[\\w.-]*|[A-Za-z]:\\\\\\w|\\\\\\\\\\w");
    private static final List<String> COMMON_WORDS = List.of("user", "root", "admin", "runner", "test", "build", "demo", "rollout");

    private ControlRoom room;
    private FxTaskExecutor executor;
    private AppHome home;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        Database database = new ConnectedDatabase(postgres.dataSource(),
                new DatabaseTarget("demo", "localhost", postgres.port(), postgres.databaseName(), "postgres"));
        home = new AppHome(Files.createTempDirectory("presentation-walk")).ensureExists();
        EnvironmentProfiles profiles = new EnvironmentProfiles(home.config());
        profiles.save(new EnvironmentProfile("prod", HOST, 6543, "coordinator_prod", "rollout_reader", SslMode.DEFAULT, "",
                Duration.ofSeconds(30), false));
        profiles.save(new EnvironmentProfile("lab", IP, 6543, "coordinator_lab", "lab_reader", SslMode.DEFAULT, "",
                Duration.ofSeconds(30), false));
        recordARolloutInProgress();
        SessionCredentialStore credentials = new SessionCredentialStore("presentation test: no keychain needed");
        // Queries gets as far as resolving the host, and fails naming it
        credentials.store(CredentialKey.forEnvironment("prod"), "fakePassword".toCharArray());
        executor = new FxTaskExecutor();
        room = new ControlRoom(home, () -> database, credentials, executor, Clock.systemUTC());
        Scene scene = new Scene(room.mainView(), 1280, 800);
        room.themeSwitcher().install(scene);
        stage.titleProperty().bind(room.mainViewModel().windowTitleProperty());
        stage.setScene(scene);
        stage.show();
        room.start();
    }

    /** CHECKOUT_V2 in its second phase, whose marker and an issue name the sensitive values, as operators write them. */
    private void recordARolloutInProgress() {
        try (JournalAccess journal = new JournalAccess(home, JournalKeys.none("No keychain in this test."))) {
            Rollouts rollouts = new Rollouts(journal, OperatorIdentity.forCurrentUser(home), Clock.systemUTC());
            RolloutState state = rollouts.create(TestRollouts.smallPlan("CHECKOUT_V2"));
            state = rollouts.tick(state, "Preparation", "Plan reviewed", true);
            state = rollouts.tick(state, "Staging shadow", "Shadow flag set", true);
            rollouts.promote(state, new DeploymentMarker(Instant.now(), DEPLOY_URL, "Ana", "deployed after " + HOST + " was drained"));
            Operator operator = OperatorIdentity.forCurrentUser(home).current();
            journal.writer().append(new IssueLogged(Instant.now(), operator, "staging", "CHECKOUT_V2", Instant.now(), ISSUE, null, null));
        }
    }

    @AfterEach
    void closeTheApp() {
        executor.close();
        room.close();
    }

    @Test
    void whilePresentingNoWindowShowsAHostUserPathOrSecret(FxRobot robot) throws Exception {
        runTheQuickCheckOnProd(robot);
        press(robot, KeyCode.SHORTCUT, KeyCode.SHIFT, KeyCode.P);
        assertThat(room.presentation().isOn()).as("Ctrl+Shift+P turns it on").isTrue();
        // the profiles' words are read off the FX thread as the window starts
        FxWait.until(10, () -> room.presentation().shown("as coordinator_prod").equals("as [database]"));
        assertThat(robot.lookup("#presentation-banner").query().isVisible()).isTrue();
        assertThat(stage.getScene().getRoot().getStyleClass()).contains("presenting");

        List<String> shown = walkEveryScreen(robot);
        robot.interact(() -> room.mainViewModel().announce("Checkpoint T+6h could not reach " + HOST + ":6543 as rollout_reader."));
        WaitForAsyncUtils.waitForFxEvents();
        String unredacted = connectionFailure();
        assertThat(unredacted).as("a real failure names what it tried").contains("127.0.0.1");
        FxDialogService dialogs = new FxDialogService(() -> stage, room.presentation());
        Platform.runLater(() -> dialogs.showError("Could not connect to prod", unredacted));
        FxWait.until(10, () -> Window.getWindows().size() > 2);
        shown.addAll(textsOfEveryWindow());
        robot.interact(() -> Window.getWindows().stream().filter(window -> window != stage && window instanceof Stage)
                .map(Stage.class::cast).toList().forEach(Stage::close));

        assertThat(shown).anySatisfy(text -> assertThat(text).contains("[host]"));
        assertThat(shown).as("the issue, redacted").anySatisfy(text -> assertThat(text).contains("[host]:[port] refused"));
        assertThat(shown).as("the Queries failure, redacted").anySatisfy(text -> assertThat(text).startsWith("No query ran on prod"));
        assertThat(shown).anySatisfy(text -> assertThat(text).contains("Presenting"));
        List<String> forbidden = forbiddenWords();
        // a word counts on its own, not inside a record's hash (a SHA-256 in hex held "6543", the port, once in CI)
        List<Pattern> forbiddenTokens = forbidden.stream()
                .map(word -> Pattern.compile("(?<![A-Za-z0-9])" + Pattern.quote(word) + "(?![A-Za-z0-9])")).toList();
        assertThat(shown.stream().filter(text -> forbiddenTokens.stream().anyMatch(token -> token.matcher(text).find()) || text.contains("://")
                || IPV4.matcher(text).find() || PATH.matcher(text).find()).distinct().toList())
                .as("shown while presenting").isEmpty();
    }

    @Test
    void turnedOffTheSameWalkShowsTheValuesAgain(FxRobot robot) throws Exception {
        runTheQuickCheckOnProd(robot);
        press(robot, KeyCode.SHORTCUT, KeyCode.SHIFT, KeyCode.P);
        press(robot, KeyCode.SHORTCUT, KeyCode.SHIFT, KeyCode.P);
        assertThat(room.presentation().isOn()).isFalse();
        assertThat(robot.lookup("#presentation-banner").query().isVisible()).isFalse();
        assertThat(stage.getScene().getRoot().getStyleClass()).doesNotContain("presenting");

        List<String> shown = walkEveryScreen(robot);

        assertThat(String.join("\n", shown)).contains(HOST, "coordinator_prod", "rollout_reader", "6543", home.root().toString());
        assertThat(String.join("\n", shown)).contains(IP);
        assertThat(String.join("\n", shown)).as("the journal's issue, marker and the Queries failure")
                .contains(ISSUE, DEPLOY_URL, "/home/alice/.pgpass");
        assertThat(shown).anySatisfy(text -> assertThat(text).startsWith("No query ran on prod").contains(HOST));
    }

    /** Fails on the profile's unresolvable host: the screen then holds a sentence naming it, and the journal a snapshot. */
    private void runTheQuickCheckOnProd(FxRobot robot) throws Exception {
        press(robot, KeyCode.SHORTCUT, KeyCode.DIGIT3);
        ChoiceBox<String> environment = robot.lookup("#queries-environment").queryAs(ChoiceBox.class);
        FxWait.until(10, () -> environment.getItems().contains("prod"));
        robot.interact(() -> environment.setValue("prod"));
        Labeled error = robot.lookup("#queries-error").queryAs(Labeled.class);
        FxWait.until(10, () -> !robot.lookup("#queries-run-quick").queryAs(Control.class).isDisabled());
        robot.clickOn("#queries-run-quick");
        FxWait.until(30, () -> error.getText() != null && error.getText().startsWith("No query ran on prod"));
    }

    private List<String> walkEveryScreen(FxRobot robot) {
        List<String> shown = new ArrayList<>();
        for (KeyCode digit : List.of(KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT4, KeyCode.DIGIT5)) {
            press(robot, KeyCode.SHORTCUT, digit);
            WaitForAsyncUtils.sleep(300, java.util.concurrent.TimeUnit.MILLISECONDS);
            WaitForAsyncUtils.waitForFxEvents();
            robot.lookup("#journal-table").tryQueryAs(TableView.class).filter(Node::isVisible).ifPresent(table -> {
                try {
                    FxWait.until(10, () -> table.getItems().size() >= 5);
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
                // each record's details and snapshot rows, not only the newest one's
                for (int row = 0; row < table.getItems().size(); row++) {
                    int index = row;
                    robot.interact(() -> table.getSelectionModel().select(index));
                    shown.addAll(textsOfEveryWindow());
                }
            });
            robot.lookup("#settings-profiles").tryQueryAs(ListView.class).ifPresent(list -> {
                try {
                    FxWait.until(10, () -> list.getItems().size() == 2);
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
                robot.interact(() -> list.getSelectionModel().select(0));
                WaitForAsyncUtils.waitForFxEvents();
            });
            shown.addAll(textsOfEveryWindow());
        }
        return shown;
    }

    private static void press(FxRobot robot, KeyCode... keys) {
        robot.press(keys);
        List<KeyCode> reversed = new ArrayList<>(List.of(keys));
        java.util.Collections.reverse(reversed);
        robot.release(reversed.toArray(KeyCode[]::new));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private List<String> forbiddenWords() {
        List<String> words = new ArrayList<>(List.of(HOST, "internal.example", IP, "6543", "coordinator_prod", "rollout_reader",
                "coordinator_lab", "lab_reader", home.root().toString(), System.getProperty("user.home")));
        String login = System.getProperty("user.name", "");
        if (login.length() >= 3 && !COMMON_WORDS.contains(login.toLowerCase(java.util.Locale.ROOT))) {
            words.add(login);
        }
        return words;
    }

    /** A real PostgreSQL driver failure against a closed port, in the words the app would show. */
    private static String connectionFailure() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try {
            DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + closedPort + "/coordinator_prod?connectTimeout=5",
                    "rollout_reader", "fakePassword").close();
            throw new AssertionError("nothing listens on port " + closedPort);
        } catch (SQLException refused) {
            return "prod (" + HOST + ":6543, user rollout_reader, jdbc:postgresql://" + HOST + ":6543/coordinator_prod): "
                    + FailureSentence.of(refused);
        }
    }

    private static List<String> textsOfEveryWindow() {
        List<String> texts = new ArrayList<>();
        try {
            WaitForAsyncUtils.asyncFx(() -> {
                for (Window window : List.copyOf(Window.getWindows())) {
                    if (window instanceof Stage shownStage && shownStage.getTitle() != null) {
                        texts.add(shownStage.getTitle());
                    }
                    if (window.getScene() != null && window.getScene().getRoot() != null) {
                        walk(window.getScene().getRoot(), texts);
                    }
                }
            }).get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        return texts;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void walk(Node node, List<String> texts) {
        if (node instanceof Labeled labeled) {
            add(texts, labeled.getText());
        }
        if (node instanceof Text text) {
            add(texts, text.getText());
        }
        if (node instanceof TextInputControl input) {
            add(texts, input.getText());
            add(texts, input.getPromptText());
        }
        if (node instanceof Control control && control.getTooltip() != null) {
            add(texts, control.getTooltip().getText());
        }
        for (Map.Entry<Object, Object> property : node.getProperties().entrySet()) {
            if (property.getValue() instanceof Tooltip tooltip) {
                add(texts, tooltip.getText());
            }
        }
        if (node instanceof ComboBox box) {
            for (Object item : box.getItems()) {
                add(texts, box.getConverter() == null ? String.valueOf(item) : box.getConverter().toString(item));
            }
            add(texts, box.getPromptText());
        }
        if (node instanceof ChoiceBox box) {
            for (Object item : box.getItems()) {
                add(texts, box.getConverter() == null ? String.valueOf(item) : box.getConverter().toString(item));
            }
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                walk(child, texts);
            }
        }
    }

    private static void add(List<String> texts, String text) {
        if (text != null && !text.isBlank()) {
            texts.add(text);
        }
    }
}
