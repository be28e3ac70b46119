package com.rolloutcontrolroom.domain.query;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A name the SQL may call as a function: an identifier followed by {@code (} (with whitespace or
 * comments between), possibly schema-qualified ({@code pg_catalog.set_config}), possibly quoted; or
 * a name after a dot with no {@code (} ({@code e.evil}), which PostgreSQL also reads as a call of a
 * one-argument function on a row ("functional notation").
 *
 * @param schema    the qualifying schema, or null when PostgreSQL resolves the name through the search path
 * @param name      as PostgreSQL looks it up (unquoted names folded to lower case)
 * @param offset    where the name starts in the SQL text
 * @param fieldForm true for {@code x.name} without parentheses
 */
public record CalledName(String schema, String name, int offset, boolean fieldForm) {

    /** Every name the SQL could call, in order; each (schema, name, form) once. */
    public static List<CalledName> in(String sql) {
        List<SqlToken> tokens = significant(SqlLexer.tokens(sql));
        Map<CalledName, CalledName> calls = new LinkedHashMap<>();
        for (int i = 0; i < tokens.size(); i++) {
            SqlToken token = tokens.get(i);
            if (!token.isIdentifier()) {
                continue;
            }
            boolean followedByParenthesis = i + 1 < tokens.size() && tokens.get(i + 1).isSymbol('(');
            boolean afterDot = i > 0 && tokens.get(i - 1).isSymbol('.');
            if (followedByParenthesis) {
                String schema = afterDot && i > 1 && tokens.get(i - 2).isIdentifier() ? tokens.get(i - 2).name() : null;
                add(calls, new CalledName(schema, token.name(), token.start(), false));
            } else if (afterDot) {
                add(calls, new CalledName(null, token.name(), token.start(), true));
            }
        }
        return List.copyOf(calls.values());
    }

    /** "pg_catalog.set_config" or "set_config" */
    public String qualified() {
        return schema == null ? name : schema + "." + name;
    }

    public Optional<String> schemaIfQualified() {
        return Optional.ofNullable(schema);
    }

    private static void add(Map<CalledName, CalledName> calls, CalledName call) {
        calls.putIfAbsent(new CalledName(call.schema, call.name, 0, call.fieldForm), call);
    }

    static List<SqlToken> significant(List<SqlToken> tokens) {
        return tokens.stream().filter(token -> !token.isBlank()).toList();
    }
}
