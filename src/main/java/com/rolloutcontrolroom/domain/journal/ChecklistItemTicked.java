package com.rolloutcontrolroom.domain.journal;

import com.rolloutcontrolroom.domain.operator.Operator;
import java.time.Instant;

/** A checklist item was ticked ({@code ticked = true}) or unticked; both are kept as evidence. */
public record ChecklistItemTicked(Instant recordedAt, Operator operator, String environment, String rollout,
                                  String phase, String item, boolean ticked) implements JournalEntry {

    public ChecklistItemTicked {
        recordedAt = Require.time(recordedAt, "Recorded-at time");
        Require.present(operator, "Operator");
        environment = Require.optionalText(environment);
        rollout = Require.text(rollout, "Rollout name");
        phase = Require.text(phase, "Phase");
        item = Require.text(item, "Checklist item");
    }

    @Override
    public EntryKind kind() {
        return EntryKind.CHECKLIST_TICK;
    }
}
