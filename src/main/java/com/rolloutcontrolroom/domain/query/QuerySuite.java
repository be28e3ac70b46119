package com.rolloutcontrolroom.domain.query;

import java.util.Locale;
import java.util.Optional;

/**
 * Which set a query belongs to: the quick health check, the full suite of a checkpoint, or the
 * metric definitions behind the charts and gates.
 */
public enum QuerySuite {
    QUICK, FULL, METRIC;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<QuerySuite> parse(String text) {
        for (QuerySuite suite : values()) {
            if (suite.label().equals(text.strip().toLowerCase(Locale.ROOT))) {
                return Optional.of(suite);
            }
        }
        return Optional.empty();
    }
}
