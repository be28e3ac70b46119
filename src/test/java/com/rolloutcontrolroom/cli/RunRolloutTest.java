package com.rolloutcontrolroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.rolloutcontrolroom.domain.journal.EntryKind;
import com.rolloutcontrolroom.domain.journal.SnapshotTaken;
import com.rolloutcontrolroom.domain.journal.StoredEntry;
import com.rolloutcontrolroom.domain.rollout.RolloutState;
import com.rolloutcontrolroom.services.credentials.SessionCredentialStore;
import com.rolloutcontrolroom.services.home.AppHome;
import com.rolloutcontrolroom.services.journal.JournalAccess;
import com.rolloutcontrolroom.services.journal.JournalQuery;
import com.rolloutcontrolroom.services.journal.KeychainJournalKeys;
import com.rolloutcontrolroom.services.operator.OperatorIdentity;
import com.rolloutcontrolroom.services.rollout.CurrentRollout;
import com.rolloutcontrolroom.services.rollout.Rollouts;
import com.rolloutcontrolroom.services.settings.SettingsFile;
import com.rolloutcontrolroom.testsupport.EmbeddedPostgresExtension;
import com.rolloutcontrolroom.testsupport.ObservabilityFixture;
import com.rolloutcontrolroom.testsupport.TestRollouts;

import picocli.CommandLine;

/** Which rollout {@code run} records to: {@code --rollout NAME}, else the current one, else it refuses and records nothing. */
class RunRolloutTest {

    @RegisterExtension
    static final EmbeddedPostgresExtension postgres = new EmbeddedPostgresExtension();

    @TempDir
    Path folder;

    private AppHome home;
    private final SessionCredentialStore credentials = new SessionCredentialStore("Test.");
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void addTheEnvironment() throws Exception {
        home = new AppHome(folder).ensureExists();
        ObservabilityFixture fixture = new ObservabilityFixture(postgres.dataSource());
        for (int i = 0; i < 30; i++) {
            fixture.coordinator("coordinator.start", null, 5 + i).coordinator("coordinator.confirmed", null, 5 + i);
        }
        assertThat(cli().execute("env", "add", "staging", "--url",
                "postgresql://postgres@localhost:" + postgres.port() + "/" + postgres.databaseName())).isZero();
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
    }

    @Test
    void withNoRolloutInTheDataFolderTheRunIsRefusedInOneSentenceAndNothingIsRecorded() {
        assertThat(cli().execute("run", "--env", "staging", "--json")).isEqualTo(1);

        assertThat(err.toString().lines().toList()).containsExactly(
                "control-room: There is no rollout in this data folder yet; create one with `rollout new NAME`.");
        assertThat(out.toString()).as("no query ran").isEmpty();
        assertThat(snapshots()).isEmpty();
    }

    @Test
    void withSeveralRolloutsAndNoneCurrentTheRunIsRefusedNamingThem() {
        TestRollouts.create(home, credentials, "CHECKOUT_V2", "SEARCH_V3");

        assertThat(cli().execute("run", "--env", "staging")).isEqualTo(1);

        assertThat(err.toString().lines().toList()).containsExactly("control-room: Several rollouts exist (CHECKOUT_V2, SEARCH_V3);"
                + " choose one with `rollout use NAME` or --rollout NAME.");
        assertThat(snapshots()).isEmpty();
    }

    @Test
    void aRolloutThatDoesNotExistIsRefusedAndNothingIsRecorded() {
        TestRollouts.create(home, credentials, "CHECKOUT_V2");

        assertThat(cli().execute("run", "--env", "staging", "--rollout", "CHECKOUT_V3")).isEqualTo(1);

        assertThat(err.toString().lines().toList()).containsExactly(
                "control-room: There is no rollout 'CHECKOUT_V3'; pick one of CHECKOUT_V2.");
        assertThat(snapshots()).isEmpty();
    }

    @Test
    void runRecordsToTheNamedRolloutAndTwoRolloutsStayApart() throws Exception {
        TestRollouts.create(home, credentials, "CHECKOUT_V2", "SEARCH_V3");

        assertThat(cli().execute("run", "--env", "staging", "--suite", "quick", "--rollout", "SEARCH_V3", "--json"))
                .as(err.toString()).isZero();
        long searchSnapshot = new ObjectMapper().readTree(out.toString()).at("/snapshot/journalId").asLong();
        out.getBuffer().setLength(0);
        assertThat(cli().execute("run", "--env", "staging", "--suite", "quick", "--rollout", "CHECKOUT_V2", "--json"))
                .as(err.toString()).isZero();
        long checkoutSnapshot = new ObjectMapper().readTree(out.toString()).at("/snapshot/journalId").asLong();

        assertThat(snapshots()).extracting(stored -> stored.id() + " " + ((SnapshotTaken) stored.entry()).rollout())
                .containsExactly(searchSnapshot + " SEARCH_V3", checkoutSnapshot + " CHECKOUT_V2");
        try (JournalAccess journal = journal()) {
            Rollouts rollouts = new Rollouts(journal, OperatorIdentity.forCurrentUser(home), Clock.systemUTC());
            assertThat(snapshotIds(rollouts.require("SEARCH_V3"))).containsExactly(searchSnapshot);
            assertThat(snapshotIds(rollouts.require("CHECKOUT_V2"))).containsExactly(checkoutSnapshot);
        }
    }

    @Test
    void withoutRolloutTheRunRecordsToTheCurrentOne() {
        TestRollouts.create(home, credentials, "CHECKOUT_V2", "SEARCH_V3");
        new CurrentRollout(new SettingsFile(folder.resolve("settings.json"))).remember("CHECKOUT_V2");

        assertThat(cli().execute("run", "--env", "staging", "--suite", "quick")).as(err.toString()).isZero();

        assertThat(snapshots()).extracting(stored -> ((SnapshotTaken) stored.entry()).rollout()).containsExactly("CHECKOUT_V2");
    }

    @Test
    void theOnlyRolloutIsCurrentWithoutBeingChosen() {
        TestRollouts.create(home, credentials, "CHECKOUT_V2");

        assertThat(cli().execute("run", "--env", "staging", "--suite", "quick")).as(err.toString()).isZero();

        assertThat(snapshots()).extracting(stored -> ((SnapshotTaken) stored.entry()).rollout()).containsExactly("CHECKOUT_V2");
    }

    private static List<Long> snapshotIds(RolloutState state) {
        return state.snapshots().stream().map(recorded -> recorded.id()).toList();
    }

    private List<StoredEntry> snapshots() {
        try (JournalAccess journal = journal()) {
            return journal.reader().entries(JournalQuery.ofKinds(EntryKind.SNAPSHOT));
        }
    }

    private JournalAccess journal() {
        return new JournalAccess(home, new KeychainJournalKeys(credentials));
    }

    private CommandLine cli() {
        CommandLine cli = ControlRoomCli.create(home, () -> { }, credentials, new ByteArrayInputStream(new byte[0]));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli;
    }
}
