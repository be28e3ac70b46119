package com.rolloutcontrolroom.domain.journal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * hash = lowercase hex of SHA-256( ASCII bytes of the previous hash in lowercase hex || canonical
 * bytes of the record ). The first record's previous hash is {@link #GENESIS}.
 */
public final class ChainHash {

    public static final String GENESIS = "0".repeat(64);

    private ChainHash() {
    }

    public static String next(String previousHash, byte[] canonical) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(previousHash.getBytes(StandardCharsets.US_ASCII));
            sha256.update(canonical);
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime ships SHA-256", e);
        }
    }

    public static boolean isHash(String text) {
        return text != null && text.length() == 64 && text.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));
    }

    /** "3f9a1c2e…" for status lines. */
    public static String abbreviate(String hash) {
        return hash.length() <= 8 ? hash : hash.substring(0, 8) + "…";
    }
}
