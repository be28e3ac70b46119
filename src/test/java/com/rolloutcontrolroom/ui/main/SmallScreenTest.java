package com.rolloutcontrolroom.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.MenuButton;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.text.Text;
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
import com.rolloutcontrolroom.domain.journal.QueryResult;
import com.rolloutcontrolroom.domain.journal.SnapshotTaken;
import com.rolloutcontrolroom.domain.journal.SnapshotVerdict;
import com.rolloutcontrolroom.domain.operator.Operator;
import com.rolloutcontrolroom.services.credentials.SessionCredentialStore;
import com.rolloutcontrolroom.services.db.ConnectedDatabase;
import com.rolloutcontrolroom.services.db.Database;
import com.rolloutcontrolroom.services.home.AppHome;
import com.rolloutcontrolroom.services.journal.JournalAccess;
import com.rolloutcontrolroom.testsupport.RoomWindow;
import com.rolloutcontrolroom.testsupport.EmbeddedPostgresExtension;
import com.rolloutcontrolroom.testsupport.FxWait;
import com.rolloutcontrolroom.testsupport.TestRollouts;
import com.rolloutcontrolroom.testsupport.ObservabilityFixture;
import com.rolloutcontrolroom.ui.common.FxTaskExecutor;

/**
 * The whole window at 1366x768, the smallest screen a release manager is likely to share: every
 * screen's titles, labels and buttons are shown whole and inside the window, the Settings form
 * scrolls what takes the focus into view above the status bar, and the Journal shows a snapshot's
 * rows as a table.
 */
@ExtendWith(ApplicationExtension.class)
class SmallScreenTest {

    @RegisterExtension
    static final EmbeddedPostgresExtension postgres = new EmbeddedPostgresExtension();

    private static final String EVENTS_JSON = "{\"name\":\"coordinator_events_last_hour\",\"status\":\"OK\","
            + "\"startedAt\":\"2026-12-02T17:50:44.392Z\",\"durationMillis\":28,\"columns\":[\"source\",\"event_type\",\"count\"],"
            + "\"rows\":[[\"assignment.coordinator\",\"coordinator.confirmed\",40],[\"assignment.coordinator\",\"coordinator.start\",40],"
            + "[\"assignment.coordinator\",\"coordinator.lock_contention\",1]]}";
    private static final String RATE_JSON = "{\"name\":\"metric_success_rate\",\"status\":\"OK\",\"startedAt\":\"2026-12-02T17:50:44.42Z\","
            + "\"durationMillis\":6,\"columns\":[\"matching\",\"total\"],\"rows\":[[479,484]]}";

    private ControlRoom room;
    private FxTaskExecutor executor;
    private Scene scene;

    @Start
    void start(Stage stage) throws Exception {
        ObservabilityFixture fixture = new ObservabilityFixture(postgres.dataSource());
        for (int i = 0; i < 20; i++) {
            fixture.coordinator("coordinator.start", null, 10 + i).coordinator("coordinator.confirmed", null, 9 + i);
        }
        Database database = new ConnectedDatabase(postgres.dataSource(),
                new DatabaseTarget("demo", "localhost", postgres.port(), postgres.databaseName(), "postgres"));
        AppHome home = new AppHome(Files.createTempDirectory("small-screen-test"));
        recordSnapshot(home);
        executor = new FxTaskExecutor();
        room = new ControlRoom(home, () -> database, new SessionCredentialStore("small screen test: no keychain needed"),
                executor, Clock.systemUTC());
        scene = RoomWindow.show(stage, room, 1366, 768);
    }

    private static void recordSnapshot(AppHome home) {
        JournalAccess journal = new JournalAccess(home);
        try {
            TestRollouts.create(journal, home, TestRollouts.ROLLOUT); // record 1; the only rollout, so the current one
            Instant at = Instant.parse("2026-12-02T17:50:44.491Z");
            journal.writer().append(new SnapshotTaken(at, new Operator("ana", "Ana Ruiz"), "demo", TestRollouts.ROLLOUT, null,
                    "Full query suite", List.of(
                            new QueryResult("coordinator_events_last_hour", "SELECT source, event_type, count(*) FROM observability_events GROUP BY 1, 2",
                                    Map.of(), EVENTS_JSON),
                            new QueryResult("metric_success_rate", "SELECT 479 AS matching, 484 AS total", Map.of(), RATE_JSON)),
                    Map.of("success_rate.percent", new BigDecimal("98.97")), at.minusMillis(101), at, 101,
                    List.of(new SnapshotVerdict("success rate", "PASS", List.of("98.97 % >= 97 %")))));
        } finally {
            journal.close();
        }
    }

    @AfterEach
    void closeTheApp() {
        executor.close();
        room.close();
    }

    @Test
    void theDashboardShowsItsTitleAndEveryControlWhole(FxRobot robot) throws Exception {
        TableView<?> table = robot.lookup("#health-table").queryTableView();
        Labeled gate = robot.lookup("#dashboard-gate").queryAs(Labeled.class);
        FxWait.until(20, () -> !gate.getText().isEmpty());
        for (String id : List.of("#dashboard-title", "#dashboard-auto-refresh", "#dashboard-refresh", "#dashboard-run-now",
                "#dashboard-gate", "#dashboard-range-this-phase", "#dashboard-range-whole-rollout", "#dashboard-range-last-6h")) {
            assertWhole(robot.lookup(id).queryAs(Labeled.class), id);
        }
        // the breakdown sits below the charts: the dashboard scrolls to it
        WaitForAsyncUtils.asyncFx(() -> robot.lookup("#dashboard-scroll").queryAs(javafx.scene.control.ScrollPane.class).setVvalue(1)).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertHeadersWhole(table, "health table");
    }

    @Test
    void theRolloutChooserFitsInTheHeaderAndShowsTheCurrentRollout(FxRobot robot) throws Exception {
        MenuButton chooser = robot.lookup("#main-rollout").queryAs(MenuButton.class);
        FxWait.until(10, () -> TestRollouts.ROLLOUT.equals(chooser.getText()));
        assertShown(chooser, "rollout chooser");
        assertShown(robot.lookup((Node node) -> node instanceof Labeled labeled && "_Rollout".equals(labeled.getText())).query(),
                "rollout label");
    }

    @Test
    void theQueriesHeaderIsWhole(FxRobot robot) throws Exception {
        navigate(robot, "queries");
        assertWhole(labeled(robot, "The runbook's observability queries, run on demand and recorded as snapshots."), "subtitle");
        for (String id : List.of("#queries-run-quick", "#queries-run-full", "#queries-cancel",
                "#queries-export-csv", "#queries-export-json")) {
            assertWhole(robot.lookup(id).queryAs(Labeled.class), id);
        }
    }

    @Test
    void theJournalShowsASnapshotsRowsAsATableAndItsSummaryWhole(FxRobot robot) throws Exception {
        navigate(robot, "journal");
        TableView<?> journal = robot.lookup("#journal-table").queryTableView();
        FxWait.until(10, () -> journal.getItems().size() == 2 && journal.getSelectionModel().getSelectedIndex() == 0);
        assertHeadersWhole(journal, "journal table");
        for (String id : List.of("#journal-verify", "#journal-log-issue", "#journal-add-rollback", "#journal-correct")) {
            assertWhole(robot.lookup(id).queryAs(Labeled.class), id);
        }
        for (int column = 0; column < journal.getColumns().size() - 1; column++) {
            TableCell<?, ?> cell = cell(journal, journal.getColumns().get(column), 0);
            assertThat(renderedText(cell)).as("journal cell " + journal.getColumns().get(column).getText() + " drawn whole")
                    .isEqualTo(cell.getText());
        }
        TableColumn<?, ?> summaryColumn = journal.getColumns().get(journal.getColumns().size() - 1);
        assertThat(summaryColumn.getText()).isEqualTo("Summary");
        TableCell<?, ?> summary = cell(journal, summaryColumn, 0);
        String fullSummary = ((com.rolloutcontrolroom.ui.journal.JournalRow) journal.getItems().get(0)).summary();
        assertThat(renderedText(summary)).as("the summary is shown whole, wrapped").isEqualTo(fullSummary);
        assertInside(renderedTextNode(summary), summary, "summary text");

        TableView<?> rows = robot.lookup("#journal-rows-table").queryTableView();
        assertShown(rows, "rows table");
        assertThat(rows.getColumns()).extracting(TableColumn::getText).containsExactly("source", "event_type", "count");
        assertThat(List.copyOf(rows.getItems())).isEqualTo(List.of(
                List.of("assignment.coordinator", "coordinator.confirmed", "40"),
                List.of("assignment.coordinator", "coordinator.start", "40"),
                List.of("assignment.coordinator", "coordinator.lock_contention", "1")));
        assertHeadersWhole(rows, "rows table");
        String details = robot.lookup("#journal-details").queryAs(TextArea.class).getText();
        assertThat(details).as("no raw JSON in the details")
                .doesNotContain("\"rows\":[[").contains("rows: 3 rows of source, event_type, count (shown in the rows table)");

        ChoiceBox<?> chooser = robot.lookup("#journal-rows-query").queryAs(ChoiceBox.class);
        assertThat(chooser.getItems()).extracting(Object::toString)
                .containsExactly("coordinator_events_last_hour · 3 rows", "metric_success_rate · 1 row");
        robot.interact(() -> chooser.getSelectionModel().select(1));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(rows.getColumns()).extracting(TableColumn::getText).containsExactly("matching", "total");
        assertThat(List.copyOf(rows.getItems())).isEqualTo(List.of(List.of("479", "484")));
    }

    @Test
    void settingsScrollsThePasswordAndSaveIntoViewAboveTheStatusBar(FxRobot robot) throws Exception {
        navigate(robot, "settings");
        for (String id : List.of("#settings-password", "#settings-save", "#settings-test", "#settings-import")) {
            Node node = robot.lookup(id).query();
            robot.interact(node::requestFocus);
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(node.isFocused()).as(id + " focused").isTrue();
            assertShown(node, id);
        }
        assertWhole(robot.lookup("#settings-save").queryAs(Button.class), "#settings-save");
        assertThat(robot.lookup("#settings-password").queryAs(PasswordField.class).isEditable()).isTrue();
    }

    @Test
    void theRolloutScreensNextActionIsShownWhole(FxRobot robot) throws Exception {
        navigate(robot, "rollout");
        Labeled next = robot.lookup("#rollout-next-action").queryAs(Labeled.class);
        FxWait.until(10, () -> next.isVisible() && !next.getText().isBlank());
        assertWhole(next, "the Rollout screen's next action");
    }

    private static Labeled labeled(FxRobot robot, String text) {
        return robot.lookup((Node node) -> node instanceof Labeled labeled && text.equals(labeled.getText())).queryAs(Labeled.class);
    }

    private void navigate(FxRobot robot, String screen) {
        robot.clickOn("#nav-" + screen);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The text drawn is the whole text (no ellipsis), and the control lies inside the window, above the status bar. */
    private void assertWhole(Labeled labeled, String what) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        // a button draws its text without the mnemonic's marker ("Re_fresh" is drawn "Refresh")
        String drawn = labeled.isMnemonicParsing() ? Mnemonics.withoutMarker(labeled.getText()) : labeled.getText();
        assertThat(WaitForAsyncUtils.asyncFx(() -> renderedText(labeled)).get()).as(what + " drawn whole").isEqualTo(drawn);
        assertShown(labeled, what);
    }

    private void assertHeadersWhole(TableView<?> table, String what) throws Exception {
        for (Node header : table.lookupAll(".column-header .label")) {
            Labeled label = (Labeled) header;
            if (label.getText() != null && !label.getText().isEmpty()) {
                assertWhole(label, what + " column " + label.getText());
            }
        }
    }

    /** Inside the window, above the status bar, and not cut by any clipping ancestor (a scroll pane's viewport). */
    private void assertShown(Node node, String what) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            Bounds bounds = node.localToScene(node.getLayoutBounds());
            Node statusBar = scene.lookup("#main-status-bar");
            double bottom = statusBar.localToScene(statusBar.getLayoutBounds()).getMinY();
            assertThat(bounds.getMinX()).as(what + " left edge").isGreaterThanOrEqualTo(0);
            assertThat(bounds.getMinY()).as(what + " top edge").isGreaterThanOrEqualTo(0);
            assertThat(bounds.getMaxX()).as(what + " right edge").isLessThanOrEqualTo(scene.getWidth() + 0.5);
            assertThat(bounds.getMaxY()).as(what + " bottom edge, above the status bar").isLessThanOrEqualTo(bottom + 0.5);
            for (Node n = node; n != null; n = n.getParent()) {
                assertThat(n.isVisible()).as(what + ": visible " + n).isTrue();
                if (n.getClip() != null) {
                    Bounds clip = n.localToScene(n.getClip().getBoundsInParent());
                    assertThat(clip.getMinY() <= bounds.getMinY() + 0.5 && bounds.getMaxY() <= clip.getMaxY() + 0.5
                            && clip.getMinX() <= bounds.getMinX() + 0.5 && bounds.getMaxX() <= clip.getMaxX() + 0.5)
                            .as(what + " " + bounds + " inside the clip of " + n + " " + clip).isTrue();
                }
            }
            return null;
        }).get();
    }

    private static void assertInside(Node inner, Node outer, String what) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            Bounds in = inner.localToScene(inner.getLayoutBounds());
            Bounds out = outer.localToScene(outer.getLayoutBounds());
            assertThat(in.getMaxY()).as(what + " bottom inside its cell").isLessThanOrEqualTo(out.getMaxY() + 0.5);
            assertThat(in.getMaxX()).as(what + " right edge inside its cell").isLessThanOrEqualTo(out.getMaxX() + 0.5);
            return null;
        }).get();
    }

    private static TableCell<?, ?> cell(TableView<?> table, TableColumn<?, ?> column, int index) {
        for (Node node : table.lookupAll(".table-cell")) {
            if (node instanceof TableCell<?, ?> cell && cell.getTableColumn() == column && cell.getIndex() == index) {
                return cell;
            }
        }
        throw new AssertionError("no cell " + index + " in column " + column.getText());
    }

    private static String renderedText(Parent control) {
        return renderedTextNode(control).getText();
    }

    /** The text node a control draws its words with, not its icon. */
    private static Text renderedTextNode(Parent control) {
        Node graphic = control instanceof Labeled labeled ? labeled.getGraphic() : null;
        List<Text> texts = new ArrayList<>();
        collect(control, graphic, texts);
        return texts.stream().filter(text -> text.getText() != null && !text.getText().isEmpty()).findFirst()
                .or(() -> Optional.ofNullable(texts.isEmpty() ? null : texts.get(0)))
                .orElseThrow(() -> new AssertionError("no text drawn in " + control));
    }

    private static void collect(Parent parent, Node graphic, List<Text> texts) {
        for (Node child : parent.getChildrenUnmodifiable()) {
            if (child instanceof org.kordamp.ikonli.javafx.FontIcon) {
                continue;
            }
            if (child == graphic && !(child instanceof Text)) {
                continue;
            }
            if (child instanceof Text text) {
                texts.add(text);
            } else if (child instanceof Parent inner) {
                collect(inner, graphic, texts);
            }
        }
    }
}
