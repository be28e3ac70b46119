package com.rolloutcontrolroom.domain.gate;

import java.util.List;

import com.rolloutcontrolroom.domain.metrics.AlarmCounts;
import com.rolloutcontrolroom.domain.metrics.Rate;

/**
 * Everything a checkpoint is judged on, all over one window: the two rates, the red-flag counts, the
 * legacy {@code auto_assign.*} events and the queries that could not run. A null measure was not
 * measured (its query failed or returned the wrong columns); the judge says ERROR for it rather than
 * guess, where it judges it at all.
 *
 * @param legacyEvents {@code auto_assign.*} events in the window (judged in a shadow phase only); null when not measured
 */
public record CheckpointEvidence(Rate success, Rate manualReview, AlarmCounts alarms, List<FailedQuery> failedQueries,
                                 Long legacyEvents) {

    public CheckpointEvidence {
        failedQueries = List.copyOf(failedQueries);
    }

    /** Evidence without the legacy count (the Dashboard's window, runs recorded before it was measured). */
    public CheckpointEvidence(Rate success, Rate manualReview, AlarmCounts alarms, List<FailedQuery> failedQueries) {
        this(success, manualReview, alarms, failedQueries, null);
    }

    /** A query of the run that did not run, and why, in its own words. */
    public record FailedQuery(String name, String reason) {
    }
}
