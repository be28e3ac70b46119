package com.rolloutcontrolroom.domain.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a query file: named entries, each a header of {@code -- key: value} lines followed by one
 * SQL statement. See {@code src/main/resources/queries/observability-queries.sql} for the format.
 * Every problem is reported with its file and line; a file with any problem is refused whole.
 */
public final class QueryFileParser {

    private static final Pattern HEADER = Pattern.compile("^--\\s*(name|suite|description|param):\\s*(.*)$");
    private static final Pattern CONTINUATION = Pattern.compile("^--\\s{2,}(\\S.*)$");
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");
    private static final Pattern PARAM = Pattern.compile("([a-z][a-z0-9_]*)\\s+(\\w+)\\s*=\\s*(.+)");

    /** A user's file: every query is {@link QueryOrigin#USER}. */
    public List<QueryDefinition> parse(String fileName, String text) {
        return parse(fileName, text, QueryOrigin.USER);
    }

    /** @param origin {@link QueryOrigin#BUILT_IN} only for the files shipped in the app */
    public List<QueryDefinition> parse(String fileName, String text, QueryOrigin origin) {
        List<QueryFileProblem> problems = new ArrayList<>();
        List<QueryDefinition> queries = new ArrayList<>();
        Draft draft = null;
        String[] lines = text.split("\\R", -1);
        for (int index = 0; index < lines.length; index++) {
            int lineNumber = index + 1;
            String line = lines[index];
            Matcher header = HEADER.matcher(line.strip());
            if (header.matches() && header.group(1).equals("name")) {
                finish(fileName, draft, queries, problems, origin);
                draft = new Draft(header.group(2).strip(), lineNumber);
            } else if (draft == null) {
                if (!line.isBlank() && !line.strip().startsWith("--")) {
                    problems.add(new QueryFileProblem(fileName, lineNumber, "SQL before the first '-- name:' line; start each query with '-- name: some_name'."));
                }
            } else if (draft.inHeader && header.matches()) {
                draft.header(header.group(1), header.group(2).strip(), lineNumber, fileName, problems);
            } else if (draft.inHeader && draft.lastKey != null && CONTINUATION.matcher(line).matches()) {
                draft.continueHeader(CONTINUATION.matcher(line).replaceFirst("$1").strip());
            } else if (draft.inHeader && line.isBlank()) {
                draft.lastKey = null;
            } else {
                if (draft.inHeader) {
                    draft.inHeader = false;
                    draft.sqlLine = lineNumber;
                }
                draft.sql.append(line).append('\n');
            }
        }
        finish(fileName, draft, queries, problems, origin);
        Set<String> names = new LinkedHashSet<>();
        for (QueryDefinition query : queries) {
            if (!names.add(query.name())) {
                problems.add(new QueryFileProblem(fileName, query.line(), "the name '" + query.name() + "' is used twice; give each query its own name."));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidQueryFileException(problems);
        }
        return queries;
    }

    private static void finish(String file, Draft draft, List<QueryDefinition> queries, List<QueryFileProblem> problems,
                               QueryOrigin origin) {
        if (draft == null) {
            return;
        }
        int before = problems.size();
        String sql = draft.sql.toString().strip();
        if (sql.endsWith(";")) {
            sql = sql.substring(0, sql.length() - 1).strip();
        }
        String where = "query '" + draft.name + "'";
        if (!NAME.matcher(draft.name).matches()) {
            problems.add(new QueryFileProblem(file, draft.line, "'" + draft.name + "' is not a valid query name; use lower case letters, digits and _ (e.g. success_rate_by_type)."));
        }
        if (draft.suite == null) {
            problems.add(new QueryFileProblem(file, draft.line, where + " has no '-- suite: quick' or '-- suite: full' line."));
        }
        if (draft.description.length() == 0) {
            problems.add(new QueryFileProblem(file, draft.line, where + " has no '-- description:' line; say what the query shows."));
        }
        if (sql.isEmpty()) {
            problems.add(new QueryFileProblem(file, draft.line, where + " has no SQL after its header."));
        } else {
            NamedParameterSql parsed = NamedParameterSql.parse(sql);
            if (parsed.hasSeveralStatements()) {
                problems.add(new QueryFileProblem(file, draft.line, where + " holds more than one statement; give each statement its own '-- name:' entry."));
            }
            Set<String> declared = new LinkedHashSet<>();
            draft.parameters.forEach(p -> declared.add(p.name()));
            for (String used : parsed.names()) {
                if (!declared.contains(used)) {
                    problems.add(new QueryFileProblem(file, draft.line, where + " uses :" + used
                            + ", which is not declared; add '-- param: " + used + " interval = 6 hours' (or text, integer, timestamptz)."));
                }
            }
            for (String unused : declared) {
                if (!parsed.names().contains(unused)) {
                    problems.add(new QueryFileProblem(file, draft.line, where + " declares :" + unused + " but its SQL never uses it; remove the '-- param:' line."));
                }
            }
            String written = draft.sql.toString();
            for (ReadOnlySqlCheck.Refusal refusal : ReadOnlySqlCheck.refusals(written)) {
                problems.add(new QueryFileProblem(file, draft.sqlLine + lineOf(written, refusal.offset()), where + " " + refusal.sentence() + "."));
            }
        }
        if (problems.size() == before) {
            queries.add(new QueryDefinition(draft.name, draft.suite, draft.description.toString(), sql, draft.parameters, file, draft.line,
                    origin));
        }
    }

    /** Lines before {@code offset} in {@code text}: 0 on its first line. */
    private static int lineOf(String text, int offset) {
        return (int) text.substring(0, offset).chars().filter(c -> c == '\n').count();
    }

    /** @return what the default should look like, or null when it is fine */
    private static String checkDefault(ParameterType type, String value) {
        try {
            ParameterValue.resolve(type, value, Instant.EPOCH);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    /** A query being read: its header so far and its SQL lines. */
    private static final class Draft {
        final String name;
        final int line;
        QuerySuite suite;
        final StringBuilder description = new StringBuilder();
        final List<QueryParameter> parameters = new ArrayList<>();
        final StringBuilder sql = new StringBuilder();
        /** the file line of the first SQL line */
        int sqlLine;
        boolean inHeader = true;
        String lastKey;

        Draft(String name, int line) {
            this.name = name;
            this.line = line;
        }

        void header(String key, String value, int lineNumber, String file, List<QueryFileProblem> problems) {
            lastKey = key;
            switch (key) {
                case "suite" -> suite = QuerySuite.parse(value).orElseGet(() -> {
                    problems.add(new QueryFileProblem(file, lineNumber, "suite '" + value + "' is unknown; use quick or full."));
                    return null;
                });
                case "description" -> description.append(value);
                case "param" -> parameter(value, lineNumber, file, problems);
                default -> problems.add(new QueryFileProblem(file, lineNumber, "a second '-- name:' header inside one query."));
            }
        }

        void continueHeader(String text) {
            if ("description".equals(lastKey)) {
                description.append(description.length() == 0 ? "" : " ").append(text);
            }
        }

        private void parameter(String value, int lineNumber, String file, List<QueryFileProblem> problems) {
            Matcher matcher = PARAM.matcher(value);
            if (!matcher.matches()) {
                problems.add(new QueryFileProblem(file, lineNumber, "write parameters as '-- param: window interval = 6 hours' (name, type, default)."));
                return;
            }
            String defaultValue = matcher.group(3).strip();
            ParameterType type = ParameterType.parse(matcher.group(2)).orElse(null);
            if (type == null) {
                problems.add(new QueryFileProblem(file, lineNumber, "parameter type '" + matcher.group(2) + "' is unknown; use interval, timestamptz, text or integer."));
                return;
            }
            String expected = checkDefault(type, defaultValue);
            if (expected != null) {
                problems.add(new QueryFileProblem(file, lineNumber, "the default of :" + matcher.group(1) + " must be " + expected + "."));
                return;
            }
            parameters.add(new QueryParameter(matcher.group(1), type, defaultValue));
        }
    }
}
