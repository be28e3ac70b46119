package com.rolloutcontrolroom.domain.environment;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How to reach one environment's PostgreSQL, with everything except the password, which lives in
 * the credential store. Safe to write to the config file and to show on a shared screen. There is
 * no pooler setting: every connection is safe behind a transaction pooler (see README, Credentials).
 *
 * @param rootCertPath the CA certificate for {@code verify-ca}/{@code verify-full}; empty for none
 * @param requireReadOnlyRole when true, a role that can write or act outside the read-only transaction
 *        is an error (the connection test fails, no query runs), not a warning
 */
public record EnvironmentProfile(String name, String host, int port, String database, String user,
                                 SslMode sslMode, String rootCertPath, Duration statementTimeout, boolean requireReadOnlyRole) {

    /** Always the embedded demo database, so a profile of that name would be saved and then never used. */
    public static final String DEMO_NAME = "demo";
    public static final int DEFAULT_PORT = 5432;
    public static final Duration DEFAULT_STATEMENT_TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,39}");
    private static final Duration MAX_STATEMENT_TIMEOUT = Duration.ofHours(1);

    public EnvironmentProfile {
        name = Objects.requireNonNullElse(name, "").strip();
        host = Objects.requireNonNullElse(host, "").strip();
        database = Objects.requireNonNullElse(database, "").strip();
        user = Objects.requireNonNullElse(user, "").strip();
        rootCertPath = Objects.requireNonNullElse(rootCertPath, "").strip();
        sslMode = Objects.requireNonNullElse(sslMode, SslMode.DEFAULT);
        statementTimeout = Objects.requireNonNullElse(statementTimeout, DEFAULT_STATEMENT_TIMEOUT);
        if (name.equalsIgnoreCase(DEMO_NAME)) {
            throw new IllegalArgumentException("Environment name '" + DEMO_NAME + "' is reserved for the embedded demo database; choose another name.");
        }
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("The environment name \"" + name + "\" must be 1 to 40 lower-case letters, digits, '-' or '_', "
                    + "starting with a letter or digit, e.g. staging.");
        }
        if (host.isEmpty() || host.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("The host of environment " + name + " is missing or contains spaces; type a host name such as db.example.com.");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("The port of environment " + name + " must be between 1 and 65535 (PostgreSQL uses 5432, Supabase's pooler 6543).");
        }
        if (database.isEmpty()) {
            throw new IllegalArgumentException("The database name of environment " + name + " is missing; type it, e.g. postgres.");
        }
        if (user.isEmpty()) {
            throw new IllegalArgumentException("The user of environment " + name + " is missing; type the database user, e.g. postgres.");
        }
        if (sslMode.verifiesServer() && rootCertPath.isEmpty()) {
            throw new IllegalArgumentException("SSL mode " + sslMode.value() + " needs a root certificate; choose the CA certificate file of environment " + name + ".");
        }
        if (statementTimeout.isNegative() || statementTimeout.isZero() || statementTimeout.compareTo(MAX_STATEMENT_TIMEOUT) > 0) {
            throw new IllegalArgumentException("The statement timeout of environment " + name + " must be between 1 second and 1 hour.");
        }
    }

    /** A profile whose role findings are warnings. */
    public EnvironmentProfile(String name, String host, int port, String database, String user, SslMode sslMode,
                              String rootCertPath, Duration statementTimeout) {
        this(name, host, port, database, user, sslMode, rootCertPath, statementTimeout, false);
    }

    /** The same profile under another name (an import into the form, a copy of production). */
    public EnvironmentProfile withName(String newName) {
        return new EnvironmentProfile(newName, host, port, database, user, sslMode, rootCertPath, statementTimeout, requireReadOnlyRole);
    }

    /** The same profile, with role findings as errors (true) or warnings (false). */
    public EnvironmentProfile withRequireReadOnlyRole(boolean required) {
        return new EnvironmentProfile(name, host, port, database, user, sslMode, rootCertPath, statementTimeout, required);
    }

    public DatabaseTarget target() {
        return new DatabaseTarget(name, host, port, database, user);
    }

    /** "staging: postgres@db.example.com:6543/postgres · sslmode=require" */
    public String describe() {
        return target().describe() + " · sslmode=" + sslMode.value() + (requireReadOnlyRole ? " · read-only role required" : "");
    }

    @Override
    public String toString() {
        return describe();
    }
}
