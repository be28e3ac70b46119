package com.rolloutcontrolroom.domain.journal;

import com.rolloutcontrolroom.domain.operator.Operator;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A rollout was created, with its whole plan in canonical form (the plan file's own tree): the plan is
 * evidence, so what the gates were held to can be read back from the journal alone.
 */
public record RolloutCreated(Instant recordedAt, Operator operator, String rollout, List<String> flags,
                             String description, Map<String, Object> plan) implements JournalEntry {

    public RolloutCreated {
        recordedAt = Require.time(recordedAt, "Recorded-at time");
        Require.present(operator, "Operator");
        rollout = Require.text(rollout, "Rollout name");
        flags = List.copyOf(Require.present(flags, "Flags"));
        if (flags.isEmpty()) {
            throw new IllegalArgumentException("Flags list is empty; name at least one feature flag.");
        }
        flags.forEach(flag -> Require.text(flag, "Flag name"));
        description = Require.optionalText(description);
        plan = PlanDocument.copy(Require.present(plan, "Plan"));
    }

    @Override
    public EntryKind kind() {
        return EntryKind.ROLLOUT_CREATED;
    }

    @Override
    public String environment() {
        return null;
    }
}
