package com.rolloutcontrolroom.domain.journal;

import com.rolloutcontrolroom.domain.operator.Operator;
import java.time.Instant;

/**
 * A person signed off in a role. The head hash pins exactly which journal they approved: any later
 * edit of an earlier record would no longer match it.
 */
public record SignedOff(Instant recordedAt, Operator operator, String environment, String rollout, String role,
                        String name, Instant signedAt, String comment, String approvedHeadHash)
        implements JournalEntry {

    public SignedOff {
        recordedAt = Require.time(recordedAt, "Recorded-at time");
        Require.present(operator, "Operator");
        environment = Require.optionalText(environment);
        rollout = Require.text(rollout, "Rollout name");
        role = Require.text(role, "Sign-off role");
        name = Require.text(name, "Sign-off name");
        signedAt = Require.time(signedAt, "Sign-off time");
        comment = Require.optionalText(comment);
        if (approvedHeadHash == null || !ChainHash.isHash(approvedHeadHash)) {
            throw new IllegalArgumentException("Approved head hash must be 64 lowercase hex characters; take it from the journal head.");
        }
    }

    @Override
    public EntryKind kind() {
        return EntryKind.SIGN_OFF;
    }
}
