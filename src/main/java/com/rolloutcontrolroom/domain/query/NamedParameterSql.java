package com.rolloutcontrolroom.domain.query;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * SQL with {@code :name} placeholders rewritten to {@code ?}. Skips string literals, quoted
 * identifiers, comments and {@code ::} casts, so {@code context->>'reason'} and {@code x::text}
 * are left alone.
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
            if (c == '\'' || c == '"') {
                int end = closing(sql, i, c);
                out.append(sql, i, end);
                i = end;
            } else if (c == '-' && sql.startsWith("--", i)) {
                int end = sql.indexOf('\n', i);
                end = end < 0 ? sql.length() : end;
                out.append(sql, i, end);
                i = end;
            } else if (c == '/' && sql.startsWith("/*", i)) {
                int end = sql.indexOf("*/", i + 2);
                end = end < 0 ? sql.length() : end + 2;
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

    /** Index just past the quote that closes the one at {@code start}; a doubled quote is an escape. */
    private static int closing(String sql, int start, char quote) {
        int i = start + 1;
        while (i < sql.length()) {
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
}
