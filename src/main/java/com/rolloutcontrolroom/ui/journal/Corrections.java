package com.rolloutcontrolroom.ui.journal;

import java.util.List;
import java.util.Optional;

import com.rolloutcontrolroom.domain.journal.CorrectedRecords;
import com.rolloutcontrolroom.domain.journal.Correction;
import com.rolloutcontrolroom.domain.journal.IssueLogged;
import com.rolloutcontrolroom.domain.journal.TestOutcomeRecorded;
import com.rolloutcontrolroom.domain.journal.JournalEntry;
import com.rolloutcontrolroom.domain.journal.RollbackPerformed;
import com.rolloutcontrolroom.domain.journal.StoredEntry;

/**
 * Which records were corrected by which, in the journal as last read. The original always stays;
 * the latest correction's replacement is what the record shows now (and what the report will use).
 */
final class Corrections {

    static final Corrections NONE = new Corrections(List.of());

    private final CorrectedRecords records;

    Corrections(List<StoredEntry> entries) {
        this.records = new CorrectedRecords(entries);
    }

    /** Ids of the corrections of record {@code id}, oldest first. */
    List<Long> of(long id) {
        return records.of(id);
    }

    /** The record a correction would target: a rollback or issue, or the original behind a correction of one. */
    Optional<StoredEntry> target(StoredEntry selected) {
        if (selected == null) {
            return Optional.empty();
        }
        JournalEntry entry = selected.entry();
        if (entry instanceof Correction correction) {
            return correctable(correction.replacement()) ? Optional.ofNullable(records.byId(correction.correctsId())) : Optional.empty();
        }
        return correctable(entry) ? Optional.of(selected) : Optional.empty();
    }

    JournalEntry currentContent(StoredEntry original) {
        return records.currentContent(original);
    }

    private static boolean correctable(JournalEntry entry) {
        return entry instanceof RollbackPerformed || entry instanceof IssueLogged || entry instanceof TestOutcomeRecorded;
    }
}
