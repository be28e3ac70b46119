package com.rolloutcontrolroom.cli;

import com.rolloutcontrolroom.domain.journal.JournalSignatures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.InvalidPathException;
import java.util.Locale;

/**
 * {@code --public-key}: the key an auditor expects the journal to be signed by, as its 64-hex
 * fingerprint, as base64 X.509 (what exports carry), or as a file holding either (PEM included).
 * Reduced to the fingerprint, which is what is compared.
 */
final class PublicKeyPin {

    private PublicKeyPin() {
    }

    /** The fingerprint; IllegalArgumentException (bad input) with one sentence when it is none of the above. */
    static String fingerprint(String value) {
        String text = value.strip();
        Path file = asFile(text);
        if (file != null) {
            try {
                text = Files.readString(file, StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                throw new IllegalArgumentException("--public-key names the file " + file + ", which cannot be read; check"
                        + " the path.", e);
            }
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.matches("[0-9a-f]{64}")) {
            return lower;
        }
        String base64 = text.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s+", "");
        try {
            return JournalSignatures.fingerprint(JournalSignatures.decodePublicKey(base64).getEncoded());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--public-key must be the journal's Ed25519 public key (base64 or PEM), its"
                    + " 64-character fingerprint, or a file holding one of them.", e);
        }
    }

    private static Path asFile(String text) {
        try {
            Path path = Path.of(text);
            return Files.isRegularFile(path) ? path : null;
        } catch (InvalidPathException e) {
            return null;
        }
    }
}
