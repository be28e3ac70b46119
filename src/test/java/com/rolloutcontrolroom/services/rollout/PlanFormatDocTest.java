package com.rolloutcontrolroom.services.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.rolloutcontrolroom.domain.rollout.DeploymentSteps;
import com.rolloutcontrolroom.domain.rollout.RolloutPlan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docs/plan-format.md says what the reader does: its example reads, its error lines are the reader's own. */
class PlanFormatDocTest {

    private static final Path DOC = Path.of("docs", "plan-format.md");

    @TempDir
    Path folder;

    @Test
    void theExampleIsAPlanTheReaderTakes() throws IOException {
        RolloutPlan plan = PlanFile.read(Files.writeString(folder.resolve("checkout.json"), block("json")));

        assertThat(plan.rollout()).isEqualTo("CHECKOUT_V2");
        assertThat(plan.phases()).hasSize(3);
    }

    @Test
    void theDeploymentStepsShownAreTheTemplatesStagingShadowSteps() throws IOException {
        RolloutPlan template = BuiltInTemplate.plan();

        assertThat(DeploymentSteps.of(template, template.phases().get(1)))
                .containsExactlyElementsOf(block("bash").lines().toList());
    }

    @Test
    void everyErrorShownIsWhatTheReaderSaysForTheExampleBrokenThatWay() throws IOException {
        String example = block("json");
        List<String> broken = List.of(
                example.replace("{\"at\": \"48h\"", "{\"at\": \"48 hours\""),
                example.replace("\"checklist\":", "\"checklsit\":"),
                example.replace("\"name\": \"Staging shadow\", \"environment\": \"staging\"",
                        "\"name\": \"Staging shadow\", \"environment\": \"qa\""),
                example.replace("[\"Runbook read\"]", "[\"Runbook read\", \"Runbook read\"]"),
                example.replace("\"format\": \"1\"", "\"format\": \"2\""),
                example.replace("\"format\": \"1\",\n  \"rollout\"", "\"format\": \"1\"\n  \"rollout\""));
        List<String> shown = block("").lines().toList();

        assertThat(shown).hasSameSizeAs(broken);
        for (int i = 0; i < broken.size(); i++) {
            Path file = Files.writeString(folder.resolve("checkout.json"), broken.get(i));
            assertThat(catchThrowableOfType(() -> PlanFile.read(file), PlanFileException.class).getMessage())
                    .isEqualTo(shown.get(i));
        }
    }

    /** The first fenced block of that language ("" for a block with none). */
    private static String block(String language) throws IOException {
        Matcher m = Pattern.compile("^```(\\w*)\n(.*?)^```$", Pattern.DOTALL | Pattern.MULTILINE).matcher(Files.readString(DOC));
        while (m.find()) {
            if (m.group(1).equals(language)) {
                return m.group(2);
            }
        }
        throw new AssertionError("no ```" + language + " block in " + DOC);
    }
}
