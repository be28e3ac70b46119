package com.rolloutcontrolroom.domain.schedule;

import static com.rolloutcontrolroom.domain.schedule.ScheduledPlan.due;
import static com.rolloutcontrolroom.domain.schedule.ScheduledPlan.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.rolloutcontrolroom.domain.rollout.DeploymentMarker;
import com.rolloutcontrolroom.domain.rollout.RolloutStory;

import org.junit.jupiter.api.Test;

class CheckpointLedgerTest {

    private static CheckpointState state(RolloutStory story, String label, Instant now) {
        return entry(story, label, now).state();
    }

    private static LedgerEntry entry(RolloutStory story, String label, Instant now) {
        return CheckpointLedger.of(story.state(), now).latestVisit(ScheduledPlan.FULL).stream()
                .filter(e -> e.label().equals(label)).findFirst().orElseThrow();
    }

    @Test
    void everyPlannedCheckpointIsDueAtItsOffsetFromTheMarker() {
        RolloutStory story = ScheduledPlan.inFull();
        List<LedgerEntry> entries = CheckpointLedger.of(story.state(), due(0).minusSeconds(1)).latestVisit(ScheduledPlan.FULL);
        assertThat(entries).extracting(LedgerEntry::due).containsExactly(due(0), due(1), due(6), due(12), due(24), due(36), due(48));
        assertThat(entries).extracting(LedgerEntry::state).containsOnly(CheckpointState.PENDING);
    }

    @Test
    void dueThenOverdueUntilTakenAndThenOnTimeOrLateByHowMuch() {
        RolloutStory story = ScheduledPlan.inFull();
        assertThat(state(story, "T+1h", due(1))).isEqualTo(CheckpointState.DUE);
        assertThat(state(story, "T+1h", due(1).plus(CheckpointLedger.ON_TIME))).isEqualTo(CheckpointState.DUE);
        assertThat(state(story, "T+1h", due(1).plus(CheckpointLedger.ON_TIME).plusSeconds(1))).isEqualTo(CheckpointState.OVERDUE);

        story.append(snapshot("T+0h", due(0), due(0).plusSeconds(30), true, "PASS", Map.of()));
        Instant ranLate = due(1).plus(Duration.ofHours(14));
        story.append(snapshot("T+1h", due(1), ranLate, true, "PASS", Map.of()));
        assertThat(state(story, "T+0h", ranLate)).isEqualTo(CheckpointState.TAKEN);
        LedgerEntry late = entry(story, "T+1h", ranLate);
        assertThat(late.state()).isEqualTo(CheckpointState.TAKEN_LATE);
        assertThat(late.lateBy()).contains(Duration.ofHours(14));
        assertThat(late.describe()).contains("taken late, 14 h after it was due");
        assertThat(CheckpointLedger.of(story.state(), ranLate).toTake(ranLate)).extracting(LedgerEntry::label)
                .containsExactly("T+6h", "T+12h");
    }

    @Test
    void anUnreachableDatabaseIsRetriedWithBackoffThenIsError() {
        RolloutStory story = ScheduledPlan.inFull();
        Instant at = due(6);
        for (int attempt = 1; attempt <= RetryPolicy.STANDARD.attempts(); attempt++) {
            story.append(snapshot("T+6h", due(6), at, false, "ERROR", Map.of()));
            LedgerEntry entry = entry(story, "T+6h", at);
            if (attempt < RetryPolicy.STANDARD.attempts()) {
                Duration wait = Duration.ofMinutes(1L << (attempt - 1));
                assertThat(entry.state()).isEqualTo(CheckpointState.RETRYING);
                assertThat(entry.nextAttempt()).isEqualTo(at.plus(wait));
                assertThat(entry.toTake(at.plus(wait).minusSeconds(1))).isFalse();
                assertThat(entry.toTake(at.plus(wait))).isTrue();
                at = at.plus(wait);
            } else {
                assertThat(entry.state()).isEqualTo(CheckpointState.ERROR);
                assertThat(entry.toTake(at.plus(Duration.ofDays(1)))).isFalse();
                assertThat(entry.describe()).contains("ERROR, 5 attempts could not reach the database");
            }
        }
    }

    @Test
    void aCheckpointNotTakenWhenThePhaseEndedIsMissedAndOnesDueLaterWereNotReached() {
        RolloutStory story = ScheduledPlan.inFull();
        story.append(snapshot("T+0h", due(0), due(0), true, "PASS", Map.of()));
        story.now = due(3);
        story.then(s -> story.moves().override(s, new DeploymentMarker(due(3), null, "Ana", null), "test", "Ana"));
        Instant later = due(50);
        assertThat(state(story, "T+0h", later)).isEqualTo(CheckpointState.TAKEN);
        assertThat(state(story, "T+1h", later)).isEqualTo(CheckpointState.MISSED);
        assertThat(state(story, "T+6h", later)).isEqualTo(CheckpointState.NOT_REACHED);
        assertThat(CheckpointLedger.of(story.state(), later).toTake(later)).isEmpty();
    }

    @Test
    void aPhaseEnteredAgainHasItsScheduleAgainAndTheOldRunKeepsItsOwn() {
        RolloutStory story = ScheduledPlan.inFull();
        story.append(snapshot("T+0h", due(0), due(0), true, "FAIL", Map.of()));
        story.now = due(2);
        story.then(s -> story.moves().rollback(s, ScheduledPlan.SHADOW, due(2), "errors", "flag off", "back in shadow"));
        story.now = due(3);
        story.then(s -> story.moves().promote(s, new DeploymentMarker(due(3), null, "Ana", null)));
        CheckpointLedger ledger = CheckpointLedger.of(story.state(), due(3));
        assertThat(ledger.entries()).hasSize(14);
        assertThat(ledger.latestVisit(ScheduledPlan.FULL)).first().satisfies(e -> {
            assertThat(e.due()).isEqualTo(due(3));
            assertThat(e.state()).isEqualTo(CheckpointState.DUE);
        });
        assertThat(ledger.entries().get(0).state()).isEqualTo(CheckpointState.TAKEN);
        assertThat(ledger.entries().get(1).state()).isEqualTo(CheckpointState.MISSED);
    }
}
