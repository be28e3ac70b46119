package com.rolloutcontrolroom.domain.rollout;

/** What a phase's gate says now. */
public enum GateResult {
    PASS("Pass"),
    /** WARN, accepted by a named person with a reason: it passes. */
    WARN_ACCEPTED("Warning accepted"),
    NOT_YET("Not yet"),
    NOT_EVALUATED("Not yet evaluated"),
    /** Within the warning bands: passes only once a named person accepts it. */
    WARN("Warning"),
    FAIL("Fail");

    private final String label;

    GateResult(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
