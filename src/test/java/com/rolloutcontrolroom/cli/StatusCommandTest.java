package com.rolloutcontrolroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** status and status --json: the shape the README documents, read from the same fold and gates as the window. */
class StatusCommandTest {

    @TempDir
    Path folder;

    private RolloutCli cli;

    @BeforeEach
    void setUp() throws Exception {
        cli = new RolloutCli(folder);
        cli.create("ALPHA");
        for (String item : RolloutCli.PREPARATION) {
            cli.run("checklist", "tick", "Preparation", item);
        }
        for (String item : RolloutCli.SHADOW) {
            cli.run("checklist", "tick", "Staging shadow", item);
        }
        cli.advance(Duration.ofMinutes(30));
        assertThat(cli.run("phase", "start", "--url", "https://preview.example.test/1")).as(cli.err()).isZero();
        cli.run("checklist", "tick", "Staging full", "2");
        cli.advance(Duration.ofMinutes(12));
    }

    @Test
    void statusJsonHasTheDocumentedFields() throws Exception {
        assertThat(cli.run("status", "--json")).isZero();
        JsonNode status = new ObjectMapper().readTree(cli.out());

        assertThat(status.path("rollout").asText()).isEqualTo("ALPHA");
        assertThat(status.path("current").asBoolean()).isTrue();
        assertThat(status.path("flags")).extracting(JsonNode::asText).containsExactly("ALPHA", "ALPHA_SHADOW");
        assertThat(status.path("createdAt").asText()).isEqualTo("2026-12-05T07:00:00Z");
        assertThat(status.path("now").asText()).isEqualTo("2026-12-05T07:42:00Z");
        assertThat(status.path("currentPhase").asText()).isEqualTo("Staging shadow");
        assertThat(status.path("done").asBoolean()).isFalse();

        JsonNode preparation = status.path("phases").get(0);
        assertThat(preparation.path("status").asText()).isEqualTo("DONE");
        assertThat(preparation.path("startedAt").asText()).isEqualTo("2026-12-05T07:00:00Z");
        assertThat(preparation.path("endedAt").asText()).isEqualTo("2026-12-05T07:30:00Z");
        assertThat(preparation.path("durationMinutes").asLong()).isEqualTo(30);
        assertThat(preparation.path("environment").isNull()).isTrue();
        JsonNode shadow = status.path("phases").get(1);
        assertThat(shadow.path("status").asText()).isEqualTo("CURRENT");
        assertThat(shadow.path("environment").asText()).isEqualTo("demo");
        assertThat(shadow.path("endedAt").isNull()).isTrue();
        assertThat(shadow.path("durationMinutes").asLong()).isEqualTo(12);
        assertThat(status.path("phases").get(2).path("status").asText()).isEqualTo("NEXT");
        assertThat(status.path("phases").get(3).path("startedAt").isNull()).isTrue();

        JsonNode current = status.path("checklists").path("current");
        assertThat(current.path("phase").asText()).isEqualTo("Staging shadow");
        assertThat(current.path("ticked").asInt()).isEqualTo(2);
        assertThat(current.path("total").asInt()).isEqualTo(2);
        assertThat(current.path("open")).isEmpty();
        JsonNode next = status.path("checklists").path("next");
        assertThat(next.path("phase").asText()).isEqualTo("Staging full");
        assertThat(next.path("ticked").asInt()).isEqualTo(1);
        assertThat(next.path("open").get(0).path("number").asInt()).isEqualTo(1);
        assertThat(next.path("open").get(0).path("item").asText()).isEqualTo("Shadow phase verified");

        assertThat(status.path("checkpoints")).hasSize(2);
        assertThat(status.path("checkpoints").get(1).path("at").asText()).isEqualTo("T+30m");
        assertThat(status.path("checkpoints").get(1).path("run").asText()).isEqualTo("final");
        assertThat(status.path("checkpoints").get(1).path("due").asText()).isEqualTo("2026-12-05T08:00:00Z");
        assertThat(status.path("checkpoints").get(1).path("taken").asBoolean()).isFalse();
        assertThat(status.path("checkpoints").get(1).path("state").asText()).isEqualTo("PENDING");
        assertThat(status.path("checkpoints").get(0).path("state").asText()).isEqualTo("OVERDUE");
        assertThat(status.path("checkpoints").get(0).path("takenAt").isNull()).isTrue();
        assertThat(status.path("missedCheckpoints")).isEmpty();

        assertThat(status.path("gate").path("phase").asText()).isEqualTo("Staging shadow");
        assertThat(status.path("gate").path("result").asText()).isEqualTo("NOT_YET");
        assertThat(status.path("gate").path("reasons").get(0).asText())
                .isEqualTo("Staging shadow has run 12 min of its minimum 30 min (18 min to go)");
        assertThat(status.path("promotion").path("to").asText()).isEqualTo("Staging full");
        assertThat(status.path("promotion").path("allowed").asBoolean()).isFalse();
        assertThat(status.path("promotion").path("blockers")).hasSize(2);
        assertThat(status.path("nextAction").asText()).isEqualTo("Wait: Staging shadow has run 12 min of its minimum 30 min"
                + " (18 min to go).");
        assertThat(status.path("problems")).isEmpty();
    }

    @Test
    void theReadmeExampleHasExactlyTheFieldsStatusJsonPrints() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        String section = readme.substring(readme.indexOf("### `status --json`"));
        String example = section.substring(section.indexOf("```json") + "```json".length(), section.indexOf("```", section.indexOf("```json") + 7));
        assertThat(cli.run("status", "--json")).isZero();

        assertThat(fieldPaths(new ObjectMapper().readTree(example), ""))
                .isEqualTo(fieldPaths(new ObjectMapper().readTree(cli.out()), ""));
    }

    /** Every field's path, arrays read through their first element, so a renamed or missing field shows. */
    private static Set<String> fieldPaths(JsonNode node, String at) {
        Set<String> paths = new TreeSet<>();
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                paths.add(at + field.getKey());
                paths.addAll(fieldPaths(field.getValue(), at + field.getKey() + "."));
            });
        } else if (node.isArray() && !node.isEmpty()) {
            paths.addAll(fieldPaths(node.get(0), at));
        }
        return paths;
    }

    @Test
    void statusInWordsGivesTheSameAnswers() {
        assertThat(cli.run("status")).isZero();
        assertThat(cli.out()).contains(
                "Rollout ALPHA (current), flags ALPHA, ALPHA_SHADOW; now 2026-12-05 07:42 UTC.",
                "Staging shadow    | Current | 2026-12-05 07:30 UTC | -                    | 12 min",
                "Current phase: Staging shadow, since 2026-12-05 07:30 UTC.",
                "Checklist of Staging shadow: 2 of 2 ticked.",
                "Pre-phase checklist of Staging full (next): 1 of 2 ticked; open:\n    1. Shadow phase verified",
                "Checkpoints of Staging shadow: 0 of 2 taken.",
                "T+0h    Quick health check   due 2026-12-05 07:30 UTC  Overdue",
                "T+30m   Final verification   due 2026-12-05 08:00 UTC  Pending",
                "Gate of Staging shadow: NOT_YET.\n  - Staging shadow has run 12 min of its minimum 30 min (18 min to go)",
                "Next: Wait: Staging shadow has run 12 min of its minimum 30 min (18 min to go).");
    }
}
