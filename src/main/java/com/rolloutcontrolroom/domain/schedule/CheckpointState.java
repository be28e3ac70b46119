package com.rolloutcontrolroom.domain.schedule;

/** Where one planned checkpoint stands, as the journal says at a given instant. */
public enum CheckpointState {
    /** Its due time has not come. */
    PENDING("Pending"),
    /** Due, not yet taken, still within the on-time tolerance. */
    DUE("Due"),
    /** Past the tolerance and not taken yet: it will be taken late, as of its due time. */
    OVERDUE("Overdue"),
    /** An attempt could not reach the database; another comes after a backoff. */
    RETRYING("Retrying"),
    TAKEN("Taken on time"),
    TAKEN_LATE("Taken late"),
    /** Every attempt failed to reach the database; never counts toward a pass. */
    ERROR("Error"),
    /** The phase ended before it was taken: it can no longer be. */
    MISSED("Missed"),
    /** Due after the phase had already ended (promoted early, or rolled back). */
    NOT_REACHED("Not reached");

    private final String label;

    CheckpointState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean taken() {
        return this == TAKEN || this == TAKEN_LATE;
    }
}
