package com.rolloutcontrolroom.ui.journal;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import com.rolloutcontrolroom.domain.journal.EntryKind;
import com.rolloutcontrolroom.domain.journal.EntrySummary;
import com.rolloutcontrolroom.domain.journal.StoredEntry;

/** One line of the journal table, with the stored record behind it for the details pane. */
public record JournalRow(long id, String recordedAt, String kind, String environment, String operator,
                         String summary, StoredEntry stored) {

    private static final DateTimeFormatter SECONDS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

    static JournalRow of(StoredEntry stored) {
        var entry = stored.entry();
        return new JournalRow(stored.id(), SECONDS.format(entry.recordedAt()), label(entry.kind()),
                entry.environment() == null ? "—" : entry.environment(),
                entry.operator().displayName(), EntrySummary.of(entry), stored);
    }

    static String label(EntryKind kind) {
        return switch (kind) {
            case ROLLOUT_CREATED -> "Rollout created";
            case PHASE_TRANSITION -> "Transition";
            case CHECKLIST_TICK -> "Checklist";
            case SNAPSHOT -> "Snapshot";
            case ROLLBACK -> "Rollback";
            case ISSUE -> "Issue";
            case SIGN_OFF -> "Sign-off";
            case GATE_OVERRIDE -> "Override";
            case WARNING_ACCEPTED -> "Warning accepted";
            case CORRECTION -> "Correction";
            case PLAN_AMENDED -> "Plan amended";
            case SIGNING_KEY -> "Signing key";
            case JOURNAL_REPAIRED -> "Repair";
            case TEST_OUTCOME -> "Test outcome";
        };
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
