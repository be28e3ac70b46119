package com.rolloutcontrolroom.ui.journal;

import java.util.Locale;

import com.rolloutcontrolroom.domain.journal.EntrySummary;
import com.rolloutcontrolroom.domain.journal.JournalTime;
import com.rolloutcontrolroom.domain.journal.StoredEntry;

/** One line of the journal table, with the stored record behind it for the details pane. */
public record JournalRow(long id, String recordedAt, String kind, String environment, String operator,
                         String summary, StoredEntry stored) {

    static JournalRow of(StoredEntry stored) {
        var entry = stored.entry();
        return new JournalRow(stored.id(), JournalTime.format(entry.recordedAt()).replace('T', ' ').replace("Z", ""),
                entry.kind().name(), entry.environment() == null ? "—" : entry.environment(),
                entry.operator().describe(), EntrySummary.of(entry), stored);
    }

    /** Case-insensitive match against everything the row shows. */
    boolean matches(String text) {
        if (text == null || text.isBlank()) {
            return true;
        }
        String needle = text.strip().toLowerCase(Locale.ROOT);
        return String.join("\n", "#" + id, recordedAt, kind, environment, operator, summary)
                .toLowerCase(Locale.ROOT).contains(needle);
    }
}
