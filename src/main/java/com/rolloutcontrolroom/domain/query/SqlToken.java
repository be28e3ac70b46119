package com.rolloutcontrolroom.domain.query;

import java.util.Locale;

/**
 * One lexical piece of a SQL text, as PostgreSQL's lexer would cut it (closely enough to never
 * read code as a literal or a comment). {@code start} is the offset of its first character.
 */
public record SqlToken(Kind kind, String text, int start) {

    public enum Kind {
        WHITESPACE, LINE_COMMENT, BLOCK_COMMENT,
        /** {@code '...'}, {@code E'...'} (the E is part of it) and the other prefixed forms' quoted part */
        STRING,
        /** {@code $tag$...$tag$} */
        DOLLAR_STRING,
        /** an unquoted identifier or key word, e.g. {@code SELECT}, {@code dblink_exec} */
        WORD,
        /** {@code "..."} */
        QUOTED_IDENTIFIER,
        /** {@code U&"..."}: an identifier whose name only PostgreSQL's escape rules reveal */
        UNICODE_IDENTIFIER,
        NUMBER,
        /** a {@code :name} placeholder of a query file */
        PARAMETER,
        /** any other character, or {@code ::} */
        SYMBOL
    }

    /** Whitespace and comments: what PostgreSQL skips between tokens. */
    public boolean isBlank() {
        return kind == Kind.WHITESPACE || kind == Kind.LINE_COMMENT || kind == Kind.BLOCK_COMMENT;
    }

    public boolean isIdentifier() {
        return kind == Kind.WORD || kind == Kind.QUOTED_IDENTIFIER || kind == Kind.UNICODE_IDENTIFIER;
    }

    public boolean isSymbol(char symbol) {
        return kind == Kind.SYMBOL && text.length() == 1 && text.charAt(0) == symbol;
    }

    public boolean isWord(String word) {
        return kind == Kind.WORD && text.equalsIgnoreCase(word);
    }

    /**
     * The name PostgreSQL looks up: an unquoted identifier folded to lower case (ASCII only, as
     * PostgreSQL does in UTF-8), a quoted one as written with {@code ""} undoubled.
     */
    public String name() {
        return switch (kind) {
            case WORD -> foldAscii(text);
            case QUOTED_IDENTIFIER -> text.substring(1, text.length() - (text.endsWith("\"") && text.length() > 1 ? 1 : 0))
                    .replace("\"\"", "\"");
            default -> text;
        };
    }

    private static String foldAscii(String word) {
        StringBuilder folded = new StringBuilder(word.length());
        for (char c : word.toCharArray()) {
            folded.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
        }
        return folded.toString();
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(Locale.ROOT) + "(" + text + ")@" + start;
    }
}
