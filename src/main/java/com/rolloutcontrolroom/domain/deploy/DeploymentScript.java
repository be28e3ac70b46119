package com.rolloutcontrolroom.domain.deploy;

import java.util.ArrayList;
import java.util.List;

import com.rolloutcontrolroom.domain.rollout.FlagValue;
import com.rolloutcontrolroom.domain.rollout.PhasePlan;
import com.rolloutcontrolroom.domain.rollout.PlanEnvironment;
import com.rolloutcontrolroom.domain.rollout.RolloutPlan;

/**
 * The exact Vercel CLI commands of one reviewed action, in order: set each flag on the environment's
 * deploy target (value on standard input; overwritten as the installed CLI can), deploy, then read the
 * variables back. The same list is shown by the dry run, run by the adapter and journaled, so what was
 * reviewed is what runs.
 *
 * @param action      what the user asked for, in words ("Deploy Staging full", "Emergency rollback of production")
 * @param phase       the phase whose marker a successful deploy records; null for an emergency rollback
 * @param flags       the values the read-back must observe
 */
public record DeploymentScript(String action, String phase, PlanEnvironment environment, List<FlagValue> flags,
                               CliVersion version, List<CliCommand> commands) {

    /** The value an emergency rollback gives the rollout's flag: the seeds' "Disable V3 immediately". */
    public static final String OFF = "false";

    public DeploymentScript {
        flags = List.copyOf(flags);
        commands = List.copyOf(commands);
    }

    /** Setting the phase's flags on its environment and deploying it. */
    public static DeploymentScript forPhase(RolloutPlan plan, PhasePlan phase, CliVersion version) {
        PlanEnvironment environment = plan.environment(phase.environment()).orElseThrow(() -> new DeployPlanException(
                phase.name() + " deploys nothing (it names no environment); start it with phase start."));
        if (phase.flags().isEmpty()) {
            throw new DeployPlanException(phase.name() + " sets no flags; start it with phase start.");
        }
        return build("Deploy " + phase.name(), phase.name(), environment, phase.flags(), version);
    }

    /** Turning the rollout's flag off on one environment and deploying it, as the seeds' emergency rollback does. */
    public static DeploymentScript emergencyRollback(RolloutPlan plan, PlanEnvironment environment, CliVersion version) {
        return build("Emergency rollback of " + environment.role().label(), null, environment,
                List.of(new FlagValue(rolloutFlag(plan), OFF)), version);
    }

    /** The flag a rollback turns off: the one the rollout is named after, else the plan's first. */
    public static String rolloutFlag(RolloutPlan plan) {
        return plan.flags().contains(plan.rollout()) ? plan.rollout() : plan.flags().get(0);
    }

    private static DeploymentScript build(String action, String phase, PlanEnvironment environment, List<FlagValue> flags,
                                          CliVersion version) {
        String target = environment.deployTarget();
        List<CliCommand> commands = new ArrayList<>();
        for (FlagValue flag : flags) {
            if (!version.overwritesWithForce()) {
                commands.add(new CliCommand(CliCommand.Step.REMOVE_FLAG, List.of("env", "rm", flag.flag(), target, "--yes"),
                        null, flag.flag()));
            }
            List<String> add = new ArrayList<>(List.of("env", "add", flag.flag(), target));
            if (version.overwritesWithForce()) {
                add.add("--force");
            }
            if (version.addsSensitiveByDefault()) {
                add.add("--no-sensitive");
            }
            if (version.addTakesYes()) {
                add.add("--yes");
            }
            commands.add(new CliCommand(CliCommand.Step.SET_FLAG, add, flag.value(), flag.flag()));
        }
        commands.add(new CliCommand(CliCommand.Step.DEPLOY, DeployWords.of(environment), null, null));
        commands.add(new CliCommand(CliCommand.Step.READ_BACK,
                List.of("env", "pull", CliCommand.READ_BACK_FILE, "--environment", target), null, null));
        return new DeploymentScript(action, phase, environment, flags, version, commands);
    }

    /** The dry run: every command as a shell line, ready to copy. */
    public List<String> shownLines() {
        return commands.stream().map(CliCommand::shown).toList();
    }
}
