package com.rolloutcontrolroom.domain.query;

/**
 * A query's SQL as it would have answered at an earlier instant, the end of a checkpoint's window,
 * so a checkpoint taken late (the laptop slept) measures exactly the window it was due for. The
 * transaction's clock ({@code now()}, {@code CURRENT_TIMESTAMP}, {@code transaction_timestamp()})
 * becomes the instant, bound as {@code :_as_of}, and {@code observability_events} is cut at it by a
 * CTE of the same name. The query itself keeps the runbook's words; only the statement sent differs.
 */
public sealed interface AsOfSql permits AsOfSql.Rewritten, AsOfSql.RealTime {

    /** The instant's placeholder: a query file cannot declare it (parameter names start with a letter). */
    String PARAMETER = "_as_of";

    static AsOfSql of(String sql) {
        return AsOfRewriter.rewrite(sql);
    }

    /** @param sql the statement to send, with {@code :_as_of} and the query's own placeholders */
    record Rewritten(String sql) implements AsOfSql {
    }

    /** @param reason one sentence saying why the query runs at the real time instead */
    record RealTime(String reason) implements AsOfSql {
    }
}
