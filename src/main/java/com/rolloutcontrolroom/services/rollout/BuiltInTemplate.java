package com.rolloutcontrolroom.services.rollout;

import com.rolloutcontrolroom.domain.rollout.DemoRollout;
import com.rolloutcontrolroom.domain.rollout.EnvironmentRole;
import com.rolloutcontrolroom.domain.rollout.PlanEnvironment;
import com.rolloutcontrolroom.domain.rollout.RolloutPlan;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The plan of seed 000's V3 rollout, item for item, shipped as the plan file {@value #RESOURCE}: what a
 * team starts from. Item texts are the seed's own, backticks and all (an operator ticks the words the
 * runbook uses); only the Preparation items, which the seed writes as "**label**: outcome of that
 * rollout", keep just the label, as the outcome (event counts, a local path) belonged to that one run.
 */
public final class BuiltInTemplate {

    /** On the class path; the same bytes {@link PlanFile#text} writes for {@link #plan()}. */
    public static final String RESOURCE = "/plans/v3-template.json";
    public static final String STAGING = "staging";
    public static final String PRODUCTION = "production";

    private BuiltInTemplate() {
    }

    /** The seed's plan with its own rollout and environment names. */
    public static RolloutPlan plan() {
        return plan(DemoRollout.NAME, STAGING, PRODUCTION);
    }

    /**
     * The seed's plan for another rollout name and configured environments; flags, deploy targets and
     * commands stay the seed's until the team edits them in the file.
     *
     * @throws com.rolloutcontrolroom.domain.rollout.PlanFormatException for a rollout or environment name the plan cannot take
     */
    public static RolloutPlan plan(String rolloutName, String stagingEnvironment, String productionEnvironment) {
        RolloutPlan seed = PlanFile.read(resource(), "v3-template.json");
        return new RolloutPlan(rolloutName, seed.description(), seed.flags(), seed.environments().stream()
                .map(e -> new PlanEnvironment(e.role(), e.role() == EnvironmentRole.STAGING ? stagingEnvironment : productionEnvironment,
                        e.deployTarget(), e.deployCommand()))
                .toList(), seed.phases());
    }

    private static byte[] resource() {
        try (InputStream in = BuiltInTemplate.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the built-in plan " + RESOURCE + " is missing from the application");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
