package com.rolloutcontrolroom.domain.gate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
                .containsExactly("Success rate 98.97 % of 484 coordinator events is at least 97 %.");
        assertThat(judge.success(new Rate(93, 100)).reasons())
                .containsExactly("Success rate 93.00 % of 100 coordinator events is below 97 % (warning band 90–97 %: investigate).");
        assertThat(judge.manualReview(new Rate(3, 100)).reasons())
                .containsExactly("Manual-review rate 3.00 % of 100 started bookings is in the warning band 1–5 %: higher than it should be.");
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
                + " events (exactly 19,399 of 20,000, just under 97 %) is below 97 % (warning band 90–97 %: investigate).");
    }
}
