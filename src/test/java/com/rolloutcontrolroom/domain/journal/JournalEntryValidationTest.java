package com.rolloutcontrolroom.domain.journal;

import static com.rolloutcontrolroom.domain.journal.JournalSamples.ANA;
import static com.rolloutcontrolroom.domain.journal.JournalSamples.ROLLOUT;
import static com.rolloutcontrolroom.domain.journal.JournalSamples.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class JournalEntryValidationTest {

    @Test
    void rollbackNamesTheEmptyField() {
        assertThatThrownBy(() -> new RollbackPerformed(T0, ANA, "production", ROLLOUT, T0, " ", "flag off", "ok"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Rollback reason is empty; fill it in.");
    }

    @Test
    void issueResolutionAndResolvedTimeGoTogether() {
        assertThatThrownBy(() -> new IssueLogged(T0, ANA, "staging", ROLLOUT, T0, "errors", "fixed", null))
                .hasMessage("Issue resolution and resolved time go together; fill in both or leave both empty.");
        assertThatThrownBy(() -> new IssueLogged(T0, ANA, "staging", ROLLOUT, T0, "errors", "fixed", T0.minusSeconds(1)))
                .hasMessageContaining("before it was discovered");
    }

    @Test
    void timesAreKeptToTheMillisecond() {
        Instant precise = Instant.parse("2025-11-13T15:00:00.123456789Z");
        RollbackPerformed rollback = new RollbackPerformed(precise, ANA, "production", ROLLOUT, precise, "r", "a", "o");
        assertThat(rollback.recordedAt()).isEqualTo(Instant.parse("2025-11-13T15:00:00.123Z"));
    }

    @Test
    void signOffNeedsARealHeadHash() {
        assertThatThrownBy(() -> new SignedOff(T0, ANA, null, ROLLOUT, "QA", "Bo", T0, null, "3f9a"))
                .hasMessageContaining("64 lowercase hex");
    }

    @Test
    void correctionCannotChainCorrections() {
        Correction first = (Correction) JournalSamples.everyKind(T0).get(8);
        assertThatThrownBy(() -> new Correction(T0, ANA, 9, "again", first)).hasMessageContaining("correct the original");
    }
}
