package com.rolloutcontrolroom.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.rolloutcontrolroom.domain.rollout.EnvironmentRole;
import com.rolloutcontrolroom.domain.rollout.PlanEnvironment;
import com.rolloutcontrolroom.domain.rollout.PlanFormatException;
import com.rolloutcontrolroom.domain.rollout.PlanTree;
import com.rolloutcontrolroom.domain.rollout.RolloutPlan;

/** The plan {@code rollout new} starts from: the built-in template or a plan file, named and pointed at environments. */
final class RolloutPlans {

    private RolloutPlans() {
    }

    static RolloutPlan fromFile(Path file) {
        // TODO replaced by PlanFile.read when branch plan-file is merged
        try {
            @SuppressWarnings("unchecked")
            Map<String, ?> tree = new ObjectMapper().readValue(Files.readAllBytes(file), Map.class);
            return PlanTree.read(tree);
        } catch (PlanFormatException e) {
            throw new IllegalArgumentException("In plan file " + file.getFileName() + ", " + e.getMessage(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException("Plan file " + file.getFileName() + " cannot be read: " + e.getMessage(), e);
        }
    }

    static RolloutPlan fromTemplate(String rollout, String staging, String production) {
        throw new IllegalStateException("The built-in template is not available yet; pass --plan FILE.");
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
