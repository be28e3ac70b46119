package com.rolloutcontrolroom.domain.journal;

/** A journal record as stored: its position in the chain, its content and its two hashes. */
public record StoredEntry(long id, JournalEntry entry, String previousHash, String hash) {
}
