package com.rolloutcontrolroom.ui.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import javafx.beans.property.SimpleStringProperty;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.rolloutcontrolroom.domain.journal.RollbackPerformed;
import com.rolloutcontrolroom.services.deploy.DeployFixture;
import com.rolloutcontrolroom.testsupport.ScriptedDialogs;
import com.rolloutcontrolroom.ui.common.CurrentThreadTaskExecutor;
import com.rolloutcontrolroom.ui.common.PresentationMode;

/** The deployment dialog's ViewModel with the fake Vercel CLI and a same-thread executor: plain JUnit, no toolkit. */
class DeploymentViewModelTest {

    @TempDir
    Path folder;

    private DeployFixture fixture;
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final PresentationMode presentation = new PresentationMode();
    private final AtomicInteger reloads = new AtomicInteger();
    private DeploymentViewModel viewModel;

    @BeforeEach
    void setUp() throws Exception {
        fixture = new DeployFixture(folder);
        fixture.walkTo("Production shadow");
        viewModel = new DeploymentViewModel(fixture.deployments(), new SimpleStringProperty(DeployFixture.ROLLOUT),
                new CurrentThreadTaskExecutor(), dialogs, presentation, reloads::incrementAndGet);
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    @Test
    void anEmergencyRollbackOfProductionRunsOnlyOnceItsNameIsTypedAndAReasonGiven() {
        assertThat(viewModel.environments()).containsExactly("staging", "production");
        viewModel.reviewRollback("production");
        assertThat(viewModel.openProperty().get()).isTrue();
        assertThat(viewModel.titleProperty().get()).isEqualTo("Emergency rollback of production (production)");
        assertThat(viewModel.dryRunProperty().get()).contains(
                "printf '%s' false | vercel env add FEATURE_ASSIGNMENT_PIPELINE_V3 production --force --no-sensitive --yes\n"
                        + "vercel --prod --yes\n");
        assertThat(viewModel.needsTypingProperty().get()).isTrue();
        assertThat(viewModel.confirmPromptProperty().get()).isEqualTo("Type production to confirm");
        assertThat(viewModel.canRunProperty().get()).isFalse();
        viewModel.typedProperty().set("production");
        assertThat(viewModel.canRunProperty().get()).as("no reason yet").isFalse();
        viewModel.reasonProperty().set("coordinator.circuit_open at T+2h");
        viewModel.typedProperty().set("prod");
        assertThat(viewModel.canRunProperty().get()).as("a wrong name").isFalse();
        viewModel.typedProperty().set("production");
        assertThat(viewModel.canRunProperty().get()).isTrue();

        fixture.fake.clearCalls();
        viewModel.run();
        assertThat(viewModel.finishedProperty().get()).isTrue();
        assertThat(viewModel.succeededProperty().get()).as(viewModel.resultProperty().get()).isTrue();
        assertThat(viewModel.resultProperty().get()).endsWith("the rollout is back in Staging shadow.");
        assertThat(viewModel.outputProperty().get()).contains("$ vercel --prod --yes", "  Read back FEATURE_ASSIGNMENT_PIPELINE_V3=false"
                + " (plan: false)", "  -> ok");
        assertThat(viewModel.canRunProperty().get()).as("it ran once").isFalse();
        assertThat(reloads).hasValue(1);
        assertThat(fixture.fake.lines()).contains("env add FEATURE_ASSIGNMENT_PIPELINE_V3 production --force --no-sensitive --yes",
                "--prod --yes");
        RollbackPerformed row = fixture.state().rollbacks().get(0).entry();
        assertThat(row.reason()).isEqualTo("coordinator.circuit_open at T+2h");
        assertThat(fixture.state().currentPhaseName()).isEqualTo("Staging shadow");
        viewModel.close();
        assertThat(viewModel.openProperty().get()).isFalse();
    }

    @Test
    void theNextPhasesDeployShowsItsDryRunAndWhatBlocksItAndHidesThePathWhilePresenting() {
        viewModel.reviewDeploy();
        assertThat(viewModel.titleProperty().get()).isEqualTo("Deploy Production full (production)");
        assertThat(viewModel.blockedProperty().get()).startsWith("Promotion from Production shadow to Production full is refused");
        assertThat(viewModel.canRunProperty().get()).isFalse();
        String project = fixture.fake.project().toString();
        assertThat(viewModel.folderProperty().get()).isEqualTo("Project folder: " + project);
        assertThat(viewModel.dryRunProperty().get()).contains("cd " + project);
        presentation.toggle();
        assertThat(viewModel.folderProperty().get()).doesNotContain(project).contains("[path]");
        assertThat(viewModel.dryRunProperty().get()).doesNotContain(project)
                .contains("printf '%s' true | vercel env add FEATURE_ASSIGNMENT_PIPELINE_V3 production");
        viewModel.copyDryRun();
        assertThat(dialogs.copied).singleElement().asString().contains("cd " + project);
    }

    @Test
    void aStagingDeployNeedsNoTypingAndAFailureIsSaidInItsSentence() {
        fixture.fake.mode("exit1");
        viewModel.reviewRollback("staging");
        assertThat(viewModel.needsTypingProperty().get()).isFalse();
        viewModel.reasonProperty().set("a test of the failure path");
        assertThat(viewModel.canRunProperty().get()).isTrue();
        viewModel.run();
        assertThat(viewModel.succeededProperty().get()).isFalse();
        assertThat(viewModel.resultProperty().get()).isEqualTo("`vercel --target preview --yes` failed with exit code 1 (Error:"
                + " Command \"npm run build\" exited with 1); fix what it says, then run the steps again.");
        assertThat(fixture.state().rollbacks().get(0).entry().outcome()).startsWith("Failed: `vercel --target preview --yes`");
    }
}
