package com.rolloutcontrolroom.domain.journal;

import com.rolloutcontrolroom.domain.operator.Operator;
import java.time.Instant;
import java.util.List;

/**
 * A named person accepted a phase gate that said WARN, with a reason: only then does a WARN gate pass.
 * It records the warnings they saw, so an auditor reads what was accepted, not just that something was.
 */
public record WarningAccepted(Instant recordedAt, Operator operator, String environment, String rollout,
                              String phase, String who, String reason, List<String> warnings) implements JournalEntry {

    public WarningAccepted {
        recordedAt = Require.time(recordedAt, "Recorded-at time");
        Require.present(operator, "Operator");
        environment = Require.optionalText(environment);
        rollout = Require.text(rollout, "Rollout name");
        phase = Require.text(phase, "Phase");
        who = Require.text(who, "Name of who accepts the warning");
        reason = Require.text(reason, "Reason for accepting the warning");
        warnings = List.copyOf(Require.present(warnings, "Accepted warnings"));
    }

    @Override
    public EntryKind kind() {
        return EntryKind.WARNING_ACCEPTED;
    }
}
