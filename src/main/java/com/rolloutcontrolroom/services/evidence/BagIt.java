package com.rolloutcontrolroom.services.evidence;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/** The parts of BagIt 1.0 (RFC 8493) the writer and the verifier share: names, the declaration, checksums, path encoding. */
final class BagIt {

    static final String DECLARATION_FILE = "bagit.txt";
    static final String DECLARATION = "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n";
    static final String INFO = "bag-info.txt";
    static final String MANIFEST = "manifest-sha512.txt";
    static final String TAG_MANIFEST = "tagmanifest-sha512.txt";
    static final String PAYLOAD = "data/";

    static final String PAYLOAD_OXUM = "Payload-Oxum";
    static final String BAGGING_DATE = "Bagging-Date";
    static final String EXTERNAL_IDENTIFIER = "External-Identifier";
    static final String ROLLOUT = "Rollout";
    static final String HEAD_ID = "Journal-Head-Id";
    static final String HEAD_HASH = "Journal-Head-Hash";
    static final String SIGNING_KEY = "Journal-Signing-Key";

    private BagIt() {
    }

    static String sha512(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-512").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime ships SHA-512", e);
        }
    }

    /** One line per file, sorted by path: {@code <checksum>  <path>}, the form {@code sha512sum -c} reads too. */
    static byte[] manifest(Map<String, byte[]> files) {
        StringBuilder manifest = new StringBuilder();
        new java.util.TreeMap<>(files).forEach((path, content) ->
                manifest.append(sha512(content)).append("  ").append(encodePath(path)).append('\n'));
        return manifest.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** RFC 8493 2.1.3: only CR, LF and % are percent-encoded in manifest paths. */
    static String encodePath(String path) {
        return path.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    static String decodePath(String path) {
        return path.replace("%0D", "\r").replace("%0d", "\r").replace("%0A", "\n").replace("%0a", "\n").replace("%25", "%");
    }
}
