package com.rolloutcontrolroom.domain.journal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One line per record for the journal table: what happened, in the words of the verification
 * report, on one line and short enough to scan. The full content is in the details pane.
 */
public final class EntrySummary {

    static final int MAX_LENGTH = 160;
    private static final DateTimeFormatter MINUTES =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private EntrySummary() {
    }

    public static String of(JournalEntry entry) {
        return oneLine(describe(entry));
    }

    /** "2025-11-13 15:00 UTC": how the screen writes a time, always UTC like the journal. */
    public static String minutes(Instant instant) {
        return MINUTES.format(instant);
    }

    private static String describe(JournalEntry entry) {
        if (entry instanceof RolloutCreated e) {
            return "Rollout created with flags " + String.join(", ", e.flags());
        } else if (entry instanceof PhaseTransitioned e) {
            return (e.fromPhase() == null ? "Started " : e.fromPhase() + " → ") + e.toPhase()
                    + ", deployed " + minutes(e.deploymentMarker()) + " by " + e.deployedBy()
                    + (e.note() == null ? "" : ": " + e.note());
        } else if (entry instanceof ChecklistItemTicked e) {
            return (e.ticked() ? "Ticked " : "Unticked ") + e.phase() + ": " + e.item();
        } else if (entry instanceof SnapshotTaken e) {
            return e.querySet() + " · " + e.queries().size() + (e.queries().size() == 1 ? " query" : " queries")
                    + (e.checkpoint() == null ? "" : " at " + e.checkpoint())
                    + rate(e, "success_rate", "success") + rate(e, "manual_review_rate", "manual review")
                    + verdicts(e);
        } else if (entry instanceof RollbackPerformed e) {
            return "Rolled back " + minutes(e.occurredAt()) + ": " + e.reason() + " → " + e.outcome();
        } else if (entry instanceof IssueLogged e) {
            return e.description() + (e.isResolved() ? " — resolved: " + e.resolution() : " — open");
        } else if (entry instanceof TestOutcomeRecorded e) {
            return "Tests " + e.outcome().word() + " (" + e.summary() + "): " + e.command() + ", ran " + minutes(e.ranAt());
        } else if (entry instanceof SignedOff e) {
            return e.role() + " " + e.name() + " signed off head " + ChainHash.abbreviate(e.approvedHeadHash());
        } else if (entry instanceof GateOverridden e) {
            return "Gate " + e.phase() + " overridden by " + e.who() + ": " + e.reason();
        } else if (entry instanceof WarningAccepted e) {
            return "Warning of gate " + e.phase() + " accepted by " + e.who() + ": " + e.reason();
        } else if (entry instanceof Correction e) {
            return "Corrects #" + e.correctsId() + " (" + e.reason() + "): " + describe(e.replacement());
        } else if (entry instanceof PlanAmended e) {
            return "Plan amended (" + e.reason() + "): " + String.join("; ", e.changes());
        } else if (entry instanceof SigningKeyEnrolled e) {
            return "Signing key " + JournalSignatures.abbreviate(e.fingerprint()) + " enrolled: every record from here on is signed";
        } else if (entry instanceof JournalRepaired e) {
            return "Restored append-only " + (e.restoredTriggers().size() == 1 ? "trigger " : "triggers ")
                    + String.join(", ", e.restoredTriggers()) + ": " + e.description();
        }
        throw new IllegalArgumentException("No summary for " + entry.kind());
    }

    private static String oneLine(String text) {
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() <= MAX_LENGTH ? flat : flat.substring(0, MAX_LENGTH - 1) + "…";
    }

    /** " · success 98.97 % of 486" from a snapshot's metrics, or nothing when the metric is absent. */
    /** A judged snapshot ends with its overall verdict (its parts are in the details); an older one lists each part. */
    private static String verdicts(SnapshotTaken snapshot) {
        Optional<SnapshotVerdict> overall = snapshot.verdicts().stream().filter(v -> "overall".equals(v.subject())).findFirst();
        if (overall.isPresent()) {
            return " · " + overall.get().outcome();
        }
        return snapshot.verdicts().isEmpty() ? "" : ": " + snapshot.verdicts().stream()
                .map(v -> v.subject() + " " + v.outcome()).collect(Collectors.joining(", "));
    }

    private static String rate(SnapshotTaken snapshot, String metric, String label) {
        java.math.BigDecimal total = snapshot.metrics().get(metric + ".total");
        if (total == null) {
            return "";
        }
        java.math.BigDecimal percent = snapshot.metrics().get(metric + ".percent");
        return " · " + label + " " + (percent == null ? "no data" : percent.toPlainString() + " % of " + total.toPlainString());
    }
}
