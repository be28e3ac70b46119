package com.rolloutcontrolroom.domain.journal;

import com.rolloutcontrolroom.domain.operator.Operator;
import java.time.Instant;

/** A row of the verification report's Rollback Log: date/time, environment, reason, actions, outcome. */
public record RollbackPerformed(Instant recordedAt, Operator operator, String environment, String rollout,
                                Instant occurredAt, String reason, String actionsTaken, String outcome)
        implements JournalEntry {

    public RollbackPerformed {
        recordedAt = Require.time(recordedAt, "Recorded-at time");
        Require.present(operator, "Operator");
        environment = Require.text(environment, "Rollback environment");
        rollout = Require.text(rollout, "Rollout name");
        occurredAt = Require.time(occurredAt, "Rollback date/time");
        reason = Require.text(reason, "Rollback reason");
        actionsTaken = Require.text(actionsTaken, "Rollback actions taken");
        outcome = Require.text(outcome, "Rollback outcome");
    }

    @Override
    public EntryKind kind() {
        return EntryKind.ROLLBACK;
    }
}
