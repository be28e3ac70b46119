package com.rolloutcontrolroom.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.rolloutcontrolroom.domain.rollout.EnvironmentRole;
import com.rolloutcontrolroom.domain.rollout.PlanEnvironment;
import com.rolloutcontrolroom.domain.rollout.RolloutPlan;
import com.rolloutcontrolroom.services.rollout.BuiltInTemplate;
import com.rolloutcontrolroom.services.rollout.PlanFile;
import com.rolloutcontrolroom.services.rollout.PlanFileException;

/** The plan {@code rollout new} starts from: the built-in template or a plan file, named and pointed at environments. */
final class RolloutPlans {

    private RolloutPlans() {
    }

    /** @throws IllegalArgumentException (bad input, exit 2) with the file, the JSON path and what to fix */
    static RolloutPlan fromFile(Path file) {
        try {
            return PlanFile.read(file);
        } catch (PlanFileException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** Seed 000's plan; environments not given keep the template's names. */
    static RolloutPlan fromTemplate(String rollout, String staging, String production) {
        return BuiltInTemplate.plan(rollout, staging == null ? BuiltInTemplate.STAGING : staging,
                production == null ? BuiltInTemplate.PRODUCTION : production);
    }

    /** The same plan under another rollout name: a plan file can start several rollouts. */
    static RolloutPlan named(RolloutPlan plan, String rollout) {
        return new RolloutPlan(rollout, plan.description(), plan.flags(), plan.environments(), plan.phases());
    }

    /** The plan with {@code role} reading and deploying to {@code environment}; refused if the plan has no such role. */
    static RolloutPlan withEnvironment(RolloutPlan plan, EnvironmentRole role, String environment) {
        List<PlanEnvironment> environments = new ArrayList<>();
        boolean found = false;
        for (PlanEnvironment planned : plan.environments()) {
            if (planned.role() == role) {
                environments.add(new PlanEnvironment(role, environment, planned.deployTarget(), planned.deployCommand()));
                found = true;
            } else {
                environments.add(planned);
            }
        }
        if (!found) {
            throw new IllegalArgumentException("The plan has no " + role.label() + " environment, so --" + role.label()
                    + " has nothing to set; leave it out or add the environment to the plan.");
        }
        return new RolloutPlan(plan.rollout(), plan.description(), plan.flags(), environments, plan.phases());
    }
}
