package com.rolloutcontrolroom.domain.query;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One named query of the query set, exactly as written in its file, plus where it came from so an
 * error can name the file and line, and whether the app wrote it ({@link QueryOrigin}).
 */
public record QueryDefinition(String name, QuerySuite suite, String description, String sql,
                              List<QueryParameter> parameters, String sourceFile, int line, QueryOrigin origin) {

    public QueryDefinition {
        parameters = List.copyOf(parameters);
        origin = origin == null ? QueryOrigin.USER : origin;
    }

    /** A query the app did not ship: untrusted, whatever built it. */
    public QueryDefinition(String name, QuerySuite suite, String description, String sql,
                           List<QueryParameter> parameters, String sourceFile, int line) {
        this(name, suite, description, sql, parameters, sourceFile, line, QueryOrigin.USER);
    }

    public boolean builtIn() {
        return origin == QueryOrigin.BUILT_IN;
    }

    /** The SQL with {@code :name} placeholders turned into JDBC {@code ?}, in binding order. */
    public NamedParameterSql jdbc() {
        return NamedParameterSql.parse(sql);
    }

    public Optional<QueryParameter> parameter(String parameterName) {
        return parameters.stream().filter(p -> p.name().equals(parameterName)).findFirst();
    }

    /** Declared defaults overridden by the given values (unknown names are ignored). */
    public Map<String, String> resolveParameters(Map<String, String> overrides) {
        java.util.LinkedHashMap<String, String> values = new java.util.LinkedHashMap<>();
        for (QueryParameter parameter : parameters) {
            values.put(parameter.name(), overrides.getOrDefault(parameter.name(), parameter.defaultValue()));
        }
        return values;
    }
}
