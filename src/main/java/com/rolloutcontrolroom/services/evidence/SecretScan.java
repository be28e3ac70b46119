package com.rolloutcontrolroom.services.evidence;

import com.rolloutcontrolroom.domain.redact.SecretPatterns;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The last check before a bundle leaves the app: no text file of it may hold what looks like a password
 * or token ({@link SecretPatterns}, the patterns presentation mode and the CLI's messages mask). The
 * journal holds no secrets by design; this catches the one a user typed into a note.
 */
final class SecretScan {

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

    private static int firstMatch(String text) {
        int first = -1;
        for (Pattern pattern : new Pattern[] {SecretPatterns.URL_PASSWORD, SecretPatterns.KEY_VALUE}) {
            var matcher = pattern.matcher(text);
            if (matcher.find() && (first < 0 || matcher.start() < first)) {
                first = matcher.start();
            }
        }
        return first;
    }
}
