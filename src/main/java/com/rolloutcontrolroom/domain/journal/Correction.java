package com.rolloutcontrolroom.domain.journal;

import com.rolloutcontrolroom.domain.operator.Operator;
import java.time.Instant;

/**
 * Replaces the content of an earlier record without touching it: readers show the replacement, the
 * chain keeps both.
 */
public record Correction(Instant recordedAt, Operator operator, long correctsId, String reason,
                         JournalEntry replacement) implements JournalEntry {

    public Correction {
        recordedAt = Require.time(recordedAt, "Recorded-at time");
        Require.present(operator, "Operator");
        if (correctsId < 1) {
            throw new IllegalArgumentException("Corrected record id must be 1 or more; pick the record to correct.");
        }
        reason = Require.text(reason, "Correction reason");
        Require.present(replacement, "Replacement content");
        if (replacement instanceof SigningKeyEnrolled || replacement instanceof JournalRepaired) {
            throw new IllegalArgumentException("A record about the journal itself cannot be corrected; it stays as written.");
        }
        if (replacement instanceof RolloutCreated || replacement instanceof PlanAmended) {
            throw new IllegalArgumentException("A plan is not corrected; amend it, so the journal says who changed what and why.");
        }
        if (replacement instanceof Correction) {
            throw new IllegalArgumentException("A correction cannot replace with another correction; correct the original record.");
        }
    }

    @Override
    public EntryKind kind() {
        return EntryKind.CORRECTION;
    }

    @Override
    public String rollout() {
        return replacement.rollout();
    }

    @Override
    public String environment() {
        return replacement.environment();
    }
}
