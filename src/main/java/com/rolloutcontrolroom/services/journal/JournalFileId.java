package com.rolloutcontrolroom.services.journal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Names one journal file in the keychain: the first 16 hex of SHA-256 of its real path (UTF-8), so
 * two data folders keep two heads. A file that was deleted keeps its id: the path is resolved
 * through its folder, so the head kept for it still points at the gap.
 */
final class JournalFileId {

    private JournalFileId() {
    }

    static String of(Path journalFile) {
        return HexFormat.of().formatHex(sha256(realPath(journalFile).toString())).substring(0, 16);
    }

    static Path realPath(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        try {
            if (Files.exists(absolute)) {
                return absolute.toRealPath();
            }
            Path folder = absolute.getParent();
            if (folder != null && Files.isDirectory(folder)) {
                return folder.toRealPath().resolve(absolute.getFileName());
            }
        } catch (IOException e) {
            // an unreadable link resolves to its absolute form; the id then follows that spelling
        }
        return absolute;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime ships SHA-256", e);
        }
    }
}
