package com.rolloutcontrolroom.domain.journal;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything {@code journal verify} concluded: the chain (with its signing key, if one was enrolled),
 * the first problem found as one sentence, or, when there is none, notes on what else was compared
 * (the keychain's key and head, a pinned key, an expected head).
 */
public record VerificationReport(ChainReport chain, String failure, List<String> notes) {

    public VerificationReport {
        notes = List.copyOf(notes);
    }

    public static VerificationReport passed(ChainReport chain, List<String> notes) {
        return new VerificationReport(chain, null, notes);
    }

    public static VerificationReport failed(ChainReport chain, String sentence) {
        return new VerificationReport(chain, sentence, List.of());
    }

    public boolean ok() {
        return failure == null;
    }

    /** What verify prints on success: the chain with its full head hash, what the signatures prove, the notes. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        long count = chain.verifiedCount();
        lines.add("chain intact, " + count + (count == 1 ? " record" : " records") + ", head " + chain.head().hash());
        lines.add(signing());
        lines.addAll(notes);
        return lines;
    }

    private String signing() {
        if (chain.signing().isEmpty()) {
            return "unsigned: no signing key was ever enrolled (no OS keychain worked where it was written), so this proves"
                    + " that the records are consistent with each other, not that nobody rewrote them";
        }
        Enrollment key = chain.signing().get();
        if (key.recordId() == 1) {
            return "signed: every record carries a valid Ed25519 signature by key " + key.fingerprint();
        }
        return "signed: records " + key.recordId() + "–" + chain.verifiedCount() + " carry valid Ed25519 signatures by key "
                + key.fingerprint() + "; records 1–" + (key.recordId() - 1) + ", written before the key was enrolled,"
                + " are covered through the chain by record " + key.recordId() + "'s signature";
    }

    /** One line for the journal screen: intact and signed or unsigned, or the problem. */
    public String statusLine() {
        if (!ok()) {
            return Character.toUpperCase(failure.charAt(0)) + failure.substring(1);
        }
        String described = chain.describe();
        String intact = Character.toUpperCase(described.charAt(0)) + described.substring(1);
        return chain.signing()
                .map(key -> intact + ", signed by key " + JournalSignatures.abbreviate(key.fingerprint()))
                .orElse(intact + ", unsigned: consistent with itself, but nothing proves nobody rewrote it");
    }
}
