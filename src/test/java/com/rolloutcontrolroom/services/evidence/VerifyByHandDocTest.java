package com.rolloutcontrolroom.services.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import com.rolloutcontrolroom.domain.gate.CheckpointContext;
import com.rolloutcontrolroom.domain.gate.CheckpointEvidence;
import com.rolloutcontrolroom.domain.gate.CheckpointJudge;
import com.rolloutcontrolroom.domain.gate.CheckpointJudgement;
import com.rolloutcontrolroom.domain.gate.Finding;
import com.rolloutcontrolroom.domain.gate.GateThresholds;
import com.rolloutcontrolroom.domain.metrics.AlarmCounts;
import com.rolloutcontrolroom.domain.metrics.Rate;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The worked example of docs/verify-by-hand.md gives, with the app's own judge, the numbers and verdicts the page says. */
class VerifyByHandDocTest {

    @Test
    void theWorkedVerdictIsWhatTheJudgeSays() throws Exception {
        String doc = Files.readString(Path.of("docs", "verify-by-hand.md"));
        Rate success = new Rate(number(doc, "success_rate.matching"), number(doc, "success_rate.total"));
        Rate review = new Rate(number(doc, "manual_review_rate.matching"), number(doc, "manual_review_rate.total"));
        GateThresholds bands = new GateThresholds(decimal(doc, "threshold.success_pass"), decimal(doc, "threshold.success_fail"),
                decimal(doc, "threshold.review_pass"), decimal(doc, "threshold.review_fail"), number(doc, "threshold.minimum_events"));
        AlarmCounts alarms = new AlarmCounts(number(doc, "coordinator_alarms.errors"), number(doc, "coordinator_alarms.circuit_opens"));

        assertThat(success.percent()).contains(decimal(doc, "success_rate.percent"));
        assertThat(review.percent()).contains(decimal(doc, "manual_review_rate.percent"));
        CheckpointJudgement judgement = CheckpointJudge.runbook().judge(new CheckpointEvidence(success, review, alarms, List.of()),
                CheckpointContext.of(bands, false, null));
        assertThat(judgement.bySubject()).extracting(f -> f.subject() + " " + f.judgement().verdict())
                .containsExactly("success rate PASS", "manual-review rate WARN", "coordinator alarms PASS");
        assertThat(judgement.verdict().name()).isEqualTo("WARN");
        assertThat(doc).contains("100 × 1163 / 1190 = 97.731…", "so `PASS`", "300 ≤ 5 × 240 = 1,200, so `WARN`",
                "None here: `PASS`", "here\n   `WARN`");
        assertThat(judgement.bySubject()).extracting(Finding::subject).contains(CheckpointJudge.SUCCESS);
    }

    private static long number(String doc, String key) {
        return decimal(doc, key).longValueExact();
    }

    private static BigDecimal decimal(String doc, String key) {
        Matcher value = Pattern.compile("\"" + Pattern.quote(key) + "\" : \"([0-9.]+)\"").matcher(doc);
        assertThat(value.find()).as(key + " in the example").isTrue();
        return new BigDecimal(value.group(1));
    }
}
