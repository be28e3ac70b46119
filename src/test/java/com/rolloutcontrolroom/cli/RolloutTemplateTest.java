package com.rolloutcontrolroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** rollout new from the built-in template, and a plan file that cannot be used. */
class RolloutTemplateTest {

    @TempDir
    Path folder;

    private RolloutCli cli;

    @BeforeEach
    void setUp() {
        cli = new RolloutCli(folder);
    }

    @Test
    void theTemplateGivesTheSeedsSixPhasesAndSaysWhichEnvironmentsAreNotConfiguredYet() throws Exception {
        assertThat(cli.run("rollout", "new", "FEATURE_X", "--staging", "demo")).as(cli.err()).isZero();
        assertThat(cli.out()).contains("Created rollout FEATURE_X from the built-in template (6 phases)");
        assertThat(cli.err().strip()).isEqualTo("control-room: warning: the production environment 'production' is not configured"
                + " yet; add it with: control-room env add production --url ... before its phases run.");

        assertThat(cli.run("status", "--json")).isZero();
        JsonNode status = new ObjectMapper().readTree(cli.out());
        assertThat(status.path("phases")).extracting(phase -> phase.path("name").asText()).containsExactly("Preparation",
                "Staging shadow", "Staging full", "Production shadow", "Production full", "Legacy cleanup");
        assertThat(status.path("phases").get(1).path("environment").asText()).isEqualTo("demo");
        assertThat(status.path("phases").get(3).path("environment").asText()).isEqualTo("production");
    }

    @Test
    void aMalformedPlanFileNamesTheFileThePathAndWhatToFix() throws Exception {
        Path file = cli.writePlan(RolloutCli.plan("ALPHA"), "broken.json");
        Files.writeString(file, Files.readString(file).replace("\"minimumDuration\":\"30m\"", "\"minimumDuration\":\"half an hour\""));

        assertThat(cli.run("rollout", "new", "ALPHA", "--plan", file.toString())).isEqualTo(2);
        assertThat(cli.err().strip()).isEqualTo("control-room: In plan file broken.json, phases[1].minimumDuration is 'half an hour',"
                + " not a duration; write minutes, hours or days as 30m, 48h or 7d.");
        assertThat(cli.run("rollout", "list")).isZero();
        assertThat(cli.out()).startsWith("No rollouts yet");
    }

    @Test
    void aPlanFileThatIsNotJsonSaysWhere() throws Exception {
        Path file = folder.resolve("notjson.json");
        Files.writeString(file, "{\n  \"format\": 1,\n  \"rollout\" \"X\"\n}\n");
        assertThat(cli.run("rollout", "new", "ALPHA", "--plan", file.toString())).isEqualTo(2);
        assertThat(cli.err()).startsWith("control-room: Plan file notjson.json is not valid JSON at line 3");
    }
}
