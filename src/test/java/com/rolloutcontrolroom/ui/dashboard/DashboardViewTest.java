package com.rolloutcontrolroom.ui.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import javafx.beans.property.SimpleStringProperty;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import com.rolloutcontrolroom.domain.environment.DatabaseTarget;
import com.rolloutcontrolroom.domain.query.QueryFileParser;
import com.rolloutcontrolroom.domain.rollout.DeploymentMarker;
import com.rolloutcontrolroom.domain.rollout.GateStatus;
import com.rolloutcontrolroom.domain.rollout.PhaseGates;
import com.rolloutcontrolroom.domain.rollout.RolloutState;
import com.rolloutcontrolroom.services.chart.ChartModel;
import com.rolloutcontrolroom.services.chart.ChartModel.Band;
import com.rolloutcontrolroom.services.chart.ChartModel.BandKind;
import com.rolloutcontrolroom.services.chart.ChartModel.ChartPoint;
import com.rolloutcontrolroom.services.chart.ChartModel.MarkKind;
import com.rolloutcontrolroom.services.chart.ChartModel.ThresholdLine;
import com.rolloutcontrolroom.services.chart.ChartModel.TimeMarker;
import com.rolloutcontrolroom.services.chart.ChartPngExporter;
import com.rolloutcontrolroom.services.db.ConnectedDatabase;
import com.rolloutcontrolroom.services.db.Database;
import com.rolloutcontrolroom.services.db.EnvironmentDatabases;
import com.rolloutcontrolroom.services.home.AppHome;
import com.rolloutcontrolroom.services.home.Workspace;
import com.rolloutcontrolroom.services.journal.JournalAccess;
import com.rolloutcontrolroom.services.journal.JournalKeys;
import com.rolloutcontrolroom.services.operator.OperatorIdentity;
import com.rolloutcontrolroom.services.query.QueryRunner;
import com.rolloutcontrolroom.services.query.QuerySetLoader;
import com.rolloutcontrolroom.services.query.SnapshotJson;
import com.rolloutcontrolroom.services.query.SnapshotRecorder;
import com.rolloutcontrolroom.services.query.SuiteRunner;
import com.rolloutcontrolroom.services.query.WindowMetricsReader;
import com.rolloutcontrolroom.services.rollout.Rollouts;
import com.rolloutcontrolroom.testsupport.EmbeddedPostgresExtension;
import com.rolloutcontrolroom.testsupport.FxWait;
import com.rolloutcontrolroom.testsupport.MutableClock;
import com.rolloutcontrolroom.testsupport.ObservabilityFixture;
import com.rolloutcontrolroom.testsupport.ScriptedDialogs;
import com.rolloutcontrolroom.ui.chart.RateChart;
import com.rolloutcontrolroom.ui.common.FxTaskExecutor;
import com.rolloutcontrolroom.ui.common.FxmlView;
import com.rolloutcontrolroom.ui.common.PresentationMode;
import com.rolloutcontrolroom.ui.common.SuiteRecording;
import com.rolloutcontrolroom.ui.common.ThemeSwitcher;
import com.rolloutcontrolroom.ui.common.ViewFactory;

/**
 * The cutover dashboard in a real window with a rollout in progress: Staging full began two hours ago
 * (plan thresholds 95/85 and 2/8), T+0h passed and T+1h warned; the charts hold the phase's events, its
 * bands and lines, its boundary and both checkpoints, and the gate card says the gate's reasons.
 */
@ExtendWith(ApplicationExtension.class)
class DashboardViewTest {

    @RegisterExtension
    static final EmbeddedPostgresExtension postgres = new EmbeddedPostgresExtension();

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
    private final Instant fullMarker = now.minus(Duration.ofHours(2));
    private JournalAccess journal;
    private FxTaskExecutor executor;
    private Clock clock;
    private Rollouts rollouts;

    @Start
    void start(Stage stage) throws Exception {
        ObservabilityFixture fixture = new ObservabilityFixture(postgres.dataSource());
        for (int i = 0; i < 30; i++) {
            fixture.coordinator("coordinator.start", null, 10 + i).coordinator("coordinator.confirmed", null, 10 + i);
        }
        fixture.coordinator("coordinator.retry", "capacity_lock_timeout", 50).coordinator("coordinator.manual_review", "no_capacity", 50);
        Database demo = new ConnectedDatabase(postgres.dataSource(),
                new DatabaseTarget("demo", "localhost", postgres.port(), postgres.databaseName(), "postgres"));
        AppHome home = new AppHome(Files.createTempDirectory("dashboard-view-test")).ensureExists();
        journal = new JournalAccess(home, Workspace.DEMO, JournalKeys.none("No keychain in this test."));
        MutableClock writing = new MutableClock(now.minus(Duration.ofHours(4)));
        rollouts = new Rollouts(journal, OperatorIdentity.forCurrentUser(home), writing);
        RolloutState state = rollouts.create(CutoverPlan.plan());
        writing.set(now.minus(Duration.ofHours(3)));
        state = rollouts.promote(state, DeploymentMarker.now("Ana"));
        writing.set(fullMarker);
        rollouts.promote(state, DeploymentMarker.now("Ana"));
        journal.writer().append(CutoverPlan.checkpoint("T+0h", fullMarker, fullMarker.plusSeconds(60), "PASS"));
        journal.writer().append(CutoverPlan.checkpoint("T+1h", fullMarker.plus(Duration.ofHours(1)),
                fullMarker.plus(Duration.ofMinutes(62)), "WARN"));

        executor = new FxTaskExecutor();
        // a fixed clock: the screen and the expected gate must judge the same instant, even across a minute's turn
        clock = Clock.fixed(Instant.now(), java.time.ZoneOffset.UTC);
        EnvironmentDatabases databases = EnvironmentDatabases.only("demo", () -> demo);
        QuerySetLoader querySets = new QuerySetLoader(new QueryFileParser(), home.userQueries());
        SuiteRecording runs = new SuiteRecording(databases, new SuiteRunner(new QueryRunner(Duration.ofSeconds(10), clock), clock),
                new SnapshotRecorder(journal::writer, OperatorIdentity.forCurrentUser(home), new SnapshotJson(), clock), Workspace.DEMO);
        DashboardViewModel viewModel = new DashboardViewModel(new DashboardSources(rollouts, databases,
                new WindowMetricsReader(new QueryRunner(Duration.ofSeconds(10), clock), () -> querySets.load().querySet()), runs,
                () -> querySets.load().querySet(), new ChartPngExporter()),
                new SimpleStringProperty(CutoverPlan.ROLLOUT), new ScriptedDialogs(), executor, clock, new PresentationMode());
        ViewFactory views = new ViewFactory(Map.of(DashboardView.class, () -> new DashboardView(viewModel)));
        // within Monocle's headless 1280x800 screen
        Scene scene = new Scene(views.load(FxmlView.DASHBOARD), 1200, 760);
        new ThemeSwitcher().install(scene);
        stage.setScene(scene);
        stage.show();
        viewModel.start();
    }

    @AfterEach
    void close() {
        executor.close();
        journal.close();
    }

    @Test
    void theChartsHoldThePhasesSeriesBandsBoundaryAndCheckpoints(FxRobot robot) throws Exception {
        RateChart success = robot.lookup("#chart-success").queryAs(RateChart.class);
        RateChart review = robot.lookup("#chart-review").queryAs(RateChart.class);
        FxWait.until(20, () -> success.getModel() != null && review.getModel() != null);

        ChartModel model = success.getModel();
        assertThat(model.title()).isEqualTo("Coordinator success rate · this phase, hourly");
        assertThat(model.from()).isEqualTo(fullMarker);
        assertThat(model.points().stream().mapToLong(ChartPoint::events).sum()).as("every coordinator event of the phase").isEqualTo(62);
        assertThat(model.points()).allSatisfy(point -> assertThat(point.describe())
                .matches("[A-Z][a-z]{2} \\d{1,2} \\d\\d:00 UTC · \\d+\\.\\d\\d % of \\d+ coordinator events"));
        assertThat(model.bands()).contains(new Band(85, 95, BandKind.WARNING))
                .anySatisfy(band -> assertThat(band).extracting(Band::to, Band::kind).containsExactly(85.0, BandKind.RED));
        assertThat(model.thresholds()).extracting(ThresholdLine::value).containsExactlyInAnyOrder(95.0, 85.0);
        assertThat(model.boundaries()).containsExactly(new TimeMarker(fullMarker, CutoverPlan.FULL));
        assertThat(model.checkpoints()).extracting(ChartModel.CheckpointMark::kind).containsExactly(MarkKind.PASS, MarkKind.WARN);

        ChartModel reviewModel = review.getModel();
        assertThat(reviewModel.points().stream().mapToLong(ChartPoint::events).sum()).as("started bookings").isEqualTo(30);
        assertThat(reviewModel.bands()).contains(new Band(2, 8, BandKind.WARNING));
        assertThat(reviewModel.checkpoints()).extracting(ChartModel.CheckpointMark::kind).containsExactly(MarkKind.PASS, MarkKind.WARN);

        robot.clickOn("#dashboard-range-last-6h");
        FxWait.until(20, () -> success.getModel().step().equals(Duration.ofMinutes(1))
                && review.getModel().step().equals(Duration.ofMinutes(1)));
        assertThat(success.getModel().title()).isEqualTo("Coordinator success rate · last 6 h by minute");
        assertThat(success.getModel().points().stream().mapToLong(ChartPoint::events).sum()).isEqualTo(62);
    }

    @Test
    void theVerdictCardShowsTheGatesWordAndReasons(FxRobot robot) throws Exception {
        Label gate = robot.lookup("#dashboard-gate").queryAs(Label.class);
        FxWait.until(20, () -> !gate.getText().isEmpty());
        GateStatus expected = PhaseGates.current(rollouts.require(CutoverPlan.ROLLOUT), clock.instant());
        assertThat(gate.getText()).isEqualTo(expected.result().label().toUpperCase(java.util.Locale.ROOT));
        VBox reasons = robot.lookup("#dashboard-gate-reasons").queryAs(VBox.class);
        List<String> shown = reasons.getChildren().stream().map(node -> ((Label) node).getText()).toList();
        assertThat(shown).isEqualTo(expected.reasons()).isNotEmpty();
        assertThat(robot.lookup("#dashboard-gate-card").query().getStyleClass())
                .contains("gate-is-" + expected.result().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        assertThat(robot.lookup("#dashboard-next-checkpoint").queryAs(Label.class).getText())
                .startsWith("T+6h Full query suite of Staging full, due ");
        assertThat(robot.lookup("#dashboard-countdown").queryAs(Label.class).getText()).startsWith("in 3 h");
        assertThat(robot.lookup("#dashboard-phase-strip").queryAs(javafx.scene.layout.FlowPane.class).getChildren()).hasSize(4);
        assertThat(robot.lookup("#phase-chip-staging-full").query().getStyleClass()).contains("phase-chip-current");
    }
}
