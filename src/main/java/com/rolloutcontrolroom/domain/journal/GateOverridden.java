package com.rolloutcontrolroom.domain.journal;

import com.rolloutcontrolroom.domain.operator.Operator;
import java.time.Instant;

/**
 * Someone promoted past a gate that did not pass; the reason and the approver are the evidence auditors
 * will ask for. The environment is null when neither phase deploys anywhere (Legacy cleanup to Done).
 */
public record GateOverridden(Instant recordedAt, Operator operator, String environment, String rollout,
                             String phase, String reason, String who) implements JournalEntry {

    public GateOverridden {
        recordedAt = Require.time(recordedAt, "Recorded-at time");
        Require.present(operator, "Operator");
        environment = Require.optionalText(environment);
        rollout = Require.text(rollout, "Rollout name");
        phase = Require.text(phase, "Phase");
        reason = Require.text(reason, "Override reason");
        who = Require.text(who, "Name of who approved the override");
    }

    @Override
    public EntryKind kind() {
        return EntryKind.GATE_OVERRIDE;
    }
}
