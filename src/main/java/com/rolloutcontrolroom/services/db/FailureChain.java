package com.rolloutcontrolroom.services.db;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.Locale;

/**
 * A failure with everything behind it: causes, chained SQL exceptions and suppressed ones (a
 * rollback that failed after the query did). Read by SQLState and exception type, not by pgJDBC's
 * wording, which changes between versions.
 */
public record FailureChain(List<Throwable> all, List<Throwable> primary) {

    public static FailureChain of(Throwable failure) {
        List<Throwable> primary = new ArrayList<>();
        collect(failure, primary, false, Collections.newSetFromMap(new IdentityHashMap<>()));
        List<Throwable> all = new ArrayList<>();
        collect(failure, all, true, Collections.newSetFromMap(new IdentityHashMap<>()));
        return new FailureChain(List.copyOf(all), List.copyOf(primary));
    }

    /** Causes and chained SQL exceptions; with {@code suppressed}, also what failed while handling them. */
    private static void collect(Throwable failure, List<Throwable> into, boolean suppressed, Set<Throwable> seen) {
        if (failure == null || into.size() >= 30 || !seen.add(failure)) {
            return;
        }
        into.add(failure);
        collect(failure.getCause(), into, suppressed, seen);
        if (failure instanceof SQLException sql) {
            collect(sql.getNextException(), into, suppressed, seen);
        }
        if (suppressed) {
            for (Throwable later : failure.getSuppressed()) {
                collect(later, into, true, seen);
            }
        }
    }

    public boolean has(Class<? extends Throwable> type) {
        return all.stream().anyMatch(type::isInstance);
    }

    public boolean hasState(String state) {
        return states().contains(state);
    }

    public boolean hasStateStartingWith(String prefix) {
        return states().stream().anyMatch(state -> state.startsWith(prefix));
    }

    public List<String> states() {
        List<String> states = new ArrayList<>();
        for (Throwable failure : all) {
            if (failure instanceof SQLException sql && sql.getSQLState() != null) {
                states.add(sql.getSQLState());
            }
        }
        return states;
    }

    /** Every message, lower case, for the few cases only the text tells apart. */
    public String text() {
        StringBuilder text = new StringBuilder();
        all.forEach(failure -> text.append(' ').append(failure.getMessage()));
        return text.toString().toLowerCase(Locale.ROOT);
    }

    /** The first line of the message of the first SQL failure with one of these states; empty when there is none. */
    public String messageWithState(String... states) {
        for (Throwable failure : all) {
            if (failure instanceof SQLException sql && sql.getSQLState() != null && List.of(states).contains(sql.getSQLState())
                    && sql.getMessage() != null) {
                return firstLine(sql.getMessage());
            }
        }
        return "";
    }

    /** The first line of the first message of that type, without "ERROR: "/"FATAL: " and a final stop. */
    public String messageOf(Class<? extends Throwable> type) {
        for (Throwable failure : all) {
            if (type.isInstance(failure) && failure.getMessage() != null && !failure.getMessage().isBlank()) {
                return firstLine(failure.getMessage());
            }
        }
        return "";
    }

    /**
     * The first line of the deepest message of the failure itself (not of what failed while handling
     * it, like a rollback's "Connection is closed"): usually the server's or the operating system's words.
     */
    public String deepestMessage() {
        for (int i = primary.size() - 1; i >= 0; i--) {
            String message = primary.get(i).getMessage();
            if (message != null && !message.isBlank()) {
                return firstLine(message);
            }
        }
        return primary.isEmpty() ? "" : primary.get(primary.size() - 1).getClass().getSimpleName();
    }

    static String firstLine(String message) {
        String line = message.lines().findFirst().orElse(message).strip();
        line = line.replaceFirst("^(ERROR|FATAL|PANIC): ", "");
        return line.endsWith(".") ? line.substring(0, line.length() - 1) : line;
    }
}
