package com.rolloutcontrolroom.domain.rollout;

/** The rollout the demo and the seeds are about; a rollout model will replace this constant. */
public final class DemoRollout {

    public static final String NAME = "FEATURE_ASSIGNMENT_PIPELINE_V3";

    private DemoRollout() {
    }
}
