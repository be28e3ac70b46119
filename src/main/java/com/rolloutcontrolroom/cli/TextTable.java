package com.rolloutcontrolroom.cli;

import java.math.BigDecimal;
import java.util.List;

/** A plain aligned table, like psql's, for the terminal. */
final class TextTable {

    private final List<String> columns;
    private final List<List<Object>> rows;

    TextTable(List<String> columns, List<List<Object>> rows) {
        this.columns = columns;
        this.rows = rows;
    }

    String render(String indent) {
        int[] widths = new int[columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            widths[c] = columns.get(c).length();
            for (List<Object> row : rows) {
                widths[c] = Math.max(widths[c], text(row.get(c)).length());
            }
        }
        StringBuilder out = new StringBuilder();
        line(out, indent, widths, columns.stream().map(Object.class::cast).toList());
        StringBuilder rule = new StringBuilder(indent);
        for (int c = 0; c < widths.length; c++) {
            rule.append(c == 0 ? "" : "-+-").append("-".repeat(widths[c]));
        }
        out.append(rule).append('\n');
        rows.forEach(row -> line(out, indent, widths, row));
        out.append(indent).append('(').append(rows.size()).append(rows.size() == 1 ? " row)" : " rows)").append('\n');
        return out.toString();
    }

    private static void line(StringBuilder out, String indent, int[] widths, List<Object> values) {
        out.append(indent);
        for (int c = 0; c < widths.length; c++) {
            Object value = values.get(c);
            String text = text(value);
            boolean numeric = value instanceof Number;
            out.append(c == 0 ? "" : " | ").append(numeric ? pad(text, widths[c], true) : pad(text, widths[c], false));
        }
        out.append('\n');
    }

    private static String pad(String text, int width, boolean right) {
        String spaces = " ".repeat(Math.max(0, width - text.length()));
        return right ? spaces + text : text + spaces;
    }

    private static String text(Object value) {
        if (value == null) {
            return "";
        }
        return value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString();
    }
}
