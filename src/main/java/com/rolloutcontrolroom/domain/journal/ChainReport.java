package com.rolloutcontrolroom.domain.journal;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * Outcome of recomputing the chain and checking its signatures: intact (with its length, head and
 * signing key, if one was enrolled) or the first broken record and why.
 */
public record ChainReport(long verifiedCount, ChainHead head, long brokenRecordId, String problem, Enrollment enrollment) {

    public static ChainReport intact(long count, ChainHead head) {
        return new ChainReport(count, head, 0, null, null);
    }

    public static ChainReport intact(long count, ChainHead head, Enrollment enrollment) {
        return new ChainReport(count, head, 0, null, enrollment);
    }

    public static ChainReport broken(long verifiedBefore, ChainHead lastGood, long brokenRecordId, String problem) {
        return new ChainReport(verifiedBefore, lastGood, brokenRecordId, problem, null);
    }

    public boolean isIntact() {
        return problem == null;
    }

    public OptionalLong brokenRecord() {
        return isIntact() ? OptionalLong.empty() : OptionalLong.of(brokenRecordId);
    }

    /** The signing key, when the intact chain enrolled one. */
    public Optional<Enrollment> signing() {
        return Optional.ofNullable(enrollment);
    }

    /** The status line: "chain intact, 12 records, head 3f9a1c2e…" or "chain broken at record 7: …". */
    public String describe() {
        if (isIntact()) {
            return "chain intact, " + verifiedCount + (verifiedCount == 1 ? " record" : " records")
                    + ", head " + ChainHash.abbreviate(head.hash());
        }
        return "chain broken at record " + brokenRecordId + ": " + problem;
    }
}
