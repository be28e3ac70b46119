package com.rolloutcontrolroom.services.query;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import com.rolloutcontrolroom.domain.query.AsOfSql;
import com.rolloutcontrolroom.domain.query.CalledName;
import com.rolloutcontrolroom.domain.query.IntervalText;
import com.rolloutcontrolroom.domain.query.NamedParameterSql;
import com.rolloutcontrolroom.domain.query.ParameterType;
import com.rolloutcontrolroom.domain.query.ParameterValue;
import com.rolloutcontrolroom.domain.query.QueryDefinition;
import com.rolloutcontrolroom.domain.query.QueryParameter;
import com.rolloutcontrolroom.domain.query.ReadOnlySqlCheck;
import com.rolloutcontrolroom.services.db.Database;
import com.rolloutcontrolroom.services.db.ReadOnlyQuery;

import org.postgresql.util.PGInterval;

/**
 * Runs queries one by one, each in its own read-only transaction with the statement timeout. A
 * query that fails is recorded as ERROR with one sentence and the next one still runs. A query the
 * app did not ship is checked again as it runs ({@link ReadOnlySqlCheck}, {@link CalledFunctionCheck})
 * and its connection is discarded afterwards, so the built-in metrics never share its session.
 */
public final class QueryRunner {

    private final ReadOnlyQuery readOnlyQuery;
    private final Duration statementTimeout;
    private final Clock clock;

    public QueryRunner(Duration statementTimeout, Clock clock) {
        this.readOnlyQuery = new ReadOnlyQuery(statementTimeout);
        this.statementTimeout = statementTimeout;
        this.clock = clock;
    }

    /**
     * @param overrides parameter values by name, over each query's declared defaults
     * @param onEach    told of each outcome as it ends, on this (background) thread
     */
    public List<QueryOutcome> run(Database database, List<QueryDefinition> queries, Map<String, String> overrides,
                                  RunCancellation cancellation, Consumer<QueryOutcome> onEach) {
        return run(database, queries, overrides, null, cancellation, onEach);
    }

    /**
     * Runs the queries as they would have answered at {@code asOf} (a checkpoint's due instant, already
     * past): see {@link #runOne(Database, QueryDefinition, Map, Instant, RunCancellation)}.
     *
     * @param asOf the end of the window to measure; null measures at the real time, exactly as {@link #run} always did
     */
    public List<QueryOutcome> run(Database database, List<QueryDefinition> queries, Map<String, String> overrides, Instant asOf,
                                  RunCancellation cancellation, Consumer<QueryOutcome> onEach) {
        List<QueryOutcome> outcomes = new ArrayList<>();
        QueryOutcome connectionLost = null;
        for (QueryDefinition query : queries) {
            QueryOutcome outcome;
            if (cancellation.isRequested()) {
                outcome = measured(QueryOutcome.failed(query, Map.of(), QueryStatus.CANCELLED, "Cancelled before it ran.",
                        Instant.now(clock), Duration.ZERO), asOf, asOf == null ? null : AsOfSql.of(query.sql()));
            } else if (connectionLost != null) {
                // each attempt would wait for the same connection to fail again (a pool waits its full timeout)
                outcome = measured(QueryOutcome.failed(query, Map.of(), QueryStatus.ERROR, QueryOutcome.NOT_RUN + connectionLost.error(),
                        Instant.now(clock), Duration.ZERO, connectionLost.failure()), asOf, asOf == null ? null : AsOfSql.of(query.sql()));
            } else {
                outcome = runOne(database, query, overrides, asOf, cancellation);
                if (outcome.failure().stopsTheRun()) {
                    connectionLost = outcome;
                }
            }
            outcomes.add(outcome);
            onEach.accept(outcome);
        }
        return outcomes;
    }

    public QueryOutcome runOne(Database database, QueryDefinition query, Map<String, String> overrides, RunCancellation cancellation) {
        return runOne(database, query, overrides, null, cancellation);
    }

    /**
     * Runs one query as it would have answered at {@code asOf}: its clock ({@code now()}) reads
     * {@code asOf}, relative parameter defaults ({@code now - 6 hours}) count back from it, and it sees
     * only the events created before it ({@link AsOfSql}). The query's SQL as written is what the
     * checks read and the outcome records; the outcome says which instant it measured. A query that
     * reads another clock runs at the real time, and its outcome says why.
     *
     * @param asOf the end of the window to measure; null measures at the real time, exactly as before
     */
    public QueryOutcome runOne(Database database, QueryDefinition query, Map<String, String> overrides, Instant asOf,
                               RunCancellation cancellation) {
        AsOfSql how = asOf == null ? null : AsOfSql.of(query.sql());
        return measured(runMeasured(database, query, overrides, how instanceof AsOfSql.Rewritten rewritten ? rewritten : null,
                asOf, cancellation), asOf, how);
    }

    private static QueryOutcome measured(QueryOutcome outcome, Instant asOf, AsOfSql how) {
        if (how instanceof AsOfSql.RealTime realTime) {
            return outcome.measured(null, realTime.reason());
        }
        return how == null ? outcome : outcome.measured(asOf, null);
    }

    /** @param rewritten the statement to send instead of the query's own SQL, measuring as of {@code asOf}; null for the real time */
    private QueryOutcome runMeasured(Database database, QueryDefinition query, Map<String, String> overrides,
                                     AsOfSql.Rewritten rewritten, Instant asOf, RunCancellation cancellation) {
        Instant started = Instant.now(clock);
        long startNanos = System.nanoTime();
        Map<String, String> parameterText = query.resolveParameters(overrides);
        Map<String, Object> values;
        try {
            values = bindValues(query, parameterText, rewritten == null ? started : asOf);
        } catch (IllegalArgumentException e) {
            return QueryOutcome.failed(query, parameterText, QueryStatus.ERROR, e.getMessage(), started, Duration.ZERO);
        }
        Map<String, String> recorded = new LinkedHashMap<>();
        values.forEach((name, value) -> recorded.put(name, value.toString()));
        if (rewritten != null) {
            // recorded apart (QueryOutcome.asOf), so the journaled parameters stay the query's own
            values.put(AsOfSql.PARAMETER, asOf);
        }
        NamedParameterSql sent = rewritten == null ? query.jdbc() : NamedParameterSql.parse(rewritten.sql());
        if (SingleStatement.holdsMoreThanOne(sent.jdbcSql())) {
            return QueryOutcome.failed(query, recorded, QueryStatus.ERROR, "Refused: the query holds more than one statement; "
                    + "give each statement its own '-- name:' entry.", started, Duration.ZERO);
        }
        // the loader refuses these too; checked again here for a query that reached the runner some other way
        List<ReadOnlySqlCheck.Refusal> refusals = ReadOnlySqlCheck.refusals(query.sql());
        if (!refusals.isEmpty()) {
            return QueryOutcome.failed(query, recorded, QueryStatus.ERROR, "Refused: the query " + refusals.get(0).sentence() + ".",
                    started, Duration.ZERO);
        }
        try {
            Table table = query.builtIn()
                    ? readOnlyQuery.run(database.dataSource(), timeout(database),
                            connection -> execute(connection, sent, query, values, cancellation))
                    // SQL the app did not write: its called functions are resolved first, and its connection never serves another query
                    : readOnlyQuery.runAndDiscard(database.dataSource(), timeout(database), connection -> {
                        Optional<String> refusal = CalledFunctionCheck.refusal(connection, CalledName.in(query.sql()));
                        if (refusal.isPresent()) {
                            throw new RefusedQuery(refusal.get());
                        }
                        return execute(connection, sent, query, values, cancellation);
                    });
            return new QueryOutcome(query, recorded, QueryStatus.OK, table.columns(), table.rows(), null, started,
                    Duration.ofNanos(System.nanoTime() - startNanos), FailureKind.NONE);
        } catch (RefusedQuery e) {
            return QueryOutcome.failed(query, recorded, QueryStatus.ERROR, e.getMessage(), started,
                    Duration.ofNanos(System.nanoTime() - startNanos));
        } catch (SQLException e) {
            QueryStatus status = cancellation.isRequested() ? QueryStatus.CANCELLED : QueryStatus.ERROR;
            String message = status == QueryStatus.CANCELLED ? "Cancelled while running." : SqlFailure.describe(e, timeout(database), database.target());
            return QueryOutcome.failed(query, recorded, status, message, started, Duration.ofNanos(System.nanoTime() - startNanos),
                    status == QueryStatus.CANCELLED ? FailureKind.NONE : FailureKind.of(e));
        } catch (RuntimeException e) {
            return QueryOutcome.failed(query, recorded, QueryStatus.ERROR, "The query failed: " + e.getMessage(), started,
                    Duration.ofNanos(System.nanoTime() - startNanos));
        } finally {
            cancellation.finished();
        }
    }

    /** The environment's own timeout when its profile sets one, else this runner's. */
    private Duration timeout(Database database) {
        return database.statementTimeout().orElse(statementTimeout);
    }

    private static Map<String, Object> bindValues(QueryDefinition query, Map<String, String> text, Instant now) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (QueryParameter parameter : query.parameters()) {
            try {
                values.put(parameter.name(), ParameterValue.resolve(parameter.type(), text.get(parameter.name()), now));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Parameter :" + parameter.name() + " of " + query.name()
                        + " must be " + e.getMessage() + "; got '" + text.get(parameter.name()) + "'.");
            }
        }
        return values;
    }

    private static Table execute(Connection connection, NamedParameterSql sql, QueryDefinition query,
                                 Map<String, Object> values, RunCancellation cancellation) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql.jdbcSql())) {
            int index = 1;
            for (String name : sql.bindingOrder()) {
                ParameterType type = name.equals(AsOfSql.PARAMETER) ? ParameterType.TIMESTAMPTZ : query.parameter(name).orElseThrow().type();
                bind(statement, index++, type, values.get(name));
            }
            cancellation.running(statement);
            try (ResultSet resultSet = statement.executeQuery()) {
                return Table.read(resultSet);
            }
        }
    }

    private static void bind(PreparedStatement statement, int index, ParameterType type, Object value) throws SQLException {
        switch (type) {
            case TIMESTAMPTZ -> statement.setObject(index, OffsetDateTime.ofInstant((Instant) value, ZoneOffset.UTC));
            case INTEGER -> statement.setLong(index, (Long) value);
            // typed as interval: a text parameter would be cast with interval_in on every row
            case INTERVAL -> statement.setObject(index, interval(IntervalText.parse((String) value)));
            default -> statement.setString(index, (String) value);
        }
    }

    /**
     * An exact duration, in hours, minutes and seconds only. A day part ({@code '1 day'}) makes PostgreSQL
     * do calendar arithmetic in the session's time zone on every row of {@code now() - :window}: 60 %
     * slower on a million rows than {@code '24:00:00'}, which is also what the runbook's {@code '24 hours'} means.
     */
    static PGInterval interval(Duration duration) {
        long seconds = duration.getSeconds();
        return new PGInterval(0, 0, 0, (int) (seconds / 3_600), (int) (seconds % 3_600 / 60), seconds % 60);
    }

    /** A user query that a check in its own transaction refused before it ran. */
    private static final class RefusedQuery extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RefusedQuery(String sentence) {
            super(sentence, null, false, false);
        }
    }

    /** Rows read into plain values, so they outlive the connection and serialize as JSON. */
    private record Table(List<String> columns, List<List<Object>> rows) {

        static Table read(ResultSet resultSet) throws SQLException {
            ResultSetMetaData meta = resultSet.getMetaData();
            List<String> columns = new ArrayList<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                columns.add(meta.getColumnLabel(i));
            }
            List<List<Object>> rows = new ArrayList<>();
            while (resultSet.next()) {
                List<Object> row = new ArrayList<>(columns.size());
                for (int i = 1; i <= columns.size(); i++) {
                    row.add(CellValue.read(resultSet, i, meta.getColumnTypeName(i)));
                }
                rows.add(row);
            }
            return new Table(columns, rows);
        }
    }
}
