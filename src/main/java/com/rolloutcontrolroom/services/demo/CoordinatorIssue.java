package com.rolloutcontrolroom.services.demo;

import java.util.List;

/** A coordinator event that is not a success: it always carries {@code context.reason}. */
enum CoordinatorIssue {
    /** The booking is retried, then confirmed. */
    RETRY("coordinator.retry", List.of("capacity_lock_timeout", "capacity_rpc_timeout"), true),
    /** The booking waited on a table lock, then confirmed. */
    LOCK_CONTENTION("coordinator.lock_contention", List.of("table_lock_held", "slot_lock_held"), true),
    /** The booking ends with a person: no confirmation. */
    MANUAL_REVIEW("coordinator.manual_review", List.of("no_table_fits_party", "conflicting_holds"), false),
    /** The booking fails: no confirmation. */
    ERROR("coordinator.error", List.of("capacity_rpc_failed", "state_transition_rejected"), false);

    private final String eventType;
    private final List<String> reasons;
    private final boolean stillConfirms;

    CoordinatorIssue(String eventType, List<String> reasons, boolean stillConfirms) {
        this.eventType = eventType;
        this.reasons = reasons;
        this.stillConfirms = stillConfirms;
    }

    String eventType() {
        return eventType;
    }

    String reason(int pick) {
        return reasons.get(Math.floorMod(pick, reasons.size()));
    }

    boolean stillConfirms() {
        return stillConfirms;
    }
}
