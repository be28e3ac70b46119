package com.rolloutcontrolroom.services.deploy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.rolloutcontrolroom.domain.deploy.CliVersion;
import com.rolloutcontrolroom.domain.deploy.DeploymentScript;
import com.rolloutcontrolroom.domain.rollout.DeploymentMarker;
import com.rolloutcontrolroom.domain.rollout.MoveRefused;
import com.rolloutcontrolroom.domain.rollout.PhasePlan;
import com.rolloutcontrolroom.domain.rollout.PlanEnvironment;
import com.rolloutcontrolroom.domain.rollout.PromotionCheck;
import com.rolloutcontrolroom.domain.rollout.RolloutMoves;
import com.rolloutcontrolroom.domain.rollout.RolloutState;
import com.rolloutcontrolroom.services.credentials.CredentialException;
import com.rolloutcontrolroom.services.credentials.CredentialKey;
import com.rolloutcontrolroom.services.credentials.CredentialStore;
import com.rolloutcontrolroom.services.deploy.DeployFailure.Kind;
import com.rolloutcontrolroom.services.rollout.Rollouts;

/**
 * A phase's deployment steps and the emergency rollback as reviewed actions, for the CLI and the GUI
 * alike: {@link #reviewPhase}/{@link #reviewRollback} give the dry run, {@link #run} runs it once the
 * environment's name is typed. A deploy that reads its flags back as planned records the phase's
 * deployment marker (the URL and time it printed) through the rollout's ordinary promotion; a rollback
 * records its row in the rollback log and moves the rollout back as the plan says. Every command is
 * journaled, failures too. Blocking: call off the FX thread.
 */
public final class Deployments {

    private static final Logger LOG = LoggerFactory.getLogger(Deployments.class);

    private final Rollouts rollouts;
    private final DeploySettings settings;
    private final CredentialStore credentials;
    private final Function<String, VercelCliSetup> setups;

    /** @param setups how the CLI named in Settings (null: {@code vercel} on the PATH) is started */
    public Deployments(Rollouts rollouts, DeploySettings settings, CredentialStore credentials,
                       Function<String, VercelCliSetup> setups) {
        this.rollouts = rollouts;
        this.settings = settings;
        this.credentials = credentials;
        this.setups = setups;
    }

    public Optional<Path> projectFolder(String rollout) {
        return settings.projectFolder(rollout);
    }

    public void chooseProjectFolder(String rollout, Path folder) {
        settings.rememberProjectFolder(rollout, folder);
    }

    public void chooseCli(String path) {
        settings.rememberCliPath(path);
    }

    /** The environments an emergency rollback can be run on: the plan's. */
    public List<PlanEnvironment> environments(String rollout) {
        return rollouts.require(rollout).plan().environments();
    }

    /** The dry run of the next phase's deployment steps. */
    public DeployReview reviewNext(String rollout) {
        RolloutState state = rollouts.require(rollout);
        if (state.next().isEmpty()) {
            throw new MoveRefused("There is no next phase to deploy: " + (state.isDone() ? "the rollout is done."
                    : state.currentPhaseName() + " is the last; finish it with phase start."));
        }
        return reviewPhase(rollout, state.nextPhaseName());
    }

    /** The dry run of a phase's deployment steps; blocked unless it is the next phase and promotion is allowed. */
    public DeployReview reviewPhase(String rollout, String phaseName) {
        RolloutState state = rollouts.require(rollout);
        PhasePlan phase = state.plan().phase(phaseName).orElseThrow(() -> new MoveRefused("The rollout has no phase '"
                + phaseName + "'; pick one of " + String.join(", ", state.plan().phases().stream().map(PhasePlan::name).toList()) + "."));
        Detected detected = detect(rollout);
        DeploymentScript script = DeploymentScript.forPhase(state.plan(), phase, detected.version());
        return new DeployReview(rollout, script, projectFolder(rollout).orElse(null), detected.note(), blocked(state, phase));
    }

    /** The dry run of an emergency rollback on {@code environment} (its name, or staging/production). */
    public DeployReview reviewRollback(String rollout, String environment) {
        RolloutState state = rollouts.require(rollout);
        PlanEnvironment chosen = environment(state, environment);
        Detected detected = detect(rollout);
        return new DeployReview(rollout, DeploymentScript.emergencyRollback(state.plan(), chosen, detected.version()),
                projectFolder(rollout).orElse(null), detected.note(), null);
    }

    /**
     * Runs a reviewed action: refused (nothing run) unless {@code confirmation} is the environment's name and,
     * for a rollback, a reason is given.
     */
    public DeployOutcome run(DeployReview review, String confirmation, String reason, DeployListener listener,
                             Cancellation cancellation) {
        if (confirmation == null || !confirmation.strip().equals(review.confirmWord())) {
            throw new DeployFailure(Kind.REFUSED, "Type the environment's name, " + review.confirmWord()
                    + ", to confirm; nothing was run.");
        }
        if (review.isRollback() && (reason == null || reason.isBlank())) {
            throw new DeployFailure(Kind.REFUSED, "An emergency rollback needs a reason; say what went wrong. Nothing was run.");
        }
        RolloutState state = rollouts.require(review.rollout());
        PlanEnvironment environment = review.script().environment();
        if (!review.isRollback()) {
            String blocked = blocked(state, state.plan().phase(review.script().phase()).orElseThrow());
            if (blocked != null) {
                throw new DeployFailure(Kind.REFUSED, blocked);
            }
        }
        DeployJournal journal = new DeployJournal(rollouts, review.rollout(), environment.environment(), review.script().action());
        Instant started = rollouts.now();
        String token = token();
        ScriptRun run = new ScriptRun(new VercelCli(setups.apply(settings.cliPath().orElse(null))), journal, listener, cancellation);
        DeploymentScript script = review.script();
        try {
            ProjectFolder folder = checkedFolder(review, journal);
            script = rebuilt(state, review, detectFor(folder, token, journal, listener));
            run.run(script, folder, token);
        } catch (DeployFailure failure) {
            return failed(review, script, started, reason, failure);
        }
        return review.isRollback() ? rolledBack(review, script, reason, run) : deployed(review, script, run);
    }

    private DeployOutcome deployed(DeployReview review, DeploymentScript script, ScriptRun run) {
        RolloutState state = rollouts.require(review.rollout());
        try {
            RolloutState after = rollouts.promote(state, new DeploymentMarker(run.deployedAt(), run.deploymentUrl(), null,
                    "Deployed by the control room with Vercel CLI " + script.version()));
            return new DeployOutcome(script.phase() + " is deployed at " + run.deploymentUrl() + "; its deployment marker is"
                    + " recorded.", null, run.deploymentUrl(), run.deployedAt(), after);
        } catch (MoveRefused refused) {
            return new DeployOutcome("The flags are live at " + run.deploymentUrl() + " but the marker was not recorded: "
                    + refused.getMessage() + " Record it with phase start --url.", Kind.REFUSED, run.deploymentUrl(),
                    run.deployedAt(), state);
        }
    }

    private DeployOutcome rolledBack(DeployReview review, DeploymentScript script, String reason, ScriptRun run) {
        RolloutState state = rollouts.require(review.rollout());
        String environment = script.environment().environment();
        String actions = String.join("; ", script.shownLines());
        String outcome = DeploymentScript.rolloutFlag(state.plan()) + " reads back " + DeploymentScript.OFF + " on "
                + environment + "; deployed " + run.deploymentUrl();
        Optional<String> target = RolloutMoves.latestRollbackTarget(state);
        boolean movesBack = target.isPresent() && state.currentIndex() > 0
                && RolloutMoves.deployedEnvironment(state).filter(environment::equals).isPresent();
        RolloutState after = movesBack
                ? rollouts.rollback(state, target.get(), run.deployedAt(), reason, actions, outcome + "; rollout moved back to "
                        + target.get())
                : rollouts.logRollback(state, environment, run.deployedAt(), reason, actions, outcome);
        return new DeployOutcome("The emergency rollback of " + environment + " is done (" + outcome + ")"
                + (movesBack ? "; the rollout is back in " + target.get() + "." : "."), null, run.deploymentUrl(),
                run.deployedAt(), after);
    }

    private DeployOutcome failed(DeployReview review, DeploymentScript script, Instant started, String reason,
                                 DeployFailure failure) {
        RolloutState state = rollouts.require(review.rollout());
        if (review.isRollback()) {
            state = rollouts.logRollback(state, script.environment().environment(), started, reason,
                    "Tried: " + String.join("; ", script.shownLines()), "Failed: " + failure.sentence());
        }
        return new DeployOutcome(failure.sentence(), failure.kind(), null, null, state);
    }

    private ProjectFolder checkedFolder(DeployReview review, DeployJournal journal) {
        try {
            return ProjectFolder.check(review.projectFolder());
        } catch (DeployFailure failure) {
            throw journal.notRun(review.script().commands().get(0).shown(), failure);
        }
    }

    private CliVersion detectFor(ProjectFolder folder, String token, DeployJournal journal, DeployListener listener) {
        Instant started = journal.now();
        VercelCli cli = new VercelCli(setups.apply(settings.cliPath().orElse(null)));
        listener.commandStarted("vercel --version");
        VercelCli.Run version = cli.version(folder.path(), token);
        String outcome = version.succeeded() ? com.rolloutcontrolroom.domain.journal.DeployCommandRun.OK
                : version.failure().sentence();
        version.result().lines().forEach(listener::line);
        journal.command(version.shown(), folder.projectId(), version.result().exitCode(),
                ScriptRun.output(version.result().lines()), started, outcome);
        listener.commandFinished(version.shown(), outcome);
        if (!version.succeeded()) {
            throw version.failure();
        }
        return VercelCli.versionOf(version);
    }

    private static DeploymentScript rebuilt(RolloutState state, DeployReview review, CliVersion version) {
        return review.isRollback()
                ? DeploymentScript.emergencyRollback(state.plan(), review.script().environment(), version)
                : DeploymentScript.forPhase(state.plan(), state.plan().phase(review.script().phase()).orElseThrow(), version);
    }

    private Detected detect(String rollout) {
        Path where = projectFolder(rollout).filter(java.nio.file.Files::isDirectory)
                .orElse(Path.of(System.getProperty("java.io.tmpdir")));
        VercelCli.Run run = new VercelCli(setups.apply(settings.cliPath().orElse(null))).version(where, null);
        return run.succeeded() ? new Detected(VercelCli.versionOf(run), null)
                : new Detected(CliVersion.ASSUMED, run.failure().sentence());
    }

    private String blocked(RolloutState state, PhasePlan phase) {
        if (!phase.name().equalsIgnoreCase(state.nextPhaseName())) {
            return "Only the next phase, " + state.nextPhaseName() + ", can be deployed now; the dry run of " + phase.name()
                    + " is there to copy.";
        }
        PromotionCheck check = PromotionCheck.of(state, rollouts.now());
        return check.allowed() ? null : check.refusal();
    }

    private static PlanEnvironment environment(RolloutState state, String name) {
        String wanted = name == null ? "" : name.strip();
        List<PlanEnvironment> all = state.plan().environments();
        Optional<PlanEnvironment> byRole = all.stream().filter(e -> e.role().label().equals(wanted.toLowerCase(Locale.ROOT))).findFirst();
        if (byRole.isPresent()) {
            return byRole.get();
        }
        List<PlanEnvironment> byName = all.stream().filter(e -> e.environment().equals(wanted)).toList();
        if (byName.size() == 1) {
            return byName.get(0);
        }
        String choices = String.join(", ", all.stream().map(e -> e.role().label()).toList());
        throw new MoveRefused(byName.isEmpty()
                ? "The rollout has no environment '" + wanted + "'; roll back one of " + choices + "."
                : "'" + wanted + "' is both of the rollout's environments; say " + choices + ".");
    }

    /** The token from the keychain, or null: without one the CLI uses its own login. */
    private String token() {
        try {
            Optional<char[]> secret = credentials.read(CredentialKey.vercelToken());
            if (secret.isEmpty()) {
                return null;
            }
            char[] chars = secret.get();
            String token = new String(chars).strip();
            Arrays.fill(chars, '\0');
            return token.isEmpty() ? null : token;
        } catch (CredentialException e) {
            LOG.info("No Vercel token read from the keychain ({}); the CLI uses its own login", e.getMessage());
            return null;
        }
    }

    private record Detected(CliVersion version, String note) {
    }
}
