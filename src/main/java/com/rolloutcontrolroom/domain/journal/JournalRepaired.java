package com.rolloutcontrolroom.domain.journal;

import com.rolloutcontrolroom.domain.operator.Operator;
import java.time.Instant;
import java.util.List;

/**
 * The writer found append-only triggers missing (or altered) when it opened the journal and
 * restored them. The repair is itself evidence: someone with the file removed the protection.
 */
public record JournalRepaired(Instant recordedAt, Operator operator, List<String> restoredTriggers, String description)
        implements JournalEntry {

    public JournalRepaired {
        recordedAt = Require.time(recordedAt, "Recorded-at time");
        Require.present(operator, "Operator");
        restoredTriggers = List.copyOf(Require.present(restoredTriggers, "Restored triggers"));
        if (restoredTriggers.isEmpty()) {
            throw new IllegalArgumentException("A repair names at least one restored trigger.");
        }
        description = Require.text(description, "Repair description");
    }

    @Override
    public EntryKind kind() {
        return EntryKind.JOURNAL_REPAIRED;
    }

    @Override
    public String rollout() {
        return null;
    }

    @Override
    public String environment() {
        return null;
    }
}
