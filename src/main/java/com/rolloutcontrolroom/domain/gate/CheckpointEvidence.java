package com.rolloutcontrolroom.domain.gate;

import java.util.List;

import com.rolloutcontrolroom.domain.metrics.AlarmCounts;
import com.rolloutcontrolroom.domain.metrics.Rate;

/**
 * Everything a checkpoint is judged on, all over one window: the two rates, the red-flag counts and
 * the queries that could not run. A null measure was not measured (its query failed or returned the
 * wrong columns); the judge says ERROR for it rather than guess.
 */
public record CheckpointEvidence(Rate success, Rate manualReview, AlarmCounts alarms, List<FailedQuery> failedQueries) {

    public CheckpointEvidence {
        failedQueries = List.copyOf(failedQueries);
    }

    /** A query of the run that did not run, and why, in its own words. */
    public record FailedQuery(String name, String reason) {
    }
}
