package com.rolloutcontrolroom.ui.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.rolloutcontrolroom.domain.environment.DatabaseTarget;
import com.rolloutcontrolroom.domain.environment.EnvironmentProfile;
import com.rolloutcontrolroom.domain.environment.SslMode;
import com.rolloutcontrolroom.domain.health.HealthCheckRow;
import com.rolloutcontrolroom.domain.query.QueryFileParser;
import com.rolloutcontrolroom.domain.rollout.DeploymentMarker;
import com.rolloutcontrolroom.domain.rollout.GateStatus;
import com.rolloutcontrolroom.domain.rollout.PhaseGates;
import com.rolloutcontrolroom.domain.rollout.RolloutState;
import com.rolloutcontrolroom.services.chart.ChartModel;
import com.rolloutcontrolroom.services.chart.ChartModel.ChartPoint;
import com.rolloutcontrolroom.services.chart.ChartModel.MarkKind;
import com.rolloutcontrolroom.services.chart.ChartPngExporter;
import com.rolloutcontrolroom.services.credentials.SessionCredentialStore;
import com.rolloutcontrolroom.services.db.ConnectedDatabase;
import com.rolloutcontrolroom.services.db.Database;
import com.rolloutcontrolroom.services.db.EnvironmentDatabases;
import com.rolloutcontrolroom.services.environment.ConnectionPools;
import com.rolloutcontrolroom.services.environment.EnvironmentCatalog;
import com.rolloutcontrolroom.services.environment.EnvironmentProfiles;
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
import com.rolloutcontrolroom.testsupport.MutableClock;
import com.rolloutcontrolroom.testsupport.ObservabilityFixture;
import com.rolloutcontrolroom.testsupport.PasswordPostgresExtension;
import com.rolloutcontrolroom.testsupport.PasswordPostgresExtension.PasswordPostgres;
import com.rolloutcontrolroom.testsupport.ScriptedDialogs;
import com.rolloutcontrolroom.ui.common.CurrentRolloutModel;
import com.rolloutcontrolroom.ui.common.CurrentThreadTaskExecutor;
import com.rolloutcontrolroom.ui.common.PresentationMode;
import com.rolloutcontrolroom.ui.common.SuiteRecording;

/**
 * The cutover dashboard's ViewModel without a toolkit: same-thread executor, a real journal (the demo
 * workspace's, so a run on {@code demo} is recorded) and a real PostgreSQL. Staging full began three
 * hours before the clock; its T+0h checkpoint was taken and passed, T+1h warned, T+6h is to come.
 */
@ExtendWith(PasswordPostgresExtension.class)
class DashboardViewModelTest {

    @RegisterExtension
    static final EmbeddedPostgresExtension postgres = new EmbeddedPostgresExtension();

    @TempDir
    Path folder;

    /** A whole minute of the server's time, so the countdown reads round figures. */
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
    private final Instant fullMarker = now.minus(Duration.ofHours(3));
    private final MutableClock clock = new MutableClock(now.minus(Duration.ofHours(6)));
    private final CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
    private final StringProperty current = new SimpleStringProperty(CutoverPlan.ROLLOUT);
    private final PresentationMode presentation = new PresentationMode();
    private AppHome home;
    private JournalAccess journal;
    private Rollouts rollouts;
    private ObservabilityFixture fixture;
    private Database demo;

    @BeforeEach
    void aRolloutInStagingFull() throws Exception {
        fixture = new ObservabilityFixture(postgres.dataSource());
        demo = new ConnectedDatabase(postgres.dataSource(),
                new DatabaseTarget("demo", "localhost", postgres.port(), postgres.databaseName(), "postgres"));
        home = new AppHome(folder.resolve("home")).ensureExists();
        journal = new JournalAccess(home, Workspace.DEMO, JournalKeys.none("No keychain in this test."));
        rollouts = new Rollouts(journal, OperatorIdentity.forCurrentUser(home), clock);
        RolloutState state = rollouts.create(CutoverPlan.plan());
        clock.set(now.minus(Duration.ofHours(5)));
        state = rollouts.promote(state, DeploymentMarker.now("Ana"));
        clock.set(fullMarker);
        rollouts.promote(state, DeploymentMarker.now("Ana"));
        journal.writer().append(CutoverPlan.checkpoint("T+0h", fullMarker, fullMarker.plusSeconds(60), "PASS"));
        journal.writer().append(CutoverPlan.checkpoint("T+1h", fullMarker.plus(Duration.ofHours(1)),
                fullMarker.plus(Duration.ofMinutes(61)), "WARN"));
        clock.set(now);
    }

    @AfterEach
    void close() {
        executor.close();
        journal.close();
    }

    private DashboardViewModel dashboard(EnvironmentDatabases databases, ScriptedDialogs dialogs) {
        QuerySetLoader querySets = new QuerySetLoader(new QueryFileParser(), home.userQueries());
        WindowMetricsReader metrics = new WindowMetricsReader(new QueryRunner(Duration.ofSeconds(10), clock),
                () -> querySets.load().querySet());
        SuiteRecording runs = new SuiteRecording(databases, new SuiteRunner(new QueryRunner(Duration.ofSeconds(10), clock), clock),
                new SnapshotRecorder(journal::writer, OperatorIdentity.forCurrentUser(home), new SnapshotJson(), clock), Workspace.DEMO);
        return new DashboardViewModel(new DashboardSources(rollouts, databases, metrics, runs, () -> querySets.load().querySet(),
                new ChartPngExporter()), current, dialogs, executor, clock, presentation);
    }

    private DashboardViewModel started() {
        DashboardViewModel viewModel = dashboard(EnvironmentDatabases.only("demo", () -> demo), ScriptedDialogs.typingPassword(null));
        viewModel.start();
        return viewModel;
    }

    /** On a busy machine the rollouts take a moment to list: until then the dashboard must not say there are none. */
    @Test
    void untilTheRolloutsAreReadItSaysSoAndNotThatThereIsNone() {
        current.set(null);
        DashboardViewModel viewModel = started();
        assertThat(viewModel.noRolloutProperty().get()).isTrue();
        assertThat(viewModel.emptyTextProperty().get()).isEqualTo(DashboardViewModel.READING_ROLLOUTS);

        current.set(CutoverPlan.ROLLOUT);
        assertThat(viewModel.noRolloutProperty().get()).isFalse();
        assertThat(viewModel.titleProperty().get()).startsWith(CutoverPlan.ROLLOUT);
    }

    @Test
    void thePhaseStripShowsEveryPhaseWithItsStageAndTimes() {
        DashboardViewModel viewModel = started();
        assertThat(viewModel.phases()).extracting(PhaseChip::name, PhaseChip::stage).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Preparation", "done"), org.assertj.core.groups.Tuple.tuple(CutoverPlan.SHADOW, "done"),
                org.assertj.core.groups.Tuple.tuple(CutoverPlan.FULL, "current"), org.assertj.core.groups.Tuple.tuple("Legacy cleanup", "next"));
        assertThat(viewModel.phases().get(1).times()).endsWith(" UTC · 2 h");
        assertThat(viewModel.phases().get(2).times()).startsWith("since ").endsWith(" UTC · T+3h 0m");
        assertThat(viewModel.titleProperty().get()).isEqualTo(CutoverPlan.ROLLOUT + " · " + CutoverPlan.FULL);
        assertThat(viewModel.databaseProperty().get()).as("the environment by name, no host or user")
                .startsWith("Environment demo · this phase, hourly · updated ").endsWith(" UTC · 0 coordinator events in this phase");
    }

    @Test
    void theGateCardSaysWhatPhaseGatesSaysForTheRolloutScreenAndStatus() {
        DashboardViewModel viewModel = started();
        GateStatus gate = PhaseGates.current(rollouts.require(CutoverPlan.ROLLOUT), now);
        assertThat(viewModel.gateWordProperty().get()).isEqualTo(gate.result().label().toUpperCase(Locale.ROOT));
        assertThat(viewModel.gateResultProperty().get()).isEqualTo(gate.result());
        assertThat(viewModel.gateReasons()).isEqualTo(gate.reasons()).isNotEmpty();
        assertThat(viewModel.gateTitleProperty().get()).isEqualTo("Gate of Staging full (metrics)");
    }

    @Test
    void theCountdownToTheNextCheckpointFollowsTheClockEverySecond() {
        DashboardViewModel viewModel = started();
        viewModel.autoRefreshProperty().set(false); // only the one-second tick runs: no reading, the clock alone
        assertThat(viewModel.nextCheckpointProperty().get()).startsWith("T+6h Full query suite of Staging full, due ");
        assertThat(viewModel.countdownProperty().get()).isEqualTo("in 3 h");

        clock.advance(Duration.ofMinutes(107).plusSeconds(30));
        executor.runScheduled();
        assertThat(viewModel.countdownProperty().get()).isEqualTo("in 1 h 12 min");
        clock.set(fullMarker.plus(Duration.ofHours(6)).minusSeconds(20));
        executor.runScheduled();
        assertThat(viewModel.countdownProperty().get()).isEqualTo("in 20 s");
        clock.set(fullMarker.plus(Duration.ofHours(6)).plusSeconds(90));
        executor.runScheduled();
        assertThat(viewModel.countdownProperty().get()).isEqualTo("due now");
        clock.set(fullMarker.plus(Duration.ofHours(6)).plus(Duration.ofMinutes(7)));
        executor.runScheduled();
        assertThat(viewModel.countdownProperty().get()).isEqualTo("overdue by 7 min");
    }

    @Test
    void aMissedCheckpointIsCalledOutAndMarkedOnTheCharts() {
        clock.set(now.plus(Duration.ofHours(4))); // T+6h was due an hour ago, never taken
        rollouts.override(rollouts.require(CutoverPlan.ROLLOUT), DeploymentMarker.now("Ana"), "test: leave the phase", "Ben");
        DashboardViewModel viewModel = started();
        assertThat(viewModel.callouts()).containsExactly("T+6h Full query suite of Staging full: MISSED, the phase ended before it was taken");
        viewModel.rangeProperty().set(ChartRange.WHOLE_ROLLOUT);
        assertThat(viewModel.successChartProperty().get().checkpoints()).extracting(ChartModel.CheckpointMark::kind)
                .containsExactly(MarkKind.PASS, MarkKind.WARN, MarkKind.MISSED);
        assertThat(viewModel.nextCheckpointProperty().get()).isEqualTo("No checkpoint to come in this rollout's schedule.");
        assertThat(viewModel.countdownProperty().get()).isEmpty();
    }

    @Test
    void theChartsHoldThePhasesHoursAndTheLastSixHoursByMinute() throws Exception {
        fixture.coordinator("coordinator.start", null, 5).coordinator("coordinator.confirmed", null, 5)
                .coordinator("coordinator.retry", "lock", 30).coordinator("coordinator.manual_review", "no_capacity", 30)
                .coordinator("coordinator.start", null, 30)
                .coordinator("coordinator.start", null, 5 * 60); // before Staging full began
        DashboardViewModel viewModel = started();
        ChartModel hourly = viewModel.successChartProperty().get();
        assertThat(hourly.step()).isEqualTo(Duration.ofHours(1));
        assertThat(hourly.from()).isEqualTo(fullMarker);
        assertThat(hourly.points().stream().mapToLong(ChartPoint::events).sum()).as("this phase's events only").isEqualTo(5);
        assertThat(hourly.checkpoints()).extracting(ChartModel.CheckpointMark::kind).containsExactly(MarkKind.PASS, MarkKind.WARN);
        assertThat(viewModel.rows()).extracting(HealthCheckRow::eventType, HealthCheckRow::total).containsExactly(
                org.assertj.core.groups.Tuple.tuple("coordinator.confirmed", 1L),
                org.assertj.core.groups.Tuple.tuple("coordinator.manual_review", 1L),
                org.assertj.core.groups.Tuple.tuple("coordinator.retry", 1L),
                org.assertj.core.groups.Tuple.tuple("coordinator.start", 2L));

        viewModel.rangeProperty().set(ChartRange.LAST_6H_BY_MINUTE);
        ChartModel minutes = viewModel.successChartProperty().get();
        assertThat(minutes.step()).isEqualTo(Duration.ofMinutes(1));
        assertThat(minutes.points()).as("the start 5 h ago is within the last 6 h").hasSize(3).allSatisfy(point -> assertThat(point.at().getEpochSecond() % 60).isZero());
        assertThat(minutes.points().stream().mapToLong(ChartPoint::events).sum()).isEqualTo(6);
        assertThat(minutes.title()).isEqualTo("Coordinator success rate · last 6 h by minute");
        ChartModel review = viewModel.reviewChartProperty().get();
        assertThat(review.points()).extracting(ChartPoint::value).containsExactlyInAnyOrder(0.0, 0.0, 100.0);
        assertThat(review.points()).extracting(ChartPoint::describe).anyMatch(text -> text.endsWith(" UTC · 100.00 % of 1 started bookings"));
    }

    @Test
    void runNowRecordsTheFullSuiteToTheRolloutAndTheDashboardReadsItAgain() {
        DashboardViewModel viewModel = started();
        int before = rollouts.require(CutoverPlan.ROLLOUT).snapshots().size();
        viewModel.runNow();
        RolloutState after = rollouts.require(CutoverPlan.ROLLOUT);
        assertThat(after.snapshots()).hasSize(before + 1);
        assertThat(after.snapshots().get(before).entry().checkpoint()).as("a run by hand").isNull();
        assertThat(after.snapshots().get(before).entry().environment()).isEqualTo("demo");
        assertThat(viewModel.statusProperty().get()).startsWith("Recorded the full suite on demo to " + CutoverPlan.ROLLOUT
                + " as journal record ");
        assertThat(viewModel.snapshotProperty().get()).contains("run by hand on demo");
        assertThat(viewModel.runNowModel().runningProperty().get()).isFalse();
    }

    @Test
    void cancelledRunNowRecordsNothing() {
        DashboardViewModel viewModel = started();
        int before = rollouts.require(CutoverPlan.ROLLOUT).snapshots().size();
        List<String> progress = new java.util.ArrayList<>();
        // held until the end: the binding is made per call and listens weakly, so a GC mid-run would drop it
        javafx.beans.binding.StringBinding progressText = viewModel.runNowModel().progressTextProperty();
        progressText.addListener((obs, old, text) -> {
            progress.add(text);
            if (text.matches("1 of \\d+ queries")) {
                viewModel.cancelRun();
            }
        });
        viewModel.runNow();
        assertThat(progress).as("progress; the status said: " + viewModel.statusProperty().get())
                .anyMatch(text -> text.matches("1 of \\d+ queries"));
        assertThat(rollouts.require(CutoverPlan.ROLLOUT).snapshots()).hasSize(before);
        assertThat(viewModel.statusProperty().get()).isEqualTo("Cancelled: a partial run is not recorded in the journal.");
        assertThat(progressText.get()).as("no run in progress").isEmpty();
    }

    @Test
    void switchingTheCurrentRolloutLeavesNothingOfThePreviousOneOnScreen() throws Exception {
        fixture.coordinator("coordinator.start", null, 5);
        clock.set(now.minus(Duration.ofHours(1)));
        RolloutState other = rollouts.create(CutoverPlan.plan("OTHER_V1", "production"));
        clock.set(now);
        rollouts.promote(other, DeploymentMarker.now("Ana"));
        EnvironmentDatabases two = new EnvironmentDatabases() {
            @Override
            public List<String> names() {
                return List.of("demo", "production");
            }

            @Override
            public Database database(String name) throws Exception {
                if (name.equals("production")) {
                    throw new java.net.ConnectException("Connection refused");
                }
                return demo;
            }
        };
        DashboardViewModel viewModel = dashboard(two, ScriptedDialogs.typingPassword(null));
        viewModel.start();
        assertThat(viewModel.rows()).isNotEmpty();
        assertThat(viewModel.successChartProperty().get()).isNotNull();

        current.set("OTHER_V1");
        assertThat(viewModel.rows()).isEmpty();
        assertThat(viewModel.successChartProperty().get()).isNull();
        assertThat(viewModel.errorProperty().get()).isEqualTo("Could not read the database of production: Connection refused");
        assertThat(viewModel.phases()).extracting(PhaseChip::stage).containsExactly("done", "current", "next", "later");

        current.set("");
        assertThat(viewModel.noRolloutProperty().get()).isTrue();
        assertThat(viewModel.emptyTextProperty().get()).isEqualTo(CurrentRolloutModel.NONE_CURRENT);
        assertThat(viewModel.phases()).isEmpty();
        assertThat(viewModel.gateWordProperty().get()).isEmpty();
    }

    @Test
    void anEnvironmentWithNoStoredPasswordIsAskedForOnceThenItsNumbersShow(PasswordPostgres server) throws Exception {
        clock.set(now.minus(Duration.ofHours(1)));
        RolloutState staging = rollouts.create(CutoverPlan.plan("STAGING_V1", "staging"));
        clock.set(now);
        rollouts.promote(staging, DeploymentMarker.now("Ana"));
        current.set("STAGING_V1");
        SessionCredentialStore credentials = new SessionCredentialStore("dashboard test: no keychain needed");
        ScriptedDialogs dialogs = ScriptedDialogs.typingPassword(server.password());
        try (ConnectionPools pools = new ConnectionPools(credentials)) {
            EnvironmentProfiles profiles = new EnvironmentProfiles(home.config());
            profiles.save(new EnvironmentProfile("staging", PasswordPostgres.HOST, server.port(), PasswordPostgres.DATABASE,
                    PasswordPostgres.ROLE, SslMode.PREFER, "", Duration.ofSeconds(5)));
            DashboardViewModel viewModel = dashboard(new EnvironmentCatalog(() -> demo, profiles, pools, credentials), dialogs);
            viewModel.start();
            assertThat(dialogs.passwordPrompts).singleElement().asString().startsWith("Password for staging: No password is stored");
            assertThat(viewModel.errorProperty().get()).isEmpty();
            assertThat(viewModel.successChartProperty().get()).isNotNull();
            assertThat(viewModel.databaseProperty().get()).startsWith("Environment staging · this phase, hourly · updated ")
                    .doesNotContain(PasswordPostgres.HOST, PasswordPostgres.ROLE, String.valueOf(server.port()));

            viewModel.reload();
            executor.runScheduled();
            assertThat(dialogs.passwordPrompts).as("asked once per session").hasSize(1);
        }
    }

    @Test
    void withPresentationModeOnEveryTextPassesTheRedactor() {
        DashboardViewModel viewModel = started();
        presentation.learn(List.of("demo", CutoverPlan.FULL));
        presentation.toggle();
        assertThat(viewModel.databaseProperty().get()).doesNotContain("demo");
        assertThat(viewModel.phases().get(2).name()).doesNotContain(CutoverPlan.FULL);
        assertThat(viewModel.successChartProperty().get().boundaries()).allSatisfy(b -> assertThat(b.label()).doesNotContain(CutoverPlan.FULL));
    }
}
