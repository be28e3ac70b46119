package com.rolloutcontrolroom.domain.redact;

import java.util.regex.Pattern;

/**
 * Where a secret sits in text: the password of a URL ({@code postgresql://user:PASSWORD@host}) and
 * the value of a {@code password=} style parameter (JDBC URLs, libpq strings). Shared by presentation
 * mode and the command line's error messages, so both know the same secrets.
 */
public final class SecretPatterns {

    /** scheme://[user]:PASSWORD@ ; the password ends at the last '@' before the host, as in a URL. Groups: 1 = up to the colon. */
    public static final Pattern URL_PASSWORD = Pattern.compile("(?i)([a-z][a-z0-9+.-]*://[^\\s/:@'\"]*):[^\\s'\"]*@");
    /** Groups: 1 = the key, 2 = the separator; the value follows. */
    public static final Pattern KEY_VALUE = Pattern.compile(
            "(?i)\\b(password|passwd|pwd|pass|sslpassword|secret|token|api[_-]?key)(\\s*[=:]\\s*)(?!\\[secret\\])[^\\s&;'\",]+");

    private SecretPatterns() {
    }

    /** The text with every secret replaced by {@code mask}, everything else as it was. */
    public static String mask(String text, String mask) {
        if (text == null) {
            return null;
        }
        String masked = URL_PASSWORD.matcher(text).replaceAll("$1:" + java.util.regex.Matcher.quoteReplacement(mask) + "@");
        return KEY_VALUE.matcher(masked).replaceAll("$1$2" + java.util.regex.Matcher.quoteReplacement(mask));
    }
}
