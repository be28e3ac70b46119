package com.rolloutcontrolroom.services.query;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.List;

import com.rolloutcontrolroom.domain.journal.QueryResult;
import com.rolloutcontrolroom.domain.journal.SnapshotTaken;

/**
 * A run as one CSV in long form (query, status, error, row, column, value), so queries with
 * different columns share one file that a spreadsheet can pivot. RFC 4180 quoting.
 */
public final class SnapshotCsv {

    private static final String HEADER = "environment,suite,started_at,query,status,error,row,column,value\r\n";

    public void write(SuiteRun run, Writer out) throws IOException {
        out.write(HEADER);
        String prefix = field(run.environment()) + "," + field(run.querySet()) + "," + field(run.startedAt().toString()) + ",";
        for (QueryOutcome outcome : run.outcomes()) {
            String query = prefix + field(outcome.query().name()) + "," + outcome.status() + "," + field(outcome.error()) + ",";
            if (outcome.rows().isEmpty()) {
                out.write(query + ",,\r\n");
            }
            for (int row = 0; row < outcome.rows().size(); row++) {
                List<Object> values = outcome.rows().get(row);
                for (int column = 0; column < outcome.columns().size(); column++) {
                    out.write(query + (row + 1) + "," + field(outcome.columns().get(column)) + "," + field(text(values.get(column))) + "\r\n");
                }
            }
        }
    }

    /** A journaled snapshot in the same form, its cells as the exact text recorded (the evidence bundle's CSV). */
    public void write(SnapshotTaken snapshot, Writer out) throws IOException {
        out.write(HEADER);
        String prefix = field(snapshot.environment()) + "," + field(snapshot.querySet()) + "," + field(snapshot.startedAt().toString()) + ",";
        for (QueryResult result : snapshot.queries()) {
            RecordedRows rows = RecordedRows.read(result.rowsJson());
            String query = prefix + field(result.name()) + "," + field(rows.status()) + "," + field(rows.error()) + ",";
            if (rows.rows().isEmpty()) {
                out.write(query + ",,\r\n");
            }
            for (int row = 0; row < rows.rows().size(); row++) {
                for (int column = 0; column < rows.columns().size(); column++) {
                    out.write(query + (row + 1) + "," + field(rows.columns().get(column)) + "," + field(rows.rows().get(row).get(column)) + "\r\n");
                }
            }
        }
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString();
    }

    private static String field(String value) {
        if (value == null) {
            return "";
        }
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }
}
