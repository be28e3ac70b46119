package com.rolloutcontrolroom.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;

import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TabPane;
import javafx.scene.layout.Region;
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
import com.rolloutcontrolroom.services.journal.JournalAccess;
import com.rolloutcontrolroom.testsupport.RoomWindow;
import com.rolloutcontrolroom.testsupport.EmbeddedPostgresExtension;
import com.rolloutcontrolroom.testsupport.FxWait;
import com.rolloutcontrolroom.testsupport.ObservabilityFixture;
import com.rolloutcontrolroom.testsupport.TestRollouts;
import com.rolloutcontrolroom.ui.common.FxTaskExecutor;

/**
 * The Queries screen in the whole window after a full suite (a tab per query, the index advice shown), at
 * 1366x768, 1280x800 and 1920x1080, with and without presentation mode's larger type: everything drawn in a
 * split pane's part lies in that part (not over its divider, not over the other part), the screen lies above
 * the status bar, and what does not fit scrolls (the selected query's SQL can be scrolled into view).
 */
@ExtendWith(ApplicationExtension.class)
class QueriesWindowSizesTest {

    @RegisterExtension
    static final EmbeddedPostgresExtension postgres = new EmbeddedPostgresExtension();

    private static final double TOLERANCE = 0.5;

    private ControlRoom room;
    private FxTaskExecutor executor;
    private Stage stage;
    private Scene scene;

    @Start
    void start(Stage primary) throws Exception {
        // a window of its own, closed after the test: it is resized here, and a resized window keeps its size for
        // the next scene, so on TestFX's shared stage every later test would draw at this test's last size
        this.stage = new Stage();
        primary.hide(); // so every lookup finds this window's nodes, not an earlier test's left on the shared stage
        ObservabilityFixture fixture = new ObservabilityFixture(postgres.dataSource());
        for (int i = 0; i < 20; i++) {
            fixture.coordinator("coordinator.start", null, 10 + i).coordinator("coordinator.confirmed", null, 9 + i);
        }
        Database database = new ConnectedDatabase(postgres.dataSource(),
                new DatabaseTarget("demo", "localhost", postgres.port(), postgres.databaseName(), "postgres"));
        AppHome home = new AppHome(Files.createTempDirectory("queries-window-sizes-test")).ensureExists();
        JournalAccess journal = new JournalAccess(home);
        try {
            TestRollouts.create(journal, home, TestRollouts.ROLLOUT);
        } finally {
            journal.close();
        }
        executor = new FxTaskExecutor();
        room = new ControlRoom(home, () -> database, new SessionCredentialStore("queries window sizes test: no keychain needed"),
                executor, Clock.systemUTC());
        scene = RoomWindow.show(stage, room, 1366, 768);
    }

    @AfterEach
    void closeTheApp() throws Exception {
        WaitForAsyncUtils.asyncFx(stage::close).get();
        executor.close();
        room.close();
    }

    @Test
    void afterAFullRunEveryPartOfTheScreenStaysInItsOwnAreaAndWhatDoesNotFitScrolls(FxRobot robot) throws Exception {
        robot.clickOn("#nav-queries");
        WaitForAsyncUtils.waitForFxEvents();
        FxWait.until(20, () -> !robot.lookup("#queries-list").queryListView().getItems().isEmpty()
                && !robot.lookup("#queries-run-full").queryButton().isDisabled());
        robot.clickOn("#queries-run-full");
        // this window is on the real workspace, so a run on the demo database ends with a line saying it is not
        // recorded where the demo says "Recorded to ..."
        Label error = robot.lookup("#queries-error").queryAs(Label.class);
        FxWait.until(30, () -> error.getText().startsWith("Not recorded"));
        assertThat(robot.lookup("#queries-results").queryAs(TabPane.class).getTabs()).as("a tab per query").hasSize(14);
        assertThat(robot.lookup("#queries-index-advice-box").query().isVisible()).as("the index advice is shown").isTrue();
        assertThat(robot.lookup("#queries-list").queryListView().getSelectionModel().getSelectedItem())
                .as("a query is selected, so its detail is filled").isNotNull();

        for (int[] size : List.of(new int[] {1366, 768}, new int[] {1280, 800}, new int[] {1920, 1080})) {
            for (boolean presenting : List.of(false, true)) {
                String what = size[0] + "x" + size[1] + (presenting ? " presenting" : "");
                show(size[0], size[1], presenting);
                assertDrawnInsideItsArea(queriesScreen(robot), what);
                assertTheSqlScrollsIntoView(robot, what);
                assertSeveralQueriesShowInTheList(robot, what);
            }
        }
    }

    private void show(int width, int height, boolean presenting) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            if (room.presentation().isOn() != presenting) {
                room.presentation().toggle();
            }
            stage.setWidth(width + stage.getWidth() - scene.getWidth());
            stage.setHeight(height + stage.getHeight() - scene.getHeight());
        }).get();
        FxWait.until(10, () -> scene.getWidth() == width && scene.getHeight() == height
                && scene.getRoot().getStyleClass().contains("presenting") == presenting);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The Queries screen's root: the child of the main window's content area that holds the result tabs. */
    private Parent queriesScreen(FxRobot robot) {
        Node node = robot.lookup("#queries-results").query();
        while (!node.getParent().getStyleClass().contains("content")) {
            node = node.getParent();
        }
        return (Parent) node;
    }

    /**
     * The screen lies in the main window's content area, above the status bar; within it, each item of each split
     * pane, and every node drawn in it as far as its own clips (a scroll pane's viewport, a list's cells) let it
     * show, lies between the split pane's edges and its dividers.
     */
    private void assertDrawnInsideItsArea(Parent screen, String what) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            Region content = (Region) screen.getParent();
            Bounds area = content.localToScene(content.getLayoutBounds());
            Node statusBar = scene.lookup("#main-status-bar");
            double statusTop = statusBar.localToScene(statusBar.getLayoutBounds()).getMinY();
            assertThat(area.getMaxY()).as(what + ": the content area ends above the status bar").isLessThanOrEqualTo(statusTop + TOLERANCE);
            walk(screen, area, null, what + ": " + id(screen));
            return null;
        }).get();
    }

    private void walk(Node node, Bounds area, Bounds clip, String path) {
        if (!node.isVisible()) {
            return;
        }
        Bounds ownClip = node.getClip() == null ? null : node.localToScene(node.getClip().getBoundsInParent());
        Bounds shownClip = intersect(clip, ownClip);
        Bounds drawn = intersect(shownClip, node.localToScene(node.getLayoutBounds()));
        if (drawn != null && drawn.getWidth() > TOLERANCE && drawn.getHeight() > TOLERANCE) {
            assertThat(drawn.getMinX() >= area.getMinX() - TOLERANCE && drawn.getMaxX() <= area.getMaxX() + TOLERANCE
                    && drawn.getMinY() >= area.getMinY() - TOLERANCE && drawn.getMaxY() <= area.getMaxY() + TOLERANCE)
                    .as(path + " drawn at " + drawn + ", outside its area " + area).isTrue();
        }
        if (!(node instanceof Parent parent)) {
            return;
        }
        if (node instanceof SplitPane split) {
            List<Node> items = split.getItems();
            for (int i = 0; i < items.size(); i++) {
                walk(items.get(i), intersect(area, itemArea(split, i)), shownClip, path + " > " + id(split) + "[" + i + "] " + id(items.get(i)));
            }
            return; // its dividers are drawn between the items' areas
        }
        for (Node child : parent.getChildrenUnmodifiable()) {
            walk(child, area, shownClip, path + " > " + id(child));
        }
    }

    /** The part of the split pane between its edges and the dividers on either side of item {@code index}. */
    private static Bounds itemArea(SplitPane split, int index) {
        Insets insets = split.getInsets();
        Bounds whole = split.localToScene(split.getLayoutBounds());
        double minX = whole.getMinX() + insets.getLeft();
        double maxX = whole.getMaxX() - insets.getRight();
        double minY = whole.getMinY() + insets.getTop();
        double maxY = whole.getMaxY() - insets.getBottom();
        boolean vertical = split.getOrientation() == Orientation.VERTICAL;
        List<Bounds> dividers = split.getChildrenUnmodifiable().stream()
                .filter(child -> child.getStyleClass().contains("split-pane-divider"))
                .map(child -> child.localToScene(child.getLayoutBounds()))
                .sorted(Comparator.comparingDouble(vertical ? Bounds::getMinY : Bounds::getMinX)).toList();
        assertThat(dividers).as("dividers of " + id(split)).hasSize(split.getItems().size() - 1);
        if (index > 0) {
            Bounds before = dividers.get(index - 1);
            if (vertical) { minY = before.getMaxY(); } else { minX = before.getMaxX(); }
        }
        if (index < dividers.size()) {
            Bounds after = dividers.get(index);
            if (vertical) { maxY = after.getMinY(); } else { maxX = after.getMinX(); }
        }
        return new BoundingBox(minX, minY, maxX - minX, maxY - minY);
    }

    /** The selected query's SQL is in the detail's scroll pane: scrolled to the end, a few lines of it show. */
    private void assertTheSqlScrollsIntoView(FxRobot robot, String what) throws Exception {
        Node sql = robot.lookup("#queries-sql").query();
        ScrollPane scroll = robot.lookup("#queries-detail-scroll").queryAs(ScrollPane.class);
        robot.interact(() -> scroll.setVvalue(scroll.getVmax()));
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.asyncFx(() -> {
            Bounds viewport = scroll.localToScene(scroll.getLayoutBounds());
            Bounds shown = intersect(viewport, sql.localToScene(sql.getLayoutBounds()));
            double line = ((javafx.scene.control.TextArea) sql).getFont().getSize() * 1.2;
            assertThat(shown).as(what + ": the SQL shows in the detail's scroll pane").isNotNull();
            assertThat(shown.getHeight()).as(what + ": the SQL's height shown, at least three lines").isGreaterThanOrEqualTo(3 * line);
            return null;
        }).get();
        robot.interact(() -> scroll.setVvalue(scroll.getVmin()));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * The list is where the next query is picked: at every size, after a run, it shows at least three of its rows
     * whole (it showed one: descriptions wrapped in full made each query several lines tall; the selected query's
     * whole description is in the detail below it).
     */
    private void assertSeveralQueriesShowInTheList(FxRobot robot, String what) throws Exception {
        ListView<?> list = robot.lookup("#queries-list").queryListView();
        robot.interact(() -> list.scrollTo(0));
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.asyncFx(() -> {
            Bounds shown = list.localToScene(list.getLayoutBounds());
            long whole = list.lookupAll(".list-cell").stream()
                    .filter(cell -> cell.isVisible()
                            && cell instanceof javafx.scene.control.ListCell<?> listCell && listCell.getItem() != null)
                    .map(cell -> cell.localToScene(cell.getLayoutBounds()))
                    .filter(cell -> cell.getMinY() >= shown.getMinY() - TOLERANCE && cell.getMaxY() <= shown.getMaxY() + TOLERANCE)
                    .count();
            assertThat(whole).as(what + ": rows (queries and suite headings) shown whole in the list").isGreaterThanOrEqualTo(3);
            return null;
        }).get();
    }

    private static Bounds intersect(Bounds a, Bounds b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        double minX = Math.max(a.getMinX(), b.getMinX());
        double minY = Math.max(a.getMinY(), b.getMinY());
        double maxX = Math.min(a.getMaxX(), b.getMaxX());
        double maxY = Math.min(a.getMaxY(), b.getMaxY());
        return maxX < minX || maxY < minY ? new BoundingBox(minX, minY, 0, 0) : new BoundingBox(minX, minY, maxX - minX, maxY - minY);
    }

    private static String id(Node node) {
        return node.getId() != null ? "#" + node.getId() : node.getClass().getSimpleName() + node.getStyleClass();
    }
}
