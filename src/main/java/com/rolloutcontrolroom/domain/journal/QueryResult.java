package com.rolloutcontrolroom.domain.journal;

import java.util.Map;
import java.util.TreeMap;

/**
 * One query of a snapshot, exactly as it ran.
 *
 * @param parameters bind values by name (or by position "1", "2" ...), as text, never credentials
 * @param rowsJson   the result rows as the JSON text the query runner produced; journaled verbatim
 */
public record QueryResult(String name, String sql, Map<String, String> parameters, String rowsJson) {

    public QueryResult {
        name = Require.text(name, "Query name");
        if (sql == null || sql.isBlank()) {
            throw new IllegalArgumentException("Query SQL text is empty; record the exact SQL that ran.");
        }
        Require.present(parameters, "Query parameters");
        parameters.forEach((key, value) -> {
            Require.text(key, "Query parameter name");
            Require.present(value, "Value of query parameter " + key);
        });
        // exact text, not stripped: the journal must show what was sent to the database
        parameters = Map.copyOf(new TreeMap<>(parameters));
        rowsJson = Require.text(rowsJson, "Result rows JSON");
        if (!(rowsJson.startsWith("[") || rowsJson.startsWith("{"))) {
            throw new IllegalArgumentException("Result rows must be a JSON array or object; got text starting with '"
                    + rowsJson.charAt(0) + "'.");
        }
    }
}
