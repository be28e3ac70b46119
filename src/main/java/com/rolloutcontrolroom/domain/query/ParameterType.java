package com.rolloutcontrolroom.domain.query;

import java.util.Locale;
import java.util.Optional;

/** The kinds of value a query parameter can take; each binds as its own PostgreSQL type. */
public enum ParameterType {
    /** A PostgreSQL interval such as {@code 6 hours}. */
    INTERVAL,
    /** An ISO-8601 instant such as {@code 2025-11-13T15:00:00Z}. */
    TIMESTAMPTZ,
    TEXT,
    INTEGER;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ParameterType> parse(String text) {
        for (ParameterType type : values()) {
            if (type.label().equals(text.strip().toLowerCase(Locale.ROOT))) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
