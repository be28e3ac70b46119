package com.rolloutcontrolroom.ui.queries;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import javax.imageio.ImageIO;
import javax.sql.DataSource;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
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
import com.rolloutcontrolroom.app.QueriesScreen;
import com.rolloutcontrolroom.domain.environment.DatabaseTarget;
import com.rolloutcontrolroom.services.credentials.SessionCredentialStore;
import com.rolloutcontrolroom.services.db.Database;
import com.rolloutcontrolroom.services.environment.ConnectionPools;
import com.rolloutcontrolroom.services.environment.EnvironmentCatalog;
import com.rolloutcontrolroom.services.environment.EnvironmentProfiles;
import com.rolloutcontrolroom.services.home.AppHome;
import com.rolloutcontrolroom.services.journal.JournalKeys;
import com.rolloutcontrolroom.services.home.Workspace;
import com.rolloutcontrolroom.services.journal.JournalAccess;
import com.rolloutcontrolroom.testsupport.EmbeddedPostgresExtension;
import com.rolloutcontrolroom.testsupport.FxWait;
import com.rolloutcontrolroom.testsupport.ObservabilityFixture;
import com.rolloutcontrolroom.services.operator.OperatorIdentity;
import com.rolloutcontrolroom.services.rollout.CurrentRollout;
import com.rolloutcontrolroom.services.rollout.Rollouts;
import com.rolloutcontrolroom.services.settings.SettingsFile;
import com.rolloutcontrolroom.testsupport.TestRollouts;
import com.rolloutcontrolroom.ui.common.CurrentRolloutModel;
import com.rolloutcontrolroom.ui.common.PresentationMode;
import com.rolloutcontrolroom.ui.common.FxTaskExecutor;
import com.rolloutcontrolroom.ui.common.FxmlView;
import com.rolloutcontrolroom.ui.common.ThemeSwitcher;
import com.rolloutcontrolroom.ui.common.ViewFactory;
import com.rolloutcontrolroom.testsupport.ScriptedDialogs;

/**
 * The Queries screen, headless, with the real background executor on a real PostgreSQL: click
 * "Run full suite", see a tab per query and the journal record. Leaves a PNG of the screen after the
 * run in {@code target/} for a person to look at.
 */
@ExtendWith(ApplicationExtension.class)
class QueriesViewTest {

    @RegisterExtension
    static final EmbeddedPostgresExtension postgres = new EmbeddedPostgresExtension();

    private final SessionCredentialStore credentials = new SessionCredentialStore("queries view test: no keychain needed");
    private final ConnectionPools pools = new ConnectionPools(credentials);
    private FxTaskExecutor executor;
    private JournalAccess journal;
    private Stage stage;
    private final ScriptedDialogs dialogs = new ScriptedDialogs();

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        ObservabilityFixture fixture = new ObservabilityFixture(postgres.dataSource());
        // 120 events without a reason and 3 with one: success 120 of 123 = 97.56 %; review 1 of 60 starts = 1.67 %
        for (int i = 0; i < 60; i++) {
            fixture.coordinator("coordinator.start", null, 5 + i * 4).coordinator("coordinator.confirmed", null, 4 + i * 4);
        }
        fixture.coordinator("coordinator.retry", "capacity_lock_timeout", 30)
                .coordinator("coordinator.manual_review", "no_capacity", 45)
                .coordinator("coordinator.error", "db_timeout", 50);
        DataSource dataSource = postgres.dataSource();
        Database database = new ConnectedDatabase(dataSource, new DatabaseTarget("demo", "localhost", postgres.port(), postgres.databaseName(), "postgres"));
        AppHome home = new AppHome(Files.createTempDirectory("queries-view-test")).ensureExists();
        journal = new JournalAccess(home, Workspace.DEMO, JournalKeys.none("queries view test: unsigned"));
        TestRollouts.create(journal, home, TestRollouts.ROLLOUT);
        executor = new FxTaskExecutor();
        CurrentRolloutModel currentRollout = new CurrentRolloutModel(
                new Rollouts(journal, OperatorIdentity.forCurrentUser(home), Clock.systemUTC()),
                new CurrentRollout(new SettingsFile(home.root().resolve("settings.json"))), executor);
        currentRollout.refresh();
        QueriesViewModel viewModel = QueriesScreen.viewModel(home,
                new EnvironmentCatalog(() -> database, new EnvironmentProfiles(home.config()), pools, credentials), journal,
                dialogs, executor, Clock.systemUTC(), currentRollout.current(),
                new PresentationMode());
        ViewFactory views = new ViewFactory(Map.<Class<?>, Supplier<?>>of(
                QueriesView.class, () -> new QueriesView(viewModel),
                QueryCatalogView.class, () -> new QueryCatalogView(viewModel.catalog())));
        Parent root = views.load(FxmlView.QUERIES);
        Scene scene = new Scene(root, 1280, 800);
        new ThemeSwitcher().install(scene);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void close() {
        executor.close();
        journal.close();
        pools.close();
    }

    @Test
    void runningTheFullSuiteShowsATabPerQueryAndTheJournalRecord(FxRobot robot) throws Exception {
        ListView<?> list = robot.lookup("#queries-list").queryListView();
        FxWait.until(20, () -> !list.getItems().isEmpty()
                && !robot.lookup("#queries-run-full").queryButton().isDisabled());
        assertThat(robot.lookup("#queries-sql").queryAs(TextArea.class).getText()).contains("FROM observability_events");
        // the list shows a query's description on one line; its tooltip, like the detail, says it whole
        javafx.scene.control.ListCell<?> selected = robot.lookup("#queries-list .list-cell").queryAllAs(javafx.scene.control.ListCell.class)
                .stream().filter(cell -> cell.getItem() != null && cell.getItem() == list.getSelectionModel().getSelectedItem())
                .findFirst().orElseThrow();
        assertThat(selected.getTooltip()).as("the selected query's cell has a tooltip").isNotNull();
        assertThat(selected.getTooltip().getText()).hasSizeGreaterThan(60);
        assertThat(robot.lookup("#queries-detail-description").queryAs(Label.class).getText()).startsWith(selected.getTooltip().getText());
        assertThat(robot.lookup("#queries-cancel").queryButton().isDisabled()).isTrue();
        assertThat(robot.lookup("#queries-export-csv").queryButton().isDisabled()).isTrue();
        assertThat(robot.lookup("#queries-index-advice-box").query().isVisible()).as("no advice before a run has read the catalog").isFalse();

        robot.clickOn("#queries-run-full");
        Label recorded = robot.lookup("#queries-recorded").queryAs(Label.class);
        FxWait.until(30, () -> recorded.getText().startsWith("Recorded to"));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(recorded.getText()).isEqualTo("Recorded to " + TestRollouts.ROLLOUT + " as journal record 2.");
        TabPane tabs = robot.lookup("#queries-results").queryAs(TabPane.class);
        assertThat(tabs.getTabs()).hasSize(14);
        assertThat(tabs.getTabs().get(0).getText()).matches("coordinator_events_last_hour · OK · \\d+ ms");
        assertThat(robot.lookup("#queries-progress-text").queryAs(Label.class).getText()).isEqualTo("14 of 14 queries");
        assertThat(robot.lookup("#queries-metrics .label").queryAllAs(Label.class)).extracting(Label::getText)
                .containsExactly("Coordinator success rate: 97.56 % of 123 coordinator events · PASS",
                        "Manual-review rate: 1.67 % of 60 started bookings · WARN");
        assertThat(robot.lookup("#queries-cancel").queryButton().isDisabled()).isTrue();
        assertThat(robot.lookup("#queries-export-csv").queryAs(Button.class).isDisabled()).isFalse();

        // the fixture's table has no index at all: the advice shows with its statement, selectable and copyable
        assertThat(robot.lookup("#queries-index-advice-box").query().isVisible()).isTrue();
        assertThat(robot.lookup("#queries-index-advice").queryAs(Label.class).getText())
                .isEqualTo("Index advice: 3 queries read all of observability_events; an index on created_at would help:");
        javafx.scene.control.TextField statement = robot.lookup("#queries-index-statement").queryAs(javafx.scene.control.TextField.class);
        assertThat(statement.getText())
                .isEqualTo("CREATE INDEX CONCURRENTLY observability_events_created_at_idx ON observability_events (created_at);");
        assertThat(statement.isEditable()).isFalse();
        // a DBA reads it off a shared screen: the whole statement shows in a 1280-wide window, not cut
        javafx.scene.text.Text whole = new javafx.scene.text.Text(statement.getText());
        whole.setFont(statement.getFont());
        assertThat(statement.getWidth() - statement.getInsets().getLeft() - statement.getInsets().getRight())
                .as("the statement field's room for its text").isGreaterThanOrEqualTo(whole.getLayoutBounds().getWidth());
        robot.clickOn("#queries-copy-index-statement");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(dialogs.copied).containsExactly(statement.getText());

        // a table is built when its tab is first shown, so a run's end does not stall the window
        assertThat(tabs.getTabs().get(0).getContent()).isNotNull();
        assertThat(tabs.getTabs().stream().filter(tab -> "result-success_rate_by_event_type".equals(tab.getId()))
                .findFirst().orElseThrow().getContent()).isNull();
        robot.interact(() -> tabs.getSelectionModel().select(tabs.getTabs().stream()
                .filter(tab -> "result-success_rate_by_event_type".equals(tab.getId())).findFirst().orElseThrow()));
        WaitForAsyncUtils.waitForFxEvents();
        TableView<?> table = (TableView<?>) tabs.getSelectionModel().getSelectedItem().getContent();
        assertThat(table.getItems()).isNotEmpty();
        saveSnapshot(robot, Path.of("target", "queries-after-run.png"));
    }

    private void saveSnapshot(FxRobot robot, Path file) throws Exception {
        Files.createDirectories(file.getParent());
        javafx.scene.image.WritableImage image = WaitForAsyncUtils.asyncFx(() -> stage.getScene().snapshot(null)).get(10, TimeUnit.SECONDS);
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
    }
}
