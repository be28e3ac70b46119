package com.rolloutcontrolroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.rolloutcontrolroom.domain.journal.EntryKind;

/** phase start|override|rollback and checklist tick|untick: the state machine's checks, as one sentence each. */
class PhaseCommandTest {

    @TempDir
    Path folder;

    private RolloutCli cli;

    @BeforeEach
    void setUp() throws Exception {
        cli = new RolloutCli(folder);
        cli.create("ALPHA");
    }

    private void tickAll(String phase, List<String> items) {
        for (String item : items) {
            assertThat(cli.run("checklist", "tick", phase, item)).as(cli.err()).isZero();
        }
    }

    /** Preparation and the shadow checklist ticked, then Staging shadow started {@code ago} before now. */
    private void inStagingShadow(String... markerOptions) {
        tickAll("Preparation", RolloutCli.PREPARATION);
        tickAll("Staging shadow", RolloutCli.SHADOW);
        String[] args = new String[2 + markerOptions.length];
        args[0] = "phase";
        args[1] = "start";
        System.arraycopy(markerOptions, 0, args, 2, markerOptions.length);
        assertThat(cli.run(args)).as(cli.err()).isZero();
    }

    @Test
    void tickByNumberUntickByTextAndATickTwiceIsRefused() {
        assertThat(cli.run("checklist", "tick", "Preparation", "2")).isZero();
        assertThat(cli.out()).contains("Ticked 'Baseline captured' in Preparation of ALPHA; its checklist has 1 of 2 ticked.");
        assertThat(cli.run("checklist", "tick", "preparation", "Baseline captured")).isEqualTo(1);
        assertThat(cli.err().strip()).isEqualTo("control-room: 'Baseline captured' is already ticked in Preparation.");

        assertThat(cli.run("checklist", "list", "Preparation")).isZero();
        assertThat(cli.out()).contains("  1. [ ] Runbook reviewed", "  2. [x] Baseline captured");

        assertThat(cli.run("checklist", "untick", "Preparation", "Baseline captured")).isZero();
        assertThat(cli.out()).contains("Unticked 'Baseline captured' in Preparation of ALPHA; its checklist has 0 of 2 ticked.");
        assertThat(cli.run("checklist", "tick", "Preparation", "3")).isEqualTo(2);
        assertThat(cli.err()).contains("Preparation has 2 items, so there is no item 3");
        assertThat(cli.run("checklist", "tick", "Preparation", "Runbook read")).isEqualTo(1);
        assertThat(cli.err()).contains("Preparation has no item 'Runbook read'");
    }

    @Test
    void phaseStartIsRefusedWithItsSentenceWhileTheChecklistsAreOpen() {
        assertThat(cli.run("phase", "start")).isEqualTo(1);
        assertThat(cli.err().strip()).isEqualTo("control-room: Promotion from Preparation to Staging shadow is refused:"
                + " 2 of 2 Preparation checklist items are not ticked; 2 of 2 Staging shadow pre-phase checklist items are not"
                + " ticked; wait, or override with a reason and an approver.");
        assertThat(cli.journalKinds("ALPHA")).doesNotContain(EntryKind.PHASE_TRANSITION);
    }

    @Test
    void phaseStartRecordsTheMarkerOnceTheChecklistsAreTicked() {
        cli.advance(Duration.ofMinutes(10));
        inStagingShadow("--url", "https://preview.example.test/deploy/1", "--note", "first deploy");
        assertThat(cli.out()).contains("ALPHA: Preparation -> Staging shadow at 2026-12-05 07:10 UTC");

        assertThat(cli.run("status")).isZero();
        assertThat(cli.out()).contains("Current phase: Staging shadow, since 2026-12-05 07:10 UTC.",
                "Preparation       | Done    | 2026-12-05 07:00 UTC | 2026-12-05 07:10 UTC | 10 min");
    }

    @Test
    void stagingShadowToStagingFullWaitsForItsThirtyMinutes() {
        inStagingShadow();
        tickAll("Staging full", RolloutCli.FULL);
        cli.advance(Duration.ofMinutes(20));

        assertThat(cli.run("phase", "start")).isEqualTo(1);
        assertThat(cli.err().strip()).isEqualTo("control-room: Promotion from Staging shadow to Staging full is refused:"
                + " Staging shadow has run 20 min of its minimum 30 min (10 min to go); wait, or override with a reason and an approver.");

        cli.advance(Duration.ofMinutes(11));
        assertThat(cli.run("phase", "start", "--at", "2026-12-05T07:31:00Z")).isZero();
        assertThat(cli.out()).contains("Staging shadow -> Staging full at 2026-12-05 07:31 UTC");
    }

    @Test
    void aMarkerThirtyOneMinutesAgoLetsTheShadowPhasePassAtOnce() {
        cli.advance(Duration.ofHours(1));
        inStagingShadow("--at", "2026-12-05 07:29"); // 31 min before the clock's 08:00
        tickAll("Staging full", RolloutCli.FULL);

        assertThat(cli.run("phase", "start")).as(cli.err()).isZero();
        assertThat(cli.out()).contains("Staging shadow -> Staging full at 2026-12-05 08:00 UTC");
    }

    @Test
    void aTimeInNeitherFormatIsBadUsage() {
        assertThat(cli.run("phase", "start", "--at", "yesterday")).isEqualTo(2);
        assertThat(cli.err().strip()).isEqualTo("control-room: --at takes 'yyyy-MM-dd HH:mm' (UTC) or ISO-8601, not 'yesterday'"
                + " (see control-room phase start --help).");
    }

    @Test
    void overrideJournalsTheOverrideThenTheTransition() {
        inStagingShadow();
        assertThat(cli.run("phase", "override", "--approver", "Dana")).isEqualTo(2);
        assertThat(cli.err()).contains("--reason");

        assertThat(cli.run("phase", "override", "--reason", "Shadow verified by hand", "--approver", "Dana Reviewer",
                "--deployed-by", "Sam")).as(cli.err()).isZero();
        assertThat(cli.out()).contains("ALPHA: Staging shadow -> Staging full at 2026-12-05 07:00 UTC");
        assertThat(cli.journalKinds("ALPHA")).endsWith(EntryKind.GATE_OVERRIDE, EntryKind.PHASE_TRANSITION);
    }

    @Test
    void anOverrideWithNothingToOverrideIsRefused() {
        tickAll("Preparation", RolloutCli.PREPARATION);
        tickAll("Staging shadow", RolloutCli.SHADOW);
        assertThat(cli.run("phase", "override", "--reason", "r", "--approver", "Dana")).isEqualTo(1);
        assertThat(cli.err().strip()).isEqualTo("control-room: Nothing blocks promotion to Staging shadow; promote without an override.");
    }

    @Test
    void rollbackMovesTheRolloutBack() {
        inStagingShadow();
        assertThat(cli.run("phase", "rollback", "--to", "Preparation", "--reason", "Errors in the logs", "--actions",
                "Flags set back", "--outcome", "Legacy path serves again")).as(cli.err()).isZero();
        assertThat(cli.out()).contains("ALPHA: Staging shadow -> Preparation");
        assertThat(cli.run("status", "--json")).isZero();
        assertThat(cli.out()).contains("\"currentPhase\" : \"Preparation\"");
        assertThat(cli.journalKinds("ALPHA")).endsWith(EntryKind.ROLLBACK, EntryKind.PHASE_TRANSITION);

        assertThat(cli.run("phase", "rollback", "--to", "Staging full", "--reason", "r", "--actions", "a", "--outcome", "o"))
                .isEqualTo(1);
        assertThat(cli.err()).contains("nothing to roll back");
    }
}
