package com.rolloutcontrolroom.domain.schedule;

import static com.rolloutcontrolroom.domain.schedule.ScheduledPlan.due;
import static com.rolloutcontrolroom.domain.schedule.ScheduledPlan.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.rolloutcontrolroom.domain.metrics.AlarmCounts;
import com.rolloutcontrolroom.domain.metrics.Rate;
import com.rolloutcontrolroom.domain.rollout.DeploymentMarker;
import com.rolloutcontrolroom.domain.rollout.GateResult;
import com.rolloutcontrolroom.domain.rollout.GateStatus;
import com.rolloutcontrolroom.domain.rollout.MoveRefused;
import com.rolloutcontrolroom.domain.rollout.PhaseGates;
import com.rolloutcontrolroom.domain.rollout.RolloutStory;

import org.junit.jupiter.api.Test;

/** "Success rate ≥97 % sustained for 48 hours" judged over every hour of the window, not only at the checkpoints. */
class MetricsGateTest {

    /** 1,000 coordinator events an hour; success per mille as given, 990 otherwise; 0.5 % manual review. */
    private static PhaseWindowCounts window(Map<Integer, Integer> successPerMille, long circuitOpens) {
        Map<Integer, Rate> success = new HashMap<>();
        Map<Integer, Rate> review = new HashMap<>();
        for (int hour = 0; hour < 48; hour++) {
            success.put(hour, new Rate(successPerMille.getOrDefault(hour, 990), 1000));
            review.put(hour, new Rate(1, 200));
        }
        return new PhaseWindowCounts(ScheduledPlan.MARKER, 48, success, review, new AlarmCounts(0, circuitOpens));
    }

    /** Every checkpoint taken on time and PASS; the final one carries the window. */
    private static RolloutStory allTakenWith(PhaseWindowCounts window, String finalVerdict) {
        RolloutStory story = ScheduledPlan.inFull();
        for (int hours : ScheduledPlan.HOURS) {
            Map<String, BigDecimal> metrics = hours == 48 ? window.toMetrics() : Map.of();
            story.append(snapshot("T+" + hours + "h", due(hours), due(hours).plusSeconds(20), true,
                    hours == 48 ? finalVerdict : "PASS", metrics));
        }
        story.now = due(48).plus(Duration.ofMinutes(1));
        return story;
    }

    private static GateStatus gate(RolloutStory story) {
        return PhaseGates.current(story.state(), story.now);
    }

    @Test
    void everyCheckpointPassesButHours14To16DipUnder90AndTheGateFailsNamingThem() {
        // the T+12h check measures hours 6–12 and T+24h hours 18–24: no checkpoint ever looks at hours 14–16
        PhaseWindowCounts dip = window(Map.of(14, 850, 15, 880, 16, 899), 0);
        assertThat(dip.successTotal().comparePercentTo(new BigDecimal("97"))).as("the window as a whole passes").isPositive();
        GateStatus gate = gate(allTakenWith(dip, "PASS"));
        assertThat(gate.result()).isEqualTo(GateResult.FAIL);
        assertThat(gate.reasons().get(0)).startsWith("Hours 14–16 (T+14h to T+17h, 14 Nov 06:00–09:00 UTC: 85.00 % of 1,000 events,"
                + " 88.00 % of 1,000 events, 89.90 % of 1,000 events) were under the red line");
        assertThat(String.join(" ", gate.reasons())).doesNotContain("Hours 13").doesNotContain("Hours 14–17").doesNotContain("Hours 13–16");
    }

    @Test
    void exactly90InAnHourIsAWarningNotAFailAndNeedsANamedAcceptance() {
        RolloutStory story = allTakenWith(window(Map.of(30, 900), 0), "PASS");
        GateStatus gate = gate(story);
        assertThat(gate.result()).isEqualTo(GateResult.WARN);
        assertThat(gate.passes()).isFalse();
        assertThat(gate.reasons()).anySatisfy(r -> assertThat(r).startsWith("Hour 30 (T+30h to T+31h").endsWith("in the warning band."));

        story.then(s -> story.moves().acceptWarning(s, "Priya Shah", "one slow hour during a known upstream deploy"));
        GateStatus accepted = gate(story);
        assertThat(accepted.result()).isEqualTo(GateResult.WARN_ACCEPTED);
        assertThat(accepted.passes()).isTrue();
        assertThat(accepted.reasons().get(0)).isEqualTo("warning accepted by Priya Shah: one slow hour during a known upstream deploy");
        assertThat(story.state().acceptedWarnings().get(0).entry().warnings()).isEqualTo(gate.reasons());
        assertThat(story.moves().promote(story.state(), DeploymentMarker.now("Ana"))).hasSize(1);
    }

    @Test
    void onlyAWarnCanBeAcceptedAndAPassingGateNeedsNoOne() {
        RolloutStory failing = allTakenWith(window(Map.of(3, 100), 0), "PASS");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> failing.moves().acceptWarning(failing.state(), "Ana", "fine"))
                .isInstanceOf(MoveRefused.class).hasMessage("The Staging full gate is fail, not a warning; only a WARN gate can be accepted.");
        RolloutStory passing = allTakenWith(window(Map.of(), 0), "PASS");
        GateStatus gate = gate(passing);
        assertThat(gate.result()).isEqualTo(GateResult.PASS);
        assertThat(gate.reasons()).contains("48 of 48 hours at or above the pass line.");
    }

    @Test
    void oneCircuitBreakerTripAnywhereInTheWindowFailsTheGate() {
        GateStatus gate = gate(allTakenWith(window(Map.of(), 1), "PASS"));
        assertThat(gate.result()).isEqualTo(GateResult.FAIL);
        assertThat(gate.reasons().get(0)).startsWith("1 coordinator.circuit_open events in the window");
    }

    @Test
    void aMissedCheckpointFailsTheGateEvenWhenEveryHourPassed() {
        RolloutStory story = ScheduledPlan.inFull();
        for (int hours : List.of(0, 1, 6, 24, 36, 48)) {
            story.append(snapshot("T+" + hours + "h", due(hours), due(hours).plusSeconds(20), true, "PASS",
                    hours == 48 ? window(Map.of(), 0).toMetrics() : Map.of()));
        }
        story.now = due(49);
        // not taken, and the phase is still running: it can still be taken late, so the gate is not done yet
        assertThat(CheckpointLedger.of(story.state(), story.now).latestVisit(ScheduledPlan.FULL))
                .filteredOn(e -> e.label().equals("T+12h")).extracting(LedgerEntry::state).containsExactly(CheckpointState.OVERDUE);
        story.append(snapshot("T+12h", due(12), due(49), false, "ERROR", Map.of()));
        for (int attempt = 2; attempt <= 5; attempt++) {
            story.append(snapshot("T+12h", due(12), due(49).plusSeconds(attempt * 600L), false, "ERROR", Map.of()));
        }
        GateStatus gate = gate(story);
        assertThat(gate.result()).isEqualTo(GateResult.FAIL);
        assertThat(gate.reasons()).anySatisfy(r -> assertThat(r).contains("T+12h Full query suite of Staging full: ERROR"));
    }

    @Test
    void aWindowNotFullyElapsedIsNotYetAndTheFinalCheckpointIsWaitedFor() {
        RolloutStory story = ScheduledPlan.inFull();
        story.now = due(30);
        GateStatus running = gate(story);
        assertThat(running.result()).isEqualTo(GateResult.NOT_YET);
        assertThat(running.reasons().get(0)).isEqualTo("the 48 h window of Staging full has run 30 h (18 h to go)");
        story.now = due(48).plusSeconds(10);
        assertThat(gate(story).reasons()).containsExactly(
                "the window has elapsed; the gate waits for the final verification, which measures the whole 48 h");
        assertThat(Set.of(gate(story).result())).containsExactly(GateResult.NOT_YET);
    }
}
