package com.rolloutcontrolroom.domain.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.rolloutcontrolroom.domain.metrics.AlarmCounts;
import com.rolloutcontrolroom.domain.metrics.Rate;

class CheckpointJudgeTest {

    private final CheckpointJudge judge = new CheckpointJudge(GateThresholds.RUNBOOK);

    @ParameterizedTest(name = "{0} of {1} -> {2}")
    @CsvSource({
            "970, 1000, PASS", "1000, 1000, PASS", "969, 1000, WARN", "900, 1000, WARN", "899, 1000, FAIL", "0, 20, FAIL",
            "19, 19, NO_DATA", "0, 0, NO_DATA",
            // the lines to the last digit: 97.00 exactly passes, 96.99 and 96.995 (which shows as 97.00) do not
            "9700, 10000, PASS", "9699, 10000, WARN", "19399, 20000, WARN", "9000, 10000, WARN", "8999, 10000, FAIL",
            // the minimum sample: 20 events are judged, 19 are not
            "20, 20, PASS", "1, 1, NO_DATA"})
    void successRateBandsAreTheRunbooks(long matching, long total, Verdict expected) {
        assertThat(judge.success(new Rate(matching, total)).verdict()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} of {1} -> {2}")
    @CsvSource({"0, 100, PASS", "9, 1000, PASS", "10, 1000, WARN", "50, 1000, WARN", "51, 1000, FAIL", "1, 19, NO_DATA",
            // 0.99 % is under the 1 % line, 1.00 % on it; 5.00 % is still a warning, 5.01 % a red flag; 0.995 % shows as 1.00
            "99, 10000, PASS", "100, 10000, WARN", "199, 20000, PASS", "500, 10000, WARN", "501, 10000, FAIL", "0, 20, PASS"})
    void manualReviewBandsAreTheRunbooks(long matching, long total, Verdict expected) {
        assertThat(judge.manualReview(new Rate(matching, total)).verdict()).isEqualTo(expected);
    }

    @Test
    void eachReasonStatesTheNumbersAndTheLineItWasJudgedAgainst() {
        assertThat(judge.success(new Rate(479, 484)).reasons())
                .containsExactly("Success rate 98.97 % of 484 coordinator events (95 % CI 97.60–99.56 %) is at least 97 %.");
        assertThat(judge.success(new Rate(93, 100)).reasons()).containsExactly("Success rate 93.00 % of 100 coordinator events"
                + " (95 % CI 86.25–96.57 %) is below 97 % (warning band 90–97 %: investigate).");
        assertThat(judge.manualReview(new Rate(3, 100)).reasons()).containsExactly("Manual-review rate 3.00 % of 100 started bookings"
                + " (95 % CI 1.03–8.45 %) is in the warning band 1–5 %: higher than it should be.");
        assertThat(judge.success(null).reasons()).containsExactly("The success rate could not be read.");
        assertThat(judge.manualReview(null).reasons()).containsExactly("The manual-review rate could not be read.");
        assertThat(judge.success(new Rate(2, 3)).reasons())
                .containsExactly("Success rate not judged: 3 coordinator events, fewer than 20.");
    }

    @Test
    void theWholeCheckpointIsItsWorstPartWithTheWorstReasonFirst() {
        Judgement healthy = judge.judge(new Rate(479, 484), new Rate(0, 240), 0, 0);
        assertThat(healthy.verdict()).isEqualTo(Verdict.PASS);
        assertThat(healthy.reasons()).hasSize(3);

        Judgement tripped = judge.judge(new Rate(479, 484), new Rate(0, 240), 2, 1);
        assertThat(tripped.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(tripped.reasons()).first().isEqualTo("1 coordinator.circuit_open event: upstream service issues; the runbook says roll back.");
        assertThat(tripped.reasons()).contains("2 coordinator.error events: if they continue, the runbook says roll back immediately.");

        assertThat(judge.judge(null, new Rate(0, 240), 0, 0).verdict()).as("a rate that could not be read").isEqualTo(Verdict.ERROR);
        assertThat(judge.judge(new Rate(2, 3), new Rate(0, 2), 0, 0).verdict()).isEqualTo(Verdict.NO_DATA);
        assertThat(judge.judge(new Rate(95, 100), new Rate(0, 2), 0, 0).verdict()).as("a warning outranks too little data")
                .isEqualTo(Verdict.WARN);
    }

    @Test
    void aRateThatRoundsOntoTheLineSaysOnWhichSideItIs() {
        assertThat(judge.success(new Rate(19_399, 20_000)).reasons()).containsExactly("Success rate 97.00 % of 20,000 coordinator"
                + " events (95 % CI 96.75–97.22 %) (exactly 19,399 of 20,000, just under 97 %) is below 97 % (warning band 90–97 %: investigate).");
    }

    // --- judged in a rollout phase: its thresholds, shadow mode, the previous checkpoint ---

    private static final GateThresholds PLAN_95_85 = new GateThresholds(new BigDecimal("95"), new BigDecimal("85"),
            new BigDecimal("2"), new BigDecimal("6"), 50);

    private static CheckpointJudgement inPhase(CheckpointEvidence evidence, GateThresholds thresholds, boolean shadow, Long previous) {
        return CheckpointJudge.runbook().judge(evidence, CheckpointContext.of(thresholds, shadow, previous));
    }

    private static CheckpointEvidence evidence(Rate success, Rate review, long errors, long circuitOpens, Long legacy) {
        return new CheckpointEvidence(success, review, new AlarmCounts(errors, circuitOpens), List.of(), legacy);
    }

    private static Judgement subject(CheckpointJudgement judgement, String subject) {
        return judgement.bySubject().stream().filter(f -> f.subject().equals(subject)).findFirst().orElseThrow().judgement();
    }

    @ParameterizedTest(name = "plan 95/85, review 2/6, 50 events: success {0} of {1} -> {2}, review {3} of {4} -> {5}")
    @CsvSource({
            "9500, 10000, PASS, 199, 10000, PASS", "9499, 10000, WARN, 200, 10000, WARN", "8500, 10000, WARN, 600, 10000, WARN",
            "8499, 10000, FAIL, 601, 10000, FAIL", "96, 100, PASS, 1, 100, PASS", "49, 49, NO_DATA, 0, 49, NO_DATA",
            "50, 50, PASS, 0, 50, PASS",
            // the runbook's lines no longer decide: 96 % passes and 89 % is only a warning; 1.5 % review passes
            "89, 100, WARN, 15, 1000, PASS"})
    void aPlansThresholdsMoveTheLines(long matching, long total, Verdict success, long reviews, long starts, Verdict review) {
        CheckpointJudgement judged = inPhase(evidence(new Rate(matching, total), new Rate(reviews, starts), 0, 0, null), PLAN_95_85,
                false, null);
        assertThat(subject(judged, CheckpointJudge.SUCCESS).verdict()).isEqualTo(success);
        assertThat(subject(judged, CheckpointJudge.MANUAL_REVIEW).verdict()).isEqualTo(review);
    }

    @Test
    void aPlansThresholdsAreTheOnesTheReasonsName() {
        CheckpointJudgement judged = inPhase(evidence(new Rate(9_400, 10_000), new Rate(0, 240), 0, 0, null), PLAN_95_85, false, null);
        assertThat(subject(judged, CheckpointJudge.SUCCESS).reasons()).containsExactly("Success rate 94.00 % of 10,000 coordinator events"
                + " (95 % CI 93.52–94.45 %) is below 95 % (warning band 85–95 %: investigate).");
        assertThat(inPhase(evidence(new Rate(40, 49), new Rate(0, 240), 0, 0, null), PLAN_95_85, false, null).reasons())
                .contains("Success rate not judged: 49 coordinator events, fewer than 50.");
    }

    @ParameterizedTest(name = "shadow: {0} coordinator events, {1} legacy events -> {2}")
    @CsvSource({
            "0, 120, PASS", "1, 120, FAIL", "5000, 120, FAIL", "0, 0, WARN", "3, 0, FAIL",
            // the legacy count could not be read: ERROR for that part, not a guess
            "0, , ERROR"})
    void inAShadowPhaseV3MustHandleNoBookingsAndLegacyMust(long coordinatorEvents, Long legacy, Verdict expected) {
        // the success rate's total is every assignment.coordinator event; a rate far under the red line is not what fails it
        CheckpointEvidence shadow = evidence(new Rate(0, coordinatorEvents), new Rate(0, 0), 0, 0, legacy);
        assertThat(inPhase(shadow, GateThresholds.RUNBOOK, true, null).verdict()).isEqualTo(expected);
    }

    @Test
    void aShadowCheckpointSaysWhyInWords() {
        CheckpointJudgement misconfigured = inPhase(evidence(new Rate(240, 250), new Rate(0, 80), 0, 0, 400L), GateThresholds.RUNBOOK,
                true, null);
        assertThat(misconfigured.reasons()).first()
                .isEqualTo("250 assignment.coordinator events in a shadow phase: the flags are misconfigured; V3 must not handle bookings yet.");
        assertThat(misconfigured.bySubject()).extracting(Finding::subject).as("the rate bands are not applied in shadow")
                .containsExactly(CheckpointJudge.SHADOW, CheckpointJudge.LEGACY, CheckpointJudge.ALARMS);

        CheckpointJudgement healthy = inPhase(evidence(new Rate(0, 0), new Rate(0, 0), 0, 0, 1_234L), GateThresholds.RUNBOOK, true, null);
        assertThat(healthy.verdict()).as("no V3 traffic is what a shadow phase expects, never NO_DATA or FAIL").isEqualTo(Verdict.PASS);
        assertThat(healthy.reasons()).containsExactly(
                "No assignment.coordinator events: V3 handles no bookings in this shadow phase, so its success and manual-review rates are not judged.",
                "1,234 legacy auto_assign.* events: the legacy path is handling the bookings.",
                "No coordinator.error and no coordinator.circuit_open events.");

        assertThat(inPhase(evidence(new Rate(0, 0), new Rate(0, 0), 0, 0, 0L), GateThresholds.RUNBOOK, true, null).reasons()).first()
                .isEqualTo("No legacy auto_assign.* events in the window: is booking traffic reaching the app?");
        assertThat(inPhase(evidence(null, new Rate(0, 0), 0, 0, 5L), GateThresholds.RUNBOOK, true, null).reasons()).first()
                .isEqualTo("The assignment.coordinator events could not be counted.");
        assertThat(inPhase(evidence(new Rate(0, 0), new Rate(0, 0), 0, 0, null), GateThresholds.RUNBOOK, true, null).reasons()).first()
                .isEqualTo("The legacy auto_assign.* events could not be counted.");
    }

    @Test
    void outsideShadowTheLegacyCountIsNotJudged() {
        CheckpointJudgement full = inPhase(evidence(new Rate(980, 1000), new Rate(0, 240), 0, 0, 0L), GateThresholds.RUNBOOK, false, null);
        assertThat(full.verdict()).isEqualTo(Verdict.PASS);
        assertThat(full.bySubject()).extracting(Finding::subject)
                .containsExactly(CheckpointJudge.SUCCESS, CheckpointJudge.MANUAL_REVIEW, CheckpointJudge.ALARMS);
        assertThat(inPhase(evidence(new Rate(980, 1000), new Rate(0, 240), 0, 0, null), GateThresholds.RUNBOOK, false, null).verdict())
                .as("not measured and not needed").isEqualTo(Verdict.PASS);
    }

    @ParameterizedTest(name = "{0} errors now, {1} at the previous checkpoint, {2} circuit opens -> {3}")
    @CsvSource({
            "0, , 0, PASS", "0, 4, 0, PASS", "1, , 0, WARN", "1, 0, 0, WARN", "1, 1, 0, FAIL", "7, 3, 0, FAIL",
            "0, 0, 1, FAIL", "2, 0, 1, FAIL"})
    void errorsAtTwoCheckpointsInARowAreSustained(long errors, Long previous, long circuitOpens, Verdict expected) {
        CheckpointJudgement judged = inPhase(evidence(new Rate(980, 1000), new Rate(0, 240), errors, circuitOpens, null),
                GateThresholds.RUNBOOK, false, previous);
        assertThat(subject(judged, CheckpointJudge.ALARMS).verdict()).isEqualTo(expected);
        assertThat(judged.verdict()).isEqualTo(expected);
    }

    @Test
    void sustainedErrorsSayBothCounts() {
        CheckpointJudgement judged = inPhase(evidence(new Rate(980, 1000), new Rate(0, 240), 3, 0, null), GateThresholds.RUNBOOK, false, 2L);
        assertThat(judged.reasons()).first()
                .isEqualTo("coordinator.error sustained: 3 errors now and 2 at the previous checkpoint; the runbook says roll back immediately.");
    }

    @Test
    void withoutARolloutTheJudgementIsTheRunbooksAsBefore() {
        CheckpointEvidence evidence = evidence(new Rate(960, 1000), new Rate(3, 240), 2, 0, null);
        assertThat(judge.judge(evidence)).isEqualTo(judge.judge(evidence, CheckpointContext.NONE));
        assertThat(CheckpointContext.of(null, false, null)).isEqualTo(CheckpointContext.NONE);
    }
}
