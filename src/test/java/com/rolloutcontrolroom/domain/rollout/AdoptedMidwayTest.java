package com.rolloutcontrolroom.domain.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.rolloutcontrolroom.domain.journal.JournalEntry;
import com.rolloutcontrolroom.domain.journal.JournalSamples;
import com.rolloutcontrolroom.domain.journal.RolloutCreated;
import com.rolloutcontrolroom.domain.journal.StoredEntry;

/**
 * A rollout written down after its first deploys (the demo's, or a team that starts using the app in the
 * middle of a rollout): its deploys happened before its creation was recorded, and that is allowed.
 */
class AdoptedMidwayTest {

    private static final Instant NOW = Instant.parse("2026-03-02T12:00:00Z");

    private final List<JournalEntry> records = new ArrayList<>();
    private final RolloutMoves moves = new RolloutMoves(JournalSamples.ANA, NOW);

    @Test
    void theFirstMarkerMayPrecedeTheRolloutsCreationButNotTheMarkerBeforeIt() {
        created();
        tickAll("Preparation");
        tickAll("Staging shadow");
        Instant shadowLive = NOW.minus(Duration.ofHours(34));
        records.addAll(moves.promote(state(), new DeploymentMarker(shadowLive, null, "ana", null)));
        assertThat(state().currentPhaseName()).isEqualTo("Staging shadow");
        assertThat(state().phase("Staging shadow").orElseThrow().startedAt()).isEqualTo(shadowLive);

        tickAll("Staging full");
        assertThatThrownBy(() -> moves.promote(state(), new DeploymentMarker(shadowLive.minusSeconds(60), null, "ana", null)))
                .isInstanceOf(MoveRefused.class)
                .hasMessageContaining("is before Staging shadow started");
    }

    @Test
    void aFirstPhaseLeftBeforeItsRecordsBeganHasNoKnownStartRatherThanOneAfterItsEnd() {
        created();
        tickAll("Preparation");
        tickAll("Staging shadow");
        Instant shadowLive = NOW.minus(Duration.ofHours(34));
        records.addAll(moves.promote(state(), new DeploymentMarker(shadowLive, null, "ana", null)));

        PhaseState preparation = state().phase("Preparation").orElseThrow();
        assertThat(preparation.status()).isEqualTo(PhaseStatus.DONE);
        assertThat(preparation.endedAt()).isEqualTo(shadowLive);
        assertThat(preparation.startedAt()).as("it began before anything was recorded: when is not known").isNull();
    }

    @Test
    void aFirstPhaseLeftAfterTheRolloutWasCreatedKeepsTheCreationAsItsStart() {
        created();
        tickAll("Preparation");
        tickAll("Staging shadow");
        records.addAll(moves.promote(state(), DeploymentMarker.now("ana")));
        assertThat(state().phase("Preparation").orElseThrow().startedAt()).isEqualTo(NOW);
    }

    private void created() {
        RolloutPlan plan = ThreePhasePlan.of("V3", "demo");
        records.add(new RolloutCreated(NOW, JournalSamples.ANA, plan.rollout(), plan.flags(), plan.description(),
                PlanTree.write(plan)));
    }

    private void tickAll(String phase) {
        for (String item : state().phase(phase).orElseThrow().plan().checklist()) {
            records.addAll(moves.tick(state(), phase, item, true));
        }
    }

    private RolloutState state() {
        List<StoredEntry> stored = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            stored.add(new StoredEntry(i + 1, records.get(i), null, null, null));
        }
        return RolloutHistory.fold("V3", stored).orElseThrow();
    }

}
