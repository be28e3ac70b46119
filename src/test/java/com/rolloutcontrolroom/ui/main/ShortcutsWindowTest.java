package com.rolloutcontrolroom.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.MenuButton;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

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
import com.rolloutcontrolroom.services.credentials.SessionCredentialStore;
import com.rolloutcontrolroom.services.db.ConnectedDatabase;
import com.rolloutcontrolroom.services.db.Database;
import com.rolloutcontrolroom.services.home.AppHome;
import com.rolloutcontrolroom.services.journal.JournalKeys;
import com.rolloutcontrolroom.testsupport.EmbeddedPostgresExtension;
import com.rolloutcontrolroom.testsupport.FxWait;
import com.rolloutcontrolroom.testsupport.ObservabilityFixture;
import com.rolloutcontrolroom.testsupport.RoomWindow;
import com.rolloutcontrolroom.testsupport.TestRollouts;
import com.rolloutcontrolroom.ui.common.FxTaskExecutor;

/** The whole window, headless: every main action has a key, and F1 or ? lists them from what is on screen. */
@ExtendWith(ApplicationExtension.class)
class ShortcutsWindowTest {

    @RegisterExtension
    static final EmbeddedPostgresExtension postgres = new EmbeddedPostgresExtension();

    /** Buttons that need no key of their own, and why. */
    private static final Map<String, String> WITHOUT_A_KEY = Map.of(
            "dashboard-export-success", "a chart's own export, one of two with the same words; reached with Tab",
            "dashboard-export-review", "a chart's own export, one of two with the same words; reached with Tab");

    private ObservabilityFixture fixture;
    private ControlRoom room;
    private FxTaskExecutor executor;
    private Scene scene;

    @Start
    void start(Stage stage) throws Exception {
        fixture = new ObservabilityFixture(postgres.dataSource());
        for (int i = 0; i < 10; i++) {
            fixture.coordinator("coordinator.start", null, 10 + i).coordinator("coordinator.confirmed", null, 9 + i);
        }
        Database database = new ConnectedDatabase(postgres.dataSource(),
                new DatabaseTarget("demo", "localhost", postgres.port(), postgres.databaseName(), "postgres"));
        AppHome home = new AppHome(Files.createTempDirectory("shortcuts-test")).ensureExists();
        TestRollouts.create(home, JournalKeys.none("No keychain in this test."), "CHECKOUT_V2", "SEARCH_V3");
        executor = new FxTaskExecutor();
        room = new ControlRoom(home, () -> database, new SessionCredentialStore("shortcuts test: no keychain needed"), executor,
                Clock.systemUTC());
        scene = RoomWindow.show(stage, room, 1280, 800);
    }

    @AfterEach
    void closeTheApp() {
        executor.close();
        room.close();
    }

    @Test
    void f1ListsTheWindowKeysAndTheRolloutScreensMnemonicsAndEscClosesIt(FxRobot robot) throws Exception {
        press(robot, KeyCode.CONTROL, KeyCode.DIGIT2);
        FxWait.until(10, () -> room.mainViewModel().selectedScreenProperty().get() == Screen.ROLLOUT);
        press(robot, KeyCode.F1);
        FxWait.until(10, () -> robot.lookup("#shortcut-help").tryQuery().isPresent());

        List<String> lines = helpLines(robot);
        for (int digit = 1; digit <= 5; digit++) {
            assertThat(lines).contains("Ctrl+" + digit + " | Go to " + Screen.values()[digit - 1].title());
        }
        assertThat(lines).contains("Ctrl+Shift+P | Presentation mode on or off", "Ctrl+Shift+L | Switch between light and dark",
                "F5 | Read this screen again (Refresh) · Rollout",
                "Alt+F | Refresh · Rollout", "Alt+W | New rollout… · Rollout", "Alt+L | Plan · Rollout",
                "Alt+O | Override gate… · Rollout", "Alt+B | Roll back… · Rollout", "Alt+P | Promote · Rollout",
                "Alt+R | Go to Rollout");
        assertThat(lines).as("Ctrl+R runs a suite; the Rollout screen has none").noneMatch(line -> line.startsWith("Ctrl+R |"));
        assertThat(lines).as("each key once").doesNotHaveDuplicates();

        press(robot, KeyCode.ESCAPE);
        FxWait.until(10, () -> robot.lookup("#shortcut-help").tryQuery().isEmpty());
    }

    @Test
    void aQuestionMarkTypedInATextFieldIsTextElsewhereItOpensTheHelp(FxRobot robot) throws Exception {
        press(robot, KeyCode.CONTROL, KeyCode.DIGIT5);
        TextField name = robot.lookup("#settings-name").queryAs(TextField.class);
        robot.clickOn(name).write("a?");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(name.getText()).isEqualTo("a?");
        assertThat(robot.lookup("#shortcut-help").tryQuery()).as("no help while typing").isEmpty();

        robot.clickOn("#nav-settings").write("?");
        FxWait.until(10, () -> robot.lookup("#shortcut-help").tryQuery().isPresent());
        assertThat(helpLines(robot)).contains("Alt+S | Save · Settings", "Alt+T | Test connection · Settings");
    }

    @Test
    void everyButtonOnEveryScreenHasAKeyAndNoTwoActionsShareOne(FxRobot robot) throws Exception {
        for (Screen screen : Screen.values()) {
            robot.interact(() -> room.mainViewModel().navigateTo(screen));
            WaitForAsyncUtils.waitForFxEvents();
            List<String> withoutKey = new ArrayList<>();
            Map<String, Set<String>> actionsByKey = new HashMap<>();
            robot.interact(() -> {
                // a control a label's mnemonic reaches (Alt+R: the rollout chooser) has its key there
                Set<Node> reachedByALabel = new HashSet<>();
                all(scene.getRoot()).forEach(node -> {
                    if (node instanceof Label label && label.getLabelFor() != null && label.isMnemonicParsing()
                            && Mnemonics.characterOf(label.getText()).isPresent()) {
                        reachedByALabel.add(label.getLabelFor());
                    }
                });
                for (Node node : all(scene.getRoot()).toList()) {
                    if (node instanceof Button || node instanceof MenuButton) {
                        ButtonBase button = (ButtonBase) node;
                        boolean keyed = Mnemonics.characterOf(button.getText()).isPresent() && button.isMnemonicParsing()
                                || hasAccelerator(button.getId()) || reachedByALabel.contains(button);
                        if (!keyed && !WITHOUT_A_KEY.containsKey(button.getId())) {
                            withoutKey.add(button.getId() + " \"" + button.getText() + "\"");
                        }
                    }
                    if (node instanceof Labeled labeled && labeled.isMnemonicParsing()
                            && (node instanceof ButtonBase || node instanceof Label label && label.getLabelFor() != null)) {
                        Mnemonics.keysOf(labeled.getText()).ifPresent(keys -> actionsByKey
                                .computeIfAbsent(keys, k -> new TreeSet<>()).add(Mnemonics.withoutMarker(labeled.getText())));
                    }
                }
            });
            assertThat(withoutKey).as("buttons on " + screen + " with neither a mnemonic nor an accelerator").isEmpty();
            actionsByKey.forEach((keys, actions) -> assertThat(actions).as(keys + " on " + screen).hasSize(1));
        }
    }

    @Test
    void f5RefreshesTheDashboardAndCtrlShiftLSwitchesTheTheme(FxRobot robot) throws Exception {
        javafx.scene.control.Button refresh = robot.lookup("#dashboard-refresh").queryButton();
        FxWait.until(20, () -> !refresh.isDisabled());
        java.util.concurrent.atomic.AtomicInteger fired = new java.util.concurrent.atomic.AtomicInteger();
        robot.interact(() -> refresh.addEventHandler(javafx.event.ActionEvent.ACTION, event -> fired.incrementAndGet()));
        press(robot, KeyCode.F5);
        FxWait.until(10, () -> fired.get() == 1);

        press(robot, KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.L);
        FxWait.until(10, () -> scene.getRoot().getStyleClass().contains("theme-dark"));
        press(robot, KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.L);
        FxWait.until(10, () -> scene.getRoot().getStyleClass().contains("theme-light"));
    }

    private static boolean hasAccelerator(String buttonId) {
        return Shortcuts.isWindowKeyButton(buttonId)
                || Shortcuts.screenKeys().stream().anyMatch(keys -> Shortcuts.firedButtons(keys).contains(buttonId));
    }

    private static List<String> helpLines(FxRobot robot) {
        TableView<Shortcut> table = robot.lookup("#shortcut-help-table").queryTableView();
        return table.getItems().stream().map(row -> row.keys() + " | " + row.does()
                + (row.where().equals(Shortcut.EVERYWHERE) ? "" : " · " + row.where())).toList();
    }

    private static Stream<Node> all(Node node) {
        return node instanceof Parent parent
                ? Stream.concat(Stream.of(node), parent.getChildrenUnmodifiable().stream().flatMap(ShortcutsWindowTest::all))
                : Stream.of(node);
    }

    private static void press(FxRobot robot, KeyCode... keys) {
        robot.press(keys);
        List<KeyCode> reversed = new ArrayList<>(List.of(keys));
        java.util.Collections.reverse(reversed);
        robot.release(reversed.toArray(KeyCode[]::new));
        WaitForAsyncUtils.waitForFxEvents();
    }
}
