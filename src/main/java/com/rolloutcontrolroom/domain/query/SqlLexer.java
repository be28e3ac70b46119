package com.rolloutcontrolroom.domain.query;

import java.util.ArrayList;
import java.util.List;

import com.rolloutcontrolroom.domain.query.SqlToken.Kind;

/**
 * Cuts SQL into tokens the way PostgreSQL reads it with {@code standard_conforming_strings = on}
 * (which every query transaction sets): string literals ({@code '...'}, {@code E'...'} with
 * backslash escapes, dollar-quoted {@code $tag$...$tag$}), quoted identifiers, nested block
 * comments, {@code ::} casts and {@code :name} placeholders. Both the placeholder rewrite and the
 * read-only check read SQL through this one lexer, so neither can be fooled by a quote the other
 * would read differently. The concatenated token texts are the input, always.
 */
public final class SqlLexer {

    private SqlLexer() {
    }

    public static List<SqlToken> tokens(String sql) {
        List<SqlToken> tokens = new ArrayList<>();
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            int end;
            Kind kind;
            int dollarQuoteEnd = c == '$' ? dollarQuoteEnd(sql, i) : -1;
            if (Character.isWhitespace(c)) {
                end = i + 1;
                while (end < sql.length() && Character.isWhitespace(sql.charAt(end))) {
                    end++;
                }
                kind = Kind.WHITESPACE;
            } else if (c == '-' && sql.startsWith("--", i)) {
                end = sql.indexOf('\n', i);
                end = end < 0 ? sql.length() : end;
                kind = Kind.LINE_COMMENT;
            } else if (c == '/' && sql.startsWith("/*", i)) {
                end = blockCommentEnd(sql, i);
                kind = Kind.BLOCK_COMMENT;
            } else if (c == '\'') {
                end = closing(sql, i, '\'', false);
                kind = Kind.STRING;
            } else if (c == '"') {
                end = closing(sql, i, '"', false);
                kind = Kind.QUOTED_IDENTIFIER;
            } else if ((c == 'E' || c == 'e') && i + 1 < sql.length() && sql.charAt(i + 1) == '\'') {
                end = closing(sql, i + 1, '\'', true);
                kind = Kind.STRING;
            } else if ((c == 'U' || c == 'u') && sql.startsWith("&\"", i + 1)) {
                end = closing(sql, i + 2, '"', false);
                kind = Kind.UNICODE_IDENTIFIER;
            } else if (dollarQuoteEnd > 0) {
                end = dollarQuoteEnd;
                kind = Kind.DOLLAR_STRING;
            } else if (isIdentifierStart(c)) {
                end = i + 1;
                while (end < sql.length() && isIdentifierPart(sql.charAt(end))) {
                    end++;
                }
                kind = Kind.WORD;
            } else if (Character.isDigit(c)) {
                end = i + 1;
                // digits only: a letter after them starts a word, so nothing can hide inside a number
                while (end < sql.length() && (Character.isDigit(sql.charAt(end))
                        || sql.charAt(end) == '.' && end + 1 < sql.length() && Character.isDigit(sql.charAt(end + 1)))) {
                    end++;
                }
                kind = Kind.NUMBER;
            } else if (c == ':' && sql.startsWith("::", i)) {
                end = i + 2;
                kind = Kind.SYMBOL;
            } else if (c == ':' && i + 1 < sql.length() && Character.isJavaIdentifierStart(sql.charAt(i + 1))) {
                end = i + 1;
                while (end < sql.length() && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_')) {
                    end++;
                }
                kind = Kind.PARAMETER;
            } else {
                end = i + 1;
                kind = Kind.SYMBOL;
            }
            tokens.add(new SqlToken(kind, sql.substring(i, end), i));
            i = end;
        }
        return tokens;
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

    /**
     * For a {@code $tag$} opening a dollar-quoted string at {@code start}: the index just past its closing
     * tag (or the end of the text); -1 if the dollar starts no quote ({@code $1}).
     */
    private static int dollarQuoteEnd(String sql, int start) {
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

    /** As PostgreSQL: a letter (any alphabet) or underscore starts an identifier. */
    private static boolean isIdentifierStart(char c) {
        return Character.isLetter(c) || c == '_' || c >= '\u0080';
    }

    private static boolean isIdentifierPart(char c) {
        return isIdentifierStart(c) || Character.isDigit(c) || c == '$';
    }
}
