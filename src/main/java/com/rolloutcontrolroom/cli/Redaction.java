package com.rolloutcontrolroom.cli;

import java.util.regex.Pattern;

/**
 * Masks what may be a password in text that repeats a command-line argument: the password of a
 * URL ({@code postgresql://user:***@host}) and the value of a {@code password=} style parameter
 * (JDBC URLs, libpq strings). Command lines are copied from runbooks, where URLs carry passwords.
 */
final class Redaction {

    static final String MASK = "***";

    // scheme://[user]:PASSWORD@ ; the password ends at the last '@' before the host, as in a URL
    private static final Pattern URL_PASSWORD = Pattern.compile("(?i)([a-z][a-z0-9+.-]*://[^\\s/:@'\"]*):[^\\s'\"]*@");
    private static final Pattern KEY_VALUE = Pattern.compile(
            "(?i)\\b(password|passwd|pwd|pass|sslpassword|secret|token|api[_-]?key)(\\s*[=:]\\s*)[^\\s&;'\"]+");
    // a word that can be repeated as it is: a command or option name, nothing URL- or secret-shaped
    private static final Pattern PLAIN_WORD = Pattern.compile("-{0,2}[A-Za-z0-9][A-Za-z0-9_.-]{0,39}");

    private Redaction() {
    }

    static String redact(String text) {
        if (text == null) {
            return null;
        }
        String masked = URL_PASSWORD.matcher(text).replaceAll("$1:" + MASK + "@");
        return KEY_VALUE.matcher(masked).replaceAll("$1$2" + MASK);
    }

    /** True for a word such as {@code launch-rockets} or {@code --bogus}, safe to repeat in an error. */
    static boolean plainWord(String word) {
        return word != null && PLAIN_WORD.matcher(word).matches();
    }
}
