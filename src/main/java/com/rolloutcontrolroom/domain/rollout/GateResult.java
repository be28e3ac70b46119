package com.rolloutcontrolroom.domain.rollout;

/** What a phase's gate says now. */
public enum GateResult {
    PASS("Pass"), NOT_YET("Not yet"), NOT_EVALUATED("Not yet evaluated");

    private final String label;

    GateResult(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
