package com.rolloutcontrolroom.domain.rollout;

import com.rolloutcontrolroom.domain.query.QuerySuite;
import java.util.Optional;

/** The "Query Set" column of a monitoring schedule, and which query suite each runs. */
public enum CheckpointKind {
    QUICK("quick", "Quick health check", QuerySuite.QUICK),
    FULL("full", "Full query suite", QuerySuite.FULL),
    /** The full suite, after which the phase's gate is judged over its whole duration. */
    FINAL("final", "Final verification", QuerySuite.FULL);

    private final String code;
    private final String label;
    private final QuerySuite suite;

    CheckpointKind(String code, String label, QuerySuite suite) {
        this.code = code;
        this.label = label;
        this.suite = suite;
    }

    /** How a plan file names it. */
    public String code() {
        return code;
    }

    /** How the seed's schedule table names it. */
    public String label() {
        return label;
    }

    public QuerySuite suite() {
        return suite;
    }

    public static Optional<CheckpointKind> parse(String code) {
        for (CheckpointKind kind : values()) {
            if (kind.code.equals(code)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
