package com.rolloutcontrolroom.services.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

/**
 * The cases the end-to-end tests cannot stage cheaply (a host that drops packets, no route, a pooler's
 * own errors), built from the exception shapes pgJDBC and HikariCP produce. Stopped servers, refused
 * and reset connections and stalled reads run for real in LostConnectionRunTest.
 */
class ConnectionTroubleTest {

    private static final String WHERE = "db.example.com:5432";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void aConnectThatTimesOutIsTheNetworkNotAStalledQuery() {
        var failure = new PSQLException("The connection attempt failed.", PSQLState.CONNECTION_UNABLE_TO_CONNECT,
                new SocketTimeoutException("Connect timed out"));
        assertThat(LostConnection.is(failure)).isTrue();
        assertThat(LostConnection.describe(failure, WHERE, TIMEOUT)).hasValue("Nothing answered a connection to db.example.com:5432 in time:"
                + " the host is down or the network drops the traffic (VPN, firewall); check the network and run again.");
    }

    @Test
    void aReadThatOutlastsTheSocketTimeoutIsAStalledNetwork() {
        var failure = new PSQLException("An I/O error occurred while sending to the backend.", PSQLState.CONNECTION_FAILURE,
                new SocketTimeoutException("Read timed out"));
        assertThat(LostConnection.describe(failure, WHERE, TIMEOUT).orElseThrow())
                .startsWith("The database at db.example.com:5432 stopped answering mid-query for longer than the statement timeout of 30 s");
    }

    @Test
    void noRouteAndAServerStartingUpAreNamed() {
        assertThat(LostConnection.describe(new PSQLException("The connection attempt failed.", PSQLState.CONNECTION_UNABLE_TO_CONNECT,
                new NoRouteToHostException("No route to host")), WHERE, TIMEOUT).orElseThrow())
                .startsWith("There is no route to db.example.com:5432 (No route to host)");
        // as the pool reports it: its own timeout, caused by the server's answer to each attempt
        var starting = new SQLTransientConnectionException("env-staging - Connection is not available, request timed out after 10000ms",
                new SQLException("FATAL: the database system is starting up", "57P03"));
        assertThat(LostConnection.describe(starting, WHERE, TIMEOUT)).hasValue("PostgreSQL at db.example.com:5432 is starting up or shutting"
                + " down and takes no connections (the database system is starting up); run again in a moment.");
    }

    @Test
    void thePoolsOwnTimeoutIsANetworkThatDoesNotAnswerUnlessEveryConnectionWasBusy() {
        var stillConnecting = new SQLTransientConnectionException("env-staging - Connection is not available, request timed out after 10000ms"
                + " (total=0, active=0, idle=0, waiting=0)");
        assertThat(LostConnection.describe(stillConnecting, WHERE, TIMEOUT).orElseThrow()).startsWith("Nothing answered a connection to db.example.com:5432");
        var busy = new SQLTransientConnectionException("env-staging - Connection is not available, request timed out after 10000ms"
                + " (total=2, active=2, idle=0, waiting=1)");
        assertThat(LostConnection.describe(busy, WHERE, TIMEOUT).orElseThrow()).startsWith("Every connection to db.example.com:5432 stayed busy");
    }

    @Test
    void theQuerysOwnFailuresAreNotALostConnection() {
        assertThat(LostConnection.is(new SQLException("ERROR: canceling statement due to statement timeout", "57014"))).isFalse();
        assertThat(LostConnection.is(new SQLException("ERROR: syntax error at or near \"SELEC\"", "42601"))).isFalse();
        // a protocol error the server answers and survives: a pooler mixing clients, not a lost connection
        assertThat(LostConnection.is(new SQLException("ERROR: bind message supplies 0 parameters, but prepared statement \"S_48\" requires 1",
                "08P01"))).isFalse();
    }

    @Test
    void aRollbackThatFailedAfterTheLossDoesNotHideIt() {
        var lost = new SQLException("FATAL: terminating connection due to administrator command", "57P01");
        lost.addSuppressed(new SQLException("Connection is closed", "08003"));
        assertThat(LostConnection.describe(lost, WHERE, TIMEOUT)).hasValue("PostgreSQL at db.example.com:5432 shut down while the queries ran"
                + " (terminating connection due to administrator command); run again once it is back up.");
    }

    @Test
    void aPoolerOnlyErrorNamesThePoolerSettingThatFixesIt() {
        assertThat(PoolerTrouble.describe(new SQLException("ERROR: unsupported startup parameter: extra_float_digits", "08P01"), WHERE))
                .hasValue("The pooler at db.example.com:5432 refused the connection parameter extra_float_digits that the PostgreSQL driver"
                        + " sends; add extra_float_digits to ignore_startup_parameters in its configuration (PgBouncer).");
        assertThat(PoolerTrouble.describe(new SQLException("ERROR: prepared statement \"S_1\" already exists", "42P05"), WHERE).orElseThrow())
                .contains("mixed up prepared statements between clients (prepared statement \"S_1\" already exists)").contains("pool_mode");
        assertThat(PoolerTrouble.describe(new PSQLException("Cannot change transaction read-only property in the middle of a transaction.",
                PSQLState.ACTIVE_SQL_TRANSACTION), WHERE).orElseThrow()).contains("still inside a transaction").contains("pool_mode");
        assertThat(PoolerTrouble.describe(new SQLException("ERROR: relation \"x\" does not exist", "42P01"), WHERE)).isEmpty();
    }
}
