package com.rolloutcontrolroom.services.journal;

import com.rolloutcontrolroom.domain.journal.EntryKind;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * What the journal screen asks for: kinds (empty = all), a recorded-at window [from, to), optional
 * rollout and environment, at most {@code limit} records, oldest first.
 */
public record JournalQuery(Set<EntryKind> kinds, Instant from, Instant to, String rollout, String environment,
                           int limit) {

    public static final int NO_LIMIT = Integer.MAX_VALUE;

    public JournalQuery {
        kinds = kinds.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(kinds));
        if (limit < 1) {
            throw new IllegalArgumentException("Query limit must be at least 1.");
        }
    }

    public static JournalQuery all() {
        return new JournalQuery(Set.of(), null, null, null, null, NO_LIMIT);
    }

    public static JournalQuery ofKinds(EntryKind first, EntryKind... rest) {
        return new JournalQuery(EnumSet.of(first, rest), null, null, null, null, NO_LIMIT);
    }

    public JournalQuery between(Instant fromInclusive, Instant toExclusive) {
        return new JournalQuery(kinds, fromInclusive, toExclusive, rollout, environment, limit);
    }

    public JournalQuery inRollout(String name) {
        return new JournalQuery(kinds, from, to, name, environment, limit);
    }

    public JournalQuery inEnvironment(String name) {
        return new JournalQuery(kinds, from, to, rollout, name, limit);
    }

    public JournalQuery limitedTo(int max) {
        return new JournalQuery(kinds, from, to, rollout, environment, max);
    }
}
