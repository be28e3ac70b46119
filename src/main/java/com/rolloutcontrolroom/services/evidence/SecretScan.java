package com.rolloutcontrolroom.services.evidence;

import com.rolloutcontrolroom.domain.redact.SecretPatterns;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The last check before a bundle leaves the app: no text file of it may hold what looks like a password
 * or token ({@link SecretPatterns}, the patterns presentation mode, the CLI's messages and the report
 * mask). The journal holds no secrets by design; this catches the one a user typed into a note.
 *
 * <p>A bundle of thousands of snapshots holds hundreds of megabytes of text, where running each pattern
 * from every position takes seconds. So each is tried only where a match of it can start, which the
 * same scan of the text finds: a URL password's scheme ends at {@code ://}; a key ({@code password=})
 * starts with its key word; a secret variable ({@code -Ddb.password=}) starts a run of name characters
 * that holds a secret word; a secret option ({@code --token}) starts at its dashes. Whether there is a
 * secret and on which line is the same as searching the whole text with each pattern (a property test
 * holds it to that).
 */
final class SecretScan {

    /** How the key words of {@link SecretPatterns#KEY_VALUE} begin. */
    private static final String[] KEYS = {"pass", "pwd", "sslpass", "secret", "token", "api"};
    /** How the secret words of {@link SecretPatterns#SECRET_VARIABLE} and {@link SecretPatterns#SECRET_OPTION} begin. */
    private static final String[] SECRET_WORDS = {"pass", "token", "secret", "api", "auth"};

    private SecretScan() {
    }

    /** The first file and line holding a secret, as "data/x line N"; empty when there is none. Never the secret itself. */
    static Optional<String> find(Map<String, byte[]> files) {
        for (var file : files.entrySet()) {
            if (file.getKey().endsWith(".png")) {
                continue;
            }
            String text = new String(file.getValue(), StandardCharsets.UTF_8);
            int at = firstMatch(text);
            if (at >= 0) {
                return Optional.of(file.getKey() + " line " + (1 + text.substring(0, at).chars().filter(c -> c == '\n').count()));
            }
        }
        return Optional.empty();
    }

    /**
     * Where a secret starts, or -1: the first one found, on the line of the first one in the text (where two
     * patterns match in one word, the position may be the later of their starts).
     */
    static int firstMatch(String text) {
        Matcher url = matcher(SecretPatterns.URL_PASSWORD, text);
        Matcher key = matcher(SecretPatterns.KEY_VALUE, text);
        Matcher variable = matcher(SecretPatterns.SECRET_VARIABLE, text);
        Matcher option = matcher(SecretPatterns.SECRET_OPTION, text);
        int schemeStart = -1;
        int nameStart = -1;
        int triedName = -1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            // a URL match starts at the leftmost letter of the run of scheme characters before its "://"
            if (isSchemeChar(c)) {
                if (schemeStart < 0 && isLetter(c)) {
                    schemeStart = i;
                }
            } else {
                if (c == ':' && schemeStart >= 0 && text.startsWith("//", i + 1) && tryAt(url, schemeStart)) {
                    return schemeStart;
                }
                schemeStart = -1;
            }
            // a variable's match starts where a run of [\w.-] starts (nothing of the run may precede it)
            if (isNameChar(c)) {
                if (nameStart < 0) {
                    nameStart = i;
                }
            } else {
                nameStart = -1;
            }
            if (startsAny(text, i, KEYS) && tryAt(key, i)) {
                return i;
            }
            if (nameStart >= 0 && nameStart != triedName && startsAny(text, i, SECRET_WORDS)) {
                triedName = nameStart;
                if (tryAt(variable, nameStart)) {
                    return nameStart;
                }
            }
            if (c == '-' && (i == 0 || !isOptionChar(text.charAt(i - 1))) && tryAt(option, i)) {
                return i;
            }
        }
        return -1;
    }

    private static Matcher matcher(Pattern pattern, String text) {
        return pattern.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
    }

    /** Whether the pattern matches starting exactly at {@code start}, its look-behinds and boundaries seeing the text before. */
    private static boolean tryAt(Matcher matcher, int start) {
        return matcher.region(start, matcher.regionEnd()).lookingAt();
    }

    private static boolean startsAny(String text, int i, String[] words) {
        char c = (char) (text.charAt(i) | 0x20);
        if (c != 'p' && c != 's' && c != 't' && c != 'a') {
            return false;
        }
        for (String word : words) {
            if (startsWithIgnoringAsciiCase(text, i, word)) {
                return true;
            }
        }
        return false;
    }

    /** The patterns fold ASCII case only; {@code c | 0x20} equals a lowercase ASCII letter only for that letter in either case. */
    private static boolean startsWithIgnoringAsciiCase(String text, int i, String lowercaseWord) {
        if (i + lowercaseWord.length() > text.length()) {
            return false;
        }
        for (int k = 0; k < lowercaseWord.length(); k++) {
            if ((text.charAt(i + k) | 0x20) != lowercaseWord.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isSchemeChar(char c) {
        return isLetter(c) || isDigit(c) || c == '+' || c == '.' || c == '-';
    }

    private static boolean isNameChar(char c) {
        return isLetter(c) || isDigit(c) || c == '_' || c == '.' || c == '-';
    }

    private static boolean isOptionChar(char c) {
        return isLetter(c) || isDigit(c) || c == '_' || c == '-';
    }

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
