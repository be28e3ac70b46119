package com.rolloutcontrolroom.services.query;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * A journaled query result read back as a table: the columns and rows the query returned, as
 * exact text (97.50 stays 97.50), for showing a snapshot without its JSON. Reads the shape
 * {@link SnapshotJson} writes ({@code {"status", "columns", "rows": [[...]]}}) and, for records
 * written by other tools, an array of objects (one column per key, in order of appearance).
 *
 * @param status    OK, ERROR or CANCELLED as recorded, or "" when the record does not say
 * @param error     why the query did not run, or "" when it ran
 * @param numeric   per column: every value is a JSON number (nulls aside), so it reads right-aligned
 */
public record RecordedRows(String status, String error, long durationMillis, List<String> columns,
                           List<Boolean> numeric, List<List<String>> rows) {

    // decimals read as written: 97.50 must not come back as 97.5
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    public RecordedRows {
        columns = List.copyOf(columns);
        numeric = List.copyOf(numeric);
        rows = rows.stream().map(List::copyOf).toList();
    }

    /** @throws IllegalArgumentException when the text is not JSON of either shape */
    public static RecordedRows read(String rowsJson) {
        JsonNode root;
        try {
            root = JSON.readTree(rowsJson);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The recorded rows are not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (root != null && root.isObject() && root.path("rows").isArray()) {
            return fromRunnerShape(root);
        }
        if (root != null && root.isArray()) {
            return fromArray(root);
        }
        throw new IllegalArgumentException("The recorded rows are neither a result with columns and rows nor an array of rows.");
    }

    private static RecordedRows fromRunnerShape(JsonNode root) {
        List<String> columns = new ArrayList<>();
        root.path("columns").forEach(name -> columns.add(name.asText()));
        List<JsonNode> rows = new ArrayList<>();
        for (JsonNode row : root.path("rows")) {
            rows.add(row);
            while (columns.size() < row.size()) {
                columns.add(String.valueOf(columns.size() + 1));
            }
        }
        List<List<String>> cells = new ArrayList<>();
        for (JsonNode row : rows) {
            List<String> line = new ArrayList<>();
            for (int i = 0; i < columns.size(); i++) {
                line.add(text(row.get(i)));
            }
            cells.add(line);
        }
        return new RecordedRows(root.path("status").asText(""), root.path("error").asText(""),
                root.path("durationMillis").asLong(0), columns, numeric(rows, columns.size(), false, columns), cells);
    }

    private static RecordedRows fromArray(JsonNode array) {
        Set<String> names = new LinkedHashSet<>();
        boolean objects = true;
        int width = 0;
        for (JsonNode row : array) {
            if (row.isObject()) {
                row.fieldNames().forEachRemaining(names::add);
            } else {
                objects = false;
                width = Math.max(width, row.isArray() ? row.size() : 1);
            }
        }
        List<String> columns = new ArrayList<>(names);
        if (!objects || array.isEmpty()) {
            columns = new ArrayList<>();
            for (int i = 1; i <= width; i++) {
                columns.add(String.valueOf(i));
            }
        }
        List<JsonNode> rows = new ArrayList<>();
        array.forEach(rows::add);
        List<List<String>> cells = new ArrayList<>();
        for (JsonNode row : rows) {
            List<String> line = new ArrayList<>();
            for (int i = 0; i < columns.size(); i++) {
                line.add(text(cell(row, i, objects, columns)));
            }
            cells.add(line);
        }
        return new RecordedRows("", "", 0, columns, numeric(rows, columns.size(), objects, columns), cells);
    }

    private static JsonNode cell(JsonNode row, int column, boolean objects, List<String> columns) {
        if (objects) {
            return row.get(columns.get(column));
        }
        return row.isArray() ? row.get(column) : column == 0 ? row : null;
    }

    private static List<Boolean> numeric(List<JsonNode> rows, int width, boolean objects, List<String> columns) {
        List<Boolean> numeric = new ArrayList<>();
        for (int column = 0; column < width; column++) {
            boolean any = false;
            boolean all = true;
            for (JsonNode row : rows) {
                JsonNode value = cell(row, column, objects, columns);
                if (value == null || value.isNull()) {
                    continue;
                }
                any = true;
                // the runner writes decimals as exact text; a column of such text is still a column of numbers
                all &= value.isNumber() || (value.isTextual() && value.asText().matches("-?\\d+(\\.\\d+)?"));
            }
            numeric.add(any && all);
        }
        return numeric;
    }

    /** Exact text; null is an empty cell like psql's; nested JSON stays JSON. */
    private static String text(JsonNode value) {
        if (value == null || value.isNull()) {
            return "";
        }
        if (value.isValueNode()) {
            return value.isBigDecimal() ? value.decimalValue().toPlainString() : value.asText();
        }
        return value.toString();
    }
}
