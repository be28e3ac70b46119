package com.rolloutcontrolroom.domain.journal;

import com.rolloutcontrolroom.domain.operator.Operator;
import java.time.Instant;

/**
 * One fact in the rollout journal. Entries are never edited: a mistake is fixed by a
 * {@link Correction} that references the record it replaces.
 */
public sealed interface JournalEntry
        permits RolloutCreated, PhaseTransitioned, ChecklistItemTicked, SnapshotTaken, RollbackPerformed,
                IssueLogged, SignedOff, GateOverridden, WarningAccepted, Correction, PlanAmended, SigningKeyEnrolled, JournalRepaired,
                TestOutcomeRecorded {

    EntryKind kind();

    /** When the app wrote the record (UTC), not necessarily when the event happened. */
    Instant recordedAt();

    Operator operator();

    /** The rollout (flag) the record belongs to; null for records about the journal itself (signing key, repairs). */
    String rollout();

    /** staging, production, demo ...; null where an environment does not apply. */
    String environment();
}
