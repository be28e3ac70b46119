package com.rolloutcontrolroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.rolloutcontrolroom.domain.journal.EntryKind;
import com.rolloutcontrolroom.domain.rollout.RolloutState;
import com.rolloutcontrolroom.services.credentials.SessionCredentialStore;
import com.rolloutcontrolroom.services.demo.DemoHistory;
import com.rolloutcontrolroom.services.home.AppHome;
import com.rolloutcontrolroom.testsupport.TestRollouts;
import com.rolloutcontrolroom.services.home.Workspace;
import com.rolloutcontrolroom.services.journal.JournalAccess;
import com.rolloutcontrolroom.services.journal.JournalQuery;
import com.rolloutcontrolroom.services.journal.KeychainJournalKeys;
import com.rolloutcontrolroom.services.operator.OperatorIdentity;
import com.rolloutcontrolroom.services.rollout.Rollouts;
import com.rolloutcontrolroom.testsupport.EmbeddedPostgresExtension;
import com.rolloutcontrolroom.testsupport.ObservabilityFixture;

import picocli.CommandLine;

/** {@code run --env demo} records into the demo's own journal, a run on a real environment into the real one: never across. */
class DemoJournalApartTest {

    @RegisterExtension
    static final EmbeddedPostgresExtension postgres = new EmbeddedPostgresExtension();

    @TempDir
    Path folder;

    private final SessionCredentialStore keychain = new SessionCredentialStore("Test.");
    private final StringWriter err = new StringWriter();

    @Test
    void aDemoRunOnAFreshFolderFindsTheDemoRolloutUnderWayAndWritesNothingToTheRealJournal() {
        AppHome home = new AppHome(folder).ensureExists();
        assertThat(cli(home).execute("run", "--env", "demo", "--no-verdict-exit")).as(err.toString()).isZero();

        assertThat(home.journal()).as("the real journal was never made").doesNotExist();
        try (JournalAccess demo = new JournalAccess(home, Workspace.DEMO, new KeychainJournalKeys(keychain))) {
            RolloutState state = new Rollouts(demo, OperatorIdentity.forCurrentUser(home), Clock.systemUTC())
                    .require(DemoHistory.ROLLOUT);
            assertThat(state.currentPhaseName()).isEqualTo("Staging full");
            Duration sinceFull = Duration.between(state.current().orElseThrow().startedAt(), Instant.now());
            assertThat(sinceFull).as("as the demo database's traffic has it").isBetween(Duration.ofHours(29), Duration.ofHours(31));
            assertThat(demo.reader().entries(JournalQuery.ofKinds(EntryKind.SNAPSHOT))).hasSize(1);
        }
    }

    @Test
    void aRunOnARealEnvironmentWritesNothingToTheDemoJournal() throws Exception {
        AppHome home = new AppHome(folder).ensureExists();
        new ObservabilityFixture(postgres.dataSource()).coordinator("coordinator.start", null, 5);
        assertThat(cli(home).execute("env", "add", "staging", "--url",
                "postgresql://postgres@localhost:" + postgres.port() + "/" + postgres.databaseName())).isZero();
        TestRollouts.create(home, keychain, TestRollouts.ROLLOUT);
        assertThat(cli(home).execute("run", "--env", "staging", "--no-verdict-exit")).as(err.toString()).isZero();

        assertThat(Workspace.DEMO.journal(home)).as("the demo journal was never made").doesNotExist();
        try (JournalAccess real = new JournalAccess(home, new KeychainJournalKeys(keychain))) {
            assertThat(real.reader().entries(JournalQuery.ofKinds(EntryKind.SNAPSHOT))).hasSize(1);
            assertThat(real.reader().entries(JournalQuery.ofKinds(EntryKind.ROLLOUT_CREATED))).as("no demo rollout")
                    .extracting(stored -> stored.entry().rollout()).containsExactly(TestRollouts.ROLLOUT);
        }
    }

    private CommandLine cli(AppHome home) {
        CommandLine cli = ControlRoomCli.create(home, () -> { }, keychain, new ByteArrayInputStream(new byte[0]));
        cli.setOut(new PrintWriter(new StringWriter(), true));
        cli.setErr(new PrintWriter(err, true));
        return cli;
    }
}
