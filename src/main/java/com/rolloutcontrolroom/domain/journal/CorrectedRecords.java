package com.rolloutcontrolroom.domain.journal;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Which records were corrected by which. The original always stays in the chain; the latest
 * correction's replacement is what the record says now, on every screen, in the CLI and in the report.
 */
public final class CorrectedRecords {

    private final Map<Long, StoredEntry> byId;
    private final Map<Long, List<Long>> byOriginal;

    public CorrectedRecords(List<StoredEntry> entries) {
        this.byId = entries.stream().collect(Collectors.toMap(StoredEntry::id, Function.identity()));
        this.byOriginal = entries.stream()
                .filter(stored -> stored.entry() instanceof Correction)
                .collect(Collectors.groupingBy(stored -> ((Correction) stored.entry()).correctsId(),
                        Collectors.mapping(StoredEntry::id, Collectors.toList())));
    }

    /** Ids of the corrections of record {@code id}, oldest first. */
    public List<Long> of(long id) {
        return byOriginal.getOrDefault(id, List.of());
    }

    public StoredEntry byId(long id) {
        return byId.get(id);
    }

    /** What the record says now: its latest correction's replacement, or itself. */
    public JournalEntry currentContent(StoredEntry original) {
        List<Long> corrections = of(original.id());
        if (corrections.isEmpty()) {
            return original.entry();
        }
        StoredEntry latest = byId.get(corrections.get(corrections.size() - 1));
        return ((Correction) latest.entry()).replacement();
    }
}
