package com.rolloutcontrolroom.domain.rollout;

import java.util.ArrayList;
import java.util.List;

/**
 * The shell lines that deploy one phase, with the rollout's own flag names, values and deploy target:
 * the seed's "Deployment Steps" block made runnable. The seed writes the value as a comment after
 * {@code vercel env add}, which then prompts for it, and refuses a variable an earlier phase set; piping it
 * in and overwriting makes the line do what it says.
 */
public final class DeploymentSteps {

    /**
     * Plan format 1 names each environment's deploy command but not the command that sets a flag;
     * this is the seed's.
     */
    static final String SET_FLAG = "vercel env add";
    /**
     * What a current Vercel CLI (52 and newer) needs to set a flag from a pipe: overwrite the value an earlier
     * phase set, keep it readable, ask nothing. The deploy dialog's dry run (domain.deploy) gives the exact
     * lines for the CLI actually installed, older ones included.
     */
    static final String SET_FLAG_OPTIONS = "--force --no-sensitive --yes";

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
            // no newline after the value: an older CLI keeps it as part of the value
            lines.add("printf '%s' " + ShellWord.quote(flag.value()) + " | " + SET_FLAG + " "
                    + ShellWord.quote(flag.flag()) + " " + target + " " + SET_FLAG_OPTIONS);
        }
        lines.add(environment.deployCommand());
        // every line of a step stays a comment: a step is a reminder, never something the shell runs
        phase.extraSteps().forEach(step -> step.lines().forEach(line -> lines.add("# " + line)));
        return List.copyOf(lines);
    }
}
