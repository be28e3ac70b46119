package com.rolloutcontrolroom.domain.journal;

import com.rolloutcontrolroom.domain.operator.Operator;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The plan of a rollout was edited: who (the operator), why, what changed in words, and the whole new
 * plan. The earlier plan stays in the journal, so a criterion changed after its phase started can be shown as such.
 */
public record PlanAmended(Instant recordedAt, Operator operator, String rollout, String reason, List<String> changes,
                          Map<String, Object> plan) implements JournalEntry {

    public PlanAmended {
        recordedAt = Require.time(recordedAt, "Recorded-at time");
        Require.present(operator, "Operator");
        rollout = Require.text(rollout, "Rollout name");
        reason = Require.text(reason, "Amendment reason");
        changes = List.copyOf(Require.present(changes, "Changes"));
        if (changes.isEmpty()) {
            throw new IllegalArgumentException("The amended plan is the same as the current one; change something or keep it.");
        }
        changes.forEach(change -> Require.text(change, "Change"));
        plan = PlanDocument.copy(Require.present(plan, "Plan"));
    }

    @Override
    public EntryKind kind() {
        return EntryKind.PLAN_AMENDED;
    }

    @Override
    public String environment() {
        return null;
    }
}
