package com.rolloutcontrolroom.domain.query;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The names of PostgreSQL's own functions and its key words, read once from lists shipped in the
 * app ({@code /sql/postgresql-functions.txt}, {@code /sql/postgresql-keywords.txt}, generated from
 * PostgreSQL 17 and checked against it by a test).
 */
public final class PostgresBuiltIns {

    private static final Set<String> FUNCTIONS = read("/sql/postgresql-functions.txt");
    private static final Set<String> KEY_WORDS = read("/sql/postgresql-keywords.txt");

    private PostgresBuiltIns() {
    }

    /** @param name as PostgreSQL looks it up (unquoted names folded to lower case) */
    public static boolean isFunction(String name) {
        return FUNCTIONS.contains(name);
    }

    /** @param word an unquoted word, any case */
    public static boolean isKeyWord(String word) {
        return KEY_WORDS.contains(word.toLowerCase(java.util.Locale.ROOT));
    }

    static Set<String> functions() {
        return FUNCTIONS;
    }

    static Set<String> keyWords() {
        return KEY_WORDS;
    }

    private static Set<String> read(String resource) {
        try (InputStream in = PostgresBuiltIns.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing from the build: " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
