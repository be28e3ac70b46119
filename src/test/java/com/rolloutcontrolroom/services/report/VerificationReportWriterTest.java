package com.rolloutcontrolroom.services.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import com.rolloutcontrolroom.domain.journal.SignedOff;
import com.rolloutcontrolroom.domain.journal.StoredEntry;

import org.junit.jupiter.api.Test;

/** The report of a journal written by hand: late and missed checkpoints, the baseline, odd text, secrets, sign-offs. */
class VerificationReportWriterTest {

    private static final String BASELINE_ROWS = "{\"name\":\"baseline_top_events\",\"status\":\"OK\",\"startedAt\":\"2026-05-04T09:00:00Z\","
            + "\"durationMillis\":12,\"columns\":[\"source\",\"event_type\",\"events\"],\"rows\":[[\"capacity.rpc\","
            + "\"capacity.rpc.conflict\",2323],[\"auto_assign\",\"auto_assign.attempt\",41],[\"capacity.transaction\","
            + "\"booking.creation.success\",27]]}";

    private final VerificationReportWriter writer = new VerificationReportWriter();

    /** Staging full with a late T+1h, then left early by an override: T+6h missed. */
    private static ReportJournal story() {
        ReportJournal journal = new ReportJournal();
        journal.tickAll("Preparation", ReportJournal.T0.plusSeconds(300));
        journal.baseline(ReportJournal.T0, BASELINE_ROWS);
        journal.tickAll("Staging shadow", ReportJournal.T0.plusSeconds(400));
        journal.move("Preparation", "Staging shadow", ReportJournal.SHADOW_MARKER, "Bo Chen", null);
        journal.tickAll("Staging full", ReportJournal.SHADOW_MARKER.plusSeconds(60));
        journal.move("Staging shadow", "Staging full", ReportJournal.FULL_MARKER, "Bo Chen", "flags | live\nat last");
        journal.checkpoint("T+0h", Duration.ZERO, Duration.ZERO, 5, 5, "NO_DATA");
        journal.checkpoint("T+1h", Duration.ofHours(1), Duration.ofMinutes(20), 970, 1000, "PASS");
        journal.issue(ReportJournal.FULL_MARKER.plus(Duration.ofHours(2)), "Emails | slow\nsecond line <script>alert(1)</script>", null, null);
        Instant left = ReportJournal.FULL_MARKER.plus(Duration.ofHours(8));
        journal.override("Staging full", "Known noise (blocked by: the 48 h window has run 8 h)", "Cy Diaz", left);
        journal.move("Staging full", "Production shadow", left, "Bo Chen", null);
        journal.signOff("QA", "Dee Ek", left.plusSeconds(60));
        return journal;
    }

    @Test
    void aRecordWrittenByAClockBehindTheRolloutsCreationStillGivesAReport() {
        // another machine's clock three hours slow: the journal's last record predates the rollout's creation
        ReportJournal journal = new ReportJournal();
        journal.issue(ReportJournal.T0.minus(Duration.ofHours(3)), "Clock behind on the second laptop", null, null);
        assertThat(writer.write(journal.records(), ReportJournal.ROLLOUT).markdown()).contains("Clock behind on the second laptop");
    }

    @Test
    void lateAndMissedCheckpointsAreMarkedInTheMonitoringSchedule() {
        String md = writer.write(story().records(), ReportJournal.ROLLOUT).markdown();

        assertThat(md).containsPattern("\\| T\\+1h +\\| Full query suite +\\| 2026-05-04 11:00 UTC +\\| Ana Ruiz \\(ana\\) +\\| 2026-05-04 11:20 UTC"
                + " +\\| ⚠️ Taken late, 20 min after it was due, as of its due time +\\| ✅ PASS +\\| 97\\.00 % of 1,000 coordinator events");
        assertThat(md).containsPattern("\\| T\\+6h +\\| Full query suite +\\| 2026-05-04 16:00 UTC +\\| not captured +\\| not captured"
                + " +\\| ❌ MISSED, the phase ended before it was taken +\\| not taken");
        assertThat(md).containsPattern("\\| T\\+12h +\\| Full query suite +\\| 2026-05-04 22:00 UTC +\\| not captured +\\| not captured +\\| ➖ Not reached");
        assertThat(md).contains("1 taken late, 1 missed or in error.");
        assertThat(md).contains("- [ ] Staging full: deployed 2026-05-04 10:00 UTC, left 2026-05-04 18:00 UTC; gate Not yet (overridden)");
        assertThat(md).contains("**Gate overridden** by Cy Diaz at 2026-05-04 18:00 UTC (record #");
        ReportAssertions.hasSeedStructure(md);
        ReportAssertions.hasNoPlaceholderCells(md);
    }

    @Test
    void theBaselineIsTheTopTenOfTheSnapshotThatMeasuredThe24HoursBeforeTheFirstMarker() {
        String md = writer.write(story().records(), ReportJournal.ROLLOUT).markdown();
        assertThat(md).contains("**Data captured**: 2026-05-04 09:00 UTC by Ana Ruiz (ana) in staging (snapshot #");
        assertThat(md).contains("**Time range**: 2026-05-03 09:00 UTC to 2026-05-04 09:00 UTC (24 h)");
        assertThat(md).contains("**Event Breakdown** (Top 10): 2,391 events in these rows.");
        assertThat(md).containsPattern("\\| `capacity\\.rpc` +\\| `capacity\\.rpc\\.conflict` +\\| 2,323 \\|");
        assertThat(md).containsPattern("\\| `auto_assign` +\\| `auto_assign\\.attempt` +\\| 41 +\\|");
    }

    @Test
    void aBaselineMeasuredLongBeforeTheMarkerIsNotTakenForIt() {
        ReportJournal journal = new ReportJournal();
        long early = journal.baseline(ReportJournal.T0.minus(Duration.ofHours(5)), BASELINE_ROWS);
        journal.move("Preparation", "Staging shadow", ReportJournal.SHADOW_MARKER, "Bo Chen", null);

        String md = writer.write(journal.records(), ReportJournal.ROLLOUT).markdown();
        assertThat(md).contains("**Data captured**: not recorded")
                .contains("**Event Breakdown** (Top 10): not recorded: no snapshot in the journal ran baseline_top_events over the 24 h"
                        + " before the first deployment marker (2026-05-04 09:10 UTC); the earliest that ran it measured the 24 h to"
                        + " 2026-05-04 04:00 UTC (record #" + early + ").")
                .doesNotContain("capacity.rpc.conflict");
    }

    @Test
    void aRolloutNeverDeployedSaysWhyItHasNoBaseline() {
        String md = writer.write(new ReportJournal().records(), ReportJournal.ROLLOUT).markdown();
        assertThat(md).contains("the rollout has no deployment marker yet").contains("rollout_started: \"not recorded\"")
                .containsPattern("\\| \\*\\*Staging full\\*\\* +\\| ⏳ Pending +\\| not started +\\| not started +\\| not started +\\| Checklist 0 of 3 ticked");
        ReportAssertions.hasSeedStructure(md);
        ReportAssertions.hasNoPlaceholderCells(md);
    }

    @Test
    void aSecretInThePlansDeployCommandReachesNoOutput() {
        ReportFiles report = writer.write(story().records(), ReportJournal.ROLLOUT);
        assertThat(report.markdown()).doesNotContain(ReportJournal.SECRET)
                .contains("vercel --prod --token [secret]")
                .contains("# Production emergency rollback: back to Production shadow");
        assertThat(report.html()).doesNotContain(ReportJournal.SECRET).contains("vercel --prod --token [secret]");
    }

    @Test
    void journalTextCannotBreakATableOrInjectHtml() {
        ReportFiles report = writer.write(story().records(), ReportJournal.ROLLOUT);
        assertThat(report.markdown()).contains("| Emails \\| slow / second line <script>alert(1)</script> | unresolved")
                .contains("flags \\| live / at last")
                .contains("- Issue #");
        assertThat(report.html()).doesNotContain("<script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("<td>Emails | slow / second line &lt;script&gt;");
        ReportAssertions.hasNoPlaceholderCells(report.markdown());
    }

    @Test
    void theSameRecordsInAnyOrderGiveTheSameBytes() {
        List<StoredEntry> records = story().records();
        ReportFiles first = writer.write(records, ReportJournal.ROLLOUT);
        List<StoredEntry> shuffled = new ArrayList<>(records);
        Collections.shuffle(shuffled, new Random(7));

        ReportFiles second = writer.write(shuffled, ReportJournal.ROLLOUT);
        assertThat(second.markdown()).isEqualTo(first.markdown());
        assertThat(second.html()).isEqualTo(first.html());
        assertThat(second.charts().keySet()).containsExactly(ReportCharts.REVIEW_PATH, ReportCharts.SUCCESS_PATH);
        for (String chart : first.charts().keySet()) {
            assertThat(second.chart(chart)).isEqualTo(first.chart(chart));
        }
        assertThat(second).isEqualTo(first);
    }

    @Test
    void aNewRecordChangesTheReportsAsOf() {
        ReportJournal journal = story();
        String before = writer.write(journal.records(), ReportJournal.ROLLOUT).markdown();
        journal.checkpoint("T+6h", Duration.ofHours(6), Duration.ofHours(3), 990, 1000, "PASS");
        String after = writer.write(journal.records(), ReportJournal.ROLLOUT).markdown();
        assertThat(after).isNotEqualTo(before).contains("journal_head: \"" + journal.head() + ":" + ReportJournal.hashOf(journal.head()) + "\"");
    }

    @Test
    void signOffsShowWhatTheyCoverAndTheReviewsFindings() {
        ReportJournal journal = story();
        long later = journal.rollback(ReportJournal.FULL_MARKER.plus(Duration.ofHours(9)), "errors");
        journal.append(new SignedOff(ReportJournal.FULL_MARKER.plus(Duration.ofHours(10)), ReportJournal.ANA, null,
                ReportJournal.ROLLOUT, "Engineering", "Bo Chen", ReportJournal.FULL_MARKER.plus(Duration.ofHours(10)), null, "ab".repeat(32)));

        String md = writer.write(journal.records(), ReportJournal.ROLLOUT).markdown();
        assertThat(md).containsPattern("- \\[x\\] QA \\(Coordinator tests verified\\) — Dee Ek, Date: 2026-05-04 18:01 UTC; pins record #\\d+")
                .contains("comment: Reviewed")
                .contains("- [ ] Design/PM (Documentation reviewed) — Date: not signed")
                .contains("Evidence was recorded after Dee Ek (QA, record #").contains("1 rollback (#" + later + ")")
                .contains("Bo Chen (Engineering, record #").contains("pins a head that is not in this journal")
                .containsPattern("\\| #\\d+ +\\| QA +\\| Dee Ek +\\| 2026-05-04 18:01 UTC +\\| records 1–\\d+ +\\| the phase Production shadow +\\| yes");
        assertThat(md).contains("| 2026-05-04 19:00 UTC | staging     | errors");
    }

    @Test
    void testOutcomesAreListedAndALatestFailureIsAKnownIssue() {
        ReportJournal journal = story();
        Instant ran = ReportJournal.T0.plusSeconds(120);
        journal.testOutcome("pnpm test:ops --db postgresql://ci:fakePw9@db.internal/ops", false, "4 failed | 120 passed", ran);
        journal.testOutcome("pnpm vitest run coordinator.telemetry", true, "1 passed", ran.plusSeconds(60));
        journal.testOutcome("pnpm vitest run coordinator.telemetry", false, "1 failed", ran.plusSeconds(90));
        journal.testOutcome("pnpm vitest run coordinator.telemetry", true, "1 passed", ran.plusSeconds(120));
        journal.testOutcome("mvn verify -Ddb.password=fakePw7", true, "BUILD SUCCESS", ran.plusSeconds(150));

        ReportFiles report = writer.write(journal.records(), ReportJournal.ROLLOUT);
        String md = report.markdown();
        assertThat(md).doesNotContain("fakePw9").doesNotContain("fakePw7").contains("`mvn verify -Ddb.password=[secret]`")
                .doesNotContain("No unresolved issues")
                .containsPattern("\\| 2026-05-04 09:02 UTC +\\| `pnpm test:ops --db postgresql://ci:\\[secret\\]@db.internal/ops` +\\| ❌ failed"
                        + " +\\| 4 failed \\\\\\| 120 passed +\\| staging +\\| by Ana Ruiz \\(ana\\) at 2026-05-04 09:02 UTC in Production shadow \\(record #")
                .contains("- Test `pnpm test:ops --db postgresql://ci:[secret]@db.internal/ops` failed at its latest recorded run");
        // failed, then passed again: not a known issue
        assertThat(md.substring(md.indexOf("## Known Issues"))).doesNotContain("coordinator.telemetry");
        assertThat(report.html()).doesNotContain("fakePw9").doesNotContain("fakePw7");
        ReportAssertions.hasNoPlaceholderCells(md);
    }

    @Test
    void withoutTestOutcomesTheSectionSaysNotRecorded() {
        String md = writer.write(story().records(), ReportJournal.ROLLOUT).markdown();
        assertThat(md).contains("### Automated Tests\n\nnot recorded: this journal holds no test outcomes (commands and results) for CHECKOUT_V2.");
    }

    @Test
    void anUnknownRolloutIsRefusedInOneSentence() {
        assertThatThrownBy(() -> writer.write(story().records(), "NOPE"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The journal has no rollout named NOPE; name one it holds.");
    }
}
