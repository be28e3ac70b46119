package com.rolloutcontrolroom.domain.query;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The tables and views a statement reads by name, after FROM and JOIN (and a leading TABLE), with
 * the names its WITH queries define left out. Read from the text alone, conservatively: a
 * {@code FROM} inside a call ({@code extract(hour FROM t)}) or after {@code IS DISTINCT} is no table.
 */
final class RelationsRead {

    /** Words that end a FROM item where an alias could otherwise stand. */
    private static final Set<String> NOT_AN_ALIAS = Set.of("where", "group", "order", "limit", "offset", "fetch", "having",
            "window", "union", "intersect", "except", "join", "inner", "left", "right", "full", "cross", "natural", "on",
            "using", "for", "tablesample", "returning", "into");

    /**
     * @param shown  as written, e.g. {@code pg_catalog.pg_stat_activity}
     * @param schema null when unqualified
     * @param name   as PostgreSQL looks it up
     */
    record Relation(String shown, String schema, String name) {
    }

    private RelationsRead() {
    }

    /** @param tokens the significant tokens of one statement */
    static List<Relation> in(List<SqlToken> tokens) {
        Set<String> withQueries = withQueryNames(tokens);
        List<Relation> found = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            SqlToken token = tokens.get(i);
            if (token.isWord("from") && opensFromClause(tokens, i) || i == 0 && token.isWord("table")) {
                readItems(tokens, i + 1, true, found);
            } else if (token.isWord("join")) {
                readItems(tokens, i + 1, false, found);
            }
        }
        return found.stream().filter(r -> r.schema() != null || !withQueries.contains(r.name())).toList();
    }

    /** A FROM that a SELECT at the same depth owns (not {@code extract(x FROM y)}, not {@code IS DISTINCT FROM}). */
    private static boolean opensFromClause(List<SqlToken> tokens, int from) {
        if (from > 0 && tokens.get(from - 1).isWord("distinct")) {
            return false;
        }
        int depth = 0;
        for (int j = from - 1; j >= 0; j--) {
            SqlToken token = tokens.get(j);
            if (token.isSymbol(')')) {
                depth++;
            } else if (token.isSymbol('(')) {
                if (depth == 0) {
                    return false;
                }
                depth--;
            } else if (depth == 0 && token.isWord("select")) {
                return true;
            }
        }
        return false;
    }

    private static void readItems(List<SqlToken> tokens, int start, boolean list, List<Relation> found) {
        int i = readItem(tokens, start, found);
        while (list && i < tokens.size() && tokens.get(i).isSymbol(',')) {
            i = readItem(tokens, i + 1, found);
        }
    }

    /** @return the index just past the item and its alias */
    private static int readItem(List<SqlToken> tokens, int start, List<Relation> found) {
        int i = start;
        while (i < tokens.size() && (tokens.get(i).isWord("only") || tokens.get(i).isWord("lateral"))) {
            i++;
        }
        if (i + 1 < tokens.size() && tokens.get(i).isWord("rows") && tokens.get(i + 1).isWord("from")) {
            i += 2;
        }
        if (i >= tokens.size()) {
            return i;
        }
        if (tokens.get(i).isSymbol('(')) {
            // a subquery or a parenthesized join: its own FROM and JOIN are read where they stand
            i = closing(tokens, i) + 1;
        } else if (tokens.get(i).isIdentifier()) {
            int first = i;
            while (i + 2 < tokens.size() && tokens.get(i + 1).isSymbol('.') && tokens.get(i + 2).isIdentifier()) {
                i += 2;
            }
            if (i + 1 < tokens.size() && tokens.get(i + 1).isSymbol('(')) {
                i = closing(tokens, i + 1) + 1; // a function in FROM reads no table by name
                if (i + 1 < tokens.size() && tokens.get(i).isWord("with") && tokens.get(i + 1).isWord("ordinality")) {
                    i += 2;
                }
            } else {
                found.add(relation(tokens, first, i));
                i++;
                if (i < tokens.size() && tokens.get(i).isSymbol('*')) {
                    i++;
                }
            }
        } else {
            return i;
        }
        return skipAlias(tokens, i);
    }

    private static Relation relation(List<SqlToken> tokens, int first, int last) {
        StringBuilder shown = new StringBuilder();
        for (int j = first; j <= last; j++) {
            shown.append(tokens.get(j).text());
        }
        return new Relation(shown.toString(), last > first ? tokens.get(last - 2).name() : null, tokens.get(last).name());
    }

    private static int skipAlias(List<SqlToken> tokens, int start) {
        int i = start;
        if (i < tokens.size() && tokens.get(i).isWord("as")) {
            i++;
        }
        if (i < tokens.size() && tokens.get(i).isIdentifier() && !NOT_AN_ALIAS.contains(tokens.get(i).name())) {
            i++;
            if (i < tokens.size() && tokens.get(i).isSymbol('(')) {
                i = closing(tokens, i) + 1;
            }
        }
        return i;
    }

    /** Every name a WITH list defines, at any depth: {@code name [(cols)] AS [NOT] [MATERIALIZED] (}. */
    private static Set<String> withQueryNames(List<SqlToken> tokens) {
        Set<String> names = new HashSet<>();
        for (int i = 1; i < tokens.size(); i++) {
            SqlToken before = tokens.get(i - 1);
            if (!tokens.get(i).isIdentifier() || !(before.isWord("with") || before.isWord("recursive") || before.isSymbol(','))) {
                continue;
            }
            int as = i + 1 < tokens.size() && tokens.get(i + 1).isSymbol('(') ? closing(tokens, i + 1) + 1 : i + 1;
            if (as + 1 < tokens.size() && tokens.get(as).isWord("as") && (tokens.get(as + 1).isSymbol('(')
                    || tokens.get(as + 1).isWord("not") || tokens.get(as + 1).isWord("materialized"))) {
                names.add(tokens.get(i).name());
            }
        }
        return names;
    }

    static int closing(List<SqlToken> tokens, int open) {
        int depth = 0;
        for (int i = open; i < tokens.size(); i++) {
            if (tokens.get(i).isSymbol('(')) {
                depth++;
            } else if (tokens.get(i).isSymbol(')') && --depth == 0) {
                return i;
            }
        }
        return tokens.size() - 1;
    }
}
