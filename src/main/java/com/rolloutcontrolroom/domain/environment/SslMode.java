package com.rolloutcontrolroom.domain.environment;

import java.util.Locale;

/** libpq/pgJDBC {@code sslmode} values; only {@link #VERIFY_FULL} proves who the server is. */
public enum SslMode {
    DISABLE("disable"),
    PREFER("prefer"),
    REQUIRE("require"),
    VERIFY_CA("verify-ca"),
    VERIFY_FULL("verify-full");

    /**
     * The one default of the CLI, the Settings form, runbook import and an older config without the
     * setting: pgJDBC's and psql's own, so a URL pasted from a runbook connects as it did in psql.
     * It encrypts when the server offers TLS but proves nothing about who answers; README, Credentials,
     * says how to get {@link #VERIFY_FULL}.
     */
    public static final SslMode DEFAULT = PREFER;

    private final String value;

    SslMode(String value) {
        this.value = value;
    }

    /** The value as written in a URL and passed to pgJDBC. */
    public String value() {
        return value;
    }

    public boolean verifiesServer() {
        return this == VERIFY_CA || this == VERIFY_FULL;
    }

    public static SslMode parse(String text) {
        String wanted = text.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        for (SslMode mode : values()) {
            if (mode.value.equals(wanted)) {
                return mode;
            }
        }
        if (wanted.equals("allow")) {
            return PREFER; // pgJDBC treats allow like prefer: neither verifies the server
        }
        throw new IllegalArgumentException("Unknown SSL mode \"" + text + "\"; use disable, prefer, require, verify-ca or verify-full.");
    }

    @Override
    public String toString() {
        return value;
    }
}
