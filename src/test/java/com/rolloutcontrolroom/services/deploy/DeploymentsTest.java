package com.rolloutcontrolroom.services.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.rolloutcontrolroom.domain.journal.DeployCommandRun;
import com.rolloutcontrolroom.domain.journal.EntryKind;
import com.rolloutcontrolroom.domain.journal.RollbackPerformed;
import com.rolloutcontrolroom.domain.rollout.FlagValue;
import com.rolloutcontrolroom.domain.rollout.PhaseVisit;
import com.rolloutcontrolroom.domain.rollout.RolloutState;
import com.rolloutcontrolroom.services.journal.JournalExporter;
import com.rolloutcontrolroom.testsupport.FakeVercel;

/**
 * The deployment steps and the emergency rollback run against a fake Vercel CLI on the child's PATH: the
 * right commands in the right order with the right values for every phase of the built-in plan and for
 * rollback, markers and rollback rows recorded, and the token only ever in the child's environment.
 */
class DeploymentsTest {

    @TempDir
    Path folder;

    private DeployFixture fixture;
    private final List<LogRecord> logged = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void setUp() throws Exception {
        fixture = new DeployFixture(folder);
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        root.setLevel(Level.ALL);
        Logger.getLogger("com.rolloutcontrolroom").setLevel(Level.ALL);
    }

    @AfterEach
    void tearDown() {
        Logger.getLogger("").removeHandler(capture);
        fixture.close();
    }

    private DeployOutcome deploy(String phase, String confirm) {
        Deployments deployments = fixture.deployments();
        return deployments.run(deployments.reviewPhase(DeployFixture.ROLLOUT, phase), confirm, null, DeployListener.NONE,
                new Cancellation());
    }

    private static List<String> expectedDeploy(RolloutState state, String phase, String target, String deploy) {
        // the review asks the version for its dry run, the run again before it runs anything
        List<String> lines = new ArrayList<>(List.of("--version", "--version"));
        for (FlagValue flag : state.plan().phase(phase).orElseThrow().flags()) {
            lines.add("env add " + flag.flag() + " " + target + " --force --no-sensitive --yes");
        }
        lines.add(deploy);
        return lines;
    }

    @Test
    void everyPhaseOfTheBuiltInPlanSetsItsFlagsDeploysReadsBackAndRecordsItsMarkerAndARollbackGoesBack() throws Exception {
        String[][] walk = {
                {"Staging shadow", "staging", "preview", "--target preview --yes", "0"},
                {"Staging full", "staging", "preview", "--target preview --yes", "31"},
                {"Production shadow", "production", "production", "--prod --yes", String.valueOf(48 * 60 + 1)},
                {"Production full", "production", "production", "--prod --yes", String.valueOf(24 * 60 + 1)}};
        for (String[] step : walk) {
            fixture.clock.advance(Duration.ofMinutes(Long.parseLong(step[4])));
            fixture.readyToPromote();
            fixture.fake.clearCalls();
            DeployOutcome outcome = deploy(step[0], step[1]);
            assertThat(outcome.succeeded()).as(outcome.sentence()).isTrue();
            RolloutState state = fixture.state();
            assertThat(state.currentPhaseName()).isEqualTo(step[0]);
            List<FakeVercel.Call> calls = fixture.fake.calls();
            List<String> expected = expectedDeploy(state, step[0], step[2], step[3]);
            assertThat(calls.subList(0, calls.size() - 1)).extracting(FakeVercel.Call::line).as(step[0])
                    .containsExactlyElementsOf(expected);
            FakeVercel.Call pull = calls.get(calls.size() - 1);
            assertThat(pull.arguments()).hasSize(5).startsWith("env", "pull").endsWith("--environment", step[2]);
            assertThat(pull.arguments().get(2)).as("the read-back file is gone").satisfies(file ->
                    assertThat(Path.of(file)).doesNotExist().satisfies(p -> assertThat(p.getParent()).doesNotExist()));
            List<String> values = state.plan().phase(step[0]).orElseThrow().flags().stream().map(FlagValue::value).toList();
            assertThat(calls.subList(2, 5)).extracting(FakeVercel.Call::stdin).as("each value on standard input")
                    .containsExactlyElementsOf(values);
            assertThat(calls.get(0).environment()).as("the review's version check needs no token").doesNotContainKey("VERCEL_TOKEN");
            assertThat(calls.subList(1, calls.size())).allSatisfy(call ->
                    assertThat(call.environment()).containsEntry("VERCEL_TOKEN", FakeVercel.TOKEN));
            assertThat(calls).allSatisfy(call -> {
                assertThat(call.arguments()).noneMatch(arg -> arg.contains(FakeVercel.TOKEN) || values.contains(arg));
                assertThat(Path.of(call.environment().get("PWD"))).isEqualTo(fixture.fake.project());
            });
            PhaseVisit marker = state.visits().get(state.visits().size() - 1);
            assertThat(marker.deploymentUrl()).isEqualTo(outcome.deploymentUrl()).matches("https://fake-project-\\d+\\.vercel\\.app");
            assertThat(marker.marker()).isEqualTo(outcome.deployedAt());
            assertThat(marker.note()).isEqualTo("Deployed by the control room with Vercel CLI 58.10.0");
        }
        // the second phase of each environment overwrote the first's values
        assertThat(fixture.fake.variables()).containsExactlyInAnyOrder(
                "FEATURE_ASSIGNMENT_PIPELINE_V3:preview=true", "FEATURE_ASSIGNMENT_PIPELINE_V3_SHADOW:preview=false",
                "FEATURE_ASSIGNMENT_PIPELINE_V3_MAX_PARALLEL:preview=3",
                "FEATURE_ASSIGNMENT_PIPELINE_V3:production=true", "FEATURE_ASSIGNMENT_PIPELINE_V3_SHADOW:production=false",
                "FEATURE_ASSIGNMENT_PIPELINE_V3_MAX_PARALLEL:production=3");
        assertThat(fixture.commandRecords()).hasSize(4 * 6).allSatisfy(run -> {
            assertThat(run.succeeded()).isTrue();
            assertThat(run.project()).isEqualTo(FakeVercel.PROJECT_ID);
            assertThat(run.exitCode()).isZero();
        });

        fixture.fake.clearCalls();
        Deployments deployments = fixture.deployments();
        DeployReview review = deployments.reviewRollback(DeployFixture.ROLLOUT, "production");
        DeployOutcome rolledBack = deployments.run(review, "production", "coordinator.error sustained at T+12h",
                DeployListener.NONE, new Cancellation());
        assertThat(rolledBack.succeeded()).as(rolledBack.sentence()).isTrue();
        assertThat(fixture.fake.lines().subList(0, 4)).containsExactly("--version", "--version",
                "env add FEATURE_ASSIGNMENT_PIPELINE_V3 production --force --no-sensitive --yes", "--prod --yes");
        assertThat(fixture.fake.calls().get(2).stdin()).isEqualTo("false");
        RolloutState after = fixture.state();
        assertThat(after.currentPhaseName()).isEqualTo("Production shadow");
        RollbackPerformed row = after.rollbacks().get(0).entry();
        assertThat(row.environment()).isEqualTo("production");
        assertThat(row.reason()).isEqualTo("coordinator.error sustained at T+12h");
        assertThat(row.actionsTaken()).startsWith("printf '%s' false | vercel env add FEATURE_ASSIGNMENT_PIPELINE_V3 production");
        assertThat(row.outcome()).isEqualTo("FEATURE_ASSIGNMENT_PIPELINE_V3 reads back false on production; deployed "
                + rolledBack.deploymentUrl() + "; rollout moved back to Production shadow");
        assertThat(fixture.fake.variables()).contains("FEATURE_ASSIGNMENT_PIPELINE_V3:production=false");

        assertTokenNowhere();
    }

    /** Not in the journal's bytes, its export, the log, or any journaled output. */
    private void assertTokenNowhere() throws Exception {
        fixture.journal.close();
        byte[] journalBytes = Files.readAllBytes(fixture.home.journal());
        assertThat(new String(journalBytes, StandardCharsets.ISO_8859_1)).doesNotContain(FakeVercel.TOKEN).doesNotContain("7f3a9c");
        java.io.StringWriter export = new java.io.StringWriter();
        try (var journal = new com.rolloutcontrolroom.services.journal.JournalAccess(fixture.home)) {
            long records = new JournalExporter(journal.database()).exportJsonl(export, journal.check());
            assertThat(records).isGreaterThan(24);
        }
        assertThat(export.toString()).contains("DEPLOY_COMMAND_RUN").doesNotContain(FakeVercel.TOKEN);
        assertThat(logged).isNotEmpty().allSatisfy(record -> {
            String text = new java.util.logging.SimpleFormatter().format(record);
            assertThat(text).doesNotContain(FakeVercel.TOKEN);
        });
    }

    @Test
    void anExistingVariableIsOverwrittenWithForceAndAnOldCliRemovesItFirst() {
        fixture.fake.existing("FEATURE_ASSIGNMENT_PIPELINE_V3:preview=true", "FEATURE_ASSIGNMENT_PIPELINE_V3_SHADOW:preview=false");
        fixture.readyToPromote();
        fixture.fake.version("33.7.1");
        DeployOutcome outcome = deploy("Staging shadow", "staging");
        assertThat(outcome.succeeded()).as(outcome.sentence()).isTrue();
        assertThat(fixture.fake.lines()).containsExactly("--version", "--version",
                "env rm FEATURE_ASSIGNMENT_PIPELINE_V3 preview --yes",
                "env add FEATURE_ASSIGNMENT_PIPELINE_V3 preview",
                "env rm FEATURE_ASSIGNMENT_PIPELINE_V3_SHADOW preview --yes",
                "env add FEATURE_ASSIGNMENT_PIPELINE_V3_SHADOW preview",
                "env rm FEATURE_ASSIGNMENT_PIPELINE_V3_MAX_PARALLEL preview --yes",
                "env add FEATURE_ASSIGNMENT_PIPELINE_V3_MAX_PARALLEL preview",
                "--target preview --yes",
                fixture.fake.lines().get(9));
        assertThat(fixture.fake.variables()).containsExactlyInAnyOrder("FEATURE_ASSIGNMENT_PIPELINE_V3:preview=false",
                "FEATURE_ASSIGNMENT_PIPELINE_V3_SHADOW:preview=true", "FEATURE_ASSIGNMENT_PIPELINE_V3_MAX_PARALLEL:preview=3");
        // the third variable did not exist: its removal said so, and that is no failure
        DeployCommandRun missing = fixture.commandRecords().get(5);
        assertThat(missing.command()).isEqualTo("vercel env rm FEATURE_ASSIGNMENT_PIPELINE_V3_MAX_PARALLEL preview --yes");
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.output()).contains("Environment Variable was not found.");
        assertThat(missing.succeeded()).isTrue();
    }

    @Test
    void aNewCliOverwritesAnExistingVariableWithForceOnly() {
        fixture.fake.existing("FEATURE_ASSIGNMENT_PIPELINE_V3:preview=true");
        fixture.readyToPromote();
        assertThat(deploy("Staging shadow", "staging").succeeded()).isTrue();
        assertThat(fixture.fake.lines().get(2)).isEqualTo("env add FEATURE_ASSIGNMENT_PIPELINE_V3 preview --force --no-sensitive --yes");
        assertThat(fixture.fake.variables()).contains("FEATURE_ASSIGNMENT_PIPELINE_V3:preview=false")
                .doesNotContain("FEATURE_ASSIGNMENT_PIPELINE_V3:preview=true");
    }

    @Test
    void eachFailureIsItsSentenceIsJournaledAndRecordsNoMarker() throws Exception {
        fixture.readyToPromote();
        Map<String, String> sentences = new java.util.LinkedHashMap<>();
        sentences.put("not-logged-in", "The Vercel CLI is not logged in: run `vercel login` in a terminal, or store a token with"
                + " control-room deploy-token set.");
        sentences.put("not-linked", "The project folder is not linked to a Vercel project: run `vercel link` in it, or choose"
                + " the folder that is linked.");
        sentences.put("network", "The Vercel CLI could not reach Vercel (network error); check your connection or proxy, then"
                + " run the steps again.");
        sentences.put("exit1", "`vercel --target preview --yes` failed with exit code 1 (Error: Command \"npm run build\" exited"
                + " with 1); fix what it says, then run the steps again.");
        sentences.put("mismatch", "The flags read back from Vercel differ from the plan (FEATURE_ASSIGNMENT_PIPELINE_V3 is not-false"
                + " (the plan says false); FEATURE_ASSIGNMENT_PIPELINE_V3_SHADOW is not-true (the plan says true);"
                + " FEATURE_ASSIGNMENT_PIPELINE_V3_MAX_PARALLEL is not-3 (the plan says 3)), so no marker was recorded; check the"
                + " project's variables in Vercel, then run the steps again.");
        for (Map.Entry<String, String> mode : sentences.entrySet()) {
            fixture.fake.mode(mode.getKey());
            int before = fixture.commandRecords().size();
            DeployOutcome outcome = deploy("Staging shadow", "staging");
            assertThat(outcome.sentence()).as(mode.getKey()).isEqualTo(mode.getValue());
            List<DeployCommandRun> journaled = fixture.commandRecords();
            assertThat(journaled.size()).as(mode.getKey()).isGreaterThan(before);
            assertThat(journaled.get(journaled.size() - 1).outcome()).isEqualTo(mode.getValue());
            assertThat(fixture.state().currentPhaseName()).isEqualTo("Preparation");
        }
        fixture.fake.mode(null);
        assertThat(fixture.kinds()).doesNotContain(EntryKind.PHASE_TRANSITION);
    }

    @Test
    void aHangIsStoppedAtTheTimeoutWithItsProcessTree() {
        fixture.readyToPromote();
        fixture.fake.mode("hang");
        Deployments deployments = fixture.deployments(Duration.ofSeconds(2));
        long started = System.nanoTime();
        DeployOutcome outcome = deployments.run(deployments.reviewPhase(DeployFixture.ROLLOUT, "Staging shadow"), "staging", null,
                DeployListener.NONE, new Cancellation());
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(15));
        assertThat(outcome.failure()).isEqualTo(DeployFailure.Kind.TIMEOUT);
        assertThat(outcome.sentence()).isEqualTo("`vercel --target preview --yes` gave no result within 2 s and was stopped;"
                + " check your network and the Vercel status page, then run it again.");
        DeployCommandRun last = fixture.commandRecords().get(fixture.commandRecords().size() - 1);
        assertThat(last.exitCode()).isNull();
        assertThat(last.outcome()).isEqualTo(outcome.sentence());
        assertThat(ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("").contains("sleep 600")
                && p.parent().flatMap(parent -> parent.info().commandLine()).orElse("").contains(fixture.fake.bin().toString())))
                .as("the fake's sleep died with it").isEmpty();
    }

    @Test
    void cancelStopsTheRunningCommandAndNothingAfterIt() throws Exception {
        fixture.readyToPromote();
        fixture.fake.mode("hang");
        Deployments deployments = fixture.deployments(Duration.ofMinutes(5));
        Cancellation cancellation = new Cancellation();
        DeployListener cancelAtDeploy = new DeployListener() {
            @Override
            public void commandStarted(String shown) {
                if (shown.startsWith("vercel --target")) {
                    new Thread(() -> {
                        sleep(500);
                        cancellation.cancel();
                    }).start();
                }
            }
        };
        long started = System.nanoTime();
        DeployOutcome outcome = deployments.run(deployments.reviewPhase(DeployFixture.ROLLOUT, "Staging shadow"), "staging", null,
                cancelAtDeploy, cancellation);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
        assertThat(outcome.failure()).isEqualTo(DeployFailure.Kind.CANCELLED);
        assertThat(fixture.fake.lines()).noneMatch(line -> line.startsWith("env pull"));
        assertThat(fixture.state().currentPhaseName()).isEqualTo("Preparation");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aMissingCliAndAnUnlinkedFolderAreSaidBeforeAnythingRuns() throws Exception {
        fixture.readyToPromote();
        fixture.settings.rememberCliPath(folder.resolve("nowhere/vercel").toString());
        DeployOutcome missing = deploy("Staging shadow", "staging");
        assertThat(missing.failure()).isEqualTo(DeployFailure.Kind.CLI_MISSING);
        assertThat(missing.sentence()).startsWith("The Vercel CLI is not installed (no ").endsWith("nowhere/vercel found): install"
                + " it with `npm i -g vercel` or set its path (Vercel CLI… in the deploy dialog, or control-room deploy --vercel PATH).");
        assertThat(fixture.commandRecords().get(0).command()).isEqualTo("vercel --version");
        assertThat(fixture.commandRecords().get(0).outcome()).isEqualTo(missing.sentence());
        fixture.settings.rememberCliPath(null);

        Files.delete(fixture.fake.project().resolve(".vercel/project.json"));
        DeployOutcome unlinked = deploy("Staging shadow", "staging");
        assertThat(unlinked.failure()).isEqualTo(DeployFailure.Kind.NOT_LINKED);
        DeployCommandRun notRun = fixture.commandRecords().get(fixture.commandRecords().size() - 1);
        assertThat(notRun.command()).isEqualTo("(not run) printf '%s' false | vercel env add FEATURE_ASSIGNMENT_PIPELINE_V3 preview"
                + " --force --no-sensitive --yes");
        assertThat(notRun.outcome()).isEqualTo(unlinked.sentence());
        assertThat(fixture.fake.calls()).as("only --version ran, in the review").allMatch(call -> call.line().equals("--version"));
    }

    @Test
    void aWrongConfirmationAGateThatBlocksAndARollbackWithoutAReasonRunNothing() {
        Deployments deployments = fixture.deployments();
        DeployReview blocked = deployments.reviewPhase(DeployFixture.ROLLOUT, "Staging shadow");
        assertThat(blocked.blocked()).startsWith("Promotion from Preparation to Staging shadow is refused");
        assertThatThrownBy(() -> deployments.run(blocked, "staging", null, DeployListener.NONE, new Cancellation()))
                .isInstanceOf(DeployFailure.class).hasMessage(blocked.blocked());
        fixture.readyToPromote();
        DeployReview review = deployments.reviewPhase(DeployFixture.ROLLOUT, "Staging shadow");
        assertThat(review.blocked()).isNull();
        assertThatThrownBy(() -> deployments.run(review, "production", null, DeployListener.NONE, new Cancellation()))
                .hasMessage("Type the environment's name, staging, to confirm; nothing was run.");
        DeployReview later = deployments.reviewPhase(DeployFixture.ROLLOUT, "Production full");
        assertThat(later.blocked()).isEqualTo("Only the next phase, Staging shadow, can be deployed now; the dry run of"
                + " Production full is there to copy.");
        DeployReview rollback = deployments.reviewRollback(DeployFixture.ROLLOUT, "staging");
        assertThatThrownBy(() -> deployments.run(rollback, "staging", " ", DeployListener.NONE, new Cancellation()))
                .hasMessage("An emergency rollback needs a reason; say what went wrong. Nothing was run.");
        assertThat(fixture.fake.lines()).containsOnly("--version");
        assertThat(fixture.commandRecords()).isEmpty();
    }

    @Test
    void aFailedRollbackIsLoggedAsFailedAndTheRolloutStays() {
        fixture.readyToPromote();
        assertThat(deploy("Staging shadow", "staging").succeeded()).isTrue();
        fixture.fake.mode("exit1");
        Deployments deployments = fixture.deployments();
        DeployOutcome outcome = deployments.run(deployments.reviewRollback(DeployFixture.ROLLOUT, "staging"), "staging",
                "errors at T+0h", DeployListener.NONE, new Cancellation());
        assertThat(outcome.succeeded()).isFalse();
        RolloutState state = fixture.state();
        assertThat(state.currentPhaseName()).isEqualTo("Staging shadow");
        RollbackPerformed row = state.rollbacks().get(0).entry();
        assertThat(row.outcome()).isEqualTo("Failed: " + outcome.sentence());
        assertThat(row.reason()).isEqualTo("errors at T+0h");
    }

    @Test
    void theTokenAPrintingCliShowsIsMaskedInTheStreamAndTheJournal() {
        fixture.readyToPromote();
        fixture.fake.mode("echo-token");
        List<String> streamed = new CopyOnWriteArrayList<>();
        Deployments deployments = fixture.deployments();
        DeployOutcome outcome = deployments.run(deployments.reviewPhase(DeployFixture.ROLLOUT, "Staging shadow"), "staging", null,
                new DeployListener() {
                    @Override
                    public void line(String line) {
                        streamed.add(line);
                    }
                }, new Cancellation());
        assertThat(outcome.succeeded()).as(outcome.sentence()).isTrue();
        assertThat(streamed).contains("Using token [secret] for this run").noneMatch(line -> line.contains(FakeVercel.TOKEN));
        assertThat(fixture.commandRecords()).allSatisfy(run -> assertThat(run.output()).doesNotContain(FakeVercel.TOKEN));
        assertThat(fixture.commandRecords().get(1).output()).contains("Using token [secret] for this run");
    }
}
