package com.rolloutcontrolroom.cli;

import com.rolloutcontrolroom.testsupport.MutableClock;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.rolloutcontrolroom.domain.gate.GateThresholds;
import com.rolloutcontrolroom.domain.journal.EntryKind;
import com.rolloutcontrolroom.domain.journal.StoredEntry;
import com.rolloutcontrolroom.domain.rollout.CheckpointKind;
import com.rolloutcontrolroom.domain.rollout.EnvironmentRole;
import com.rolloutcontrolroom.domain.rollout.FlagValue;
import com.rolloutcontrolroom.domain.rollout.PhaseGate;
import com.rolloutcontrolroom.domain.rollout.PhasePlan;
import com.rolloutcontrolroom.domain.rollout.PlanEnvironment;
import com.rolloutcontrolroom.domain.rollout.PlanTree;
import com.rolloutcontrolroom.domain.rollout.RolloutPlan;
import com.rolloutcontrolroom.domain.rollout.ScheduledCheckpoint;
import com.rolloutcontrolroom.services.credentials.SessionCredentialStore;
import com.rolloutcontrolroom.services.home.AppHome;
import com.rolloutcontrolroom.services.journal.JournalDatabase;
import com.rolloutcontrolroom.services.journal.JournalQuery;
import com.rolloutcontrolroom.services.journal.JournalReader;

import picocli.CommandLine;

/**
 * The CLI in-process on one data folder, as the jar runs it, with a clock the test moves (the gates
 * compare with it) and a keychain in memory. Plans are the seed's shape cut to four phases.
 */
final class RolloutCli {

    static final Instant T0 = Instant.parse("2026-12-05T07:00:00Z");

    private final Path folder;
    private final Path home;
    private final SessionCredentialStore keychain = new SessionCredentialStore("Test keychain in memory.");
    private final MutableClock clock = new MutableClock(T0);
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /** @param folder a temporary folder: the data folder is its {@code data}, plan files go beside it */
    RolloutCli(Path folder) {
        this.folder = folder;
        this.home = folder.resolve("data");
    }

    int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        CommandLine cli = ControlRoomCli.create(new AppHome(home), () -> { }, keychain, new ByteArrayInputStream(new byte[0]), clock);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    String out() {
        return out.toString();
    }

    String err() {
        return err.toString();
    }

    /** The data folder's journal, signed with this CLI's keychain, for records no command writes (a scheduler's snapshot). */
    com.rolloutcontrolroom.services.journal.JournalAccess journal() {
        return new com.rolloutcontrolroom.services.journal.JournalAccess(new AppHome(home),
                new com.rolloutcontrolroom.services.journal.KeychainJournalKeys(keychain));
    }

    Instant now() {
        return clock.instant();
    }

    void advance(Duration by) {
        clock.advance(by);
    }

    /** Writes the four-phase plan for {@code rollout} and creates it with {@code rollout new}. */
    void create(String rollout) throws IOException {
        Path file = writePlan(plan(rollout), rollout + ".json");
        if (run("rollout", "new", rollout, "--plan", file.toString()) != 0) {
            throw new AssertionError("rollout new " + rollout + " failed: " + err());
        }
    }

    Path writePlan(RolloutPlan plan, String fileName) throws IOException {
        Path file = folder.resolve(fileName);
        Files.writeString(file, new ObjectMapper().writeValueAsString(PlanTree.write(plan)));
        return file;
    }

    List<EntryKind> journalKinds(String rollout) {
        try (JournalDatabase database = JournalDatabase.openReadOnly(new AppHome(home))) {
            return new JournalReader(database).entries(JournalQuery.all().inRollout(rollout)).stream()
                    .map(StoredEntry::entry).map(e -> e.kind()).toList();
        }
    }

    static final List<String> PREPARATION = List.of("Runbook reviewed", "Baseline captured");
    static final List<String> SHADOW = List.of("CLI authenticated", "Team notified");
    static final List<String> FULL = List.of("Shadow phase verified", "Monitoring dashboard ready");

    static RolloutPlan plan(String rollout) {
        String shadowFlag = rollout + "_SHADOW";
        List<PlanEnvironment> environments = List.of(
                new PlanEnvironment(EnvironmentRole.STAGING, "demo", "preview", "vercel --target preview"),
                new PlanEnvironment(EnvironmentRole.PRODUCTION, "demo", "production", "vercel --prod"));
        PhasePlan preparation = new PhasePlan("Preparation", null, null, null, List.of(), PREPARATION, List.of(), List.of(),
                List.of(), List.of(), PhaseGate.CHECKLIST, true);
        PhasePlan shadow = new PhasePlan("Staging shadow", EnvironmentRole.STAGING, Duration.ofMinutes(30), null,
                List.of(new FlagValue(rollout, "false"), new FlagValue(shadowFlag, "true")), SHADOW, List.of(),
                List.of("Deployment successful"), List.of("Deployment URL and timestamp"),
                List.of(new ScheduledCheckpoint(Duration.ZERO, CheckpointKind.QUICK),
                        new ScheduledCheckpoint(Duration.ofMinutes(30), CheckpointKind.FINAL)),
                PhaseGate.DURATION, true);
        PhasePlan full = new PhasePlan("Staging full", EnvironmentRole.STAGING, Duration.ofHours(48), null,
                List.of(new FlagValue(rollout, "true"), new FlagValue(shadowFlag, "false")), FULL, List.of(), List.of(), List.of(),
                List.of(new ScheduledCheckpoint(Duration.ZERO, CheckpointKind.QUICK)),
                PhaseGate.metrics(Duration.ofHours(48), GateThresholds.RUNBOOK), false);
        PhasePlan production = new PhasePlan("Production shadow", EnvironmentRole.PRODUCTION, Duration.ofHours(24), null,
                List.of(new FlagValue(rollout, "false"), new FlagValue(shadowFlag, "true")), List.of("Staging signed off"),
                List.of(), List.of(), List.of(), List.of(), PhaseGate.DURATION, true);
        return new RolloutPlan(rollout, "A test rollout", List.of(rollout, shadowFlag), environments,
                List.of(preparation, shadow, full, production));
    }
}
