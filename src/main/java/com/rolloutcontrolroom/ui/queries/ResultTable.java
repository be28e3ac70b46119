package com.rolloutcontrolroom.ui.queries;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

import com.rolloutcontrolroom.services.query.QueryOutcome;
import com.rolloutcontrolroom.services.query.QueryStatus;

/**
 * One query outcome ready to show: the tab title, and either the rows as text (with which columns
 * hold numbers, to right-align them) or the one sentence of why the query did not run.
 */
public record ResultTable(String queryName, String title, boolean failed, String error,
                          List<String> columns, List<Boolean> numeric, List<List<String>> rows) {

    public ResultTable {
        columns = List.copyOf(columns);
        numeric = List.copyOf(numeric);
        rows = rows.stream().map(List::copyOf).toList();
    }

    /** The same result with its text as it may be shown (an error names the host, a row may hold one). */
    ResultTable shownBy(UnaryOperator<String> shown) {
        return new ResultTable(queryName, shown.apply(title), failed, shown.apply(error), columns.stream().map(shown).toList(),
                numeric, rows.stream().map(row -> row.stream().map(shown).toList()).toList());
    }

    static ResultTable of(QueryOutcome outcome) {
        String title = String.format(Locale.ROOT, "%s · %s · %d ms", outcome.query().name(), statusWord(outcome.status()),
                outcome.took().toMillis());
        List<List<String>> rows = outcome.rows().stream().map(row -> row.stream().map(ResultTable::text).toList()).toList();
        List<Boolean> numeric = new ArrayList<>();
        for (int column = 0; column < outcome.columns().size(); column++) {
            numeric.add(holdsNumbers(outcome.rows(), column));
        }
        return new ResultTable(outcome.query().name(), title, outcome.status() != QueryStatus.OK, outcome.error(),
                outcome.columns(), numeric, rows);
    }

    private static String statusWord(QueryStatus status) {
        return switch (status) {
            case OK -> "OK";
            case ERROR -> "ERROR";
            case CANCELLED -> "cancelled";
        };
    }

    /** A column of numbers (nulls aside) is right-aligned, as a spreadsheet or psql would. */
    private static boolean holdsNumbers(List<List<Object>> rows, int column) {
        boolean any = false;
        for (List<Object> row : rows) {
            Object value = row.get(column);
            if (value != null && !(value instanceof Number)) {
                return false;
            }
            any |= value != null;
        }
        return any;
    }

    /** Exact text: 97.50 stays 97.50 (no float, no locale grouping), null is an empty cell like psql's. */
    private static String text(Object value) {
        if (value == null) {
            return "";
        }
        return value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString();
    }
}
