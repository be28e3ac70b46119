package com.rolloutcontrolroom.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
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

import com.rolloutcontrolroom.services.db.ConnectedDatabase;
import com.rolloutcontrolroom.app.ControlRoom;
import com.rolloutcontrolroom.domain.environment.DatabaseTarget;
import com.rolloutcontrolroom.domain.health.HealthCheckRow;
import com.rolloutcontrolroom.services.credentials.SessionCredentialStore;
import com.rolloutcontrolroom.services.db.Database;
import com.rolloutcontrolroom.services.home.AppHome;
import com.rolloutcontrolroom.services.journal.JournalKeys;
import com.rolloutcontrolroom.services.rollout.CurrentRollout;
import com.rolloutcontrolroom.services.settings.SettingsFile;
import com.rolloutcontrolroom.testsupport.EmbeddedPostgresExtension;
import com.rolloutcontrolroom.testsupport.FxWait;
import com.rolloutcontrolroom.testsupport.ObservabilityFixture;
import com.rolloutcontrolroom.testsupport.ObservabilityFixture.Event;
import com.rolloutcontrolroom.testsupport.RoomWindow;
import com.rolloutcontrolroom.testsupport.TestRollouts;
import com.rolloutcontrolroom.ui.common.FxTaskExecutor;

/** The whole main window, headless, on a real PostgreSQL: navigate, run the health check, read the table. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {

    @RegisterExtension
    static final EmbeddedPostgresExtension postgres = new EmbeddedPostgresExtension();

    private ObservabilityFixture fixture;
    private ControlRoom room;
    private FxTaskExecutor executor;
    private AppHome home;

    @Start
    void start(Stage stage) throws Exception {
        fixture = new ObservabilityFixture(postgres.dataSource());
        for (int i = 0; i < 40; i++) {
            fixture.coordinator("coordinator.start", null, 10 + i).coordinator("coordinator.confirmed", null, 9 + i);
        }
        fixture.coordinator("coordinator.retry", "capacity_lock_timeout", 30)
                .coordinator("coordinator.retry", null, 31)
                .coordinator("coordinator.manual_review", "no_capacity", 45)
                .coordinator("coordinator.start", null, 7 * 60) // outside the six hours
                .add(new Event("capacity.rpc", "capacity.rpc.conflict", null, 5)); // not the coordinator

        DataSource dataSource = postgres.dataSource();
        Database database = new ConnectedDatabase(dataSource, new DatabaseTarget("demo", "localhost", postgres.port(), postgres.databaseName(), "postgres"));
        home = new AppHome(Files.createTempDirectory("main-window-test")).ensureExists();
        TestRollouts.create(home, JournalKeys.none("No keychain in this test."), "CHECKOUT_V2", "SEARCH_V3");
        executor = new FxTaskExecutor();
        room = new ControlRoom(home, () -> database, new SessionCredentialStore("main window test: no keychain needed"), executor, Clock.systemUTC());
        stage.titleProperty().bind(room.mainViewModel().windowTitleProperty());
        RoomWindow.show(stage, room, 1280, 800);
    }

    @AfterEach
    void closeTheApp() {
        executor.close();
        room.close();
    }

    /** Two rollouts and none chosen: the dashboard says what to do in one sentence and draws no chart. */
    @Test
    void navigatesEveryScreenAndTheDashboardSaysWhatToDoWithNoCurrentRollout(FxRobot robot) throws Exception {
        Label empty = robot.lookup("#dashboard-empty").queryAs(Label.class);
        FxWait.until(20, () -> com.rolloutcontrolroom.ui.common.CurrentRolloutModel.NONE_CURRENT.equals(empty.getText()));
        assertThat(empty.isVisible()).isTrue();
        boolean chartShown = true;
        for (javafx.scene.Node n = robot.lookup("#chart-success").query(); n != null; n = n.getParent()) {
            chartShown &= n.isVisible();
        }
        assertThat(chartShown).as("no charts without a rollout").isFalse();
        assertThat(robot.lookup("#chart-success").queryAs(com.rolloutcontrolroom.ui.chart.RateChart.class).getModel()).isNull();

        for (String screen : List.of("rollout", "queries", "journal", "settings")) {
            robot.clickOn("#nav-" + screen);
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(robot.lookup("#health-table").tryQuery()).as("dashboard hidden on " + screen).isEmpty();
        }
        robot.clickOn("#nav-dashboard");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#health-table").tryQuery()).isPresent();
        Label statusText = robot.lookup("#main-status-text").queryAs(Label.class);
        assertThat(statusText.getText()).startsWith("Data folder: ").contains("main-window-test");
    }

    /** IconFont makes the frame's icons ready before the frame is built: every icon the frame shows is on its list. */
    @Test
    void everyIconOfTheFrameIsOnTheListMadeReadyAheadOfIt(FxRobot robot) {
        List<String> shown = robot.lookup(".sidebar .ikonli-font-icon").queryAllAs(org.kordamp.ikonli.javafx.FontIcon.class).stream()
                .map(icon -> icon.getIconCode().getDescription())
                .toList();

        assertThat(shown).hasSizeGreaterThanOrEqualTo(Screen.values().length + 2);
        assertThat(MainView.icons()).containsAll(shown);
        com.rolloutcontrolroom.ui.common.IconFont.resolve(MainView.icons()); // every one of them resolves, off the FX thread
    }

    /** The status bar is drawn in the theme's own colours: no light frame around it on the dark theme, no dark one on the light. */
    @Test
    void theStatusBarTakesTheThemesColoursLightAndDark(FxRobot robot) {
        javafx.scene.layout.Region bar = robot.lookup("#main-status-bar").queryAs(javafx.scene.layout.Region.class);
        try {
            for (com.rolloutcontrolroom.ui.common.Theme theme : com.rolloutcontrolroom.ui.common.Theme.values()) {
                robot.interact(() -> room.themeSwitcher().themeProperty().set(theme));
                WaitForAsyncUtils.waitForFxEvents();
                javafx.scene.paint.Color text = (javafx.scene.paint.Color) ((Label) bar.lookup(".label")).getTextFill();
                assertThat(bar.getBackground()).as(theme + ": a background").isNotNull();
                for (javafx.scene.layout.BackgroundFill fill : bar.getBackground().getFills()) {
                    javafx.scene.paint.Color colour = (javafx.scene.paint.Color) fill.getFill();
                    // every layer (the line above it, the bar itself) is on the background's side of the text's brightness
                    assertThat(Math.abs(colour.getBrightness() - text.getBrightness())).as(theme + ": " + colour + " against the text " + text)
                            .isGreaterThan(0.25);
                    assertThat(colour.getBrightness() > text.getBrightness()).as(theme + ": " + colour + " against the text " + text)
                            .isEqualTo(theme == com.rolloutcontrolroom.ui.common.Theme.LIGHT);
                }
            }
        } finally {
            robot.interact(() -> room.themeSwitcher().themeProperty().set(com.rolloutcontrolroom.ui.common.Theme.LIGHT));
        }
    }

    @Test
    void ctrlAndADigitSwitchesScreens(FxRobot robot) {
        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.DIGIT2)
                .release(javafx.scene.input.KeyCode.DIGIT2, javafx.scene.input.KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(room.mainViewModel().selectedScreenProperty().get()).isEqualTo(Screen.ROLLOUT);
        assertThat(robot.lookup("#health-table").tryQuery()).isEmpty();
        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.DIGIT1)
                .release(javafx.scene.input.KeyCode.DIGIT1, javafx.scene.input.KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#health-table").tryQuery()).isPresent();
    }

    @Test
    void theRolloutScreenWithNoCurrentRolloutCreatesOneThatTheHeaderThenHasCurrent(FxRobot robot) throws Exception {
        robot.clickOn("#nav-rollout");
        FxWait.until(10, () -> robot.lookup("#rollout-empty").queryAs(Label.class).isVisible());
        assertThat(robot.lookup("#rollout-empty").queryAs(Label.class).getText())
                .startsWith("No rollout is current: create one from the built-in plan with New rollout…");

        robot.press(javafx.scene.input.KeyCode.ALT, javafx.scene.input.KeyCode.W)
                .release(javafx.scene.input.KeyCode.W, javafx.scene.input.KeyCode.ALT);
        FxWait.until(10, () -> !robot.lookup("#dialog-answer-0").queryAll().isEmpty());
        robot.targetWindow(robot.lookup("#dialog-answer-0").query().getScene());
        // this data folder configures only the demo environment, so both roles name it
        List<String> answers = List.of("PAYMENTS_V4", "demo", "demo");
        for (int i = 0; i < answers.size(); i++) {
            if (i > 0) {
                robot.press(javafx.scene.input.KeyCode.TAB).release(javafx.scene.input.KeyCode.TAB);
            }
            robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.A)
                    .release(javafx.scene.input.KeyCode.A, javafx.scene.input.KeyCode.CONTROL);
            robot.write(answers.get(i));
        }
        robot.press(javafx.scene.input.KeyCode.ENTER).release(javafx.scene.input.KeyCode.ENTER);

        MenuButton chooser = robot.lookup("#main-rollout").queryAs(MenuButton.class);
        FxWait.until(20, () -> "PAYMENTS_V4".equals(chooser.getText()) && itemTexts(chooser).contains("PAYMENTS_V4"));
        FxWait.until(20, () -> "PAYMENTS_V4".equals(robot.lookup("#rollout-name").queryAs(Label.class).getText()));
        assertThat(robot.lookup("#rollout-empty").queryAs(Label.class).isVisible()).isFalse();
    }

    @Test
    void altRReachesTheHeadersRolloutChooserAndTheChoiceIsRememberedForTheNextStart(FxRobot robot) throws Exception {
        MenuButton chooser = robot.lookup("#main-rollout").queryAs(MenuButton.class);
        FxWait.until(10, () -> itemTexts(chooser).size() == 2);
        assertThat(itemTexts(chooser)).containsExactly("CHECKOUT_V2", "SEARCH_V3");
        assertThat(room.currentRollout().current().getValue()).as("two rollouts and none chosen: no guess").isNull();
        assertThat(chooser.getText()).isEqualTo("Choose a rollout");
        assertThat(chooser.getItems()).noneMatch(item -> ((RadioMenuItem) item).isSelected());

        robot.press(KeyCode.ALT, KeyCode.R).release(KeyCode.R, KeyCode.ALT);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(chooser.isFocused()).as("Alt+R focuses the chooser").isTrue();
        FxWait.until(5, chooser::isShowing); // and opens its list of rollouts
        robot.clickOn("SEARCH_V3");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(room.currentRollout().current().getValue()).isEqualTo("SEARCH_V3");
        assertThat(chooser.getText()).isEqualTo("SEARCH_V3");
        assertThat(chooser.getItems()).filteredOn(item -> ((RadioMenuItem) item).isSelected())
                .extracting(MenuItem::getText).containsExactly("SEARCH_V3");
        CurrentRollout remembered = new CurrentRollout(new SettingsFile(home.root().resolve("settings.json")));
        FxWait.until(10, () -> remembered.remembered().isPresent());
        assertThat(remembered.remembered()).contains("SEARCH_V3");

        // and with the mouse alone: a click opens the list, a click on a rollout makes it current
        robot.clickOn(chooser);
        FxWait.until(5, chooser::isShowing);
        robot.clickOn("CHECKOUT_V2");
        FxWait.until(10, () -> "CHECKOUT_V2".equals(room.currentRollout().current().getValue()));
        assertThat(chooser.getText()).isEqualTo("CHECKOUT_V2");
    }

    /** The quick health check, computed here from the fixture: coordinator events of the last 6 h. */
    private List<HealthCheckRow> expectedRows() {
        Map<String, long[]> byType = new TreeMap<>();
        for (Event event : fixture.events()) {
            if (event.source().equals("assignment.coordinator") && event.minutesAgo() < 360) {
                long[] counts = byType.computeIfAbsent(event.eventType(), type -> new long[2]);
                counts[0]++;
                counts[1] += event.reason() == null ? 1 : 0;
            }
        }
        return byType.entrySet().stream().map(entry -> new HealthCheckRow(entry.getKey(), entry.getValue()[0],
                BigDecimal.valueOf(100 * entry.getValue()[1]).divide(BigDecimal.valueOf(entry.getValue()[0]), 2, RoundingMode.HALF_UP)))
                .toList();
    }

    private static List<String> itemTexts(MenuButton chooser) {
        return chooser.getItems().stream().filter(item -> !item.isDisable()).map(MenuItem::getText).toList();
    }
}
