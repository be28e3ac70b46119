package com.rolloutcontrolroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.rolloutcontrolroom.domain.journal.DeployCommandRun;
import com.rolloutcontrolroom.domain.journal.StoredEntry;
import com.rolloutcontrolroom.domain.rollout.RolloutState;
import com.rolloutcontrolroom.services.credentials.CredentialKey;
import com.rolloutcontrolroom.services.credentials.SessionCredentialStore;
import com.rolloutcontrolroom.services.home.AppHome;
import com.rolloutcontrolroom.services.journal.JournalAccess;
import com.rolloutcontrolroom.services.journal.JournalQuery;
import com.rolloutcontrolroom.services.operator.OperatorIdentity;
import com.rolloutcontrolroom.services.rollout.BuiltInTemplate;
import com.rolloutcontrolroom.services.rollout.Rollouts;
import com.rolloutcontrolroom.testsupport.FakeVercel;

import picocli.CommandLine;

/** deploy and rollback from the command line, against the fake Vercel CLI: dry run, confirmation, streamed run. */
class DeployCommandTest {

    private static final String ROLLOUT = "FEATURE_ASSIGNMENT_PIPELINE_V3";

    @TempDir
    Path folder;

    private AppHome home;
    private FakeVercel fake;
    private final SessionCredentialStore keychain = new SessionCredentialStore("Test keychain in memory.");
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void setUp() throws Exception {
        home = new AppHome(folder.resolve("data"));
        fake = new FakeVercel(folder.resolve("fake"));
        keychain.store(CredentialKey.vercelToken(), FakeVercel.TOKEN.toCharArray());
        try (JournalAccess journal = new JournalAccess(home)) {
            Rollouts rollouts = new Rollouts(journal, OperatorIdentity.forCurrentUser(home), Clock.systemUTC());
            RolloutState state = rollouts.create(BuiltInTemplate.plan(ROLLOUT, "staging", "production"));
            for (String item : state.plan().phases().get(0).checklist()) {
                state = rollouts.tick(state, "Preparation", item, true);
            }
            for (String item : state.plan().phases().get(1).checklist()) {
                state = rollouts.tick(state, "Staging shadow", item, true);
            }
        }
    }

    private int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        CommandLine cli = ControlRoomCli.create(home, () -> { }, keychain, new ByteArrayInputStream(new byte[0]), Clock.systemUTC(),
                fake.setups());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void theDryRunPrintsCopyableCommandsAndRunsNothingButTheVersion() {
        assertThat(run("deploy", "--phase", "Staging shadow", "--dry-run", "--project", fake.project().toString()))
                .as(err.toString()).isZero();
        assertThat(out.toString().lines()).containsSequence(
                "cd " + fake.project(),
                "printf '%s' false | vercel env add FEATURE_ASSIGNMENT_PIPELINE_V3 preview --force --no-sensitive --yes",
                "printf '%s' true | vercel env add FEATURE_ASSIGNMENT_PIPELINE_V3_SHADOW preview --force --no-sensitive --yes",
                "printf '%s' 3 | vercel env add FEATURE_ASSIGNMENT_PIPELINE_V3_MAX_PARALLEL preview --force --no-sensitive --yes",
                "vercel --target preview --yes",
                "vercel env pull \"$(mktemp -d)/flags.env\" --environment preview");
        assertThat(out.toString()).contains("# project folder for " + ROLLOUT + ": " + fake.project() + " (remembered)");
        assertThat(fake.lines()).containsExactly("--version");

        assertThat(run("deploy", "--phase", "Staging shadow")).isEqualTo(2);
        assertThat(err.toString().strip()).isEqualTo("control-room: Nothing was run; to run these commands add --confirm staging"
                + " (or --dry-run to only print them).");
        assertThat(run("deploy", "--phase", "Staging shadow", "--confirm", "production")).isEqualTo(1);
        assertThat(err.toString().strip()).isEqualTo("control-room: Type the environment's name, staging, to confirm; nothing was run.");
        assertThat(fake.lines()).containsOnly("--version");
        assertThat(deployRecords()).isEmpty();
    }

    @Test
    void aConfirmedDeployStreamsEachCommandRecordsTheMarkerAndNeverPrintsTheToken() {
        fake.mode("echo-token");
        assertThat(run("deploy", "--phase", "Staging shadow", "--confirm", "staging", "--project", fake.project().toString()))
                .as(err.toString()).isZero();
        String printed = out.toString();
        // standard output and error are read apart, so only the lines, not their interleaving, are fixed
        assertThat(printed).contains("$ printf '%s' false | vercel env add FEATURE_ASSIGNMENT_PIPELINE_V3 preview --force"
                        + " --no-sensitive --yes\n", "  Using token [secret] for this run\n",
                "  Read back FEATURE_ASSIGNMENT_PIPELINE_V3_MAX_PARALLEL=3 (plan: 3)\n  -> ok\n")
                .containsPattern("Staging shadow is deployed at https://fake-project-\\d+\\.vercel\\.app; its deployment marker is recorded.");
        assertThat(printed + err).doesNotContain(FakeVercel.TOKEN);
        assertThat(deployRecords()).hasSize(6);

        assertThat(run("status")).isZero();
        assertThat(out.toString()).contains("Current phase: Staging shadow");

        fake.mode(null);
        assertThat(run("rollback", "--env", "staging", "--confirm", "staging")).isEqualTo(1);
        assertThat(err.toString()).contains("An emergency rollback needs a reason");
        assertThat(run("rollback", "--env", "staging", "--reason", "coordinator.error at T+0h", "--confirm", "staging"))
                .as(err.toString()).isZero();
        assertThat(out.toString()).contains("$ printf '%s' false | vercel env add FEATURE_ASSIGNMENT_PIPELINE_V3 preview --force",
                "$ vercel --target preview --yes", "the rollout is back in Preparation.");
        assertThat(run("status")).isZero();
        assertThat(out.toString()).contains("Current phase: Preparation");
    }

    private List<DeployCommandRun> deployRecords() {
        try (JournalAccess journal = new JournalAccess(home)) {
            return journal.reader().entries(JournalQuery.all()).stream().map(StoredEntry::entry)
                    .filter(DeployCommandRun.class::isInstance).map(DeployCommandRun.class::cast).toList();
        }
    }

    @Test
    void theTokenIsSetFromStandardInputAndNeverShown() {
        SessionCredentialStore empty = new SessionCredentialStore("Test keychain in memory.");
        CommandLine cli = ControlRoomCli.create(home, () -> { }, empty,
                new ByteArrayInputStream((FakeVercel.TOKEN + "\n").getBytes(StandardCharsets.UTF_8)), Clock.systemUTC(), fake.setups());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        assertThat(cli.execute("deploy-token", "set")).isZero();
        assertThat(cli.execute("deploy-token", "status")).isZero();
        assertThat(out.toString()).contains("A Vercel token is stored in the OS keychain").doesNotContain(FakeVercel.TOKEN);
        assertThat(new String(empty.read(CredentialKey.vercelToken()).orElseThrow())).isEqualTo(FakeVercel.TOKEN);
    }
}
