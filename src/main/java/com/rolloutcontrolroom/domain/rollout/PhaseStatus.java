package com.rolloutcontrolroom.domain.rollout;

/** Where a phase stands relative to the rollout's current phase. */
public enum PhaseStatus {
    DONE("Done"), CURRENT("Current"), NEXT("Next"), PENDING("Pending");

    private final String label;

    PhaseStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
