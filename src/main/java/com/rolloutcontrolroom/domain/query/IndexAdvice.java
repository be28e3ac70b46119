package com.rolloutcontrolroom.domain.query;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The index a suite needs on observability_events and lacks. The queries that filter on the time
 * window alone (the 24 h top-10 breakdown, the legacy-activity counts) have no source to narrow by,
 * so without an index led by created_at each reads the whole table. The decision comes from the
 * catalog, not from EXPLAIN: a small table is scanned sequentially with or without the index, so a
 * plan would advise on every test database and tell nothing about production. The app only shows the
 * statement; it never runs it (its connection is read-only, and building an index is the DBA's call).
 *
 * @param table          the table as the statement names it (schema-qualified outside public)
 * @param invalidIndexes indexes led by created_at that are INVALID or not ready, qualified like the table; the planner ignores them
 * @param queries        the suite's queries that would use the index
 */
public record IndexAdvice(String table, List<String> invalidIndexes, List<String> queries) {

    public static final String COLUMN = "created_at";
    public static final String INDEX_NAME = "observability_events_created_at_idx";

    private static final Pattern READS_EVENTS = Pattern.compile("\\bobservability_events\\b");
    private static final Pattern TIME_RANGE = Pattern.compile("\\bcreated_at\\s*(>=|>|<=|<|between\\b)");
    private static final Pattern BY_SOURCE = Pattern.compile("\\bsource\\s*(=|in\\b)");

    public IndexAdvice {
        invalidIndexes = List.copyOf(invalidIndexes);
        queries = List.copyOf(queries);
    }

    /**
     * @param schema  the schema observability_events resolves to
     * @param indexes every index of the table
     * @param suite   the queries a run sends
     * @return empty when an index serves time windows, or when no query of the suite needs one
     */
    public static Optional<IndexAdvice> decide(String schema, List<EventIndex> indexes, List<QueryDefinition> suite) {
        if (indexes.stream().anyMatch(EventIndex::servesTimeWindows)) {
            return Optional.empty();
        }
        List<String> needing = suite.stream().filter(IndexAdvice::filtersOnTimeAlone).map(QueryDefinition::name).toList();
        if (needing.isEmpty()) {
            return Optional.empty();
        }
        String prefix = schema == null || schema.equals("public") ? "" : identifier(schema) + ".";
        return Optional.of(new IndexAdvice(prefix + "observability_events",
                indexes.stream().filter(EventIndex::leftInvalid).map(index -> prefix + identifier(index.name())).toList(), needing));
    }

    /** Reads observability_events over a time range with no source to narrow it by (that is what the (source, created_at) index serves). */
    static boolean filtersOnTimeAlone(QueryDefinition query) {
        String sql = query.sql().toLowerCase(Locale.ROOT);
        return READS_EVENTS.matcher(sql).find() && TIME_RANGE.matcher(sql).find() && !BY_SOURCE.matcher(sql).find();
    }

    /**
     * What to run, on one line (psql sends each statement on its own, as CONCURRENTLY needs): an INVALID index is dropped
     * first (it only slows writes, and may hold the name).
     */
    public String statement() {
        StringBuilder sql = new StringBuilder();
        invalidIndexes.forEach(index -> sql.append("DROP INDEX CONCURRENTLY ").append(index).append("; "));
        return sql.append("CREATE INDEX CONCURRENTLY ").append(INDEX_NAME).append(" ON ").append(table).append(" (").append(COLUMN)
                .append(");").toString();
    }

    /** The short form a screen shows on one line before the statement; {@link #sentence()} says the rest. */
    public String headline() {
        return queries.size() + (queries.size() == 1 ? " query reads" : " queries read") + " all of " + table
                + (invalidIndexes.isEmpty() ? "; an index on " + COLUMN + " would help:" : "; its " + COLUMN + " index is INVALID, rebuild it:");
    }

    /** One sentence: what is missing, what it costs, which queries, and that the app does not create it. */
    public String sentence() {
        String invalid = invalidIndexes.isEmpty() ? ""
                : " (" + String.join(", ", invalidIndexes) + (invalidIndexes.size() == 1 ? " is" : " are")
                        + " INVALID, left by a failed CREATE INDEX CONCURRENTLY, and the planner ignores "
                        + (invalidIndexes.size() == 1 ? "it" : "them") + ")";
        return table + " has no valid index led by " + COLUMN + invalid + ", so " + names() + " read" + (queries.size() == 1 ? "s" : "")
                + " the whole table; an index on " + COLUMN + " would help (the app never creates it, ask your DBA to run the statement).";
    }

    private String names() {
        if (queries.size() == 1) {
            return queries.get(0);
        }
        return String.join(", ", queries.subList(0, queries.size() - 1)) + " and " + queries.get(queries.size() - 1);
    }

    /** An identifier as PostgreSQL would need it written: quoted unless plain lower case. */
    static String identifier(String name) {
        return name.matches("[a-z_][a-z0-9_$]*") ? name : "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
