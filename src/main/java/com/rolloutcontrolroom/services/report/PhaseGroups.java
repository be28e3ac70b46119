package com.rolloutcontrolroom.services.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.rolloutcontrolroom.domain.rollout.EnvironmentRole;
import com.rolloutcontrolroom.domain.rollout.PhaseState;

/**
 * The plan's phases as seed 000 lays them out: the phases before the first deploy are the pre-rollout
 * verification, each run of phases in one environment is that environment's rollout ("Staging Rollout",
 * "Production Rollout"), and the phases after the last deploy are the post-rollout actions.
 */
record PhaseGroups(List<PhaseState> before, List<Group> environments, List<PhaseState> after) {

    /** One environment's consecutive phases; a phase that deploys nothing between them stays with the ones before it. */
    record Group(EnvironmentRole role, List<PhaseState> phases) {

        String title() {
            String label = role.label();
            return label.substring(0, 1).toUpperCase(Locale.ROOT) + label.substring(1) + " Rollout";
        }
    }

    static PhaseGroups of(List<PhaseState> phases) {
        int first = -1;
        int last = -1;
        for (int i = 0; i < phases.size(); i++) {
            if (phases.get(i).plan().environment() != null) {
                first = first < 0 ? i : first;
                last = i;
            }
        }
        if (first < 0) {
            return new PhaseGroups(phases, List.of(), List.of());
        }
        List<Group> groups = new ArrayList<>();
        EnvironmentRole role = null;
        List<PhaseState> current = null;
        for (PhaseState phase : phases.subList(first, last + 1)) {
            EnvironmentRole own = phase.plan().environment();
            if (own != null && own != role) {
                role = own;
                current = new ArrayList<>();
                groups.add(new Group(role, current));
            }
            current.add(phase);
        }
        return new PhaseGroups(phases.subList(0, first), groups.stream().map(g -> new Group(g.role(), List.copyOf(g.phases()))).toList(),
                phases.subList(last + 1, phases.size()));
    }
}
