package com.rolloutcontrolroom.cli;

import java.util.regex.Pattern;

import com.rolloutcontrolroom.domain.redact.SecretPatterns;

/**
 * Masks what may be a password in text that repeats a command-line argument: the password of a
 * URL ({@code postgresql://user:***@host}) and the value of a {@code password=} style parameter
 * (JDBC URLs, libpq strings), with the patterns presentation mode uses. Command lines are copied from
 * runbooks, where URLs carry passwords.
 */
final class Redaction {

    static final String MASK = "***";

    // a word that can be repeated as it is: a command or option name, nothing URL- or secret-shaped
    private static final Pattern PLAIN_WORD = Pattern.compile("-{0,2}[A-Za-z0-9][A-Za-z0-9_.-]{0,39}");

    private Redaction() {
    }

    static String redact(String text) {
        return SecretPatterns.mask(text, MASK);
    }

    /** True for a word such as {@code launch-rockets} or {@code --bogus}, safe to repeat in an error. */
    static boolean plainWord(String word) {
        return word != null && PLAIN_WORD.matcher(word).matches();
    }
}
