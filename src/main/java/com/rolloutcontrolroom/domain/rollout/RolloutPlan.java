package com.rolloutcontrolroom.domain.rollout;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The whole plan of one rollout: its flags, its environments and its phases in order. It is data (a
 * plan file, or the built-in template of seed 000) and it is evidence: creating a rollout journals it
 * in canonical form, and every later edit journals an amendment.
 */
public record RolloutPlan(String rollout, String description, List<String> flags, List<PlanEnvironment> environments,
                          List<PhasePlan> phases) {

    /** The plan format this version reads and writes; a file says which one it is. */
    public static final int FORMAT = 1;

    /** Flag and rollout names as a deploy tool and a shell take them without quoting. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,99}");

    public RolloutPlan {
        rollout = PlanText.required(rollout, "rollout");
        if (!NAME.matcher(rollout).matches()) {
            throw new PlanFormatException("rollout", "is '" + rollout + "'; a rollout name starts with a letter and has only letters,"
                    + " digits, '_', '.' and '-' (at most 100)");
        }
        description = description == null || description.isBlank() ? null : description.strip();
        flags = PlanText.items(flags, "flags");
        if (flags.isEmpty()) {
            throw new PlanFormatException("flags", "is empty; name at least one feature flag");
        }
        for (int i = 0; i < flags.size(); i++) {
            if (!NAME.matcher(flags.get(i)).matches()) {
                throw new PlanFormatException("flags[" + i + "]", "is '" + flags.get(i) + "'; a flag name starts with a letter and has"
                        + " only letters, digits, '_', '.' and '-'");
            }
        }
        environments = List.copyOf(environments == null ? List.of() : environments);
        phases = List.copyOf(phases == null ? List.of() : phases);
        if (phases.isEmpty()) {
            throw new PlanFormatException("phases", "is empty; a plan has at least one phase");
        }
        checkEnvironments(environments);
        checkPhases(phases, flags, environments);
    }

    private static void checkEnvironments(List<PlanEnvironment> environments) {
        Set<EnvironmentRole> roles = new HashSet<>();
        for (int i = 0; i < environments.size(); i++) {
            if (!roles.add(environments.get(i).role())) {
                throw new PlanFormatException("environments[" + i + "].role", "repeats " + environments.get(i).role().label()
                        + "; give each role once");
            }
        }
    }

    private static void checkPhases(List<PhasePlan> phases, List<String> flags, List<PlanEnvironment> environments) {
        Set<String> names = new HashSet<>();
        for (int i = 0; i < phases.size(); i++) {
            PhasePlan phase = phases.get(i);
            String at = "phases[" + i + "]";
            if (!names.add(phase.name().toLowerCase(java.util.Locale.ROOT))) {
                throw new PlanFormatException(at + ".name", "repeats the phase name '" + phase.name() + "'; give each phase its own name");
            }
            if (phase.name().equalsIgnoreCase(RolloutPhases.DONE)) {
                throw new PlanFormatException(at + ".name", "is '" + RolloutPhases.DONE + "', which is what a finished rollout is called;"
                        + " name the phase after what it does");
            }
            if (phase.environment() != null && environments.stream().noneMatch(e -> e.role() == phase.environment())) {
                throw new PlanFormatException(at + ".environment", "is " + phase.environment().label() + ", which the plan's"
                        + " environments do not list; add it there");
            }
            for (int f = 0; f < phase.flags().size(); f++) {
                if (!flags.contains(phase.flags().get(f).flag())) {
                    throw new PlanFormatException(at + ".flags[" + f + "].flag", "is '" + phase.flags().get(f).flag()
                            + "', which is not one of the plan's flags; add it to flags or fix its name");
                }
            }
        }
    }

    public Optional<PlanEnvironment> environment(EnvironmentRole role) {
        return role == null ? Optional.empty() : environments.stream().filter(e -> e.role() == role).findFirst();
    }

    public int indexOf(String phase) {
        for (int i = 0; i < phases.size(); i++) {
            if (phases.get(i).name().equalsIgnoreCase(phase)) {
                return i;
            }
        }
        return -1;
    }

    public Optional<PhasePlan> phase(String name) {
        int index = indexOf(name);
        return index < 0 ? Optional.empty() : Optional.of(phases.get(index));
    }

    /** The configured environment a phase reads and deploys to; null when it deploys nothing. */
    public String environmentOf(PhasePlan phase) {
        return environment(phase.environment()).map(PlanEnvironment::environment).orElse(null);
    }
}
