package com.rolloutcontrolroom.domain.query;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * SQL with {@code :name} placeholders rewritten to {@code ?}. Reads the SQL through {@link SqlLexer},
 * so placeholders inside literals, quoted identifiers and comments, and {@code ::} casts, are left
 * alone ({@code context->>'reason'}, {@code x::text}). It also notices a second statement: a user's
 * query file must not smuggle a {@code COMMIT; INSERT ...} past the read-only transaction inside a
 * quote this scanner would misread.
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
        for (SqlToken token : SqlLexer.tokens(sql)) {
            if (token.kind() == SqlToken.Kind.PARAMETER) {
                order.add(token.text().substring(1));
                out.append('?');
            } else {
                out.append(token.text());
            }
            if (token.isSymbol(';')) {
                statementEnded = true;
            } else if (statementEnded && !token.isBlank()) {
                severalStatements = true;
            }
        }
        return new NamedParameterSql(out.toString(), order, severalStatements);
    }
}
