package com.rolloutcontrolroom.services.environment;

import java.time.Duration;

import org.postgresql.ds.PGSimpleDataSource;

import com.rolloutcontrolroom.domain.environment.EnvironmentProfile;

/**
 * pgJDBC settings for one environment, shared by the pool and the connection test so both connect
 * the same way. The password is set on the data source object, never written into a URL string,
 * so it cannot end up in a log line or an error message that quotes the URL.
 *
 * <p>Every connection is safe behind a transaction pooler (PgBouncer in transaction mode, Supabase's
 * port 6543), whatever the profile says, because nothing tells a client that there is one in front
 * of the server: no server-side prepared statement, nothing set for the session. The statement
 * timeout is set with {@code SET LOCAL} inside each read-only transaction ({@code ReadOnlyQuery}).
 */
final class PostgresDataSources {

    static final String APPLICATION_NAME = "rollout-control-room";
    static final int CONNECT_TIMEOUT_SECONDS = 10;
    /**
     * How long past the statement timeout a silent socket is still waited for: the server cancels a
     * slow query itself at the timeout and its answer needs a moment to arrive; beyond that the
     * network has stalled.
     */
    static final Duration SOCKET_MARGIN = Duration.ofSeconds(5);

    private PostgresDataSources() {
    }

    static PGSimpleDataSource unpooled(EnvironmentProfile profile, char[] password) {
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setServerNames(new String[] {profile.host()});
        source.setPortNumbers(new int[] {profile.port()});
        source.setDatabaseName(profile.database());
        source.setUser(profile.user());
        if (password.length > 0) {
            source.setPassword(new String(password)); // pgJDBC only takes a String
        }
        source.setApplicationName(APPLICATION_NAME);
        source.setTcpKeepAlive(true);
        source.setConnectTimeout(CONNECT_TIMEOUT_SECONDS);
        source.setLoginTimeout(CONNECT_TIMEOUT_SECONDS);
        source.setSocketTimeout((int) socketTimeout(profile).toSeconds());
        source.setSslMode(profile.sslMode().value());
        if (!profile.rootCertPath().isEmpty()) {
            source.setSslRootCert(profile.rootCertPath());
        }
        // Unnamed statements only. With pgJDBC's default (5) a statement run five times becomes a named
        // server-side one, and so do pgJDBC's own BEGIN, COMMIT and ROLLBACK: behind a transaction pooler
        // the next transaction may land on a backend where that name is missing or means another
        // client's statement ("S_1 already exists"), a ROLLBACK then fails, and the connection goes back
        // to the pool inside a transaction ("Cannot change transaction read-only property").
        source.setPrepareThreshold(0);
        // read-only by BEGIN READ ONLY per transaction, never by a session setting (which a pooler would leak)
        source.setReadOnlyMode("transaction");
        return source;
    }

    /** The statement timeout plus {@link #SOCKET_MARGIN}: a read that waits longer means the network is gone. */
    static Duration socketTimeout(EnvironmentProfile profile) {
        return profile.statementTimeout().plus(SOCKET_MARGIN);
    }
}
