package com.rolloutcontrolroom.domain.query;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * SQL with {@code :name} placeholders rewritten to {@code ?}. Skips string literals ({@code '...'},
 * {@code E'...'} and dollar-quoted {@code $tag$...$tag$}), quoted identifiers, comments and {@code ::}
 * casts, so {@code context->>'reason'} and {@code x::text} are left alone. It also notices a second
 * statement: a user's query file must not smuggle a {@code COMMIT; INSERT ...} past the read-only
 * transaction inside a quote this scanner would misread.
 */
public record NamedParameterSql(String jdbcSql, List<String> bindingOrder, boolean hasSeveralStatements) {

    public NamedParameterSql {
        bindingOrder = List.copyOf(bindingOrder);
    }

    public Set<String> names() {
        return new LinkedHashSet<>(bindingOrder);
    }

    public static NamedParameterSql parse(String sql) {
        StringBuilder out = new StringBuilder(sql.length());
        List<String> order = new ArrayList<>();
        boolean statementEnded = false;
        boolean severalStatements = false;
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            int dollarQuoteEnd = c == '$' ? dollarQuoteEnd(sql, i) : -1;
            if (c == '\'' || c == '"') {
                int end = closing(sql, i, c, c == '\'' && isEscapeString(sql, i));
                out.append(sql, i, end);
                i = end;
            } else if (dollarQuoteEnd > 0) {
                out.append(sql, i, dollarQuoteEnd);
                i = dollarQuoteEnd;
            } else if (c == '-' && sql.startsWith("--", i)) {
                int end = sql.indexOf('\n', i);
                end = end < 0 ? sql.length() : end;
                out.append(sql, i, end);
                i = end;
            } else if (c == '/' && sql.startsWith("/*", i)) {
                int end = blockCommentEnd(sql, i);
                out.append(sql, i, end);
                i = end;
            } else if (c == ':' && sql.startsWith("::", i)) {
                out.append("::");
                i += 2;
            } else if (c == ':' && i + 1 < sql.length() && Character.isJavaIdentifierStart(sql.charAt(i + 1))) {
                int end = i + 1;
                while (end < sql.length() && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_')) {
                    end++;
                }
                order.add(sql.substring(i + 1, end));
                out.append('?');
                i = end;
            } else {
                if (c == ';') {
                    statementEnded = true;
                } else if (statementEnded && !Character.isWhitespace(c)) {
                    severalStatements = true;
                }
                out.append(c);
                i++;
            }
        }
        return new NamedParameterSql(out.toString(), order, severalStatements);
    }

    /** Index just past the quote that closes the one at {@code start}; a doubled quote is an escape, and in E'' a backslash. */
    private static int closing(String sql, int start, char quote, boolean backslashEscapes) {
        int i = start + 1;
        while (i < sql.length()) {
            if (backslashEscapes && sql.charAt(i) == '\\') {
                i += 2;
                continue;
            }
            if (sql.charAt(i) == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return sql.length();
    }

    /** {@code E'...'}: the E stands alone, not at the end of a word such as {@code type'}. */
    private static boolean isEscapeString(String sql, int quote) {
        return quote > 0 && (sql.charAt(quote - 1) == 'E' || sql.charAt(quote - 1) == 'e')
                && (quote == 1 || !isIdentifierPart(sql.charAt(quote - 2)));
    }

    /**
     * For a {@code $tag$} opening a dollar-quoted string at {@code start}: the index just past its closing
     * tag (or the end of the text); -1 if the dollar starts no quote ({@code $1}, {@code a$b}).
     */
    private static int dollarQuoteEnd(String sql, int start) {
        if (start > 0 && isIdentifierPart(sql.charAt(start - 1))) {
            return -1;
        }
        int i = start + 1;
        if (i < sql.length() && Character.isDigit(sql.charAt(i))) {
            return -1;
        }
        while (i < sql.length() && sql.charAt(i) != '$' && isIdentifierPart(sql.charAt(i))) {
            i++;
        }
        if (i >= sql.length() || sql.charAt(i) != '$') {
            return -1;
        }
        String tag = sql.substring(start, i + 1);
        int close = sql.indexOf(tag, i + 1);
        return close < 0 ? sql.length() : close + tag.length();
    }

    /** PostgreSQL block comments nest. */
    private static int blockCommentEnd(String sql, int start) {
        int depth = 0;
        int i = start;
        while (i < sql.length()) {
            if (sql.startsWith("/*", i)) {
                depth++;
                i += 2;
            } else if (sql.startsWith("*/", i)) {
                depth--;
                i += 2;
                if (depth == 0) {
                    return i;
                }
            } else {
                i++;
            }
        }
        return sql.length();
    }

    private static boolean isIdentifierPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }
}
