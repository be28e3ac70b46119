package com.rolloutcontrolroom.domain.journal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;

/**
 * What a record's signature is, so anyone can check it: Ed25519 over the record's hash as its 64
 * ASCII lowercase hex characters, stored in base64 (standard alphabet, with padding). Public keys
 * travel as base64 X.509 SubjectPublicKeyInfo; a key's fingerprint is the hex SHA-256 of those bytes.
 */
public final class JournalSignatures {

    public static final String ALGORITHM = "Ed25519";

    private JournalSignatures() {
    }

    public static String fingerprint(byte[] encodedPublicKey) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(encodedPublicKey));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime ships SHA-256", e);
        }
    }

    /** The key in a {@code SIGNING_KEY} record; refused with one sentence when it is not an Ed25519 key. */
    public static PublicKey decodePublicKey(String base64) {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new IllegalArgumentException("The signing public key is not a base64 X.509 Ed25519 key.", e);
        }
    }

    /** The bytes that are signed: the record hash's ASCII text, not its 32 raw bytes. */
    public static byte[] signedBytes(String hash) {
        return hash.getBytes(StandardCharsets.US_ASCII);
    }

    public static boolean verify(PublicKey key, String hash, String signatureBase64) {
        if (signatureBase64 == null) {
            return false;
        }
        try {
            byte[] signature = Base64.getDecoder().decode(signatureBase64);
            if (!Base64.getEncoder().encodeToString(signature).equals(signatureBase64)) {
                // one signature, one spelling: base64 that decodes leniently (stray bits, no padding) is refused
                return false;
            }
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(key);
            verifier.update(signedBytes(hash));
            return verifier.verify(signature);
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return false;
        }
    }

    /** "9c1e4f0a…" for status lines; the full fingerprint is in verify's output and the export. */
    public static String abbreviate(String fingerprint) {
        return ChainHash.abbreviate(fingerprint);
    }
}
