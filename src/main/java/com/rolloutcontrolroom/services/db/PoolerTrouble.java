package com.rolloutcontrolroom.services.db;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Errors that only a connection pooler in front of PostgreSQL produces, each with the setting that
 * fixes it. Every connection is already safe behind a transaction pooler (no server-side prepared
 * statements, no session settings), so these name the pooler's own configuration.
 */
public final class PoolerTrouble {

    private static final Pattern STARTUP_PARAMETER = Pattern.compile("unsupported startup parameter:?\\s*([a-z_]+)");

    private PoolerTrouble() {
    }

    /** @return the sentence, or empty when the failure is not one a pooler causes */
    public static Optional<String> describe(Throwable failure, String where) {
        FailureChain chain = FailureChain.of(failure);
        String text = chain.text();
        if (text.contains("statement pooling mode") || text.contains("transaction blocks not allowed")) {
            return Optional.of("The pooler at " + where + " runs in statement mode, which refuses the read-only transaction every query "
                    + "runs in; connect to its transaction-mode port instead, or set pool_mode = transaction in its configuration (PgBouncer).");
        }
        Matcher parameter = STARTUP_PARAMETER.matcher(text);
        if (parameter.find()) {
            return Optional.of("The pooler at " + where + " refused the connection parameter " + parameter.group(1)
                    + " that the PostgreSQL driver sends; add " + parameter.group(1)
                    + " to ignore_startup_parameters in its configuration (PgBouncer).");
        }
        if (chain.hasState("42P05") || chain.hasState("26000") || text.contains("bind message supplies")) {
            return Optional.of("The pooler at " + where + " mixed up prepared statements between clients ("
                    + chain.deepestMessage() + "), although Rollout Control Room creates none; run it in transaction or session mode "
                    + "(PgBouncer: pool_mode), not in statement mode or behind another pooler, and run again.");
        }
        // pgJDBC's own check when a borrowed connection is still in a transaction, not a server error
        if (chain.hasState("25001") && text.contains("in the middle of a transaction")) {
            return Optional.of("A connection to " + where + " came back still inside a transaction (" + chain.deepestMessage()
                    + "), which a pooler that mixes clients' sessions causes; the app dropped that connection, so run again, and"
                    + " check the pooler's pool_mode (transaction or session) if it happens again.");
        }
        return Optional.empty();
    }
}
