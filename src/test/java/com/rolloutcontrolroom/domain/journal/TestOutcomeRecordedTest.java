package com.rolloutcontrolroom.domain.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

class TestOutcomeRecordedTest {

    private static final Instant AT = Instant.parse("2026-11-13T15:00:00Z");

    private static TestOutcomeRecorded run(String command, TestOutcome outcome, String summary) {
        return new TestOutcomeRecorded(AT, JournalSamples.ANA, null, JournalSamples.ROLLOUT, command, outcome, summary,
                AT.minusSeconds(60));
    }

    private static TestOutcomeRecorded masked(String command, TestOutcome outcome, String summary) {
        return TestOutcomeRecorded.masked(AT, JournalSamples.ANA, null, JournalSamples.ROLLOUT, command, outcome, summary,
                AT.minusSeconds(60));
    }

    @Test
    void aTestOutcomeReadsBackEqualWithItsFixedShape() {
        TestOutcomeRecorded recorded = JournalSamples.testOutcome(AT);
        assertThat(EntryFields.entry(EntryFields.fields(recorded))).isEqualTo(recorded);
        String canonical = new String(EntryFields.canonicalBytes(7, recorded), StandardCharsets.UTF_8);
        assertThat(canonical).contains("\"kind\":\"TEST_OUTCOME\"", "\"outcome\":\"PASSED\"",
                "\"summary\":\"142 passed, 0 failed\"", "\"ranAt\":\"2026-11-13T14:45:00.000Z\"",
                "\"command\":\"./mvnw -q test -Dtest=AssignmentCoordinatorIT\"");
        TestOutcomeRecorded noEnvironment = run("npm test", TestOutcome.FAILED, "3 failed");
        assertThat(new String(EntryFields.canonicalBytes(8, noEnvironment), StandardCharsets.UTF_8))
                .contains("\"environment\":null", "\"outcome\":\"FAILED\"");
        assertThat(EntryFields.entry(EntryFields.fields(noEnvironment))).isEqualTo(noEnvironment);
    }

    @Test
    void aStoredRecordReadsBackAsHashedEvenIfItsTextLooksLikeASecretToTodaysPatterns() {
        // written before a pattern existed: decoding must not mask it now, or the record's hash would no longer match
        TestOutcomeRecorded stored = run("deploy --token fake-old-token", TestOutcome.PASSED, "ok");
        TestOutcomeRecorded read = (TestOutcomeRecorded) EntryFields.entry(EntryFields.fields(stored));
        assertThat(read.command()).isEqualTo("deploy --token fake-old-token");
        assertThat(EntryFields.canonicalBytes(3, read)).isEqualTo(EntryFields.canonicalBytes(3, stored));
    }

    @Test
    void aPasswordInThePastedCommandNeverReachesTheRecord() {
        TestOutcomeRecorded recorded = masked("psql 'postgresql://ci:fake-secret-pw@db.test:5432/app' -f smoke.sql password=fake-other",
                TestOutcome.PASSED, "smoke ok with token=fake-token-1");
        String canonical = new String(EntryFields.canonicalBytes(1, recorded), StandardCharsets.UTF_8);
        assertThat(canonical).doesNotContain("fake-secret-pw", "fake-other", "fake-token-1")
                .contains("postgresql://ci:[secret]@db.test:5432/app", "password=[secret]", "token=[secret]");
        assertThat(EntryFields.entry(EntryFields.fields(recorded))).isEqualTo(recorded);
    }

    @Test
    void commandOutcomeAndSummaryAreRequiredAndAnUnknownOutcomeIsAFormatError() {
        assertThatThrownBy(() -> run(" ", TestOutcome.PASSED, "ok")).hasMessage("Test command is empty; fill it in.");
        assertThatThrownBy(() -> run("npm test", null, "ok")).hasMessageContaining("Test outcome");
        assertThatThrownBy(() -> run("npm test", TestOutcome.PASSED, "")).hasMessage("Test result summary is empty; fill it in.");
        Map<String, Object> fields = EntryFields.fields(run("npm test", TestOutcome.PASSED, "ok"));
        fields.put("outcome", "SKIPPED");
        assertThatThrownBy(() -> EntryFields.entry(fields)).hasMessage("Journal record has an unknown test outcome 'SKIPPED'.");
    }
}
