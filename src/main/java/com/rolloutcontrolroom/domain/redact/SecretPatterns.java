package com.rolloutcontrolroom.domain.redact;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a secret sits in text: the password of a URL ({@code postgresql://user:PASSWORD@host}), the
 * value of a {@code password=} style parameter (JDBC URLs, libpq strings), a variable or property
 * named for a secret ({@code PGPASSWORD='…'}, {@code -Ddb.password=…}) and the value of a deploy tool's
 * secret option ({@code vercel --token …}). Shared by presentation mode, the command line's error
 * messages and the verification report, so all know the same secrets.
 */
public final class SecretPatterns {

    /** scheme://[user]:PASSWORD@ ; the password ends at the last '@' before the host, as in a URL. Groups: 1 = up to the colon. */
    public static final Pattern URL_PASSWORD = Pattern.compile("(?i)([a-z][a-z0-9+.-]*://[^\\s/:@'\"]*):[^\\s'\"]*@");
    /**
     * Groups: 1 = the key, 2 = the separator; the value follows. A bare {@code pass} counts only before '=': "Pass:" is
     * how a gate's verdict begins its reasons, not a password.
     */
    public static final Pattern KEY_VALUE = Pattern.compile(
            "(?i)\\b(password|passwd|pwd|pass(?=\\s*=)|sslpassword|secret|token|api[_-]?key)(\\s*[=:]\\s*)(?!\\[secret\\])[^\\s&;'\",]+");
    /**
     * name=value where the name says it holds a secret, in any case and with any prefix: an environment variable
     * ({@code PGPASSWORD='…'}, {@code VERCEL_TOKEN=…}), a system property ({@code -Ddb.password=…}), a query
     * parameter ({@code access_token=…}); a quoted value is taken whole. Groups: 1 = the name and '='.
     */
    public static final Pattern SECRET_VARIABLE = Pattern.compile(
            "(?i)(?<![\\w.-])((?:-D)?(?:[a-z][\\w.-]*?)?(?:password|passwd|token|secret|api[_-]?key)[\\w.-]*=)"
                    + "('[^']*'|\"[^\"]*\"|[^\\s&;'\",]+)");
    /** --token VALUE, --api-key VALUE, --secret VALUE (a command's option and its value apart). Groups: 1 = the option and the space. */
    public static final Pattern SECRET_OPTION = Pattern.compile(
            "(?i)(?<![\\w-])(--?(?:token|auth-token|api-key|secret)\\s+)(?!-)[^\\s&;'\",]+");

    private SecretPatterns() {
    }

    /**
     * The text with every secret replaced by {@code mask}, everything else as it was. Use a mask without
     * spaces or quotes ({@code ***}, {@code <redacted>}), so masking twice gives the same text.
     */
    public static String mask(String text, String mask) {
        if (text == null) {
            return null;
        }
        String quoted = Matcher.quoteReplacement(mask);
        String masked = URL_PASSWORD.matcher(text).replaceAll("$1:" + quoted + "@");
        masked = SECRET_VARIABLE.matcher(masked).replaceAll("$1" + quoted);
        masked = SECRET_OPTION.matcher(masked).replaceAll("$1" + quoted);
        return KEY_VALUE.matcher(masked).replaceAll("$1$2" + quoted);
    }
}
