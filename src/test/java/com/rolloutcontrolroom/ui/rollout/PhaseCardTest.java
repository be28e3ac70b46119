package com.rolloutcontrolroom.ui.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.rolloutcontrolroom.domain.rollout.PhaseState;
import com.rolloutcontrolroom.domain.rollout.PhaseStatus;
import com.rolloutcontrolroom.domain.rollout.SmallPlan;

class PhaseCardTest {

    private static final Instant NOW = Instant.parse("2026-12-05T08:00:00Z");

    @Test
    void aPhaseLeftBeforeTheRolloutWasRecordedSaysItsStartIsNotRecorded() {
        PhaseState adopted = new PhaseState(SmallPlan.named("V3").phases().get(0), PhaseStatus.DONE, null,
                Instant.parse("2026-12-03T22:24:00Z"), Map.of(), Set.of());
        PhaseState pending = new PhaseState(SmallPlan.named("V3").phases().get(1), PhaseStatus.PENDING, null, null, Map.of(), Set.of());

        assertThat(PhaseCard.of(adopted, NOW).duration()).isEqualTo("start not recorded");
        assertThat(PhaseCard.of(adopted, NOW).ended()).isEqualTo("2026-12-03 22:24 UTC");
        assertThat(PhaseCard.of(pending, NOW).duration()).isEqualTo("not started");
    }
}
