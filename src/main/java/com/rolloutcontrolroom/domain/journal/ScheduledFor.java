package com.rolloutcontrolroom.domain.journal;

import java.time.Instant;

/**
 * The planned checkpoint a snapshot served, written by the scheduler: which phase's schedule, the
 * instant it was due (the end of the window it measured), and whether the database was reached at
 * all. Attempts that reached nothing are journaled too, so retries survive a restart.
 */
public record ScheduledFor(String phase, Instant due, boolean databaseReached) {

    public ScheduledFor {
        phase = Require.text(phase, "Scheduled phase");
        due = Require.time(due, "Checkpoint due time");
    }
}
