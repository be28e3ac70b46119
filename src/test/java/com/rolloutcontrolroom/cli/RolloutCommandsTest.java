package com.rolloutcontrolroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** rollout new|list|use, and two rollouts of one data folder kept apart. */
class RolloutCommandsTest {

    @TempDir
    Path folder;

    private RolloutCli cli;

    @BeforeEach
    void setUp() {
        cli = new RolloutCli(folder);
    }

    @Test
    void aNewRolloutBecomesCurrentAndUseChangesWhichOne() throws Exception {
        cli.create("ALPHA");
        assertThat(cli.out()).contains("Created rollout ALPHA from plan file ALPHA.json (4 phases); it is now the current rollout,"
                + " in Preparation.");
        cli.create("BETA");

        assertThat(cli.run("rollout", "list")).isZero();
        assertThat(cli.out().lines()).anySatisfy(line -> assertThat(line).startsWith("* | BETA").contains("Preparation",
                "2026-12-05 07:00 UTC"));
        assertThat(cli.out().lines()).anySatisfy(line -> assertThat(line).startsWith("  | ALPHA"));

        assertThat(cli.run("rollout", "use", "ALPHA")).isZero();
        assertThat(cli.out()).contains("Current rollout: ALPHA, in Preparation.");
        cli.run("rollout", "list");
        assertThat(cli.out().lines()).anySatisfy(line -> assertThat(line).startsWith("* | ALPHA"));
        assertThat(cli.out().lines()).anySatisfy(line -> assertThat(line).startsWith("  | BETA"));
    }

    @Test
    void usingAnUnknownRolloutIsOneSentenceNamingTheOnesThereAre() throws Exception {
        cli.create("ALPHA");
        assertThat(cli.run("rollout", "use", "GAMMA")).isEqualTo(1);
        assertThat(cli.err().strip()).isEqualTo("control-room: There is no rollout 'GAMMA'; pick one of ALPHA.");
    }

    @Test
    void aSecondRolloutOfTheSameNameIsRefused() throws Exception {
        cli.create("ALPHA");
        Path file = cli.writePlan(RolloutCli.plan("ALPHA"), "again.json");
        assertThat(cli.run("rollout", "new", "ALPHA", "--plan", file.toString())).isEqualTo(1);
        assertThat(cli.err()).contains("A rollout named ALPHA already exists in this data folder");
    }

    @Test
    void withNoRolloutACommandSaysToCreateOne() {
        assertThat(cli.run("status")).isEqualTo(1);
        assertThat(cli.err().strip()).isEqualTo("control-room: There is no rollout in this data folder yet; create one with"
                + " `rollout new NAME`.");
    }

    @Test
    void anEnvironmentThatIsNotConfiguredIsRefusedNamingTheConfiguredOnes() throws Exception {
        Path file = cli.writePlan(RolloutCli.plan("ALPHA"), "alpha.json");
        assertThat(cli.run("rollout", "new", "ALPHA", "--plan", file.toString(), "--staging", "nowhere")).isEqualTo(2);
        assertThat(cli.err().strip()).isEqualTo("control-room: --staging names 'nowhere', which is not a configured environment;"
                + " use one of demo (or add it first with env add).");
        assertThat(cli.run("rollout", "list")).isZero();
        assertThat(cli.out()).startsWith("No rollouts yet");
    }

    @Test
    void aPlanFileIsNamedAfterTheRolloutAndPointedAtTheEnvironmentsGiven() throws Exception {
        Path file = cli.writePlan(RolloutCli.plan("TEMPLATE"), "template.json");
        assertThat(cli.run("rollout", "new", "ALPHA", "--plan", file.toString(), "--production", "demo")).isZero();
        assertThat(cli.run("status", "--json")).isZero();
        assertThat(cli.out()).contains("\"rollout\" : \"ALPHA\"", "\"TEMPLATE\"");
    }

    @Test
    void twoRolloutsInOneDataFolderStayApart() throws Exception {
        cli.create("ALPHA");
        cli.create("BETA"); // current

        assertThat(cli.run("checklist", "tick", "--rollout", "ALPHA", "Preparation", "Runbook reviewed")).isZero();
        assertThat(cli.out()).contains("Ticked 'Runbook reviewed' in Preparation of ALPHA; its checklist has 1 of 2 ticked.");

        assertThat(cli.run("status")).isZero();
        assertThat(cli.out()).startsWith("Rollout BETA (current)").contains("Checklist of Preparation: 0 of 2 ticked; open:",
                "1. Runbook reviewed", "2. Baseline captured");
        assertThat(cli.run("status", "--rollout", "ALPHA")).isZero();
        assertThat(cli.out()).startsWith("Rollout ALPHA,").contains("Checklist of Preparation: 1 of 2 ticked; open:",
                "2. Baseline captured").doesNotContain("1. Runbook reviewed");
    }

    @Test
    void thePlanInForceIsPrintedAndAnAmendmentIsJournaledWithWhatChanged() throws Exception {
        cli.create("ALPHA");
        assertThat(cli.run("rollout", "plan")).isZero();
        String printed = cli.out();
        assertThat(printed).startsWith("{").contains("\"rollout\": \"ALPHA\"", "Runbook reviewed");
        Path edited = folder.resolve("edited.json");
        java.nio.file.Files.writeString(edited, printed.replace("\"Runbook reviewed\"", "\"Runbook reviewed twice\""));

        assertThat(cli.run("rollout", "amend", "--plan", edited.toString(), "--reason", "Second reader required")).isZero();
        assertThat(cli.out()).contains("Amended the plan of ALPHA (2 changes):",
                "Preparation: checklist item added: 'Runbook reviewed twice'.",
                "Preparation: checklist item removed: 'Runbook reviewed'.");
        assertThat(cli.journalKinds("ALPHA")).endsWith(com.rolloutcontrolroom.domain.journal.EntryKind.PLAN_AMENDED);
        assertThat(cli.run("status", "--json")).isZero();
        com.fasterxml.jackson.databind.JsonNode amendment = new com.fasterxml.jackson.databind.ObjectMapper().readTree(cli.out())
                .get("amendments").get(0);
        assertThat(amendment.get("reason").asText()).isEqualTo("Second reader required");
        assertThat(amendment.get("changes").get(0).asText()).isEqualTo("Preparation: checklist item added: 'Runbook reviewed twice'.");
        assertThat(amendment.get("by").asText()).isNotBlank();
        assertThat(cli.run("status")).isZero();
        assertThat(cli.out()).contains(": Second reader required", "  - Preparation: checklist item removed: 'Runbook reviewed'.");
        assertThat(cli.run("checklist", "list", "Preparation")).isZero();
        assertThat(cli.out()).as("Preparation had started when its item was amended")
                .contains("[ ] Runbook reviewed twice  (changed after the phase started)");

        assertThat(cli.run("rollout", "amend", "--plan", edited.toString(), "--reason", "again")).isEqualTo(1);
        assertThat(cli.err().strip()).isEqualTo(
                "control-room: The amended plan is the same as the current one; change something or keep it.");
    }
}
