package com.rolloutcontrolroom.domain.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeploymentStepsTest {

    private static final PlanEnvironment STAGING = new PlanEnvironment(EnvironmentRole.STAGING, "staging", "preview",
            "vercel --target preview");

    @Test
    void eachFlagIsSetOnTheTargetWithItsValueThenTheDeployCommandThenTheExtraStepsAsComments() {
        PhasePlan shadow = phase("Staging shadow", EnvironmentRole.STAGING,
                List.of(new FlagValue("FEATURE_X", "false"), new FlagValue("FEATURE_X_SHADOW", "true"),
                        new FlagValue("FEATURE_X_MAX_PARALLEL", "3")),
                List.of("IMMEDIATELY begin intensive monitoring"));
        RolloutPlan plan = plan(List.of("FEATURE_X", "FEATURE_X_SHADOW", "FEATURE_X_MAX_PARALLEL"), shadow);

        assertThat(DeploymentSteps.of(plan, shadow)).containsExactly(
                "printf '%s' false | vercel env add FEATURE_X preview --force --no-sensitive --yes",
                "printf '%s' true | vercel env add FEATURE_X_SHADOW preview --force --no-sensitive --yes",
                "printf '%s' 3 | vercel env add FEATURE_X_MAX_PARALLEL preview --force --no-sensitive --yes",
                "vercel --target preview",
                "# IMMEDIATELY begin intensive monitoring");
    }

    @Test
    void aValueWithASpaceAndASingleQuoteIsQuotedSoTheShellPassesItWhole() {
        PhasePlan phase = phase("Staging full", EnvironmentRole.STAGING,
                List.of(new FlagValue("FEATURE_X", "it's on")), List.of());
        RolloutPlan plan = plan(List.of("FEATURE_X"), phase);

        assertThat(DeploymentSteps.of(plan, phase).get(0))
                .isEqualTo("printf '%s' 'it'\\''s on' | vercel env add FEATURE_X preview --force --no-sensitive --yes");
    }

    @Test
    void aDeployTargetWithShellCharactersIsQuotedToo() {
        PlanEnvironment odd = new PlanEnvironment(EnvironmentRole.STAGING, "staging", "my preview;rm", "deploy now");
        PhasePlan phase = phase("Staging full", EnvironmentRole.STAGING, List.of(new FlagValue("FEATURE_X", "1")), List.of());
        RolloutPlan plan = new RolloutPlan("R", null, List.of("FEATURE_X"), List.of(odd), List.of(phase));

        assertThat(DeploymentSteps.of(plan, phase)).containsExactly(
                "printf '%s' 1 | vercel env add FEATURE_X 'my preview;rm' --force --no-sensitive --yes",
                "deploy now");
    }

    @Test
    void anExtraStepOfTwoLinesStaysTwoCommentsSoNeitherRuns() {
        PhasePlan phase = phase("Staging full", EnvironmentRole.STAGING, List.of(new FlagValue("FEATURE_X", "true")),
                List.of("watch the dashboard\nrm -rf build"));
        RolloutPlan plan = plan(List.of("FEATURE_X"), phase);

        assertThat(DeploymentSteps.of(plan, phase)).endsWith("# watch the dashboard", "# rm -rf build");
    }

    @Test
    void quotingLeavesPlainWordsAloneAndQuotesTheRest() {
        assertThat(ShellWord.quote("FEATURE_X.v2-a")).isEqualTo("FEATURE_X.v2-a");
        assertThat(ShellWord.quote("")).isEqualTo("''");
        assertThat(ShellWord.quote("$HOME")).isEqualTo("'$HOME'");
        assertThat(ShellWord.quote("a`b`")).isEqualTo("'a`b`'");
        assertThat(ShellWord.quote("'")).isEqualTo("''\\'''");
    }

    @Test
    void aPhaseThatDeploysNothingHasNoSteps() {
        PhasePlan preparation = new PhasePlan("Preparation", null, null, null, List.of(), List.of("Runbook read"), List.of(),
                List.of(), List.of(), List.of(), PhaseGate.CHECKLIST, true);
        PhasePlan full = phase("Staging full", EnvironmentRole.STAGING, List.of(new FlagValue("FEATURE_X", "true")), List.of());
        RolloutPlan plan = new RolloutPlan("R", null, List.of("FEATURE_X"), List.of(STAGING), List.of(preparation, full));

        assertThat(DeploymentSteps.of(plan, preparation)).isEmpty();
    }

    private static PhasePlan phase(String name, EnvironmentRole role, List<FlagValue> flags, List<String> extra) {
        return new PhasePlan(name, role, Duration.ofMinutes(30), null, flags, List.of(), extra, List.of(), List.of(),
                List.of(), PhaseGate.DURATION, false);
    }

    private static RolloutPlan plan(List<String> flags, PhasePlan phase) {
        return new RolloutPlan("R", null, flags, List.of(STAGING), List.of(phase));
    }
}
