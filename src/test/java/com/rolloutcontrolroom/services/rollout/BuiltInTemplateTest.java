package com.rolloutcontrolroom.services.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rolloutcontrolroom.domain.gate.GateThresholds;
import com.rolloutcontrolroom.domain.rollout.CheckpointKind;
import com.rolloutcontrolroom.domain.rollout.DeploymentSteps;
import com.rolloutcontrolroom.domain.rollout.EnvironmentRole;
import com.rolloutcontrolroom.domain.rollout.FlagValue;
import com.rolloutcontrolroom.domain.rollout.GateKind;
import com.rolloutcontrolroom.domain.rollout.PhasePlan;
import com.rolloutcontrolroom.domain.rollout.PlanDuration;
import com.rolloutcontrolroom.domain.rollout.PlanEnvironment;
import com.rolloutcontrolroom.domain.rollout.PlanFormatException;
import com.rolloutcontrolroom.domain.rollout.PlanTree;
import com.rolloutcontrolroom.domain.rollout.RolloutPlan;
import com.rolloutcontrolroom.domain.rollout.ScheduledCheckpoint;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built-in template is seed 000's plan, item for item, compared against the seed's own text. */
class BuiltInTemplateTest {

    private static final SeedReport SEED = SeedReport.load();
    private static final RolloutPlan TEMPLATE = BuiltInTemplate.plan();

    private static final Pattern SEED_PHASE_NAME = Pattern.compile("(\\w+) Phase \\d \\((\\w+)\\)");
    private static final Pattern ENV_ADD = Pattern.compile("vercel env add (\\S+) (\\S+)\\s+# (\\S+)");
    private static final Pattern HOURS_OR_MINUTES = Pattern.compile("(\\d+) (minutes|hours)\\b.*");
    private static final Pattern WEEKS = Pattern.compile(".*\\b(\\d+) weeks?\\b.*", Pattern.CASE_INSENSITIVE);
    private static final Pattern SUSTAINED = Pattern.compile("Success rate ≥(\\d+)% sustained for (\\d+) hours");
    private static final Pattern REVIEW = Pattern.compile("Manual review rate <(\\d+)%");

    @Test
    void thePhasesAreTheSeedTimelineInOrder() {
        // "Staging Phase 1 (Shadow)" is the phase "Staging shadow"; "Legacy Cleanup" is "Legacy cleanup"
        List<String> seedNames = SEED.timeline.stream().map(row -> {
            Matcher m = SEED_PHASE_NAME.matcher(row.phase());
            String name = m.matches() ? m.group(1) + " " + m.group(2) : row.phase();
            return name.charAt(0) + name.substring(1).toLowerCase(Locale.ROOT);
        }).toList();

        assertThat(seedNames).hasSize(6);
        assertThat(TEMPLATE.phases()).extracting(PhasePlan::name).containsExactlyElementsOf(seedNames);
    }

    @Test
    void rolloutFlagsAndEnvironmentsAreTheSeeds() {
        assertThat(TEMPLATE.rollout()).isEqualTo("FEATURE_ASSIGNMENT_PIPELINE_V3");
        assertThat(TEMPLATE.flags()).containsExactly("FEATURE_ASSIGNMENT_PIPELINE_V3", "FEATURE_ASSIGNMENT_PIPELINE_V3_SHADOW",
                "FEATURE_ASSIGNMENT_PIPELINE_V3_MAX_PARALLEL");
        assertThat(TEMPLATE.environments()).containsExactly(
                new PlanEnvironment(EnvironmentRole.STAGING, "staging", "preview", "vercel --target preview"),
                new PlanEnvironment(EnvironmentRole.PRODUCTION, "production", "production", "vercel --prod"));
    }

    @Test
    void preparationIsTheInfrastructureChecksAndDocumentationDeliverables() {
        List<String> expected = new ArrayList<>(SEED.lists.get("Infrastructure Checks"));
        expected.addAll(SEED.lists.get("Documentation Deliverables"));
        PhasePlan preparation = TEMPLATE.phases().get(0);

        assertThat(expected).hasSize(10);
        assertThat(preparation.checklist()).containsExactlyElementsOf(expected);
        assertThat(preparation.environment()).isNull();
        assertThat(preparation.flags()).isEmpty();
        assertThat(preparation.gate().kind()).isEqualTo(GateKind.CHECKLIST);
        assertThat(preparation.rollbackTarget()).isTrue();
    }

    @Test
    void eachDeployingPhaseHasTheSeedsChecklistCriteriaEvidenceAndDuration() {
        assertThat(SEED.phases).hasSize(4);
        for (int i = 0; i < SEED.phases.size(); i++) {
            SeedReport.Phase seed = SEED.phases.get(i);
            PhasePlan phase = TEMPLATE.phases().get(i + 1);
            String at = seed.section() + " / " + seed.heading();

            assertThat(phase.environment()).as(at).isEqualTo(seed.section().startsWith("Staging")
                    ? EnvironmentRole.STAGING : EnvironmentRole.PRODUCTION);
            assertThat(phase.checklist()).as(at).isNotEmpty().containsExactlyElementsOf(seed.checklist());
            assertThat(phase.verificationCriteria()).as(at).isNotEmpty().containsExactlyElementsOf(seed.criteria());
            assertThat(phase.evidence()).as(at).containsExactlyElementsOf(seed.evidence());
            assertThat(phase.minimumDuration()).as(at).isEqualTo(duration(seed.expectedDuration()));
        }
        assertThat(TEMPLATE.phases().subList(1, 5)).extracting(p -> PlanDuration.words(p.minimumDuration()))
                .containsExactly("30 min", "48 h", "24 h", "48 h");
    }

    @Test
    void eachDeployingPhaseSetsTheSeedsFlagsOnTheSeedsTargetAndDeploysWithItsCommand() {
        for (int i = 0; i < SEED.phases.size(); i++) {
            SeedReport.Phase seed = SEED.phases.get(i);
            PhasePlan phase = TEMPLATE.phases().get(i + 1);
            PlanEnvironment environment = TEMPLATE.environment(phase.environment()).orElseThrow();
            String at = seed.section() + " / " + seed.heading();

            List<FlagValue> flags = new ArrayList<>();
            List<String> rendered = new ArrayList<>();
            String deployCommand = null;
            List<String> after = new ArrayList<>();
            for (String line : seed.deploymentSteps()) {
                Matcher add = ENV_ADD.matcher(line);
                if (add.matches()) {
                    flags.add(new FlagValue(add.group(1), add.group(3)));
                    assertThat(add.group(2)).as(at).isEqualTo(environment.deployTarget());
                    rendered.add("printf '%s' " + add.group(3) + " | vercel env add " + add.group(1) + " " + add.group(2)
                            + " --force --no-sensitive --yes");
                } else if (!line.startsWith("#")) {
                    deployCommand = line;
                } else if (deployCommand != null) {
                    after.add(line.substring(1).strip());
                }
            }
            rendered.add(deployCommand);
            after.forEach(step -> rendered.add("# " + step));

            assertThat(phase.flags()).as(at).containsExactlyElementsOf(flags);
            assertThat(environment.deployCommand()).as(at).isEqualTo(deployCommand);
            assertThat(phase.extraSteps()).as(at).containsExactlyElementsOf(after);
            assertThat(DeploymentSteps.of(TEMPLATE, phase)).as(at).containsExactlyElementsOf(rendered);
        }
        assertThat(TEMPLATE.phases().get(4).extraSteps()).containsExactly("IMMEDIATELY begin intensive monitoring");
    }

    @Test
    void bothMonitoringSchedulesAreTheSeedsRowForRow() {
        for (int i = 0; i < SEED.phases.size(); i++) {
            SeedReport.Phase seed = SEED.phases.get(i);
            List<ScheduledCheckpoint> expected = seed.schedule().stream().map(row -> {
                Matcher m = Pattern.compile("T\\+(\\d+[mhd]).*").matcher(row.get(0));
                assertThat(m.matches()).as(row.get(0)).isTrue();
                CheckpointKind kind = List.of(CheckpointKind.values()).stream()
                        .filter(k -> k.label().equals(row.get(1))).findFirst().orElseThrow();
                return new ScheduledCheckpoint(PlanDuration.parse(m.group(1), "at"), kind);
            }).toList();
            assertThat(TEMPLATE.phases().get(i + 1).schedule()).as(seed.heading()).containsExactlyElementsOf(expected);
        }
        assertThat(TEMPLATE.phases().get(2).schedule()).extracting(ScheduledCheckpoint::label)
                .containsExactly("T+0h", "T+1h", "T+6h", "T+12h", "T+24h", "T+36h", "T+48h");
        assertThat(TEMPLATE.phases().get(4).schedule()).extracting(ScheduledCheckpoint::label)
                .containsExactly("T+0h", "T+30m", "T+1h", "T+2h", "T+4h", "T+6h", "T+12h", "T+24h", "T+48h");
    }

    @Test
    void shadowPhasesAreGatedByDurationAndFullPhasesByTheSeedsSustainedThresholds() {
        for (int i = 0; i < SEED.phases.size(); i++) {
            PhasePlan phase = TEMPLATE.phases().get(i + 1);
            Matcher sustained = SEED.phases.get(i).criteria().stream().map(SUSTAINED::matcher).filter(Matcher::matches)
                    .findFirst().orElse(null);
            if (sustained == null) {
                assertThat(phase.gate().kind()).as(phase.name()).isEqualTo(GateKind.DURATION);
                assertThat(phase.rollbackTarget()).as(phase.name()).isTrue();
                continue;
            }
            Matcher review = SEED.phases.get(i).criteria().stream().map(REVIEW::matcher).filter(Matcher::matches)
                    .findFirst().orElseThrow();
            assertThat(phase.gate().kind()).as(phase.name()).isEqualTo(GateKind.METRICS);
            assertThat(phase.gate().sustained()).isEqualTo(Duration.ofHours(Long.parseLong(sustained.group(2))));
            assertThat(phase.gate().thresholds().successPass()).isEqualByComparingTo(new BigDecimal(sustained.group(1)));
            assertThat(phase.gate().thresholds().reviewPass()).isEqualByComparingTo(new BigDecimal(review.group(1)));
            assertThat(phase.gate().thresholds()).isEqualTo(GateThresholds.RUNBOOK);
            assertThat(phase.rollbackTarget()).as(phase.name()).isFalse();
        }
    }

    @Test
    void legacyCleanupWaitsTheSeedsWeekAndListsThePostRolloutActions() {
        // the immediate actions come before cleanup starts; the follow-ups are what finishes it
        List<String> expected = new ArrayList<>(SEED.lists.get("Immediate (After Production Success)"));
        List<String> followUps = SEED.lists.get("Follow-Up (Within 1 Week)");
        PhasePlan cleanup = TEMPLATE.phases().get(5);
        Matcher week = WEEKS.matcher(SEED.timeline.get(5).notes());

        assertThat(expected).hasSize(4);
        assertThat(followUps).hasSize(4);
        assertThat(cleanup.checklist()).containsExactlyElementsOf(expected);
        assertThat(cleanup.verificationCriteria()).containsExactlyElementsOf(followUps);
        assertThat(week.matches()).isTrue();
        assertThat(cleanup.previousStableFor()).isEqualTo(Duration.ofDays(7L * Integer.parseInt(week.group(1))));
        assertThat(cleanup.environment()).isNull();
        assertThat(cleanup.gate().kind()).isEqualTo(GateKind.CHECKLIST);
    }

    @Test
    void theShippedFileIsExactlyWhatWritingTheTemplateGivesSoItsTreeIsStable() throws IOException {
        String shipped;
        try (InputStream in = BuiltInTemplate.class.getResourceAsStream(BuiltInTemplate.RESOURCE)) {
            shipped = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }

        assertThat(PlanFile.text(TEMPLATE)).isEqualTo(shipped);
        assertThat(PlanTree.write(TEMPLATE)).isEqualTo(PlanTree.write(BuiltInTemplate.plan()));
        assertThat(PlanTree.read(PlanTree.write(TEMPLATE))).isEqualTo(TEMPLATE);
    }

    @Test
    void writingTheTemplateToAFileAndReadingItBackGivesAnEqualPlan(@TempDir Path folder) {
        Path file = folder.resolve("checkout-v2.json");
        RolloutPlan plan = BuiltInTemplate.plan("CHECKOUT_V2", "stage-eu", "prod-eu");

        PlanFile.write(plan, file);

        assertThat(PlanFile.read(file)).isEqualTo(plan);
    }

    @Test
    void theRolloutAndEnvironmentNamesAreSubstitutedAndTheRestIsTheSeeds() {
        RolloutPlan plan = BuiltInTemplate.plan("CHECKOUT_V2", "stage-eu", "prod-eu");

        assertThat(plan.rollout()).isEqualTo("CHECKOUT_V2");
        assertThat(plan.environments()).extracting(PlanEnvironment::environment).containsExactly("stage-eu", "prod-eu");
        assertThat(plan.environments()).extracting(PlanEnvironment::deployTarget).containsExactly("preview", "production");
        assertThat(plan.environmentOf(plan.phases().get(4))).isEqualTo("prod-eu");
        assertThat(plan.phases()).isEqualTo(TEMPLATE.phases());
        assertThat(plan.flags()).isEqualTo(TEMPLATE.flags());
    }

    @Test
    void aRolloutNameThePlanCannotTakeIsRefusedWithTheRule() {
        assertThatThrownBy(() -> BuiltInTemplate.plan("checkout v2", "staging", "production"))
                .isInstanceOf(PlanFormatException.class)
                .hasMessageContaining("rollout is 'checkout v2'; a rollout name starts with a letter");
    }

    private static Duration duration(String expected) {
        Matcher m = HOURS_OR_MINUTES.matcher(expected);
        assertThat(m.matches()).as(expected).isTrue();
        long amount = Long.parseLong(m.group(1));
        return m.group(2).equals("minutes") ? Duration.ofMinutes(amount) : Duration.ofHours(amount);
    }
}
