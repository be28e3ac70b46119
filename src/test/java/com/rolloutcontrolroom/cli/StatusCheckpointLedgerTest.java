package com.rolloutcontrolroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rolloutcontrolroom.domain.journal.QueryResult;
import com.rolloutcontrolroom.domain.journal.ScheduledFor;
import com.rolloutcontrolroom.domain.journal.SnapshotTaken;
import com.rolloutcontrolroom.domain.journal.SnapshotVerdict;
import com.rolloutcontrolroom.domain.operator.Operator;
import com.rolloutcontrolroom.services.journal.JournalAccess;

/**
 * status shows each checkpoint as the ledger has it (taken late: when and by how much), and a checkpoint
 * left untaken when its phase ended reads MISSED, in words and in --json, after the phase is over.
 */
class StatusCheckpointLedgerTest {

    private static final String SHADOW = "Staging shadow";

    @TempDir
    Path folder;

    private RolloutCli cli;
    /** Staging shadow's deployment marker. */
    private Instant marker;

    @BeforeEach
    void setUp() throws Exception {
        cli = new RolloutCli(folder);
        cli.create("ALPHA");
        for (String item : RolloutCli.PREPARATION) {
            cli.run("checklist", "tick", "Preparation", item);
        }
        for (String item : RolloutCli.SHADOW) {
            cli.run("checklist", "tick", SHADOW, item);
        }
        cli.advance(Duration.ofMinutes(30));
        marker = cli.now();
        assertThat(cli.run("phase", "start", "--url", "https://preview.example.test/1")).as(cli.err()).isZero();
    }

    @Test
    void aCheckpointTakenLateShowsWhenItRanAndHowLate() throws Exception {
        cli.advance(Duration.ofMinutes(12));
        recordScheduledSnapshot("T+0h", marker, marker.plus(Duration.ofMinutes(10)));

        assertThat(cli.run("status", "--json")).as(cli.err()).isZero();
        JsonNode checkpoints = new ObjectMapper().readTree(cli.out()).path("checkpoints");
        assertThat(checkpoints.get(0).path("state").asText()).isEqualTo("TAKEN_LATE");
        assertThat(checkpoints.get(0).path("taken").asBoolean()).isTrue();
        assertThat(checkpoints.get(0).path("due").asText()).isEqualTo("2026-12-05T07:30:00Z");
        assertThat(checkpoints.get(0).path("takenAt").asText()).isEqualTo("2026-12-05T07:40:00Z");
        assertThat(checkpoints.get(0).path("lateBySeconds").asLong()).isEqualTo(600);
        assertThat(checkpoints.get(1).path("state").asText()).isEqualTo("PENDING");
        assertThat(checkpoints.get(1).path("lateBySeconds").isNull()).isTrue();

        assertThat(cli.run("status")).isZero();
        assertThat(cli.out()).contains("Checkpoints of Staging shadow: 1 of 2 taken.",
                "T+0h    Quick health check   due 2026-12-05 07:30 UTC  Taken late 2026-12-05 07:40 UTC (10 min late)",
                "T+30m   Final verification   due 2026-12-05 08:00 UTC  Pending");
    }

    @Test
    void aCheckpointNotTakenWhenItsPhaseIsLeftReadsMissed() throws Exception {
        cli.advance(Duration.ofMinutes(20));
        recordScheduledSnapshot("T+0h", marker, marker.plusSeconds(30));
        cli.advance(Duration.ofMinutes(15)); // 08:05: T+30m, due at 08:00, was never taken
        cli.run("checklist", "tick", "Staging full", "1");
        cli.run("checklist", "tick", "Staging full", "2");
        // the shadow phase's duration gate has passed, so this is a plain promotion
        assertThat(cli.run("phase", "start", "--url", "https://preview.example.test/2")).as(cli.err()).isZero();

        assertThat(cli.run("status", "--json")).as(cli.err()).isZero();
        JsonNode status = new ObjectMapper().readTree(cli.out());
        assertThat(status.path("currentPhase").asText()).isEqualTo("Staging full");
        assertThat(status.path("missedCheckpoints")).hasSize(1);
        JsonNode missed = status.path("missedCheckpoints").get(0);
        assertThat(missed.path("phase").asText()).isEqualTo(SHADOW);
        assertThat(missed.path("at").asText()).isEqualTo("T+30m");
        assertThat(missed.path("state").asText()).isEqualTo("MISSED");
        assertThat(missed.path("due").asText()).isEqualTo("2026-12-05T08:00:00Z");
        assertThat(missed.path("taken").asBoolean()).isFalse();
        assertThat(missed.path("takenAt").isNull()).isTrue();
        assertThat(status.path("checkpoints").get(0).path("phase").asText()).isEqualTo("Staging full");
        assertThat(status.path("checkpoints").get(0).path("state").asText()).isEqualTo("DUE");

        assertThat(cli.run("status")).isZero();
        assertThat(cli.out()).contains("Checkpoints of earlier phases never taken:\n"
                + "  - T+30m Final verification of Staging shadow: MISSED, the phase ended before it was taken");
    }

    /** A snapshot as the scheduler writes it, reached, for a checkpoint of Staging shadow. */
    private void recordScheduledSnapshot(String label, Instant due, Instant ranAt) {
        SnapshotTaken snapshot = new SnapshotTaken(ranAt, new Operator("ana", "Ana Ruiz"), "demo", "ALPHA", label, "quick",
                List.of(new QueryResult("metric_success_rate", "SELECT 1", Map.of(), "{\"status\":\"OK\"}")),
                Map.of("success_rate.matching", BigDecimal.TEN, "success_rate.total", BigDecimal.TEN), ranAt, ranAt.plusSeconds(2), 2000,
                List.of(new SnapshotVerdict("overall", "NO_DATA", List.of("Too few events."))), new ScheduledFor(SHADOW, due, true));
        try (JournalAccess journal = cli.journal()) {
            journal.writer().append(snapshot);
        }
    }
}
