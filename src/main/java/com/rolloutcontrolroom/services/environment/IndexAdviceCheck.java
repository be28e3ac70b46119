package com.rolloutcontrolroom.services.environment;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.rolloutcontrolroom.domain.query.EventIndex;
import com.rolloutcontrolroom.domain.query.IndexAdvice;
import com.rolloutcontrolroom.domain.query.QueryDefinition;
import com.rolloutcontrolroom.services.db.Database;
import com.rolloutcontrolroom.services.db.ReadOnlyQuery;

/**
 * The one place that reads observability_events' indexes from the catalog for the index advice
 * ({@link IndexAdvice} decides). Used by {@code env test} and by every suite run on the Queries
 * screen. It only reads pg_index, pg_class, pg_am and pg_attribute: it never creates an index.
 */
public final class IndexAdviceCheck {

    /** The table as the queries resolve it (search_path), its schema, and each index's first key column. */
    private static final String INDEXES = """
            SELECT n.nspname, ic.relname, a.attname, am.amname, i.indisvalid, i.indisready, i.indpred IS NOT NULL
            FROM pg_catalog.pg_class t
            JOIN pg_catalog.pg_namespace n ON n.oid = t.relnamespace
            LEFT JOIN pg_catalog.pg_index i ON i.indrelid = t.oid
            LEFT JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
            LEFT JOIN pg_catalog.pg_am am ON am.oid = ic.relam
            LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = t.oid AND a.attnum = i.indkey[0] AND i.indkey[0] <> 0
            WHERE t.oid = pg_catalog.to_regclass('observability_events')
            ORDER BY ic.relname""";

    /**
     * Blocking: the advice for these queries, read on the given connection (any transaction, read-only is enough).
     * Empty when the table does not resolve: there is nothing to index, and the queries will say so themselves.
     */
    public Optional<IndexAdvice> check(Connection connection, List<QueryDefinition> queries) throws SQLException {
        String schema = null;
        List<EventIndex> indexes = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(INDEXES); ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                schema = rows.getString(1);
                if (rows.getString(2) != null) {
                    indexes.add(new EventIndex(rows.getString(2), rows.getString(3), rows.getString(4), rows.getBoolean(5),
                            rows.getBoolean(6), rows.getBoolean(7)));
                }
            }
        }
        return schema == null ? Optional.empty() : IndexAdvice.decide(schema, indexes, queries);
    }

    /** Blocking: {@link #check(Connection, List)} in its own read-only transaction on the database's connections. */
    public Optional<IndexAdvice> check(Database database, List<QueryDefinition> queries, Duration timeout) throws SQLException {
        return new ReadOnlyQuery(database.statementTimeout().orElse(timeout)).run(database.dataSource(), connection -> check(connection, queries));
    }
}
