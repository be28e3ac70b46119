package com.rolloutcontrolroom.domain.rollout;

/** The value one flag takes in one phase, as typed at the deploy tool's prompt ({@code true}, {@code 3}). */
public record FlagValue(String flag, String value) {

    public FlagValue {
        flag = PlanText.required(flag, "flag");
        value = PlanText.required(value, "value");
    }
}
