package com.rolloutcontrolroom.ui.journal;

import java.time.Instant;

import com.rolloutcontrolroom.domain.journal.JournalEntry;
import com.rolloutcontrolroom.domain.operator.Operator;

/**
 * A record still waiting for who and when: the operator is read and the time taken in the
 * background task that appends it, so the form never does I/O.
 */
@FunctionalInterface
interface EntryDraft {
    JournalEntry build(Operator operator, Instant recordedAt);
}
