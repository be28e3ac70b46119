package com.rolloutcontrolroom.domain.query;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Reads SQL through {@link SqlLexer}, so literals, quoted identifiers and comments are never rewritten. */
final class AsOfRewriter {

    private static final String INSTANT = "CAST(:" + AsOfSql.PARAMETER + " AS timestamptz)";
    private static final String EVENTS = "observability_events";
    private static final String BOUNDED_EVENTS = EVENTS + " AS NOT MATERIALIZED (SELECT * FROM " + EVENTS
            + " WHERE created_at < " + INSTANT + ")";
    private static final String REAL_TIME = "Measured at the real time, not as of the window's end: it ";

    private static final Set<String> TRANSACTION_CLOCK = Set.of("now", "transaction_timestamp");
    private static final Set<String> OTHER_CLOCK_CALLS = Set.of("clock_timestamp", "statement_timestamp", "timeofday");
    private static final Set<String> OTHER_CLOCK_WORDS = Set.of("current_date", "current_time", "localtime", "localtimestamp");
    /** Date and time input that PostgreSQL reads from the real clock. */
    private static final Set<String> CLOCK_LITERALS = Set.of("now", "today", "tomorrow", "yesterday");

    private AsOfRewriter() {
    }

    static AsOfSql rewrite(String sql) {
        List<SqlToken> tokens = CalledName.significant(SqlLexer.tokens(sql));
        Optional<String> realTime = realTimeReason(tokens);
        if (realTime.isPresent()) {
            return new AsOfSql.RealTime(REAL_TIME + realTime.get() + ".");
        }
        List<Edit> edits = new ArrayList<>();
        boolean readsEvents = false;
        for (int i = 0; i < tokens.size(); i++) {
            SqlToken token = tokens.get(i);
            if (isBuiltInCall(tokens, i, TRANSACTION_CLOCK) && tokens.size() > i + 2 && tokens.get(i + 2).isSymbol(')')) {
                int first = pgCatalogQualified(tokens, i) ? i - 2 : i;
                edits.add(new Edit(tokens.get(first).start(), end(tokens.get(i + 2)), INSTANT));
                i += 2;
            } else if (isKeyWordUse(tokens, i, "current_timestamp")) {
                if (i + 3 < tokens.size() && tokens.get(i + 1).isSymbol('(') && tokens.get(i + 2).kind() == SqlToken.Kind.NUMBER
                        && tokens.get(i + 3).isSymbol(')')) {
                    edits.add(new Edit(token.start(), end(tokens.get(i + 3)),
                            "CAST(:" + AsOfSql.PARAMETER + " AS timestamptz(" + tokens.get(i + 2).text() + "))"));
                    i += 3;
                } else {
                    edits.add(new Edit(token.start(), end(token), INSTANT));
                }
            } else if (isEventsTable(tokens, i)) {
                readsEvents = true;
            }
        }
        if (readsEvents) {
            // in a non-recursive WITH the CTE's own name inside its body is the real table
            edits.add(tokens.get(0).isWord("with")
                    ? new Edit(end(tokens.get(0)), end(tokens.get(0)), " " + BOUNDED_EVENTS + ",")
                    : new Edit(tokens.get(0).start(), tokens.get(0).start(), "WITH " + BOUNDED_EVENTS + " "));
        }
        return new AsOfSql.Rewritten(apply(sql, edits));
    }

    /** The first thing, in the order of the text, that keeps the query from being taken as of an instant. */
    private static Optional<String> realTimeReason(List<SqlToken> tokens) {
        if (tokens.isEmpty()) {
            return Optional.of("holds no statement");
        }
        if (tokens.get(0).isWord("with")) {
            if (tokens.size() > 1 && tokens.get(1).isWord("recursive")) {
                return Optional.of("is WITH RECURSIVE, whose names would all see one another, so the events table cannot be bounded");
            }
            if (withQueryNames(tokens).contains(EVENTS)) {
                return Optional.of("defines its own " + EVENTS + " in its WITH list, so the events table cannot be bounded");
            }
        }
        for (int i = 0; i < tokens.size(); i++) {
            SqlToken token = tokens.get(i);
            if (token.kind() == SqlToken.Kind.PARAMETER && token.text().substring(1).equals(AsOfSql.PARAMETER)) {
                return Optional.of("uses :" + AsOfSql.PARAMETER + ", the placeholder the app keeps for the window's end");
            }
            if (token.isIdentifier() && token.name().equals(EVENTS) && afterDot(tokens, i)) {
                return Optional.of("names the events table with its schema (" + tokens.get(i - 2).text() + "." + token.text()
                        + "), which the bound on " + EVENTS + " does not reach; write " + EVENTS + " without the schema");
            }
            if (isCall(tokens, i, OTHER_CLOCK_CALLS)) {
                return Optional.of("calls " + token.name() + "(), which reads the clock as the query runs");
            }
            for (String word : OTHER_CLOCK_WORDS) {
                if (isKeyWordUse(tokens, i, word)) {
                    return Optional.of("uses " + word.toUpperCase(Locale.ROOT) + ", which reads the real clock");
                }
            }
            if (isCall(tokens, i, Set.of("age")) && topLevelCommas(tokens, i + 1) == 0) {
                return Optional.of("calls age() with one argument, which counts from today's real date");
            }
            Optional<String> literal = literalText(token);
            if (literal.isPresent() && CLOCK_LITERALS.contains(literal.get().strip().toLowerCase(Locale.ROOT))) {
                return Optional.of("writes the time as the literal '" + literal.get().strip()
                        + "', which PostgreSQL reads from the real clock");
            }
        }
        for (RelationsRead.Relation relation : RelationsRead.in(tokens)) {
            if (relation.schema() != null || !relation.name().equals(EVENTS)) {
                return Optional.of("reads " + relation.shown() + ", which the app cannot cut at the window's end as it cuts " + EVENTS);
            }
        }
        return Optional.empty();
    }

    /** The names a leading {@code WITH} defines: {@code WITH a [(cols)] AS [NOT] [MATERIALIZED] (...), b ...}. */
    private static List<String> withQueryNames(List<SqlToken> tokens) {
        List<String> names = new ArrayList<>();
        int i = 1;
        while (i < tokens.size() && tokens.get(i).isIdentifier()) {
            names.add(tokens.get(i).name());
            i++;
            if (i < tokens.size() && tokens.get(i).isSymbol('(')) {
                i = closing(tokens, i) + 1;
            }
            if (i >= tokens.size() || !tokens.get(i).isWord("as")) {
                break;
            }
            i++;
            while (i < tokens.size() && (tokens.get(i).isWord("not") || tokens.get(i).isWord("materialized"))) {
                i++;
            }
            if (i < tokens.size() && tokens.get(i).isSymbol('(')) {
                i = closing(tokens, i) + 1;
            }
            if (i >= tokens.size() || !tokens.get(i).isSymbol(',')) {
                break;
            }
            i++;
        }
        return names;
    }

    /** The events table by its plain name (or a column qualified by it): what the bounding CTE stands in for. */
    private static boolean isEventsTable(List<SqlToken> tokens, int i) {
        return tokens.get(i).isIdentifier() && tokens.get(i).name().equals(EVENTS) && !afterDot(tokens, i);
    }

    /** A call of one of {@code names}, unqualified or in pg_catalog (another schema's function of that name is not the built-in). */
    private static boolean isBuiltInCall(List<SqlToken> tokens, int i, Set<String> names) {
        return isCall(tokens, i, names) && (!afterDot(tokens, i) || pgCatalogQualified(tokens, i));
    }

    /** A call of one of {@code names} in any schema. */
    private static boolean isCall(List<SqlToken> tokens, int i, Set<String> names) {
        SqlToken token = tokens.get(i);
        return token.isIdentifier() && names.contains(token.name()) && i + 1 < tokens.size() && tokens.get(i + 1).isSymbol('(');
    }

    /** A key word used as itself: not a column after a dot ({@code e.current_date}), not a label after AS. */
    private static boolean isKeyWordUse(List<SqlToken> tokens, int i, String word) {
        return tokens.get(i).isWord(word) && !afterDot(tokens, i) && !(i > 0 && tokens.get(i - 1).isWord("as"));
    }

    private static boolean afterDot(List<SqlToken> tokens, int i) {
        return i > 1 && tokens.get(i - 1).isSymbol('.') && tokens.get(i - 2).isIdentifier();
    }

    private static boolean pgCatalogQualified(List<SqlToken> tokens, int i) {
        return afterDot(tokens, i) && tokens.get(i - 2).name().equals("pg_catalog");
    }

    private static int topLevelCommas(List<SqlToken> tokens, int open) {
        int commas = 0;
        int close = closing(tokens, open);
        int depth = 0;
        for (int i = open + 1; i < close; i++) {
            SqlToken token = tokens.get(i);
            if (token.isSymbol('(') || token.isSymbol('[')) {
                depth++;
            } else if (token.isSymbol(')') || token.isSymbol(']')) {
                depth--;
            } else if (depth == 0 && token.isSymbol(',')) {
                commas++;
            }
        }
        return commas;
    }

    private static int closing(List<SqlToken> tokens, int open) {
        return RelationsRead.closing(tokens, open);
    }

    /** The text inside a literal: {@code 'now'}, {@code E'now'}, {@code $$now$$}. */
    private static Optional<String> literalText(SqlToken token) {
        String text = token.text();
        if (token.kind() == SqlToken.Kind.STRING) {
            int open = text.indexOf('\'');
            return Optional.of(text.substring(open + 1, Math.max(open + 1, text.length() - 1)));
        }
        if (token.kind() == SqlToken.Kind.DOLLAR_STRING) {
            int tagEnd = text.indexOf('$', 1) + 1;
            return Optional.of(text.substring(tagEnd, Math.max(tagEnd, text.length() - tagEnd)));
        }
        return Optional.empty();
    }

    private static int end(SqlToken token) {
        return token.start() + token.text().length();
    }

    private static String apply(String sql, List<Edit> edits) {
        StringBuilder out = new StringBuilder(sql.length() + 160);
        int at = 0;
        for (Edit edit : edits.stream().sorted(Comparator.comparingInt(Edit::from)).toList()) {
            out.append(sql, at, edit.from()).append(edit.text());
            at = edit.to();
        }
        return out.append(sql.substring(at)).toString();
    }

    /** Replace {@code [from, to)} of the text with {@code text}. */
    private record Edit(int from, int to, String text) {
    }
}
