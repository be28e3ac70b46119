package com.rolloutcontrolroom.ui.journal;

import java.util.List;
import java.util.function.UnaryOperator;

import com.rolloutcontrolroom.domain.journal.QueryResult;
import com.rolloutcontrolroom.services.query.RecordedRows;

/**
 * One query of a snapshot ready to show as a table: its name and a short caption for the chooser,
 * the columns from the query's own result, and the rows as exact text. A result that cannot be
 * read as a table carries the one sentence saying so instead of rows.
 */
public record QueryRows(String queryName, String caption, String error, List<String> columns,
                        List<Boolean> numeric, List<List<String>> rows) {

    public QueryRows {
        columns = List.copyOf(columns);
        numeric = List.copyOf(numeric);
        rows = rows.stream().map(List::copyOf).toList();
    }

    static QueryRows of(QueryResult query) {
        RecordedRows recorded;
        try {
            recorded = RecordedRows.read(query.rowsJson());
        } catch (IllegalArgumentException unreadable) {
            return new QueryRows(query.name(), query.name() + " · unreadable",
                    "These rows could not be read as a table; the record's exact JSON is in the journal export.",
                    List.of(), List.of(), List.of());
        }
        // OK is the usual case; only say the status when it is something else
        String status = recorded.status().isEmpty() || "OK".equals(recorded.status()) ? "" : " · " + recorded.status();
        String caption = query.name() + status + " · " + count(recorded.rows().size());
        return new QueryRows(query.name(), caption, recorded.error(), recorded.columns(), recorded.numeric(), recorded.rows());
    }

    /** The same rows with their text as it may be shown (a recorded error names the host it tried). */
    QueryRows shownBy(UnaryOperator<String> shown) {
        return new QueryRows(queryName, shown.apply(caption), shown.apply(error), columns.stream().map(shown).toList(), numeric,
                rows.stream().map(row -> row.stream().map(shown).toList()).toList());
    }

    /** The widest text of a column, header included, in characters: what the column needs to show it whole. */
    public int widestText(int column) {
        int widest = columns.get(column).length();
        for (List<String> row : rows) {
            widest = Math.max(widest, row.get(column).length());
        }
        return widest;
    }

    static String count(int rows) {
        return rows + (rows == 1 ? " row" : " rows");
    }

    /** The chooser shows the caption. */
    @Override
    public String toString() {
        return caption;
    }
}
