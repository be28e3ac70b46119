package com.rolloutcontrolroom.services.journal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The triggers that make the table append-only. Dropping them takes one SQL statement and leaves
 * {@code user_version} alone, so they are checked by name and definition at every writable open
 * (and by {@code journal verify}) instead of being trusted to a migration that ran once.
 */
final class AppendOnlyTriggers {

    /** Name → the definition SQLite keeps in sqlite_master (migration 2 created exactly these). */
    static final Map<String, String> DEFINITIONS = definitions();

    private AppendOnlyTriggers() {
    }

    private static Map<String, String> definitions() {
        Map<String, String> definitions = new LinkedHashMap<>();
        definitions.put("journal_entry_no_update", """
                CREATE TRIGGER journal_entry_no_update BEFORE UPDATE ON journal_entry
                BEGIN SELECT RAISE(ABORT, 'the journal is append-only: UPDATE is refused'); END""");
        definitions.put("journal_entry_no_delete", """
                CREATE TRIGGER journal_entry_no_delete BEFORE DELETE ON journal_entry
                BEGIN SELECT RAISE(ABORT, 'the journal is append-only: DELETE is refused'); END""");
        return java.util.Collections.unmodifiableMap(definitions);
    }

    /** Each trigger that is missing or whose definition was changed, with which; empty when all are sound. */
    static Map<String, String> damaged(Connection connection) throws SQLException {
        Map<String, String> damaged = new LinkedHashMap<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ? AND tbl_name = 'journal_entry'")) {
            for (Map.Entry<String, String> trigger : DEFINITIONS.entrySet()) {
                query.setString(1, trigger.getKey());
                try (ResultSet rs = query.executeQuery()) {
                    if (!rs.next()) {
                        damaged.put(trigger.getKey(), "missing");
                    } else if (!normalized(rs.getString(1)).equals(normalized(trigger.getValue()))) {
                        damaged.put(trigger.getKey(), "altered");
                    }
                }
            }
        }
        return damaged;
    }

    /** Recreates the named triggers; runs inside the caller's transaction so the repair and its record commit together. */
    static void restore(Statement statement, java.util.Collection<String> names) throws SQLException {
        for (String name : names) {
            statement.execute("DROP TRIGGER IF EXISTS " + name);
            statement.execute(DEFINITIONS.get(name));
        }
    }

    /** SQLite keeps the statement's text as written; compare it without caring about whitespace or case. */
    private static String normalized(String sql) {
        return sql == null ? "" : sql.replaceAll("\\s+", " ").strip().toLowerCase(java.util.Locale.ROOT);
    }
}
