package com.rolloutcontrolroom.ui.journal;

import java.util.EnumSet;
import java.util.Set;

import com.rolloutcontrolroom.domain.journal.EntryKind;
import com.rolloutcontrolroom.domain.journal.JournalEntry;

/** The kind chips of the journal screen, in the words of the verification report. */
public enum KindFilter {
    ALL("All", EnumSet.allOf(EntryKind.class)),
    SNAPSHOTS("Snapshots", EnumSet.of(EntryKind.SNAPSHOT)),
    TRANSITIONS("Transitions", EnumSet.of(EntryKind.PHASE_TRANSITION, EntryKind.ROLLOUT_CREATED)),
    CHECKLIST("Checklist", EnumSet.of(EntryKind.CHECKLIST_TICK)),
    ROLLBACKS("Rollbacks", EnumSet.of(EntryKind.ROLLBACK)),
    ISSUES("Issues", EnumSet.of(EntryKind.ISSUE)),
    TEST_OUTCOMES("Test outcomes", EnumSet.of(EntryKind.TEST_OUTCOME)),
    SIGN_OFFS("Sign-offs", EnumSet.of(EntryKind.SIGN_OFF)),
    OVERRIDES("Overrides", EnumSet.of(EntryKind.GATE_OVERRIDE)),
    CORRECTIONS("Corrections", EnumSet.of(EntryKind.CORRECTION));

    private final String label;
    private final Set<EntryKind> kinds;

    KindFilter(String label, Set<EntryKind> kinds) {
        this.label = label;
        this.kinds = kinds;
    }

    public String label() {
        return label;
    }

    public boolean accepts(JournalEntry entry) {
        return kinds.contains(entry.kind());
    }

    @Override
    public String toString() {
        return label;
    }
}
