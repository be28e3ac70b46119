package com.rolloutcontrolroom.services.environment;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;

import javax.net.ssl.SSLException;

import com.rolloutcontrolroom.domain.environment.EnvironmentProfile;
import com.rolloutcontrolroom.services.db.FailureChain;
import com.rolloutcontrolroom.services.db.LostConnection;
import com.rolloutcontrolroom.services.db.PoolerTrouble;

/**
 * Turns a connection or query failure into one sentence that says what went wrong and what to fix,
 * from SQLStates and causes rather than pgJDBC's wording, which changes between versions.
 */
public final class ConnectionFailures {

    private ConnectionFailures() {
    }

    public static String describe(Throwable failure, EnvironmentProfile profile, boolean passwordStored) {
        return describe(failure, profile, passwordStored, Optional.empty());
    }

    /** With the keychain's sentence when it could not be read: the reason, should the server ask for a password. */
    static String describe(Throwable failure, EnvironmentProfile profile, StoredPassword password) {
        return describe(failure, profile, password.stored(), password.keychainProblem());
    }

    private static String describe(Throwable failure, EnvironmentProfile profile, boolean passwordStored, Optional<String> keychainProblem) {
        FailureChain chain = FailureChain.of(failure);
        String where = profile.host() + ":" + profile.port();
        String text = chain.text();
        boolean askedForPassword = text.contains("no password was provided") || text.contains("password-based authentication") && !passwordStored;
        if (askedForPassword && keychainProblem.isPresent()) {
            String problem = keychainProblem.get();
            return "Environment " + profile.name() + " needs a password and " + Character.toLowerCase(problem.charAt(0)) + problem.substring(1);
        }
        if (chain.hasState("28P01")) {
            return "PostgreSQL rejected the password for user " + profile.user() + " on " + where
                    + "; store the right password for environment " + profile.name() + ".";
        }
        if (askedForPassword) {
            return "The server asks for a password but none is stored for environment " + profile.name()
                    + "; type it in Settings or run env add " + profile.name() + " --replace with --password-stdin.";
        }
        if (chain.hasState("3D000")) {
            return "The database \"" + profile.database() + "\" does not exist on " + where + "; check the database name of environment "
                    + profile.name() + ".";
        }
        var pooler = PoolerTrouble.describe(failure, where);
        if (pooler.isPresent()) {
            return pooler.get();
        }
        if (chain.hasState("25006")) {
            return "PostgreSQL refused to write because the session is read-only; Rollout Control Room only reads, so remove the write from the query.";
        }
        if (chain.has(UnknownHostException.class)) {
            return "The host \"" + profile.host() + "\" is unknown (DNS found no address); check the host name of environment " + profile.name() + ".";
        }
        if (chain.has(ConnectException.class) || text.contains("connection refused")) {
            return "Nothing accepted a connection on " + where + " (connection refused); check the host and port of environment " + profile.name()
                    + " and that the server or pooler is running and reachable.";
        }
        if (chain.has(SSLException.class) || text.contains("ssl") || text.contains("certificate")) {
            return "The TLS connection to " + where + " failed (" + chain.deepestMessage() + "); check the SSL mode and root certificate of environment "
                    + profile.name() + ".";
        }
        if (connectTimedOut(chain)) {
            return "Nothing answered a connection to " + where + " within " + PostgresDataSources.CONNECT_TIMEOUT_SECONDS + " s: the host is"
                    + " down or the network drops the traffic (VPN, firewall); check the host and port of environment " + profile.name()
                    + " and the network.";
        }
        var lost = LostConnection.describe(failure, where, profile.statementTimeout());
        if (lost.isPresent()) {
            return lost.get();
        }
        if (chain.hasState("57014")) {
            // the server cancelled the statement at the timeout: only here is a longer timeout the fix
            return "The query ran longer than the statement timeout of environment " + profile.name() + " allows; make it cheaper"
                    + " or raise the environment's statement timeout.";
        }
        if (chain.has(SocketTimeoutException.class) || chain.has(SQLTransientConnectionException.class)
                || text.contains("timed out") || text.contains("timeout")) {
            return "The connection to " + where + " timed out; check the network (VPN, firewall) to environment " + profile.name()
                    + " and try again.";
        }
        if (chain.hasState("28000")) {
            return "The server at " + where + " does not allow user " + profile.user() + " to connect from here (pg_hba.conf); ask the database owner.";
        }
        if (chain.hasState("53300")) {
            return "The server at " + where + " has no free connections; try again in a moment.";
        }
        return "Could not use the database of environment " + profile.name() + " at " + where + ": " + chain.deepestMessage() + ".";
    }

    /**
     * No answer while connecting: pgJDBC's connect timeout (a SYN nobody answers) or its login
     * timeout (a socket that accepts and then says nothing), never a query's timeout.
     */
    private static boolean connectTimedOut(FailureChain chain) {
        String text = chain.text();
        return chain.has(SocketTimeoutException.class) && text.contains("connect timed out")
                || chain.hasState("08001") && text.contains("connection attempt timed out");
    }
}
