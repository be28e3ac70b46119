package com.rolloutcontrolroom.domain.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class EntrySummaryTest {

    private static final Instant AT = Instant.parse("2025-11-13T15:00:00Z");

    @Test
    void everyKindHasOneShortLine() {
        List<String> lines = java.util.stream.Stream.of(JournalSamples.everyKind(AT), JournalSamples.journalKinds(AT),
                List.of(JournalSamples.planAmended(AT), JournalSamples.warningAccepted(AT), JournalSamples.testOutcome(AT))).flatMap(List::stream).map(EntrySummary::of).toList();
        assertThat(lines).hasSize(EntryKind.values().length).allSatisfy(line -> {
            assertThat(line).isNotBlank().doesNotContain("\n");
            assertThat(line.length()).isLessThanOrEqualTo(EntrySummary.MAX_LENGTH);
        });
        assertThat(lines).contains(
                "Preparation → Staging shadow, deployed 2025-11-13 14:59 UTC by Ana Ruiz: Deployed from the release branch",
                "Plan amended (Product accepted a lower bar for staging): Staging full: verification criterion added:"
                        + " 'Success rate >= 95 % sustained for 48 hours'.",
                "Rolled back 2025-11-13 14:59 UTC: Success rate 91 % at T+30m → Legacy routing restored within 4 minutes",
                "Manual review rate 1.4 % at T+1h — open",
                "Tests passed (142 passed, 0 failed): ./mvnw -q test -Dtest=AssignmentCoordinatorIT, ran 2025-11-13 14:45 UTC",
                "Corrects #6 (Resolved after the retry fix): Manual review rate 1.4 % at T+1h — resolved: Retry budget raised",
                "Restored append-only trigger journal_entry_no_delete: At open journal_entry_no_delete was missing; restored,"
                        + " so SQLite refuses UPDATE and DELETE again.");
        assertThat(lines).anySatisfy(line -> assertThat(line).matches(
                "Signing key [0-9a-f]{8}… enrolled: every record from here on is signed"));
    }

    @Test
    void aSnapshotSaysHowManyQueriesRanAndItsRatesWithTheirCounts() {
        SnapshotTaken recorded = JournalSamples.snapshot(AT);
        SnapshotTaken snapshot = new SnapshotTaken(AT, JournalSamples.ANA, "demo", JournalSamples.ROLLOUT, null, "full",
                recorded.queries(), java.util.Map.of("success_rate.matching", new java.math.BigDecimal("481"),
                        "success_rate.total", new java.math.BigDecimal("486"), "success_rate.percent", new java.math.BigDecimal("98.97"),
                        "manual_review_rate.matching", java.math.BigDecimal.ZERO, "manual_review_rate.total", java.math.BigDecimal.ZERO),
                recorded.startedAt(), recorded.finishedAt(), 12, List.of());
        assertThat(EntrySummary.of(snapshot)).isEqualTo("full · 1 query · success 98.97 % of 486 · manual review no data");
    }

    @Test
    void aJudgedSnapshotEndsWithItsOverallVerdictOnlySoTheLineStaysShort() {
        SnapshotTaken recorded = JournalSamples.snapshot(AT);
        SnapshotTaken snapshot = new SnapshotTaken(AT, JournalSamples.ANA, "demo", JournalSamples.ROLLOUT, null, "quick",
                recorded.queries(), java.util.Map.of("success_rate.matching", new java.math.BigDecimal("479"),
                        "success_rate.total", new java.math.BigDecimal("484"), "success_rate.percent", new java.math.BigDecimal("98.97")),
                recorded.startedAt(), recorded.finishedAt(), 12, List.of(
                        new SnapshotVerdict("overall", "WARN", List.of("1 coordinator.error event.")),
                        new SnapshotVerdict("success rate", "PASS", List.of("98.97 %.")),
                        new SnapshotVerdict("coordinator alarms", "WARN", List.of("1 coordinator.error event."))));
        assertThat(EntrySummary.of(snapshot)).isEqualTo("quick · 1 query · success 98.97 % of 484 · WARN");
    }

    @Test
    void longMultiLineTextIsFlattenedAndCut() {
        RollbackPerformed rollback = new RollbackPerformed(AT, JournalSamples.ANA, "production", JournalSamples.ROLLOUT, AT,
                "line one\nline two " + "x".repeat(300), "actions", "outcome");
        String line = EntrySummary.of(rollback);
        assertThat(line).startsWith("Rolled back 2025-11-13 15:00 UTC: line one line two xxx").endsWith("…");
        assertThat(line).hasSize(EntrySummary.MAX_LENGTH);
    }
}
