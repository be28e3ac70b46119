package com.rolloutcontrolroom.ui.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.rolloutcontrolroom.services.db.ConnectedDatabase;
import com.rolloutcontrolroom.domain.environment.DatabaseTarget;
import com.rolloutcontrolroom.domain.environment.EnvironmentProfile;
import com.rolloutcontrolroom.domain.environment.SslMode;
import com.rolloutcontrolroom.services.credentials.CredentialKey;
import com.rolloutcontrolroom.services.credentials.SessionCredentialStore;
import com.rolloutcontrolroom.services.environment.ConnectionPools;
import com.rolloutcontrolroom.services.environment.EnvironmentCatalog;
import com.rolloutcontrolroom.services.environment.EnvironmentProfiles;
import com.rolloutcontrolroom.services.home.AppHome;
import com.rolloutcontrolroom.domain.gate.Verdict;
import com.rolloutcontrolroom.domain.health.HealthCheckRow;
import com.rolloutcontrolroom.services.db.Database;
import com.rolloutcontrolroom.services.db.EnvironmentDatabases;
import com.rolloutcontrolroom.services.db.ReadOnlyQuery;
import com.rolloutcontrolroom.domain.query.QueryFileParser;
import com.rolloutcontrolroom.services.health.HealthCheckService;
import com.rolloutcontrolroom.services.query.QueryRunner;
import com.rolloutcontrolroom.services.query.QuerySetLoader;
import com.rolloutcontrolroom.services.query.WindowMetricsReader;
import com.rolloutcontrolroom.testsupport.EmbeddedPostgresExtension;
import com.rolloutcontrolroom.testsupport.ObservabilityFixture;
import com.rolloutcontrolroom.testsupport.PasswordPostgresExtension;
import com.rolloutcontrolroom.testsupport.PasswordPostgresExtension.PasswordPostgres;
import com.rolloutcontrolroom.ui.common.CurrentThreadTaskExecutor;
import com.rolloutcontrolroom.testsupport.ScriptedDialogs;

/** The dashboard's ViewModel without a toolkit: same-thread executor, real PostgreSQL. */
@ExtendWith(PasswordPostgresExtension.class)
class DashboardViewModelTest {

    @RegisterExtension
    static final EmbeddedPostgresExtension postgres = new EmbeddedPostgresExtension();

    private final HealthCheckService healthCheck = HealthCheckService.withBuiltInQuery(new ReadOnlyQuery(Duration.ofSeconds(5)), Clock.systemUTC());
    private final WindowMetricsReader metrics = new WindowMetricsReader(new QueryRunner(Duration.ofSeconds(5), Clock.systemUTC()),
            () -> QuerySetLoader.builtIn(new QueryFileParser()));
    /** For the tests on environments that need no password: it would answer Cancel. */
    private final ScriptedDialogs noDialogs = ScriptedDialogs.typingPassword(null);

    @TempDir
    Path tempDir;

    @Test
    void showsTheRowsAndWhichDatabaseItRead() throws Exception {
        new ObservabilityFixture(postgres.dataSource()).coordinator("coordinator.start", null, 5)
                .coordinator("coordinator.retry", "lock", 6).coordinator("coordinator.retry", null, 7);
        DataSource dataSource = postgres.dataSource();
        Database database = new ConnectedDatabase(dataSource, new DatabaseTarget("staging", "db.internal", 6543, "postgres", "reader"));
        DashboardViewModel viewModel = new DashboardViewModel(EnvironmentDatabases.only("demo", () -> database), healthCheck, metrics, noDialogs, new CurrentThreadTaskExecutor(), Clock.systemUTC());
        viewModel.refresh();
        assertThat(viewModel.rows()).containsExactly(
                new HealthCheckRow("coordinator.retry", 2, new BigDecimal("50.00")),
                new HealthCheckRow("coordinator.start", 1, new BigDecimal("100.00")));
        assertThat(viewModel.databaseProperty().get()).isEqualTo("Reading staging: reader@db.internal:6543/postgres");
        assertThat(viewModel.successRate().valueProperty().get()).isEqualTo("66.67 %");
        assertThat(viewModel.successRate().detailProperty().get()).isEqualTo("of 3 coordinator events · last 6 h · gate: at least 97 %");
        assertThat(viewModel.manualReviewRate().valueProperty().get()).isEqualTo("0.00 %");
        assertThat(viewModel.manualReviewRate().detailProperty().get()).isEqualTo("of 1 started bookings · last 6 h · gate: below 1 %");
        assertThat(viewModel.errorProperty().get()).isEmpty();
        assertThat(viewModel.busyProperty().get()).isFalse();
        // the hourly trend holds the same events, split by UTC hour
        assertThat(viewModel.successRate().trend()).isNotEmpty()
                .allSatisfy(point -> assertThat(point.hourStart().getEpochSecond() % 3600).isZero());
        assertThat(viewModel.successRate().trend().stream().mapToLong(point -> point.rate().total()).sum()).isEqualTo(3);
        assertThat(viewModel.successRate().trend().stream().mapToLong(point -> point.rate().matching()).sum()).isEqualTo(2);
        assertThat(viewModel.manualReviewRate().trend().stream().mapToLong(point -> point.rate().total()).sum()).isEqualTo(1);
        assertThat(viewModel.successRate().describe(viewModel.successRate().trend().get(0))).matches(
                "[A-Z][a-z]{2} \\d{1,2} \\d\\d:00 UTC: \\d+\\.\\d\\d % of \\d coordinator events");
    }

    @Test
    void theVerdictJudgesTheSameWindowTheTilesShowAndSaysWhy() throws Exception {
        ObservabilityFixture fixture = new ObservabilityFixture(postgres.dataSource());
        for (int i = 0; i < 30; i++) {
            fixture.coordinator("coordinator.start", null, 5 + i).coordinator("coordinator.confirmed", null, 5 + i);
        }
        Database database = new ConnectedDatabase(postgres.dataSource(),
                new DatabaseTarget("demo", "localhost", postgres.port(), postgres.databaseName(), "postgres"));
        DashboardViewModel viewModel = new DashboardViewModel(EnvironmentDatabases.only("demo", () -> database), healthCheck, metrics,
                noDialogs, new CurrentThreadTaskExecutor(), Clock.systemUTC());
        assertThat(viewModel.verdictProperty().get()).as("nothing judged before the first numbers").isNull();

        viewModel.refresh();
        assertThat(viewModel.verdictProperty().get()).isEqualTo(Verdict.PASS);
        assertThat(viewModel.verdictReasonsProperty().get().lines().toList()).containsExactly(
                "Success rate 100.00 % of 60 coordinator events (95 % CI 93.98–100.00 %) is at least 97 %.",
                "Manual-review rate 0.00 % of 30 started bookings (95 % CI 0.00–11.35 %) is below 1 %.",
                "No coordinator.error and no coordinator.circuit_open events.");

        // 60 successes and 3 with a reason: 95.24 %, a warning; one circuit trip outranks it
        fixture.coordinator("coordinator.error", "db_timeout", 3).coordinator("coordinator.retry", "lock", 3)
                .coordinator("coordinator.circuit_open", "upstream", 2);
        viewModel.refresh();
        assertThat(viewModel.verdictProperty().get()).isEqualTo(Verdict.FAIL);
        assertThat(viewModel.verdictReasonsProperty().get().lines().toList()).containsExactly(
                "1 coordinator.circuit_open event: upstream service issues; the runbook says roll back.",
                "Success rate 95.24 % of 63 coordinator events (95 % CI 86.91–98.37 %) is below 97 % (warning band 90–97 %: investigate).",
                "1 coordinator.error event: if they continue, the runbook says roll back immediately.",
                "Manual-review rate 0.00 % of 30 started bookings (95 % CI 0.00–11.35 %) is below 1 %.");
    }

    /**
     * Issue 9: the strip counted coordinator.error and circuit_open from the health check (the server's
     * own last 6 hours) while the rates came from the tiles' window, so a run at the same moment judged
     * other numbers. Now the alarms are a metric query over the tiles' window: with the screen's clock
     * two hours behind the server, a trip 30 minutes ago (server time) is outside the judged window.
     */
    @Test
    void theRedFlagsAreCountedOverTheTilesWindowNotTheHealthChecks() throws Exception {
        ObservabilityFixture fixture = new ObservabilityFixture(postgres.dataSource());
        for (int i = 0; i < 30; i++) {
            fixture.coordinator("coordinator.start", null, 130 + i).coordinator("coordinator.confirmed", null, 130 + i);
        }
        fixture.coordinator("coordinator.circuit_open", "upstream", 30).coordinator("coordinator.error", "capacity_rpc_failed", 30);
        Clock twoHoursAgo = Clock.offset(Clock.systemUTC(), Duration.ofHours(-2));
        Database database = new ConnectedDatabase(postgres.dataSource(),
                new DatabaseTarget("demo", "localhost", postgres.port(), postgres.databaseName(), "postgres"));
        DashboardViewModel viewModel = new DashboardViewModel(EnvironmentDatabases.only("demo", () -> database), healthCheck,
                new WindowMetricsReader(new QueryRunner(Duration.ofSeconds(5), twoHoursAgo), () -> QuerySetLoader.builtIn(new QueryFileParser())),
                noDialogs, new CurrentThreadTaskExecutor(), twoHoursAgo);
        viewModel.refresh();
        assertThat(viewModel.rows()).extracting(HealthCheckRow::eventType).as("the table is the runbook's query, on the server's clock")
                .contains("coordinator.circuit_open", "coordinator.error");
        assertThat(viewModel.verdictProperty().get()).isEqualTo(Verdict.PASS);
        assertThat(viewModel.verdictReasonsProperty().get().lines().toList()).containsExactly(
                "Success rate 100.00 % of 60 coordinator events (95 % CI 93.98–100.00 %) is at least 97 %.",
                "Manual-review rate 0.00 % of 30 started bookings (95 % CI 0.00–11.35 %) is below 1 %.",
                "No coordinator.error and no coordinator.circuit_open events.");
    }

    @Test
    void aDatabaseThatCannotBeReachedIsOneSentenceAndNotBusy() {
        DashboardViewModel viewModel = new DashboardViewModel(EnvironmentDatabases.only("demo", () -> {
            throw new IllegalStateException(new java.net.ConnectException("Connection refused"));
        }), healthCheck, metrics, noDialogs, new CurrentThreadTaskExecutor(), Clock.systemUTC());
        viewModel.refresh();
        assertThat(viewModel.errorProperty().get()).isEqualTo("Could not read the database: Connection refused");
        assertThat(viewModel.statusProperty().get()).isEqualTo("The health check did not run.");
        assertThat(viewModel.databaseProperty().get()).isEqualTo("No database reachable.");
        assertThat(viewModel.busyProperty().get()).isFalse();
        assertThat(viewModel.rows()).isEmpty();
    }

    @Test
    void anEmptyWindowShowsNoDataRatherThanZeroPercent() throws Exception {
        new ObservabilityFixture(postgres.dataSource()).coordinator("coordinator.start", null, 7 * 60);
        Database database = new ConnectedDatabase(postgres.dataSource(),
                new DatabaseTarget("demo", "localhost", postgres.port(), postgres.databaseName(), "postgres"));
        DashboardViewModel viewModel = new DashboardViewModel(EnvironmentDatabases.only("demo", () -> database), healthCheck, metrics, noDialogs, new CurrentThreadTaskExecutor(), Clock.systemUTC());
        viewModel.refresh();
        assertThat(viewModel.rows()).isEmpty();
        assertThat(viewModel.successRate().valueProperty().get()).isEqualTo("no data");
        assertThat(viewModel.successRate().detailProperty().get()).isEqualTo("no coordinator events in the last 6 h · gate: at least 97 %");
        assertThat(viewModel.statusProperty().get()).startsWith("No coordinator events in the last 6 hours");
        assertThat(viewModel.successRate().trend()).hasSize(1);
    }

    @Test
    void autoRefreshPicksUpNewEventsEachMinuteUntilSwitchedOff() throws Exception {
        ObservabilityFixture fixture = new ObservabilityFixture(postgres.dataSource()).coordinator("coordinator.start", null, 5);
        Database database = new ConnectedDatabase(postgres.dataSource(),
                new DatabaseTarget("demo", "localhost", postgres.port(), postgres.databaseName(), "postgres"));
        CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
        DashboardViewModel viewModel = new DashboardViewModel(EnvironmentDatabases.only("demo", () -> database), healthCheck, metrics, noDialogs, executor, Clock.systemUTC());
        viewModel.start();
        assertThat(viewModel.autoRefreshProperty().get()).as("on by default: the screen is shared live").isTrue();
        assertThat(viewModel.rows()).extracting(HealthCheckRow::total).containsExactly(1L);

        fixture.coordinator("coordinator.start", null, 1);
        executor.runScheduled();
        assertThat(viewModel.rows()).extracting(HealthCheckRow::total).containsExactly(2L);

        viewModel.autoRefreshProperty().set(false);
        fixture.coordinator("coordinator.start", null, 1);
        executor.runScheduled();
        assertThat(viewModel.rows()).extracting(HealthCheckRow::total).as("no timer once switched off").containsExactly(2L);
    }

    @Test
    void switchingEnvironmentLeavesNothingOfThePreviousOneOnScreen() throws Exception {
        new ObservabilityFixture(postgres.dataSource()).coordinator("coordinator.start", null, 5);
        Database demo = new ConnectedDatabase(postgres.dataSource(),
                new DatabaseTarget("demo", "localhost", postgres.port(), postgres.databaseName(), "postgres"));
        EnvironmentDatabases two = new EnvironmentDatabases() {
            @Override
            public java.util.List<String> names() {
                return java.util.List.of("demo", "production");
            }

            @Override
            public Database database(String name) throws Exception {
                if (name.equals("production")) {
                    throw new java.net.ConnectException("Connection refused");
                }
                return demo;
            }
        };
        DashboardViewModel viewModel = new DashboardViewModel(two, healthCheck, metrics, noDialogs, new CurrentThreadTaskExecutor(), Clock.systemUTC());
        viewModel.start();
        assertThat(viewModel.environments()).containsExactly("demo", "production");
        assertThat(viewModel.rows()).hasSize(1);

        viewModel.environmentProperty().set("production");
        assertThat(viewModel.rows()).isEmpty();
        assertThat(viewModel.successRate().valueProperty().get()).isEqualTo("…");
        assertThat(viewModel.successRate().trend()).isEmpty();
        assertThat(viewModel.errorProperty().get()).isEqualTo("Could not read the database: Connection refused");
        assertThat(viewModel.databaseProperty().get()).isEqualTo("No database reachable.");

        viewModel.environmentProperty().set("demo");
        assertThat(viewModel.rows()).hasSize(1);
        assertThat(viewModel.errorProperty().get()).isEmpty();
    }

    @Test
    void anEnvironmentWithNoStoredPasswordAsksOnceThenShowsItsData(PasswordPostgres server) throws Exception {
        SessionCredentialStore credentials = new SessionCredentialStore("dashboard test: no keychain needed");
        ScriptedDialogs dialogs = ScriptedDialogs.typingPassword(server.password());
        CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
        try (ConnectionPools pools = new ConnectionPools(credentials)) {
            DashboardViewModel viewModel = new DashboardViewModel(stagingAndDemo(server, credentials, pools), healthCheck, metrics,
                    dialogs, executor, Clock.systemUTC());
            viewModel.start();
            assertThat(dialogs.passwordPrompts).as("the demo needs no password").isEmpty();

            viewModel.environmentProperty().set("staging");

            assertThat(dialogs.passwordPrompts).singleElement().asString().startsWith("Password for staging: No password is stored");
            assertThat(new String(credentials.read(CredentialKey.forEnvironment("staging")).orElseThrow())).isEqualTo(server.password());
            assertThat(viewModel.errorProperty().get()).isEmpty();
            // the test role may write: the first connection says so where the numbers are read
            assertThat(viewModel.databaseProperty().get()).isEqualTo("Reading staging: " + PasswordPostgres.ROLE + "@"
                    + PasswordPostgres.HOST + ":" + server.port() + "/" + PasswordPostgres.DATABASE);
            assertThat(viewModel.roleWarningProperty().get()).isEqualTo("Warning: Role rollout_reader holds"
                    + " INSERT, UPDATE, DELETE, TRUNCATE on public.observability_events, so the events it reports on could be changed"
                    + " with its credentials. Settings → Test connection lists every finding and the SQL for a read-only role.");
            // the password role's database holds 50 confirmations (other tests may add events)
            assertThat(viewModel.rows()).anySatisfy(row -> {
                assertThat(row.eventType()).isEqualTo("coordinator.confirmed");
                assertThat(row.total()).isGreaterThanOrEqualTo(50);
            });
            assertThat(viewModel.busyProperty().get()).isFalse();

            viewModel.refresh();
            executor.runScheduled();
            assertThat(dialogs.passwordPrompts).as("asked once per session").hasSize(1);

            // a stored password that PostgreSQL rejects is asked for again, then the data shows
            credentials.store(CredentialKey.forEnvironment("staging"), "fake-mistyped".toCharArray());
            pools.invalidate("staging");
            viewModel.refresh();
            assertThat(dialogs.passwordPrompts).hasSize(2);
            assertThat(dialogs.passwordPrompts.get(1)).startsWith("Password for staging: PostgreSQL rejected the stored password");
            assertThat(viewModel.errorProperty().get()).isEmpty();
            assertThat(viewModel.rows()).isNotEmpty();
        }
    }

    @Test
    void cancellingThePasswordDialogSaysSoInOneSentenceAndTheTimerDoesNotAskAgain(PasswordPostgres server) throws Exception {
        SessionCredentialStore credentials = new SessionCredentialStore("dashboard test: no keychain needed");
        ScriptedDialogs cancelling = ScriptedDialogs.typingPassword(null);
        CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
        try (ConnectionPools pools = new ConnectionPools(credentials)) {
            DashboardViewModel viewModel = new DashboardViewModel(stagingAndDemo(server, credentials, pools), healthCheck, metrics,
                    cancelling, executor, Clock.systemUTC());
            viewModel.start();

            viewModel.environmentProperty().set("staging");

            assertThat(cancelling.passwordPrompts).hasSize(1);
            assertThat(viewModel.errorProperty().get()).isEqualTo("Environment staging needs its password; nothing was run.");
            assertThat(viewModel.statusProperty().get()).isEqualTo("The health check did not run.");
            assertThat(viewModel.rows()).isEmpty();
            assertThat(viewModel.busyProperty().get()).isFalse();
            assertThat(credentials.read(CredentialKey.forEnvironment("staging"))).isEmpty();

            executor.runScheduled();
            assertThat(cancelling.passwordPrompts).as("the minute timer does not ask again").hasSize(1);
            viewModel.refresh();
            assertThat(cancelling.passwordPrompts).as("the Refresh button does").hasSize(2);
        }
    }

    /** The demo on the shared PostgreSQL plus a profile {@code staging} on the password-protected role. */
    private EnvironmentCatalog stagingAndDemo(PasswordPostgres server, SessionCredentialStore credentials, ConnectionPools pools) {
        AppHome home = new AppHome(tempDir.resolve("home")).ensureExists();
        EnvironmentProfiles profiles = new EnvironmentProfiles(home.config());
        profiles.save(new EnvironmentProfile("staging", PasswordPostgres.HOST, server.port(), PasswordPostgres.DATABASE,
                PasswordPostgres.ROLE, SslMode.PREFER, "", Duration.ofSeconds(5)));
        Database demo = new ConnectedDatabase(postgres.dataSource(),
                new DatabaseTarget("demo", "localhost", postgres.port(), postgres.databaseName(), "postgres"));
        return new EnvironmentCatalog(() -> demo, profiles, pools, credentials);
    }
}
