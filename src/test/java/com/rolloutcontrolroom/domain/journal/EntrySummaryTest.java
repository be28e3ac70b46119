package com.rolloutcontrolroom.domain.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class EntrySummaryTest {

    private static final Instant AT = Instant.parse("2025-11-13T15:00:00Z");

    @Test
    void everyKindHasOneShortLine() {
        List<String> lines = JournalSamples.everyKind(AT).stream().map(EntrySummary::of).toList();
        assertThat(lines).hasSize(EntryKind.values().length).allSatisfy(line -> {
            assertThat(line).isNotBlank().doesNotContain("\n");
            assertThat(line.length()).isLessThanOrEqualTo(EntrySummary.MAX_LENGTH);
        });
        assertThat(lines).contains(
                "Preparation → Staging shadow, deployed 2025-11-13 14:59 UTC by Ana Ruiz",
                "Rolled back 2025-11-13 14:59 UTC: Success rate 91 % at T+30m → Legacy routing restored within 4 minutes",
                "Manual review rate 1.4 % at T+1h — open",
                "Corrects #6 (Resolved after the retry fix): Manual review rate 1.4 % at T+1h — resolved: Retry budget raised");
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
