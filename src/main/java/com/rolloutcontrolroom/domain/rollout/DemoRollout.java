package com.rolloutcontrolroom.domain.rollout;

/**
 * The worked example of seed 000. Until rollouts can be created in the app, every record the GUI
 * writes belongs to this one; the constant lives here so replacing it is a one-place change.
 */
public final class DemoRollout {

    public static final String NAME = "FEATURE_ASSIGNMENT_PIPELINE_V3";

    private DemoRollout() {
    }
}
