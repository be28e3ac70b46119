package com.rolloutcontrolroom.domain.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.rolloutcontrolroom.domain.rollout.EnvironmentRole;
import com.rolloutcontrolroom.domain.rollout.FlagValue;
import com.rolloutcontrolroom.domain.rollout.PhasePlan;
import com.rolloutcontrolroom.domain.rollout.PlanEnvironment;
import com.rolloutcontrolroom.domain.rollout.RolloutPlan;
import com.rolloutcontrolroom.services.rollout.BuiltInTemplate;

/** The exact commands of every phase of the built-in plan and of an emergency rollback, per CLI version. */
class DeploymentScriptTest {

    private static final RolloutPlan PLAN = BuiltInTemplate.plan();
    private static final CliVersion NEW = new CliVersion(58, 10, 0);
    private static final CliVersion OLD = new CliVersion(33, 7, 1);

    @Test
    void everyDeployingPhaseOfTheBuiltInPlanSetsItsFlagsOnItsTargetThenDeploysThenReadsBack() {
        Map<String, List<String>> expected = Map.of(
                "Staging shadow", List.of("false", "true", "3"), "Staging full", List.of("true", "false", "3"),
                "Production shadow", List.of("false", "true", "3"), "Production full", List.of("true", "false", "3"));
        for (PhasePlan phase : PLAN.phases()) {
            if (phase.flags().isEmpty()) {
                assertThatThrownBy(() -> DeploymentScript.forPhase(PLAN, phase, NEW)).isInstanceOf(DeployPlanException.class)
                        .hasMessageContaining("phase start");
                continue;
            }
            boolean production = phase.environment() == EnvironmentRole.PRODUCTION;
            String target = production ? "production" : "preview";
            DeploymentScript script = DeploymentScript.forPhase(PLAN, phase, NEW);
            List<String> values = expected.get(phase.name());
            List<String> lines = new ArrayList<>();
            List<String> flags = PLAN.flags();
            for (int i = 0; i < flags.size(); i++) {
                lines.add("printf '%s' " + values.get(i) + " | vercel env add " + flags.get(i) + " " + target
                        + " --force --no-sensitive --yes");
            }
            lines.add(production ? "vercel --prod --yes" : "vercel --target preview --yes");
            lines.add("vercel env pull \"$(mktemp -d)/flags.env\" --environment " + target);
            assertThat(script.shownLines()).as(phase.name()).containsExactlyElementsOf(lines);
            assertThat(script.commands()).filteredOn(c -> c.step() == CliCommand.Step.SET_FLAG)
                    .extracting(CliCommand::stdin).as("values go on standard input").containsExactlyElementsOf(values);
            assertThat(script.commands()).allSatisfy(command -> assertThat(command.arguments())
                    .as("no value is an argument").doesNotContainAnyElementsOf(List.of("true", "false", "3")));
            assertThat(script.phase()).isEqualTo(phase.name());
        }
    }

    @Test
    void anOldCliRemovesEachVariableBeforeAddingItAndGetsNoOptionsItLacks() {
        PhasePlan shadow = PLAN.phase("Staging shadow").orElseThrow();
        assertThat(DeploymentScript.forPhase(PLAN, shadow, OLD).shownLines()).containsExactly(
                "vercel env rm FEATURE_ASSIGNMENT_PIPELINE_V3 preview --yes",
                "printf '%s' false | vercel env add FEATURE_ASSIGNMENT_PIPELINE_V3 preview",
                "vercel env rm FEATURE_ASSIGNMENT_PIPELINE_V3_SHADOW preview --yes",
                "printf '%s' true | vercel env add FEATURE_ASSIGNMENT_PIPELINE_V3_SHADOW preview",
                "vercel env rm FEATURE_ASSIGNMENT_PIPELINE_V3_MAX_PARALLEL preview --yes",
                "printf '%s' 3 | vercel env add FEATURE_ASSIGNMENT_PIPELINE_V3_MAX_PARALLEL preview",
                "vercel --target preview --yes",
                "vercel env pull \"$(mktemp -d)/flags.env\" --environment preview");
        // each boundary, on both sides
        assertThat(add(new CliVersion(34, 0, 0))).endsWith("preview --force");
        assertThat(add(new CliVersion(50, 0, 0))).endsWith("preview --force");
        assertThat(add(new CliVersion(51, 0, 0))).endsWith("preview --force --yes");
        assertThat(add(new CliVersion(52, 0, 0))).endsWith("preview --force --no-sensitive --yes");
    }

    private static String add(CliVersion version) {
        return DeploymentScript.forPhase(PLAN, PLAN.phase("Staging shadow").orElseThrow(), version).shownLines().get(0);
    }

    @Test
    void anEmergencyRollbackTurnsTheRolloutsFlagOffOnOneEnvironmentAndDeploysIt() {
        PlanEnvironment production = PLAN.environment(EnvironmentRole.PRODUCTION).orElseThrow();
        DeploymentScript rollback = DeploymentScript.emergencyRollback(PLAN, production, NEW);
        assertThat(rollback.shownLines()).containsExactly(
                "printf '%s' false | vercel env add FEATURE_ASSIGNMENT_PIPELINE_V3 production --force --no-sensitive --yes",
                "vercel --prod --yes",
                "vercel env pull \"$(mktemp -d)/flags.env\" --environment production");
        assertThat(rollback.flags()).containsExactly(new FlagValue("FEATURE_ASSIGNMENT_PIPELINE_V3", "false"));
        assertThat(rollback.phase()).isNull();
        assertThat(rollback.action()).isEqualTo("Emergency rollback of production");
        PlanEnvironment staging = PLAN.environment(EnvironmentRole.STAGING).orElseThrow();
        assertThat(DeploymentScript.emergencyRollback(PLAN, staging, OLD).shownLines()).containsExactly(
                "vercel env rm FEATURE_ASSIGNMENT_PIPELINE_V3 preview --yes",
                "printf '%s' false | vercel env add FEATURE_ASSIGNMENT_PIPELINE_V3 preview",
                "vercel --target preview --yes",
                "vercel env pull \"$(mktemp -d)/flags.env\" --environment preview");
    }

    @Test
    void aValueWithShellCharactersIsQuotedInTheLineAndSentAsItIs() {
        CliCommand command = new CliCommand(CliCommand.Step.SET_FLAG, List.of("env", "add", "GREETING", "preview"),
                "it's $HOME", "GREETING");
        assertThat(command.shown()).isEqualTo("printf '%s' 'it'\\''s $HOME' | vercel env add GREETING preview");
        assertThat(command.stdin()).isEqualTo("it's $HOME");
    }

    @Test
    void aDeployCommandThatIsNotOnePlainVercelCommandOrCarriesATokenIsRefused() {
        assertThat(DeployWords.of(env("vercel --prod"))).containsExactly("--prod", "--yes");
        assertThat(DeployWords.of(env("vercel deploy --prebuilt -y"))).containsExactly("deploy", "--prebuilt", "-y");
        assertThatThrownBy(() -> DeployWords.of(env("cd app && vercel --prod"))).isInstanceOf(DeployPlanException.class)
                .hasMessage("The plan's deploy command for production ('cd app && vercel --prod') does not start with vercel;"
                        + " amend the plan or run the steps by hand.");
        assertThatThrownBy(() -> DeployWords.of(env("vercel --prod; rm -rf /"))).isInstanceOf(DeployPlanException.class)
                .hasMessageContaining("is not one plain vercel command");
        assertThatThrownBy(() -> DeployWords.of(env("vercel --prod --token=abc"))).isInstanceOf(DeployPlanException.class)
                .hasMessageContaining("passes a token as an argument");
    }

    private static PlanEnvironment env(String command) {
        return new PlanEnvironment(EnvironmentRole.PRODUCTION, "production", "production", command);
    }

    @Test
    void theVersionIsReadFromWhatEitherVersionOfTheCliPrints() {
        assertThat(CliVersion.parse("58.10.0")).contains(new CliVersion(58, 10, 0));
        assertThat(CliVersion.parse("Vercel CLI 33.7.1\n33.7.1")).contains(new CliVersion(33, 7, 1));
        assertThat(CliVersion.parse("Vercel CLI 58.10.0 (Node.js 20.20.2)")).contains(new CliVersion(58, 10, 0));
        assertThat(CliVersion.parse("command not found")).isEmpty();
        assertThat(new CliVersion(33, 7, 1).overwritesWithForce()).isFalse();
        assertThat(new CliVersion(34, 0, 0).overwritesWithForce()).isTrue();
    }

    @Test
    void theReadBackTakesOnlyTheRolloutsFlagsAndNamesEachDifference() {
        String pulled = "# Created by Vercel CLI\nDATABASE_URL=\"postgresql://app:fakepw@db/app\"\nA=\"true\"\nB=\"\"\n"
                + "C=\"line\\none\"\n";
        Map<String, String> read = ReadBack.values(pulled, Set.of("A", "B", "C", "D"));
        assertThat(read).containsExactlyInAnyOrderEntriesOf(Map.of("A", "true", "B", "", "C", "line\none"));
        assertThat(ReadBack.mismatches(List.of(new FlagValue("A", "false"), new FlagValue("B", "3"), new FlagValue("D", "1"),
                new FlagValue("C", "line\none")), read)).containsExactly(
                "A is true (the plan says false)",
                "B reads back empty (the plan says 3; a sensitive variable cannot be read back)",
                "D is missing (the plan says 1)");
    }
}
