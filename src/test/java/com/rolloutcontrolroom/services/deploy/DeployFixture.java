package com.rolloutcontrolroom.services.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.rolloutcontrolroom.domain.journal.DeployCommandRun;
import com.rolloutcontrolroom.domain.journal.EntryKind;
import com.rolloutcontrolroom.domain.journal.JournalEntry;
import com.rolloutcontrolroom.domain.journal.StoredEntry;
import com.rolloutcontrolroom.domain.rollout.GateKind;
import com.rolloutcontrolroom.domain.rollout.PhaseGate;
import com.rolloutcontrolroom.domain.rollout.PhasePlan;
import com.rolloutcontrolroom.domain.rollout.PhaseState;
import com.rolloutcontrolroom.domain.rollout.RolloutPlan;
import com.rolloutcontrolroom.domain.rollout.RolloutState;
import com.rolloutcontrolroom.services.credentials.CredentialKey;
import com.rolloutcontrolroom.services.credentials.SessionCredentialStore;
import com.rolloutcontrolroom.services.home.AppHome;
import com.rolloutcontrolroom.services.journal.JournalAccess;
import com.rolloutcontrolroom.services.journal.JournalQuery;
import com.rolloutcontrolroom.services.operator.OperatorIdentity;
import com.rolloutcontrolroom.services.rollout.BuiltInTemplate;
import com.rolloutcontrolroom.services.rollout.Rollouts;
import com.rolloutcontrolroom.services.settings.SettingsFile;
import com.rolloutcontrolroom.testsupport.FakeVercel;
import com.rolloutcontrolroom.testsupport.MutableClock;

/**
 * A data folder with the built-in plan's rollout, a fake Vercel CLI, a token in the (memory) keychain and
 * a clock the test moves. The metrics gates are duration gates here, so a test can walk every phase
 * without traffic; the flags, environments and commands are the built-in plan's.
 */
public final class DeployFixture implements AutoCloseable {

    public static final String ROLLOUT = "FEATURE_ASSIGNMENT_PIPELINE_V3";
    public static final Instant T0 = Instant.parse("2026-12-05T07:00:00Z");

    public final Path folder;
    public final AppHome home;
    public final JournalAccess journal;
    public final MutableClock clock = new MutableClock(T0);
    public final Rollouts rollouts;
    public final FakeVercel fake;
    public final SessionCredentialStore keychain = new SessionCredentialStore("Test keychain in memory.");
    public final DeploySettings settings;

    public DeployFixture(Path folder) throws Exception {
        this.folder = folder;
        home = new AppHome(Files.createDirectories(folder.resolve("data")));
        journal = new JournalAccess(home);
        SettingsFile file = new SettingsFile(home.root().resolve("settings.json"));
        rollouts = new Rollouts(journal, new OperatorIdentity("ana", file), clock);
        rollouts.create(walkablePlan());
        fake = new FakeVercel(folder.resolve("fake"));
        settings = new DeploySettings(file);
        settings.rememberProjectFolder(ROLLOUT, fake.project());
        keychain.store(CredentialKey.vercelToken(), FakeVercel.TOKEN.toCharArray());
    }

    public Deployments deployments() {
        return new Deployments(rollouts, settings, keychain, fake.setups(Duration.ofSeconds(20), Duration.ofSeconds(20)));
    }

    public Deployments deployments(Duration deployTimeout) {
        return new Deployments(rollouts, settings, keychain, fake.setups(Duration.ofSeconds(20), deployTimeout));
    }

    /** The built-in plan with each metrics gate replaced by a duration gate of the same window. */
    public static RolloutPlan walkablePlan() {
        RolloutPlan plan = BuiltInTemplate.plan(ROLLOUT, "staging", "production");
        List<PhasePlan> phases = plan.phases().stream().map(p -> p.gate().kind() != GateKind.METRICS ? p
                : new PhasePlan(p.name(), p.environment(), p.minimumDuration(), p.previousStableFor(), p.flags(), p.checklist(),
                        p.extraSteps(), p.verificationCriteria(), p.evidence(), List.of(), PhaseGate.DURATION, p.rollbackTarget()))
                .toList();
        return new RolloutPlan(plan.rollout(), plan.description(), plan.flags(), plan.environments(), phases);
    }

    /** Deploys phase after phase with the fake, each when its gate lets it, until {@code phase} is current. */
    public void walkTo(String phase) {
        while (!state().currentPhaseName().equalsIgnoreCase(phase)) {
            PhaseState current = state().current().orElseThrow();
            if (current.plan().minimumDuration() != null) {
                clock.advance(current.plan().minimumDuration().plusMinutes(1));
            }
            readyToPromote();
            RolloutState state = state();
            String confirm = state.plan().environmentOf(state.next().orElseThrow().plan());
            Deployments deployments = deployments();
            DeployOutcome outcome = deployments.run(deployments.reviewPhase(ROLLOUT, state.nextPhaseName()), confirm, null,
                    DeployListener.NONE, new Cancellation());
            if (!outcome.succeeded()) {
                throw new AssertionError(outcome.sentence());
            }
        }
    }

    public RolloutState state() {
        return rollouts.require(ROLLOUT);
    }

    /** Ticks the current phase's checklist and criteria when its gate needs them, and the next phase's checklist. */
    public void readyToPromote() {
        RolloutState state = state();
        PhaseState current = state.current().orElseThrow();
        if (current.plan().gate().kind() == GateKind.CHECKLIST) {
            for (String item : concat(current.plan().checklist(), current.plan().verificationCriteria())) {
                if (!state().phase(current.name()).orElseThrow().isTicked(item)) {
                    rollouts.tick(state(), current.name(), item, true);
                }
            }
        }
        state.next().ifPresent(next -> next.plan().checklist().forEach(item -> rollouts.tick(state(), next.name(), item, true)));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }

    public List<DeployCommandRun> commandRecords() {
        return entries().stream().map(StoredEntry::entry).filter(DeployCommandRun.class::isInstance)
                .map(DeployCommandRun.class::cast).toList();
    }

    public List<EntryKind> kinds() {
        return entries().stream().map(StoredEntry::entry).map(JournalEntry::kind).toList();
    }

    public List<StoredEntry> entries() {
        return journal.reader().entries(JournalQuery.all());
    }

    @Override
    public void close() {
        journal.close();
    }
}
