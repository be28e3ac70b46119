package com.rolloutcontrolroom.domain.rollout;

import java.util.ArrayList;
import java.util.List;

/**
 * The shell lines that deploy one phase, with the rollout's own flag names, values and deploy target:
 * the seed's "Deployment Steps" block made runnable. The seed writes the value as a comment after
 * {@code vercel env add}, which then prompts for it; piping it in makes the line do what it says.
 */
public final class DeploymentSteps {

    /**
     * Plan format 1 names each environment's deploy command but not the command that sets a flag;
     * this is the seed's.
     */
    static final String SET_FLAG = "vercel env add";

    private DeploymentSteps() {
    }

    /** Empty for a phase that deploys nothing (no environment). */
    public static List<String> of(RolloutPlan plan, PhasePlan phase) {
        PlanEnvironment environment = plan.environment(phase.environment()).orElse(null);
        if (environment == null) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        String target = ShellWord.quote(environment.deployTarget());
        for (FlagValue flag : phase.flags()) {
            lines.add("printf '%s\\n' " + ShellWord.quote(flag.value()) + " | " + SET_FLAG + " "
                    + ShellWord.quote(flag.flag()) + " " + target);
        }
        lines.add(environment.deployCommand());
        // every line of a step stays a comment: a step is a reminder, never something the shell runs
        phase.extraSteps().forEach(step -> step.lines().forEach(line -> lines.add("# " + line)));
        return List.copyOf(lines);
    }
}
