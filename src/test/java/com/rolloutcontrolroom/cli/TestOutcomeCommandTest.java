package com.rolloutcontrolroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.rolloutcontrolroom.domain.journal.EntryKind;
import com.rolloutcontrolroom.domain.journal.StoredEntry;
import com.rolloutcontrolroom.domain.journal.TestOutcome;
import com.rolloutcontrolroom.domain.journal.TestOutcomeRecorded;
import com.rolloutcontrolroom.services.journal.JournalAccess;
import com.rolloutcontrolroom.services.journal.JournalQuery;

/** test-outcome add|list: the report's test outcomes, journaled as typed, secrets masked. */
class TestOutcomeCommandTest {

    @TempDir
    Path folder;

    private RolloutCli cli;

    @BeforeEach
    void setUp() throws Exception {
        cli = new RolloutCli(folder);
        cli.create("ALPHA");
        cli.advance(Duration.ofHours(1));
    }

    private List<TestOutcomeRecorded> recorded() {
        try (JournalAccess journal = cli.journal()) {
            return journal.reader().entries(JournalQuery.ofKinds(EntryKind.TEST_OUTCOME)).stream()
                    .map(StoredEntry::entry).map(TestOutcomeRecorded.class::cast).toList();
        }
    }

    @Test
    void addJournalsTheCommandItsOutcomeSummaryAndRunTime() {
        assertThat(cli.run("test-outcome", "add", "--command", "./mvnw -q test -Dtest=AssignmentCoordinatorIT", "--passed",
                "--summary", "142 passed, 0 failed", "--ran-at", "2026-12-05 07:40", "--env", "staging")).as(cli.err()).isZero();
        assertThat(cli.out()).isEqualTo("ALPHA: tests passed (142 passed, 0 failed), ran 2026-12-05 07:40 UTC (journal record 3).\n");

        assertThat(cli.run("test-outcome", "add", "--command", "npm run e2e", "--failed", "--summary", "3 failed")).isZero();

        assertThat(recorded()).hasSize(2);
        TestOutcomeRecorded first = recorded().get(0);
        assertThat(first.command()).isEqualTo("./mvnw -q test -Dtest=AssignmentCoordinatorIT");
        assertThat(first.outcome()).isEqualTo(TestOutcome.PASSED);
        assertThat(first.summary()).isEqualTo("142 passed, 0 failed");
        assertThat(first.ranAt()).isEqualTo(Instant.parse("2026-12-05T07:40:00Z"));
        assertThat(first.environment()).isEqualTo("staging");
        assertThat(first.rollout()).isEqualTo("ALPHA");
        TestOutcomeRecorded second = recorded().get(1);
        assertThat(second.outcome()).isEqualTo(TestOutcome.FAILED);
        assertThat(second.ranAt()).as("default: now").isEqualTo(cli.now());
        assertThat(second.environment()).isNull();
    }

    @Test
    void theListShowsEachRunOldestFirst() {
        assertThat(cli.run("test-outcome", "list")).isZero();
        assertThat(cli.out()).isEqualTo("ALPHA has no test outcomes yet; record one with test-outcome add.\n");
        assertThat(cli.run("test-outcome", "add", "--command", "npm test", "--failed", "--summary", "2 failed",
                "--ran-at", "2026-12-05T07:10:00Z")).isZero();

        assertThat(cli.run("test-outcome", "list")).as(cli.err()).isZero();
        assertThat(cli.out()).isEqualTo("Test outcomes of ALPHA:\n"
                + "  Ran at               | Outcome | Command  | Result   | Phase       | Record\n"
                + "  ---------------------+---------+----------+----------+-------------+-------\n"
                + "  2026-12-05 07:10 UTC | FAILED  | npm test | 2 failed | Preparation | #3    \n"
                + "  (1 row)\n");
    }

    @Test
    void aPasswordInTheCommandIsMaskedBeforeItIsJournaled() {
        assertThat(cli.run("test-outcome", "add", "--command", "psql postgresql://ci:fake-pw-5511@db.test/app -f smoke.sql",
                "--passed", "--summary", "smoke ok")).as(cli.err()).isZero();
        assertThat(recorded().get(0).command()).isEqualTo("psql postgresql://ci:[secret]@db.test/app -f smoke.sql");
        assertThat(cli.run("test-outcome", "list")).isZero();
        assertThat(cli.out()).doesNotContain("fake-pw-5511").contains("postgresql://ci:[secret]@db.test/app");
    }

    @Test
    void passedAndFailedTogetherOrNeitherIsBadUsageAndAFutureRunIsRefused() {
        assertThat(cli.run("test-outcome", "add", "--command", "npm test", "--passed", "--failed", "--summary", "x")).isEqualTo(2);
        assertThat(cli.err()).contains("mutually exclusive");
        assertThat(cli.run("test-outcome", "add", "--command", "npm test", "--summary", "x")).isEqualTo(2);
        assertThat(cli.err()).contains("--passed", "--failed");
        assertThat(cli.run("test-outcome", "add", "--command", "npm test", "--passed", "--summary", "ok",
                "--ran-at", "2026-12-06 07:00")).isEqualTo(1);
        assertThat(cli.err()).isEqualTo("control-room: The run time 2026-12-06T07:00:00Z is in the future; enter when the tests"
                + " actually ran.\n");
        assertThat(cli.journalKinds("ALPHA")).doesNotContain(EntryKind.TEST_OUTCOME);
    }
}
