package com.rolloutcontrolroom.services.db;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Optional;

/**
 * Whether a failure means the connection to the database is gone, and why, in one sentence: the
 * server shut down, nothing accepts connections, the connection was reset, the network stalled.
 * A run stops at the first such failure, since every later query would only fail the same way.
 */
public final class LostConnection {

    private LostConnection() {
    }

    /** True when the failure is the connection's, not the query's. */
    public static boolean is(Throwable failure) {
        return cause(FailureChain.of(failure)) != Cause.NONE;
    }

    /**
     * @param where            host:port as the profile names it
     * @param statementTimeout the timeout the query ran under, which a stalled read outlasted
     * @return the sentence, or empty when the connection was not what failed
     */
    public static Optional<String> describe(Throwable failure, String where, Duration statementTimeout) {
        FailureChain chain = FailureChain.of(failure);
        return switch (cause(chain)) {
            case NONE -> Optional.empty();
            case SHUT_DOWN -> Optional.of("PostgreSQL at " + where + " shut down while the queries ran (" + chain.messageWithState("57P01", "57P02")
                    + "); run again once it is back up.");
            case STARTING_OR_STOPPING -> Optional.of("PostgreSQL at " + where + " is starting up or shutting down and takes no connections ("
                    + chain.messageWithState("57P03") + "); run again in a moment.");
            case REFUSED -> Optional.of("Nothing accepted a connection on " + where + " (connection refused): the server or pooler is down, "
                    + "or the host or port is wrong; check it and run again.");
            case NO_ROUTE -> Optional.of("There is no route to " + where + " (" + chain.deepestMessage()
                    + "); check the network (VPN, firewall) and run again.");
            case CONNECT_TIMED_OUT -> Optional.of("Nothing answered a connection to " + where + " in time: the host is down or the network "
                    + "drops the traffic (VPN, firewall); check the network and run again.");
            case STALLED -> Optional.of("The database at " + where + " stopped answering mid-query for longer than the statement timeout of "
                    + seconds(statementTimeout) + " allows: the network to it stalled or dropped (VPN, firewall, Wi-Fi); check the network and run again.");
            case RESET -> Optional.of("The connection to " + where + " was reset (" + socketMessage(chain)
                    + "): the server, a pooler or a firewall closed it; run again, and check the server's log if it happens again.");
            case NO_FREE_CONNECTION -> Optional.of("Every connection to " + where + " stayed busy while this query waited for one;"
                    + " let the other runs against this environment finish and run again.");
            case CLOSED -> Optional.of("The connection to " + where + " was closed while the queries ran (" + chain.deepestMessage()
                    + "); run again, and check the server's log if it happens again.");
        };
    }

    private static Cause cause(FailureChain chain) {
        if (chain.hasState("57P01") || chain.hasState("57P02")) {
            return Cause.SHUT_DOWN;
        }
        if (chain.hasState("57P03")) {
            return Cause.STARTING_OR_STOPPING;
        }
        if (chain.has(ConnectException.class)) {
            return Cause.REFUSED;
        }
        if (chain.hasState("08001") && chain.text().contains("connection attempt timed out")) {
            return Cause.CONNECT_TIMED_OUT; // pgJDBC's login timeout: a socket that accepted and then said nothing
        }
        if (chain.has(NoRouteToHostException.class)) {
            return Cause.NO_ROUTE;
        }
        if (chain.has(SocketTimeoutException.class)) {
            // pgJDBC's connect timeout says "connect timed out"; a read that outlasts the socket timeout "Read timed out"
            return chain.text().contains("connect timed out") || chain.hasState("08001") ? Cause.CONNECT_TIMED_OUT : Cause.STALLED;
        }
        if (chain.has(EOFException.class) || chain.has(SocketException.class)) {
            return Cause.RESET;
        }
        if (chain.has(SQLTransientConnectionException.class)) {
            // the pool's own timeout with no failure behind it: a connection still being made (no answer
            // yet), unless every connection it has was busy (HikariCP says "active=N")
            return chain.text().contains("active=0") || !chain.text().contains("active=") ? Cause.CONNECT_TIMED_OUT : Cause.NO_FREE_CONNECTION;
        }
        // 08P01 is a protocol error the server answers and survives (a pooler mixing clients), not a loss
        if (chain.states().stream().anyMatch(state -> state.startsWith("08") && !state.equals("08P01"))) {
            return Cause.CLOSED;
        }
        return Cause.NONE;
    }

    private static String socketMessage(FailureChain chain) {
        String message = chain.messageOf(SocketException.class);
        return message.isEmpty() ? chain.messageOf(EOFException.class).replaceFirst("^$", "end of stream") : message;
    }

    private static String seconds(Duration timeout) {
        return timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms";
    }

    private enum Cause {
        NONE, SHUT_DOWN, STARTING_OR_STOPPING, REFUSED, NO_ROUTE, CONNECT_TIMED_OUT, STALLED, RESET, NO_FREE_CONNECTION, CLOSED
    }
}
