package com.rolloutcontrolroom.domain.journal;

/**
 * The last record of the chain: what a sign-off approves and what an auditor can keep to detect
 * records cut off the end later. An empty journal's head is record 0 with the genesis hash.
 */
public record ChainHead(long id, String hash) {

    public static final ChainHead EMPTY = new ChainHead(0, ChainHash.GENESIS);

    public ChainHead {
        if (id < 0 || !ChainHash.isHash(hash)) {
            throw new IllegalArgumentException("Chain head needs an id of 0 or more and a 64-character hex hash.");
        }
    }
}
