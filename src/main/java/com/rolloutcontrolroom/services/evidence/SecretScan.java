package com.rolloutcontrolroom.services.evidence;

import com.rolloutcontrolroom.domain.redact.SecretPatterns;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * The last check before a bundle leaves the app: no text file of it may hold what looks like a password
 * or token ({@link SecretPatterns}, the patterns presentation mode and the CLI's messages mask). The
 * journal holds no secrets by design; this catches the one a user typed into a note.
 *
 * <p>A bundle of thousands of snapshots holds hundreds of megabytes of text, where running both patterns
 * from every position takes seconds. Each pattern is tried only where a match of it can start: a URL
 * password's match ends its scheme at {@code ://}, a key's starts with its key word; the result is the
 * same as a search of the whole text.
 */
final class SecretScan {

    /** How every key word of {@link SecretPatterns#KEY_VALUE} begins: only there is the pattern tried. */
    private static final String[] KEYS = {"pass", "pwd", "sslpass", "secret", "token", "api"};

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

    /** Where the first secret starts, or -1. */
    static int firstMatch(String text) {
        Matcher url = SecretPatterns.URL_PASSWORD.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        Matcher key = SecretPatterns.KEY_VALUE.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        int schemeStart = -1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isSchemeChar(c)) {
                if (schemeStart < 0 && isLetter(c)) {
                    schemeStart = i; // the leftmost letter of a run of scheme characters is where a URL match would start
                }
            } else {
                if (c == ':' && schemeStart >= 0 && text.startsWith("//", i + 1)
                        && url.region(schemeStart, text.length()).lookingAt()) {
                    return schemeStart;
                }
                schemeStart = -1;
            }
            if (startsKey(text, i) && key.region(i, text.length()).lookingAt()) {
                return i;
            }
        }
        return -1;
    }

    private static boolean startsKey(String text, int i) {
        char c = (char) (text.charAt(i) | 0x20);
        if (c != 'p' && c != 's' && c != 't' && c != 'a') {
            return false;
        }
        for (String word : KEYS) {
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
        return isLetter(c) || (c >= '0' && c <= '9') || c == '+' || c == '.' || c == '-';
    }

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
