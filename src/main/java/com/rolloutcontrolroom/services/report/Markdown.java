package com.rolloutcontrolroom.services.report;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Builds the report's markdown block by block, with one blank line between blocks and none inside a
 * list, and escapes journal text where it lands: table cells, list items and inline code. Text a
 * person typed (a reason, a note) must never break a table or start a block of its own.
 */
final class Markdown {

    private static final Pattern PIPE = Pattern.compile("(\\\\*)\\|");
    private static final Pattern LINE_BREAKS = Pattern.compile("\\s*(\\r\\n|\\r|\\n)\\s*");

    private enum Block { NONE, BLOCK, BULLET }

    private final StringBuilder out = new StringBuilder();
    private Block last = Block.NONE;

    Markdown raw(String text) {
        out.append(text);
        last = Block.BLOCK;
        return this;
    }

    Markdown heading(int level, String text) {
        return block("#".repeat(level) + " " + inline(text));
    }

    Markdown paragraph(String text) {
        return block(inline(text));
    }

    /** A paragraph of several lines (hard breaks with two spaces, as seed 000's "**Target Date**" lines). */
    Markdown lines(List<String> lines) {
        return block(String.join("  \n", lines.stream().map(Markdown::inline).toList()));
    }

    Markdown bullet(String text) {
        return listItem("- " + inline(text));
    }

    /** A task-list item: "- [x] text" or "- [ ] text". */
    Markdown task(boolean done, String text) {
        return listItem("- [" + (done ? "x" : " ") + "] " + inline(text));
    }

    Markdown rule() {
        return block("---");
    }

    Markdown code(String language, List<String> lines) {
        int fence = 3;
        for (String line : lines) {
            fence = Math.max(fence, longestRun(line, '`') + 1);
        }
        String marks = "`".repeat(fence);
        return block(marks + language + "\n" + String.join("\n", lines.stream().map(Markdown::oneLine).toList()) + "\n" + marks);
    }

    /** A table; every cell is escaped, an empty one is refused (it would read as a placeholder). */
    Markdown table(List<String> headers, List<List<String>> rows) {
        int columns = headers.size();
        List<List<String>> cells = new ArrayList<>();
        cells.add(headers.stream().map(Markdown::cell).toList());
        for (List<String> row : rows) {
            if (row.size() != columns) {
                throw new IllegalArgumentException("A report table row has " + row.size() + " cells for " + columns + " columns.");
            }
            cells.add(row.stream().map(Markdown::cell).toList());
        }
        int[] widths = new int[columns];
        for (List<String> row : cells) {
            for (int i = 0; i < columns; i++) {
                widths[i] = Math.max(Math.max(widths[i], 3), width(row.get(i)));
            }
        }
        StringBuilder table = new StringBuilder();
        for (int r = 0; r < cells.size(); r++) {
            table.append(row(cells.get(r), widths)).append('\n');
            if (r == 0) {
                List<String> rule = new ArrayList<>();
                for (int width : widths) {
                    rule.add("-".repeat(width));
                }
                table.append(row(rule, widths)).append('\n');
            }
        }
        return block(table.substring(0, table.length() - 1));
    }

    String text() {
        return out.append(out.length() > 0 && out.charAt(out.length() - 1) != '\n' ? "\n" : "").toString();
    }

    private Markdown block(String text) {
        separate();
        out.append(text).append('\n');
        last = Block.BLOCK;
        return this;
    }

    private Markdown listItem(String text) {
        if (last != Block.BULLET) {
            separate();
        }
        out.append(text).append('\n');
        last = Block.BULLET;
        return this;
    }

    private void separate() {
        if (out.length() > 0) {
            out.append('\n');
        }
    }

    private static String row(List<String> cells, int[] widths) {
        StringBuilder row = new StringBuilder("|");
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            row.append(' ').append(cell).append(" ".repeat(widths[i] - width(cell))).append(" |");
        }
        return row.toString();
    }

    private static int width(String text) {
        return text.codePointCount(0, text.length());
    }

    /** One line of text: line breaks become " / " so a typed note cannot start a block. */
    static String inline(String text) {
        return LINE_BREAKS.matcher(text.strip()).replaceAll(" / ");
    }

    /** A table cell: one line, pipes escaped (and backslashes right before them); never empty. */
    static String cell(String text) {
        String line = PIPE.matcher(inline(text == null ? "" : text))
                .replaceAll(match -> java.util.regex.Matcher.quoteReplacement(match.group(1).repeat(2) + "\\|"));
        if (line.isBlank()) {
            throw new IllegalArgumentException("A report table cell is empty; say \"not recorded\" instead.");
        }
        return line;
    }

    /** Inline code that survives backticks inside it. */
    static String code(String text) {
        String line = inline(text);
        String marks = "`".repeat(longestRun(line, '`') + 1);
        boolean pad = line.startsWith("`") || line.endsWith("`");
        return marks + (pad ? " " : "") + line + (pad ? " " : "") + marks;
    }

    /** Bold text that cannot be closed early by an asterisk inside it. */
    static String bold(String text) {
        return "**" + inline(text).replace("*", "\\*") + "**";
    }

    private static String oneLine(String line) {
        return line.replace("\r", "");
    }

    private static int longestRun(String text, char mark) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            run = text.charAt(i) == mark ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return longest;
    }
}
