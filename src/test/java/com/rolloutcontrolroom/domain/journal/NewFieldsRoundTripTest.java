package com.rolloutcontrolroom.domain.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Records and fields added with the monitoring schedule read back as written, and older snapshots keep their bytes. */
class NewFieldsRoundTripTest {

    private static final Instant AT = Instant.parse("2026-11-13T15:00:00Z");

    private static SnapshotTaken snapshot(ScheduledFor scheduled) {
        return new SnapshotTaken(AT, JournalSamples.ANA, "staging", JournalSamples.ROLLOUT, "T+6h", "full",
                List.of(new QueryResult("q", "SELECT 1", Map.of(), "{}")), Map.of(), AT, AT.plusSeconds(1), 1000,
                List.of(new SnapshotVerdict("overall", "PASS", List.of("fine"))), scheduled);
    }

    @Test
    void aScheduledSnapshotAndAnAcceptedWarningReadBackEqual() {
        SnapshotTaken scheduled = snapshot(new ScheduledFor("Staging full", AT.minusSeconds(3600), false));
        assertThat(EntryFields.entry(EntryFields.fields(scheduled))).isEqualTo(scheduled);
        WarningAccepted accepted = JournalSamples.warningAccepted(AT);
        assertThat(EntryFields.entry(EntryFields.fields(accepted))).isEqualTo(accepted);
    }

    @Test
    void aDeployCommandReadsBackEqualWithAndWithoutAnExitCode() {
        DeployCommandRun ran = JournalSamples.deployCommandRun(AT);
        assertThat(EntryFields.entry(EntryFields.fields(ran))).isEqualTo(ran);
        assertThat(EntryFields.fields(ran)).containsEntry("exitCode", "0").containsEntry("project", "prj_fake123");
        DeployCommandRun timedOut = new DeployCommandRun(AT, JournalSamples.ANA, "production", JournalSamples.ROLLOUT,
                "Emergency rollback of production", null, "vercel --prod --yes", null, "", AT.minusSeconds(60), AT,
                "`vercel --prod --yes` gave no result within 20 min and was stopped; check your network.");
        assertThat(EntryFields.entry(EntryFields.fields(timedOut))).isEqualTo(timedOut);
        assertThat(EntryFields.fields(timedOut)).containsEntry("exitCode", null).containsEntry("output", "");
        assertThat(new String(EntryFields.canonicalBytes(7, timedOut), java.nio.charset.StandardCharsets.UTF_8))
                .contains("\"kind\":\"DEPLOY_COMMAND_RUN\"");
    }

    @Test
    void aSnapshotWithoutASchedulePartHasTheShapeItAlwaysHad() {
        assertThat(EntryFields.fields(snapshot(null))).doesNotContainKey("scheduled");
        assertThat(EntryFields.fields(snapshot(new ScheduledFor("Staging full", AT, true)))).containsKey("scheduled");
    }
}
