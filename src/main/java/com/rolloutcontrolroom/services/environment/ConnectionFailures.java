package com.rolloutcontrolroom.services.environment;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.net.ssl.SSLException;

import com.rolloutcontrolroom.domain.environment.EnvironmentProfile;
import com.rolloutcontrolroom.domain.environment.PoolerMode;

/**
 * Turns a connection or query failure into one sentence that says what went wrong and what to fix,
 * from SQLStates and causes rather than pgJDBC's wording, which changes between versions.
 */
public final class ConnectionFailures {

    private ConnectionFailures() {
    }

    public static String describe(Throwable failure, EnvironmentProfile profile, boolean passwordStored) {
        List<Throwable> chain = chain(failure);
        String where = profile.host() + ":" + profile.port();
        String states = String.join(" ", sqlStates(chain));
        String text = messages(chain);
        if (states.contains("28P01")) {
            return "PostgreSQL rejected the password for user " + profile.user() + " on " + where
                    + "; store the right password for environment " + profile.name() + ".";
        }
        if (text.contains("no password was provided") || text.contains("password-based authentication") && !passwordStored) {
            return "The server asks for a password but none is stored for environment " + profile.name()
                    + "; type it in Settings or run env add with --password-stdin.";
        }
        if (states.contains("3D000")) {
            return "The database \"" + profile.database() + "\" does not exist on " + where + "; check the database name of environment "
                    + profile.name() + ".";
        }
        if (states.contains("26000") || text.contains("prepared statement") && text.contains("does not exist")) {
            return "The connection pooler at " + where + " rejected a prepared statement; set the pooler mode of environment "
                    + profile.name() + " to " + PoolerMode.TRANSACTION_POOLER.label() + ".";
        }
        if (states.contains("25006")) {
            return "PostgreSQL refused to write because the session is read-only; Rollout Control Room only reads, so remove the write from the query.";
        }
        if (has(chain, UnknownHostException.class)) {
            return "The host \"" + profile.host() + "\" is unknown (DNS found no address); check the host name of environment " + profile.name() + ".";
        }
        if (has(chain, ConnectException.class) || has(chain, NoRouteToHostException.class) || text.contains("refused")) {
            return "Nothing accepted a connection on " + where + "; check the host and port of environment " + profile.name()
                    + " and that the server or pooler is running and reachable.";
        }
        if (has(chain, SSLException.class) || text.contains("ssl") || text.contains("certificate")) {
            return "The TLS connection to " + where + " failed (" + deepestMessage(chain) + "); check the SSL mode and root certificate of environment "
                    + profile.name() + ".";
        }
        if (has(chain, SocketTimeoutException.class) || states.contains("57014") || failure instanceof SQLTransientConnectionException
                || text.contains("timed out") || text.contains("timeout")) {
            return "The connection to " + where + " timed out; check the network (VPN, firewall) or raise the statement timeout of environment "
                    + profile.name() + ".";
        }
        if (states.contains("28000")) {
            return "The server at " + where + " does not allow user " + profile.user() + " to connect from here (pg_hba.conf); ask the database owner.";
        }
        if (states.contains("53300")) {
            return "The server at " + where + " has no free connections; try again in a moment.";
        }
        return "Could not use the database of environment " + profile.name() + " at " + where + ": " + deepestMessage(chain) + ".";
    }

    private static List<Throwable> chain(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable cause = failure; cause != null && !chain.contains(cause) && chain.size() < 20; cause = cause.getCause()) {
            chain.add(cause);
            if (cause instanceof SQLException sql && sql.getNextException() != null && !chain.contains(sql.getNextException())) {
                chain.add(sql.getNextException());
            }
        }
        return chain;
    }

    private static List<String> sqlStates(List<Throwable> chain) {
        List<String> states = new ArrayList<>();
        for (Throwable cause : chain) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                states.add(sql.getSQLState());
            }
        }
        return states;
    }

    private static String messages(List<Throwable> chain) {
        StringBuilder all = new StringBuilder();
        chain.forEach(cause -> all.append(' ').append(cause.getMessage()));
        return all.toString().toLowerCase(Locale.ROOT);
    }

    private static boolean has(List<Throwable> chain, Class<? extends Throwable> type) {
        return chain.stream().anyMatch(type::isInstance);
    }

    private static String deepestMessage(List<Throwable> chain) {
        for (int i = chain.size() - 1; i >= 0; i--) {
            String message = chain.get(i).getMessage();
            if (message != null && !message.isBlank()) {
                return message.lines().findFirst().orElse("").strip().replaceAll("[.]$", "");
            }
        }
        return chain.get(chain.size() - 1).getClass().getSimpleName();
    }
}
