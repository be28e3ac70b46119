package com.rolloutcontrolroom.domain.rollout;

/** Names the state machine adds to a plan's own phases. */
public final class RolloutPhases {

    /** Where a rollout is after its last phase; not a phase of any plan. */
    public static final String DONE = "Done";

    private RolloutPhases() {
    }
}
