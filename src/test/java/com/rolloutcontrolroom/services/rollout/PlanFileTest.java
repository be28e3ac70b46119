package com.rolloutcontrolroom.services.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.rolloutcontrolroom.domain.rollout.CheckpointKind;
import com.rolloutcontrolroom.domain.rollout.EnvironmentRole;
import com.rolloutcontrolroom.domain.rollout.GateKind;
import com.rolloutcontrolroom.domain.rollout.RolloutPlan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each kind of malformed plan file is refused with one sentence: the file, the JSON path, what to fix. */
class PlanFileTest {

    private static final String VALID = """
            {
              "format": "1",
              "rollout": "CHECKOUT_V2",
              "flags": ["CHECKOUT_V2"],
              "environments": [
                {"role": "staging", "environment": "staging", "deployTarget": "preview", "deployCommand": "vercel --target preview"}
              ],
              "phases": [
                {"name": "Preparation", "checklist": ["Runbook read"], "gate": {"kind": "checklist"}, "rollbackTarget": true},
                {"name": "Staging shadow", "environment": "staging", "minimumDuration": "30m",
                 "flags": [{"flag": "CHECKOUT_V2", "value": false}], "gate": {"kind": "duration"}},
                {"name": "Staging full", "environment": "staging", "minimumDuration": "48h",
                 "flags": [{"flag": "CHECKOUT_V2", "value": true}],
                 "schedule": [{"at": "0h", "run": "quick"}, {"at": "48h", "run": "final"}],
                 "gate": {"kind": "metrics", "sustained": "48h"}}
              ]
            }
            """;

    @TempDir
    Path folder;

    @Test
    void aValidFileReadsWithOptionalFieldsLeftOutAndValuesWrittenAsJsonBooleans() throws IOException {
        RolloutPlan plan = PlanFile.read(file(VALID));

        assertThat(plan.rollout()).isEqualTo("CHECKOUT_V2");
        assertThat(plan.phases()).extracting(p -> p.name()).containsExactly("Preparation", "Staging shadow", "Staging full");
        assertThat(plan.phases().get(0).environment()).isNull();
        assertThat(plan.phases().get(1).environment()).isEqualTo(EnvironmentRole.STAGING);
        assertThat(plan.phases().get(1).flags().get(0).value()).isEqualTo("false");
        assertThat(plan.phases().get(2).schedule().get(1).offset()).isEqualTo(Duration.ofHours(48));
        assertThat(plan.phases().get(2).schedule().get(1).kind()).isEqualTo(CheckpointKind.FINAL);
        assertThat(plan.phases().get(2).gate().kind()).isEqualTo(GateKind.METRICS);
    }

    @Test
    void textThatIsNotJsonGivesLineAndColumn() throws IOException {
        PlanFileException e = refused(VALID.replace("\"rollout\": \"CHECKOUT_V2\",", "\"rollout\": \"CHECKOUT_V2\""));

        assertThat(e.getMessage()).startsWith("Plan file plan.json is not valid JSON at line 4, column ")
                .endsWith("; fix it there.");
    }

    @Test
    void aFieldGivenTwiceIsRefusedWhereItRepeats() throws IOException {
        PlanFileException e = refused(VALID.replace("\"checklist\": [\"Runbook read\"],",
                "\"checklist\": [\"Runbook read\"], \"checklist\": [],"));

        assertThat(e.getMessage()).startsWith("Plan file plan.json is not valid JSON at line 9, column ")
                .contains("phases[0].checklist").contains("'checklist'");
    }

    @Test
    void somethingAfterThePlanIsRefused() throws IOException {
        PlanFileException e = refused(VALID + "{}");

        assertThat(e.getMessage()).isEqualTo("Plan file plan.json is not valid JSON at line 18, column 1:"
                + " there is more after the plan's closing brace; fix it there.");
    }

    @Test
    void aValueOfTheWrongTypeNamesItsPath() throws IOException {
        assertRefused(VALID.replace("\"flags\": [\"CHECKOUT_V2\"]", "\"flags\": \"CHECKOUT_V2\""),
                "flags", "In plan file plan.json, flags is not a list; write it in square brackets.");
        assertRefused(VALID.replace("\"rollbackTarget\": true", "\"rollbackTarget\": \"yes\""),
                "phases[0].rollbackTarget", "is not true or false; write it without quotes");
        assertRefused(VALID.replace("{\"at\": \"0h\", \"run\": \"quick\"}", "\"0h quick\""),
                "phases[2].schedule[0]", "is not an object; write it in curly braces");
    }

    @Test
    void anUnknownFieldIsRefusedSoATypoCannotDropAList() throws IOException {
        assertRefused(VALID.replace("\"checklist\":", "\"checklsit\":"),
                "phases[0].checklsit", "is not a field here; the fields are name, environment, minimumDuration");
    }

    @Test
    void aMissingRequiredFieldIsNamed() throws IOException {
        assertRefused(VALID.replace("{\"name\": \"Preparation\", ", "{"),
                "phases[0].name", "is missing or empty; give it a value");
        assertRefused(VALID.replace(", \"gate\": {\"kind\": \"duration\"}", ""),
                "phases[1].gate", "is missing; give an object in curly braces");
        assertRefused(VALID.replace(", \"sustained\": \"48h\"", ""),
                "phases[2].gate.sustained", "is missing");
        assertRefused(VALID.replace("\"rollout\": \"CHECKOUT_V2\",", ""),
                "rollout", "is missing or empty; give it a value");
    }

    @Test
    void aBadDurationNamesTheScheduleRow() throws IOException {
        assertRefused(VALID.replace("{\"at\": \"48h\"", "{\"at\": \"48 hours\""),
                "phases[2].schedule[1].at", "is '48 hours', not a duration; write minutes, hours or days as 30m, 48h or 7d");
        assertRefused(VALID.replace("\"minimumDuration\": \"30m\"", "\"minimumDuration\": \"half an hour\""),
                "phases[1].minimumDuration", "not a duration");
    }

    @Test
    void aPhaseEnvironmentThatIsNoRoleOrNotInThePlanIsRefused() throws IOException {
        assertRefused(VALID.replace("\"name\": \"Staging shadow\", \"environment\": \"staging\"",
                        "\"name\": \"Staging shadow\", \"environment\": \"qa\""),
                "phases[1].environment", "is 'qa'; write staging or production, or leave it out");
        assertRefused(VALID.replace("\"name\": \"Staging full\", \"environment\": \"staging\"",
                        "\"name\": \"Staging full\", \"environment\": \"production\""),
                "phases[2].environment", "is production, which the plan's environments do not list; add it there");
    }

    @Test
    void aRepeatedItemOrPhaseIsRefused() throws IOException {
        assertRefused(VALID.replace("[\"Runbook read\"]", "[\"Runbook read\", \"Runbook read\"]"),
                "phases[0].checklist", "repeats the item 'Runbook read'");
        assertRefused(VALID.replace("\"name\": \"Staging full\"", "\"name\": \"Staging shadow\""),
                "phases[2].name", "repeats the phase name 'Staging shadow'");
    }

    @Test
    void aWrongOrMissingFormatIsRefused() throws IOException {
        assertRefused(VALID.replace("\"format\": \"1\"", "\"format\": \"2\""),
                "format", "is 2, but this version reads format 1; use a plan written for it");
        assertRefused(VALID.replace("\"format\": \"1\",", ""),
                "format", "is missing; a plan file starts with \"format\": 1");
        assertThat(PlanFile.read(file(VALID.replace("\"format\": \"1\"", "\"format\": 1"))).rollout()).isEqualTo("CHECKOUT_V2");
    }

    @Test
    void aFileThatIsEmptyOrNotAnObjectOrAbsentIsOneSentence() throws IOException {
        assertThat(refused("  \n").getMessage()).isEqualTo(
                "Plan file plan.json is empty; start from the template (docs/plan-format.md says how).");
        assertThat(refused("[1, 2]").getMessage()).isEqualTo(
                "Plan file plan.json holds a list, not a plan; a plan is one object in curly braces.");
        PlanFileException absent = catchThrowableOfType(() -> PlanFile.read(folder.resolve("nowhere.json")), PlanFileException.class);
        assertThat(absent.getMessage()).isEqualTo("Plan file nowhere.json does not exist; check the name and folder.");
    }

    @Test
    void writeThenReadGivesTheSamePlanAndTheSameText() throws IOException {
        RolloutPlan plan = PlanFile.read(file(VALID));
        Path written = folder.resolve("out/copy.json");

        PlanFile.write(plan, written);

        assertThat(PlanFile.read(written)).isEqualTo(plan);
        assertThat(Files.readString(written)).isEqualTo(PlanFile.text(plan)).doesNotContain("\r").endsWith("}\n")
                .contains("\"minimumDuration\": \"30m\"");
        assertThat(Files.list(written.getParent())).containsExactly(written);
    }

    private void assertRefused(String json, String path, String reason) throws IOException {
        PlanFileException e = refused(json);
        assertThat(e.jsonPath()).contains(path);
        assertThat(e.file()).isEqualTo("plan.json");
        assertThat(e.getMessage()).startsWith("In plan file plan.json, " + path + " ").contains(reason).endsWith(".");
        assertOneSentence(e.getMessage());
    }

    private PlanFileException refused(String json) throws IOException {
        PlanFileException e = catchThrowableOfType(() -> PlanFile.read(file(json)), PlanFileException.class);
        assertThat(e).as("refused: " + json).isNotNull();
        assertOneSentence(e.getMessage());
        return e;
    }

    private static void assertOneSentence(String message) {
        assertThat(message).doesNotContain("\n").endsWith(".");
        assertThat(message.substring(0, message.length() - 1)).doesNotContainPattern("[.!?] [A-Z]");
    }

    private Path file(String json) throws IOException {
        return Files.writeString(folder.resolve("plan.json"), json);
    }
}
