package com.rolloutcontrolroom.domain.journal;

/**
 * A journal record as stored: its position in the chain, its content, its two hashes and its
 * Ed25519 signature of the hash (base64; null for a record written before a key was enrolled).
 */
public record StoredEntry(long id, JournalEntry entry, String previousHash, String hash, String signature) {
}
