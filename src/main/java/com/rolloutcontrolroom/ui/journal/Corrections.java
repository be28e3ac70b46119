package com.rolloutcontrolroom.ui.journal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.rolloutcontrolroom.domain.journal.Correction;
import com.rolloutcontrolroom.domain.journal.IssueLogged;
import com.rolloutcontrolroom.domain.journal.JournalEntry;
import com.rolloutcontrolroom.domain.journal.RollbackPerformed;
import com.rolloutcontrolroom.domain.journal.StoredEntry;

/**
 * Which records were corrected by which, in the journal as last read. The original always stays;
 * the latest correction's replacement is what the record shows now (and what the report will use).
 */
final class Corrections {

    static final Corrections NONE = new Corrections(List.of());

    private final Map<Long, StoredEntry> byId;
    private final Map<Long, List<Long>> byOriginal;

    Corrections(List<StoredEntry> entries) {
        this.byId = entries.stream().collect(Collectors.toMap(StoredEntry::id, Function.identity()));
        this.byOriginal = entries.stream()
                .filter(stored -> stored.entry() instanceof Correction)
                .collect(Collectors.groupingBy(stored -> ((Correction) stored.entry()).correctsId(),
                        Collectors.mapping(StoredEntry::id, Collectors.toList())));
    }

    /** Ids of the corrections of record {@code id}, oldest first. */
    List<Long> of(long id) {
        return byOriginal.getOrDefault(id, List.of());
    }

    /** The record a correction would target: a rollback or issue, or the original behind a correction of one. */
    Optional<StoredEntry> target(StoredEntry selected) {
        if (selected == null) {
            return Optional.empty();
        }
        JournalEntry entry = selected.entry();
        if (entry instanceof Correction correction) {
            return correctable(correction.replacement()) ? Optional.ofNullable(byId.get(correction.correctsId())) : Optional.empty();
        }
        return correctable(entry) ? Optional.of(selected) : Optional.empty();
    }

    JournalEntry currentContent(StoredEntry original) {
        List<Long> corrections = of(original.id());
        if (corrections.isEmpty()) {
            return original.entry();
        }
        StoredEntry latest = byId.get(corrections.get(corrections.size() - 1));
        return ((Correction) latest.entry()).replacement();
    }

    private static boolean correctable(JournalEntry entry) {
        return entry instanceof RollbackPerformed || entry instanceof IssueLogged;
    }
}
