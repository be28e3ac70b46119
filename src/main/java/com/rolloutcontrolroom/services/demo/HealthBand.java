package com.rolloutcontrolroom.services.demo;

import static com.rolloutcontrolroom.services.demo.CoordinatorIssue.ERROR;
import static com.rolloutcontrolroom.services.demo.CoordinatorIssue.LOCK_CONTENTION;
import static com.rolloutcontrolroom.services.demo.CoordinatorIssue.MANUAL_REVIEW;
import static com.rolloutcontrolroom.services.demo.CoordinatorIssue.RETRY;

import java.util.List;

/**
 * How troubled the coordinator is in one hour. Issue counts are quotas per booking (per mille), not
 * probabilities, so the success rate holds in every window rather than only on average.
 *
 * <p>At 40 bookings/hour: HEALTHY gives at most 2 issues in any two consecutive hours (success >= 97.5 %
 * even in a one-hour window), WARNING 4-5 issues an hour (about 94-95 %), CRITICAL 12 issues plus
 * circuit trips (about 84 %).
 */
enum HealthBand {
    HEALTHY(20, List.of(RETRY, LOCK_CONTENTION, RETRY, LOCK_CONTENTION, RETRY, LOCK_CONTENTION, RETRY,
            LOCK_CONTENTION, RETRY, ERROR), 0),
    WARNING(115, List.of(RETRY, LOCK_CONTENTION, RETRY, ERROR, LOCK_CONTENTION, RETRY, MANUAL_REVIEW,
            LOCK_CONTENTION, RETRY, ERROR), 0),
    CRITICAL(300, List.of(RETRY, LOCK_CONTENTION, ERROR, RETRY, MANUAL_REVIEW, LOCK_CONTENTION, RETRY,
            ERROR, LOCK_CONTENTION, MANUAL_REVIEW), 2);

    private final int issuesPerMilleBookings;
    private final List<CoordinatorIssue> issueCycle;
    private final int circuitOpensPerHour;

    HealthBand(int issuesPerMilleBookings, List<CoordinatorIssue> issueCycle, int circuitOpensPerHour) {
        this.issuesPerMilleBookings = issuesPerMilleBookings;
        this.issueCycle = issueCycle;
        this.circuitOpensPerHour = circuitOpensPerHour;
    }

    int issuesPerMilleBookings() {
        return issuesPerMilleBookings;
    }

    /** The n-th issue of a band's run; cycling (not drawing) keeps the mix of kinds stable per window. */
    CoordinatorIssue issue(long n) {
        return issueCycle.get((int) Math.floorMod(n, (long) issueCycle.size()));
    }

    int circuitOpensPerHour() {
        return circuitOpensPerHour;
    }
}
