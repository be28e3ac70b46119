package com.rolloutcontrolroom.domain.rollout;

import java.util.Locale;
import java.util.Optional;

/** Which of the rollout's environments a phase deploys to; the plan maps each to a configured environment. */
public enum EnvironmentRole {
    STAGING, PRODUCTION;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<EnvironmentRole> parse(String text) {
        for (EnvironmentRole role : values()) {
            if (role.label().equals(text)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
