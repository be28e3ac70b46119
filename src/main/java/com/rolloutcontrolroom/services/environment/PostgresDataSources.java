package com.rolloutcontrolroom.services.environment;

import org.postgresql.ds.PGSimpleDataSource;

import com.rolloutcontrolroom.domain.environment.EnvironmentProfile;
import com.rolloutcontrolroom.domain.environment.PoolerMode;

/**
 * pgJDBC settings for one environment, shared by the pool and the connection test so both connect
 * the same way. The password is set on the data source object, never written into a URL string,
 * so it cannot end up in a log line or an error message that quotes the URL.
 */
final class PostgresDataSources {

    static final String APPLICATION_NAME = "rollout-control-room";
    private static final int CONNECT_TIMEOUT_SECONDS = 10;

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
        // a socket read that outlives the statement timeout by far means the network is gone; the margin
        // lets the server's own timeout answer first, so a slow query reads as a timeout, not a broken line
        source.setSocketTimeout((int) profile.statementTimeout().toSeconds() + 30);
        source.setSslMode(profile.sslMode().value());
        if (!profile.rootCertPath().isEmpty()) {
            source.setSslRootCert(profile.rootCertPath());
        }
        if (profile.poolerMode() == PoolerMode.TRANSACTION_POOLER) {
            // named server-side statements do not survive a transaction pooler switching backends
            source.setPrepareThreshold(0);
        }
        return source;
    }
}
