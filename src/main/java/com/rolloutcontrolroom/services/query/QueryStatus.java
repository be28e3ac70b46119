package com.rolloutcontrolroom.services.query;

/** How one query of a run ended. */
public enum QueryStatus {
    OK,
    /** The query could not run: syntax, timeout, permission, an attempted write. */
    ERROR,
    /** The run was cancelled before or while this query ran. */
    CANCELLED
}
