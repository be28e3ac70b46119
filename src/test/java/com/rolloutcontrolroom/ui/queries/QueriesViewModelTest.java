package com.rolloutcontrolroom.ui.queries;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.rolloutcontrolroom.services.db.ConnectedDatabase;
import com.rolloutcontrolroom.app.QueriesScreen;
import com.rolloutcontrolroom.domain.environment.DatabaseTarget;
import com.rolloutcontrolroom.domain.journal.SnapshotTaken;
import com.rolloutcontrolroom.domain.query.QuerySet;
import com.rolloutcontrolroom.services.credentials.SessionCredentialStore;
import com.rolloutcontrolroom.services.credentials.CredentialKey;
import com.rolloutcontrolroom.domain.environment.EnvironmentProfile;
import com.rolloutcontrolroom.domain.environment.SslMode;
import com.rolloutcontrolroom.testsupport.PasswordPostgresExtension;
import com.rolloutcontrolroom.testsupport.PasswordPostgresExtension.PasswordPostgres;
import com.rolloutcontrolroom.services.db.Database;
import com.rolloutcontrolroom.services.environment.ConnectionPools;
import com.rolloutcontrolroom.services.environment.EnvironmentCatalog;
import com.rolloutcontrolroom.services.environment.EnvironmentProfiles;
import com.rolloutcontrolroom.services.home.AppHome;
import com.rolloutcontrolroom.services.journal.JournalKeys;
import com.rolloutcontrolroom.services.home.Workspace;
import com.rolloutcontrolroom.services.journal.JournalAccess;
import com.rolloutcontrolroom.testsupport.EmbeddedPostgresExtension;
import com.rolloutcontrolroom.testsupport.ObservabilityFixture;
import com.rolloutcontrolroom.testsupport.TestRollouts;
import com.rolloutcontrolroom.services.operator.OperatorIdentity;
import com.rolloutcontrolroom.services.rollout.CurrentRollout;
import com.rolloutcontrolroom.services.rollout.Rollouts;
import com.rolloutcontrolroom.services.settings.SettingsFile;
import com.rolloutcontrolroom.ui.common.CurrentRolloutModel;
import com.rolloutcontrolroom.ui.common.CurrentThreadTaskExecutor;
import com.rolloutcontrolroom.ui.common.PresentationMode;
import com.rolloutcontrolroom.testsupport.ScriptedDialogs;

/**
 * The Queries screen without a toolkit: same-thread executor, real PostgreSQL, a real journal in a
 * temporary data folder. Expected rates are counted here from the events the test inserts.
 */
@org.junit.jupiter.api.extension.ExtendWith(PasswordPostgresExtension.class)
class QueriesViewModelTest {

    @RegisterExtension
    static final EmbeddedPostgresExtension postgres = new EmbeddedPostgresExtension();

    @TempDir
    Path tempDir;

    private AppHome home;
    private JournalAccess journal;
    private ConnectionPools pools;
    private final SessionCredentialStore credentials = new SessionCredentialStore("queries test: no keychain needed");
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final PresentationMode presentation = new PresentationMode();
    private QueriesViewModel viewModel;
    private CurrentRolloutModel currentRollout;

    @BeforeEach
    void setUp() throws Exception {
        ObservabilityFixture fixture = new ObservabilityFixture(postgres.dataSource());
        // 40 starts + 40 confirmations without a reason, 2 retries and 1 manual review with one:
        // success 80 of 83 = 96.39 %, manual review 1 of 40 starts = 2.50 %
        for (int i = 0; i < 40; i++) {
            fixture.coordinator("coordinator.start", null, 10 + i).coordinator("coordinator.confirmed", null, 9 + i);
        }
        fixture.coordinator("coordinator.retry", "capacity_lock_timeout", 30)
                .coordinator("coordinator.retry", "capacity_lock_timeout", 31)
                .coordinator("coordinator.manual_review", "no_capacity", 45)
                .coordinator("coordinator.start", null, 7 * 60); // outside the six hours
        home = new AppHome(tempDir.resolve("home")).ensureExists();
        journal = demoJournal(home);
        TestRollouts.create(journal, home, TestRollouts.ROLLOUT); // record 1: the only rollout, so the current one
        pools = new ConnectionPools(credentials);
        viewModel = viewModel(journal);
        viewModel.start();
    }

    private QueriesViewModel viewModel(JournalAccess journalAccess) {
        DataSource dataSource = postgres.dataSource();
        Database database = new ConnectedDatabase(dataSource, new DatabaseTarget("demo", "localhost", postgres.port(), postgres.databaseName(), "postgres"));
        EnvironmentCatalog environments = new EnvironmentCatalog(() -> database, new EnvironmentProfiles(home.config()), pools, credentials);
        CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
        SettingsFile settings = new SettingsFile(home.root().resolve("settings.json"));
        currentRollout = new CurrentRolloutModel(new Rollouts(journalAccess, OperatorIdentity.forCurrentUser(home), Clock.systemUTC()),
                new CurrentRollout(settings), executor);
        currentRollout.refresh();
        return QueriesScreen.viewModel(home, environments, journalAccess, dialogs, executor, Clock.systemUTC(), currentRollout.current(),
                presentation);
    }

    @AfterEach
    void tearDown() {
        journal.close();
        pools.close();
    }

    @Test
    void startsOnTheDemoWithTheQueryListGroupedBySuite() {
        assertThat(viewModel.environments()).containsExactly("demo");
        assertThat(viewModel.environmentProperty().get()).isEqualTo("demo");
        assertThat(viewModel.canRunBinding().get()).isTrue();
        assertThat(viewModel.runningProperty().get()).isFalse();
        List<String> headings = viewModel.catalog().items().stream().filter(QueryListItem::isHeading).map(QueryListItem::heading).toList();
        assertThat(headings).containsExactly("Quick health check", "Full suite", "Metric definitions (run with every suite)");
        assertThat(viewModel.catalog().items().stream().filter(QueryListItem::isMetric).map(item -> item.query().name()))
                .contains("metric_success_rate", "metric_manual_review_rate");
        assertThat(viewModel.catalog().titleProperty().get()).isEqualTo("quick_health_check");
        assertThat(viewModel.catalog().sqlProperty().get()).contains("FILTER (WHERE context->>'reason' IS NULL)");

        selectQuery("manual_review_rate");
        assertThat(viewModel.catalog().parameters()).extracting(p -> p.name() + " " + p.type().label() + " = " + p.defaultValue())
                .containsExactly("window interval = 6 hours");
    }

    @Test
    void theFullSuiteFillsResultsAndMetricsAndIsRecordedInTheJournal() {
        viewModel.runFullSuite();

        assertThat(viewModel.errorProperty().get()).isEmpty();
        assertThat(viewModel.results()).hasSize(14).allMatch(result -> !result.failed() && result.title().contains(" · OK · "));
        assertThat(viewModel.progressTextProperty().get()).isEqualTo("14 of 14 queries");
        assertThat(viewModel.progressProperty().get()).isEqualTo(1.0);
        assertThat(viewModel.summaryProperty().get()).startsWith("Full suite on demo at ").contains("UTC: 14 ok · 0 error · ");
        assertThat(viewModel.metrics()).containsExactly(
                "Coordinator success rate: 96.39 % of 83 coordinator events · WARN",
                "Manual-review rate: 2.50 % of 40 started bookings · WARN");
        assertThat(viewModel.recordedProperty().get()).isEqualTo("Recorded to " + TestRollouts.ROLLOUT + " as journal record 2.");
        SnapshotTaken snapshot = (SnapshotTaken) journal.reader().entry(2).orElseThrow().entry();
        assertThat(snapshot.rollout()).isEqualTo(TestRollouts.ROLLOUT);
        assertThat(snapshot.environment()).isEqualTo("demo");
        assertThat(snapshot.queries()).hasSize(14);

        ResultTable quick = result("success_rate_by_event_type");
        assertThat(quick.columns()).isNotEmpty();
        assertThat(quick.rows()).isNotEmpty();
        ResultTable lastHour = result("coordinator_events_last_hour");
        assertThat(lastHour.numeric()).containsExactly(false, false, true);
        assertThat(viewModel.runningProperty().get()).isFalse();
        assertThat(viewModel.canRunBinding().get()).isTrue();
        assertThat(viewModel.canExportBinding().get()).isTrue();
    }

    @Test
    void anEmptyWindowSaysNoEventsRatherThanZeroPercent() throws Exception {
        new ObservabilityFixture(postgres.dataSource()).coordinator("coordinator.start", null, 600);
        viewModel.runQuickCheck();
        assertThat(viewModel.results()).hasSize(5);
        assertThat(viewModel.metrics()).containsExactly(
                "Coordinator success rate: no coordinator events · NO_DATA", "Manual-review rate: no started bookings · NO_DATA");
    }

    @Test
    void aJournalWrittenByAnotherInstanceStillRecordsTheSnapshot() throws Exception {
        journal.writer(); // this instance has the journal open, like another window or a CLI run would
        try (JournalAccess second = demoJournal(home)) {
            QueriesViewModel screen = viewModel(second);
            screen.start();
            screen.runQuickCheck();
            assertThat(screen.results()).hasSize(5);
            assertThat(screen.errorProperty().get()).isEmpty();
            assertThat(screen.recordedProperty().get()).isEqualTo("Recorded to " + TestRollouts.ROLLOUT + " as journal record 2.");
            assertThat(journal.reader().count()).isEqualTo(2);
        }
    }

    @Test
    void cancellingStopsTheRunRecordsNothingAndFreesTheButtons() {
        List<String> duringRun = new ArrayList<>();
        // held until the end: the binding is made per call and listens weakly, so a GC mid-run would drop it
        javafx.beans.binding.StringBinding progressText = viewModel.progressTextProperty();
        progressText.addListener((obs, old, text) -> {
            if (text.equals("2 of 14 queries")) {
                duringRun.add("running=" + viewModel.runningProperty().get() + " canRun=" + viewModel.canRunBinding().get());
                viewModel.cancel();
            }
        });
        viewModel.runFullSuite();

        assertThat(duringRun).as("the run as the progress text last said: " + progressText.get())
                .containsExactly("running=true canRun=false");
        assertThat(viewModel.runningProperty().get()).isFalse();
        assertThat(viewModel.canRunBinding().get()).isTrue();
        assertThat(viewModel.results()).filteredOn(ResultTable::failed).hasSize(12)
                .allMatch(result -> result.title().contains(" · cancelled · "));
        assertThat(viewModel.summaryProperty().get()).contains("2 ok · 0 error · 12 cancelled");
        assertThat(viewModel.recordedProperty().get()).isEqualTo("Cancelled: a partial run is not recorded in the journal.");
        assertThat(journal.reader().count()).as("only the rollout").isEqualTo(1);
    }

    @Test
    void aBadQueryFileIsRefusedWithEveryProblemAndTheSetIsUnchanged() throws Exception {
        QuerySet before = viewModel.catalog().querySetProperty().get();
        Path bad = Files.writeString(tempDir.resolve("bad.sql"), """
                -- name: Bad Name
                -- suite: full
                -- description: a name with spaces
                SELECT 1;

                -- name: uses_undeclared
                -- suite: full
                -- description: uses a parameter it does not declare
                SELECT * FROM observability_events WHERE created_at > :since;
                """);
        dialogs.toOpen.add(bad);
        viewModel.catalog().addQueryFile();

        assertThat(viewModel.catalog().messageProperty().get()).isEqualTo("bad.sql was not added; the query set is unchanged.");
        assertThat(viewModel.catalog().problems()).hasSize(2)
                .anyMatch(problem -> problem.startsWith("bad.sql line 1: 'Bad Name' is not a valid query name"))
                .anyMatch(problem -> problem.startsWith("bad.sql line 6: ") && problem.contains(":since"));
        assertThat(viewModel.catalog().querySetProperty().get()).isEqualTo(before);
        assertThat(home.userQueries().resolve("bad.sql")).doesNotExist();

        Path good = Files.writeString(tempDir.resolve("mine.sql"), """
                -- name: my_error_count
                -- suite: full
                -- description: coordinator.error events in the last hour.
                SELECT count(*) AS errors FROM observability_events WHERE event_type = 'coordinator.error' AND created_at > now() - INTERVAL '1 hour';
                """);
        dialogs.toOpen.add(good);
        viewModel.catalog().addQueryFile();

        assertThat(viewModel.catalog().problems()).isEmpty();
        assertThat(viewModel.catalog().messageProperty().get()).isEqualTo("Added mine.sql: 1 query.");
        assertThat(viewModel.catalog().titleProperty().get()).isEqualTo("my_error_count");
        assertThat(home.userQueries().resolve("mine.sql")).exists();
        viewModel.runFullSuite();
        assertThat(result("my_error_count").rows()).containsExactly(List.of("0"));
    }

    @Test
    void exportsTheLastRunAsCsvAndJson() throws Exception {
        assertThat(viewModel.canExportBinding().get()).isFalse();
        viewModel.runQuickCheck();
        Path csv = tempDir.resolve("run.csv");
        Path json = tempDir.resolve("run.json");
        dialogs.toSave.add(csv);
        dialogs.toSave.add(json);

        viewModel.exportCsv();
        assertThat(viewModel.exportMessageProperty().get()).isEqualTo("Exported to " + csv + ".");
        viewModel.exportJson();
        assertThat(viewModel.exportErrorProperty().get()).isEmpty();

        String csvText = Files.readString(csv);
        assertThat(csvText).startsWith("environment,suite,started_at,query,status,error,row,column,value")
                .contains(",quick_health_check,OK,,");
        // the row a type lands on follows the demo's traffic of the last hour; its count sits on the same row
        java.util.regex.Matcher start = java.util.regex.Pattern.compile(",(\\d+),event_type,coordinator\\.start\r?\n").matcher(csvText);
        assertThat(start.find()).as("a coordinator.start row").isTrue();
        assertThat(csvText).containsPattern("," + start.group(1) + ",total,40\r?\n");
        String jsonText = Files.readString(json);
        assertThat(jsonText).contains("\"name\" : \"quick_health_check\"", "FILTER (WHERE context->>'reason' IS NULL)",
                "\"coordinator.start\"", "\"total\" : 83");
        assertThat(dialogs.suggestedNames).allMatch(name -> name.matches("snapshot-demo-quick-\\d{8}-\\d{6}\\.(csv|json)"));
    }

    private void selectQuery(String name) {
        viewModel.catalog().selectedProperty().set(viewModel.catalog().items().stream()
                .filter(item -> !item.isHeading() && item.query().name().equals(name)).findFirst().orElseThrow());
    }

    private ResultTable result(String queryName) {
        return viewModel.results().stream().filter(r -> r.queryName().equals(queryName)).findFirst().orElseThrow();
    }

    @Test
    void withNoStoredPasswordItAsksOnceKeepsTheAnswerInTheStoreAndRuns(PasswordPostgres server) throws Exception {
        new EnvironmentProfiles(home.config()).save(new EnvironmentProfile("staging", PasswordPostgres.HOST, server.port(),
                PasswordPostgres.DATABASE, PasswordPostgres.ROLE, SslMode.PREFER, "", java.time.Duration.ofSeconds(5)));
        useTheRealJournal();
        viewModel.start();
        viewModel.environmentProperty().set("staging");

        viewModel.runQuickCheck();
        assertThat(dialogs.passwordPrompts).singleElement().asString().startsWith("Password for staging: No password is stored");
        assertThat(viewModel.errorProperty().get()).isEqualTo("Environment staging needs its password; nothing was run.");
        assertThat(viewModel.runningProperty().get()).isFalse();

        dialogs.passwords.add(server.password());
        viewModel.runQuickCheck();
        assertThat(dialogs.passwordPrompts).hasSize(2);
        assertThat(new String(credentials.read(CredentialKey.forEnvironment("staging")).orElseThrow())).isEqualTo(server.password());
        // connected and ran: the password database has no observability_events, so the query itself fails
        assertThat(viewModel.errorProperty().get()).isEmpty();
        assertThat(viewModel.summaryProperty().get()).contains("on staging").contains("error");
        // the test role may write: the run says so under its summary
        assertThat(viewModel.summaryProperty().get()).contains("\nWarning: Role rollout_reader holds INSERT, UPDATE, DELETE, TRUNCATE"
                + " on public.observability_events");

        viewModel.runQuickCheck();
        assertThat(dialogs.passwordPrompts).as("asked once per session").hasSize(2);

        // a wrong password is not kept for good: the run stops at the first rejection and asks again
        credentials.store(CredentialKey.forEnvironment("staging"), "mistyped".toCharArray());
        pools.invalidate("staging");
        dialogs.passwords.add(server.password());
        viewModel.runQuickCheck();
        assertThat(dialogs.passwordPrompts).hasSize(3);
        assertThat(dialogs.passwordPrompts.get(2)).startsWith("Password for staging: PostgreSQL rejected the stored password");
        assertThat(new String(credentials.read(CredentialKey.forEnvironment("staging")).orElseThrow())).isEqualTo(server.password());
        assertThat(viewModel.runningProperty().get()).isFalse();
    }

    @Test
    void anEnvironmentThatCannotBeReachedIsStillRecordedAsAnErrorSnapshotWithTheReason() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        new EnvironmentProfiles(home.config()).save(new EnvironmentProfile("down", "127.0.0.1", closedPort, "postgres", "postgres",
                SslMode.DISABLE, "", java.time.Duration.ofSeconds(5)));
        credentials.store(CredentialKey.forEnvironment("down"), "unused".toCharArray());
        useTheRealJournal();
        viewModel.start();
        viewModel.environmentProperty().set("down");

        viewModel.runQuickCheck();

        assertThat(viewModel.errorProperty().get()).isEqualTo("No query ran on down: Nothing accepted a connection on 127.0.0.1:" + closedPort
                + " (connection refused); check the host and port of environment down and that the server or pooler is running and reachable.");
        assertThat(viewModel.recordedProperty().get()).isEqualTo("Recorded to " + TestRollouts.ROLLOUT + " as journal record 2.");
        SnapshotTaken snapshot = (SnapshotTaken) journal.reader().entry(2).orElseThrow().entry();
        assertThat(snapshot.environment()).isEqualTo("down");
        assertThat(snapshot.verdicts()).anySatisfy(verdict -> {
            assertThat(verdict.subject()).isEqualTo("query set");
            assertThat(verdict.outcome()).isEqualTo("ERROR");
            assertThat(String.join(" ", verdict.reasons())).contains("quick_health_check").contains("(connection refused)");
        });
        assertThat(viewModel.results()).anySatisfy(result -> assertThat(result.error()).contains("127.0.0.1"));

        presentation.toggle();

        assertThat(viewModel.errorProperty().get()).as("while presenting").contains("[ip]").doesNotContain("127.0.0.1", "" + closedPort);
        assertThat(viewModel.summaryProperty().get()).startsWith("Quick suite on down at ");
        assertThat(viewModel.results()).isNotEmpty().allSatisfy(result -> assertThat(result.error()).doesNotContain("127.0.0.1"));
        presentation.toggle();
        assertThat(viewModel.results()).anySatisfy(result -> assertThat(result.error()).contains("127.0.0.1"));
    }

    @Test
    void aRunOnATableWithoutACreatedAtIndexShowsTheAdviceWholeWhilePresentingUntilTheIndexExists() throws Exception {
        assertThat(viewModel.indexAdviceProperty().get()).isEmpty();
        String statement = "CREATE INDEX CONCURRENTLY observability_events_created_at_idx ON observability_events (created_at);";

        viewModel.runFullSuite();

        String advice = viewModel.indexAdviceProperty().get();
        assertThat(advice).isEqualTo("Index advice: 3 queries read all of observability_events; an index on created_at would help:");
        assertThat(viewModel.indexAdviceDetailProperty().get()).isEqualTo("observability_events has no valid index led by created_at, so"
                + " legacy_auto_assign_activity, baseline_top_events and metric_legacy_activity read the whole table; an index on"
                + " created_at would help (the app never creates it, ask your DBA to run the statement).");
        assertThat(viewModel.indexStatementProperty().get()).isEqualTo(statement);
        viewModel.copyIndexStatement();
        assertThat(dialogs.copied).containsExactly(statement);
        assertThat(indexNames()).as("nothing was created").doesNotContain("observability_events_created_at_idx");

        presentation.learn(List.of("localhost", postgres.databaseName(), "postgres", String.valueOf(postgres.port())));
        presentation.toggle();
        try {
            assertThat(viewModel.indexAdviceProperty().get()).as("presenting").isEqualTo(advice);
            assertThat(viewModel.indexAdviceDetailProperty().get()).as("presenting").contains("legacy_auto_assign_activity, baseline_top_events");
            assertThat(viewModel.indexStatementProperty().get()).as("presenting").isEqualTo(statement);
        } finally {
            presentation.toggle();
        }

        try (java.sql.Connection connection = postgres.dataSource().getConnection(); java.sql.Statement sql = connection.createStatement()) {
            sql.execute(statement);
        }
        try {
            viewModel.runQuickCheck();
            assertThat(viewModel.summaryProperty().get()).startsWith("Quick suite on demo at ");
            assertThat(viewModel.indexAdviceProperty().get()).as("the index exists now").isEmpty();
            assertThat(viewModel.indexAdviceDetailProperty().get()).isEmpty();
            assertThat(viewModel.indexStatementProperty().get()).isEmpty();
        } finally {
            try (java.sql.Connection connection = postgres.dataSource().getConnection(); java.sql.Statement sql = connection.createStatement()) {
                sql.execute("DROP INDEX observability_events_created_at_idx"); // the class's tests share the table
            }
        }
    }

    private List<String> indexNames() throws java.sql.SQLException {
        try (java.sql.Connection connection = postgres.dataSource().getConnection(); java.sql.Statement sql = connection.createStatement();
             java.sql.ResultSet rows = sql.executeQuery("SELECT indexrelid::regclass::text FROM pg_index"
                     + " WHERE indrelid = 'observability_events'::regclass")) {
            List<String> names = new ArrayList<>();
            while (rows.next()) {
                names.add(rows.getString(1));
            }
            return names;
        }
    }

    @Test
    void choosingAnotherRolloutInTheHeaderChangesWhereTheNextRunIsRecorded() {
        TestRollouts.create(journal, home, "SEARCH_V3");
        currentRollout.refresh();
        assertThat(currentRollout.names()).containsExactly(TestRollouts.ROLLOUT, "SEARCH_V3");

        currentRollout.currentProperty().set("SEARCH_V3");
        viewModel.runQuickCheck();
        currentRollout.currentProperty().set(TestRollouts.ROLLOUT);
        viewModel.runQuickCheck();

        assertThat(viewModel.recordedProperty().get()).isEqualTo("Recorded to " + TestRollouts.ROLLOUT + " as journal record 4.");
        assertThat(((SnapshotTaken) journal.reader().entry(3).orElseThrow().entry()).rollout()).isEqualTo("SEARCH_V3");
        assertThat(((SnapshotTaken) journal.reader().entry(4).orElseThrow().entry()).rollout()).isEqualTo(TestRollouts.ROLLOUT);
    }

    @Test
    void withNoRolloutTheResultsAreShownAndRecordingIsRefusedInOneSentence() throws Exception {
        journal.close();
        home = new AppHome(tempDir.resolve("no-rollout")).ensureExists();
        journal = demoJournal(home);
        QueriesViewModel screen = viewModel(journal);
        screen.start();

        screen.runQuickCheck();

        assertThat(screen.results()).hasSize(5).allMatch(result -> !result.failed());
        assertThat(screen.recordedProperty().get()).isEmpty();
        assertThat(screen.errorProperty().get()).isEqualTo(CurrentRolloutModel.NONE_CURRENT);
        assertThat(journal.reader().count()).isZero();
        assertThat(screen.canRunBinding().get()).as("nothing else breaks").isTrue();
    }

    /** A real environment's runs are recorded among the user's own rollouts, as the window without --demo does. */
    private void useTheRealJournal() {
        journal.close();
        journal = new JournalAccess(home);
        TestRollouts.create(journal, home, TestRollouts.ROLLOUT);
        viewModel = viewModel(journal);
    }

    /** The screen runs on the demo database here, so it records into the demo's journal, as the demo window does. */
    private static JournalAccess demoJournal(AppHome home) {
        return new JournalAccess(home, Workspace.DEMO, JournalKeys.none("queries test: unsigned"));
    }

    @Test
    void aDemoRunInTheRealWindowIsShownButNeverRecordedAmongRealRollouts() {
        try (JournalAccess real = new JournalAccess(home)) {
            TestRollouts.create(real, home, TestRollouts.ROLLOUT);
            QueriesViewModel screen = viewModel(real);
            screen.start();

            screen.runQuickCheck();

            assertThat(screen.results()).hasSize(5).allMatch(result -> !result.failed());
            assertThat(screen.recordedProperty().get()).isEmpty();
            assertThat(screen.errorProperty().get()).isEqualTo("Not recorded in the journal: a run on the demo database is demo"
                    + " evidence, so it is kept out of your rollouts' journal; open the demo (--demo) to record it.");
            assertThat(real.reader().entries(com.rolloutcontrolroom.services.journal.JournalQuery.ofKinds(
                    com.rolloutcontrolroom.domain.journal.EntryKind.SNAPSHOT))).isEmpty();
        }
    }
}
