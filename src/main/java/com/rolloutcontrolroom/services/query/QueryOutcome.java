package com.rolloutcontrolroom.services.query;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.rolloutcontrolroom.domain.query.QueryDefinition;

/**
 * One query of a run, exactly as it ran: its SQL, its parameter values, and either its rows or
 * the one sentence saying why it could not run.
 *
 * @param rows     cell values as read: String, Long, BigDecimal, Boolean, ISO-8601 text for times, or null
 * @param failure  why it did not run ({@link FailureKind#NONE} when it did)
 * @param asOf     the instant it measured when it was run as of a window's end ({@link com.rolloutcontrolroom.domain.query.AsOfSql});
 *                 null when it ran at the real time
 * @param realTime when asked for an instant it could not be taken as of, the sentence saying why; else null
 */
public record QueryOutcome(QueryDefinition query, Map<String, String> parameters, QueryStatus status,
                           List<String> columns, List<List<Object>> rows, String error,
                           Instant startedAt, Duration took, FailureKind failure, Instant asOf, String realTime) {

    /** How the error of a query that was never sent starts: the reason is the failure that came before it. */
    public static final String NOT_RUN = "Not run: ";

    public QueryOutcome {
        parameters = Map.copyOf(parameters);
        columns = List.copyOf(columns);
        rows = rows.stream().map(row -> java.util.Collections.unmodifiableList(new java.util.ArrayList<>(row))).toList();
    }

    /** An outcome measured at the real time, as every run was before a checkpoint could be taken as of its due instant. */
    public QueryOutcome(QueryDefinition query, Map<String, String> parameters, QueryStatus status,
                        List<String> columns, List<List<Object>> rows, String error,
                        Instant startedAt, Duration took, FailureKind failure) {
        this(query, parameters, status, columns, rows, error, startedAt, took, failure, null, null);
    }

    /** True for a query that was never sent because an earlier failure (a lost connection) made it pointless. */
    public boolean wasNotRun() {
        return status == QueryStatus.ERROR && error != null && error.startsWith(NOT_RUN);
    }

    /** This outcome, saying which instant it measured ({@code asOf}) or why it measured the real time instead. */
    QueryOutcome measured(Instant measuredAsOf, String realTimeReason) {
        return new QueryOutcome(query, parameters, status, columns, rows, error, startedAt, took, failure, measuredAsOf, realTimeReason);
    }

    static QueryOutcome failed(QueryDefinition query, Map<String, String> parameters, QueryStatus status, String error,
                               Instant startedAt, Duration took) {
        return failed(query, parameters, status, error, startedAt, took, status == QueryStatus.ERROR ? FailureKind.QUERY : FailureKind.NONE);
    }

    static QueryOutcome failed(QueryDefinition query, Map<String, String> parameters, QueryStatus status, String error,
                               Instant startedAt, Duration took, FailureKind failure) {
        return new QueryOutcome(query, parameters, status, List.of(), List.of(), error, startedAt, took, failure);
    }
}
