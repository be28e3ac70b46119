package com.rolloutcontrolroom.domain.journal;

import com.rolloutcontrolroom.domain.operator.Operator;
import com.rolloutcontrolroom.domain.redact.SecretPatterns;
import java.time.Instant;

/**
 * A row of the verification report's Test Outcomes: the exact command (or suite name) a person ran, whether
 * it passed and its result line. Commands are pasted from terminals, where a password may sit in a URL or a
 * {@code password=} parameter, so whoever records one builds it with {@link #masked}: a secret never reaches the
 * chain. The constructor itself keeps the text as given, because it also decodes stored records, and a stored
 * record must read back exactly as it was hashed even after the secret patterns grow.
 *
 * @param summary the run's own result text, e.g. "142 passed, 0 failed"
 * @param ranAt   when the tests ran, which may be well before it was written down
 */
public record TestOutcomeRecorded(Instant recordedAt, Operator operator, String environment, String rollout,
                                  String command, TestOutcome outcome, String summary, Instant ranAt)
        implements JournalEntry {

    /** What replaces a secret in a recorded command; the same token presentation mode shows. */
    public static final String SECRET_MASK = "[secret]";

    public TestOutcomeRecorded {
        recordedAt = Require.time(recordedAt, "Recorded-at time");
        Require.present(operator, "Operator");
        environment = Require.optionalText(environment);
        rollout = Require.text(rollout, "Rollout name");
        command = Require.text(command, "Test command");
        Require.present(outcome, "Test outcome (passed or failed)");
        summary = Require.text(summary, "Test result summary");
        ranAt = Require.time(ranAt, "Test run time");
    }

    /** A new outcome to record, with any secret in the pasted command or result masked. */
    public static TestOutcomeRecorded masked(Instant recordedAt, Operator operator, String environment, String rollout,
                                             String command, TestOutcome outcome, String summary, Instant ranAt) {
        return new TestOutcomeRecorded(recordedAt, operator, environment, rollout, mask(command), outcome, mask(summary), ranAt);
    }

    private static String mask(String text) {
        return text == null ? null : SecretPatterns.mask(text, SECRET_MASK);
    }

    public boolean passed() {
        return outcome == TestOutcome.PASSED;
    }

    @Override
    public EntryKind kind() {
        return EntryKind.TEST_OUTCOME;
    }
}
