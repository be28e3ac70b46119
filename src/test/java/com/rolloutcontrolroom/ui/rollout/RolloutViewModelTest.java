package com.rolloutcontrolroom.ui.rollout;

import com.rolloutcontrolroom.testsupport.MutableClock;
import com.rolloutcontrolroom.ui.common.PresentationMode;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.rolloutcontrolroom.domain.rollout.PhaseStatus;
import com.rolloutcontrolroom.domain.rollout.PhasePlan;
import com.rolloutcontrolroom.domain.rollout.PlanEnvironment;
import com.rolloutcontrolroom.domain.rollout.RolloutPlan;
import com.rolloutcontrolroom.domain.rollout.RolloutState;
import com.rolloutcontrolroom.services.home.AppHome;
import com.rolloutcontrolroom.services.journal.JournalAccess;
import com.rolloutcontrolroom.services.operator.OperatorIdentity;
import com.rolloutcontrolroom.services.rollout.BuiltInTemplate;
import com.rolloutcontrolroom.services.rollout.Rollouts;
import com.rolloutcontrolroom.services.settings.SettingsFile;
import com.rolloutcontrolroom.testsupport.FirstPhasesPlan;
import com.rolloutcontrolroom.testsupport.ScriptedDialogs;
import com.rolloutcontrolroom.ui.common.CurrentThreadTaskExecutor;
import com.rolloutcontrolroom.ui.common.DialogQuestion;

/** The Rollout screen's logic on a real SQLite journal, with no toolkit: work runs on the test thread. */
class RolloutViewModelTest {

    private static final String NAME = "FEATURE_ASSIGNMENT_PIPELINE_V3";
    private static final Instant CREATED = Instant.parse("2025-11-13T15:00:00Z");

    @TempDir Path folder;
    private JournalAccess journal;
    private Rollouts rollouts;
    private final MutableClock clock = new MutableClock(CREATED);
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final StringProperty current = new SimpleStringProperty();
    private final CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
    private final PresentationMode presentation = new PresentationMode();
    private RolloutViewModel viewModel;

    @BeforeEach
    void openTheScreen() {
        journal = new JournalAccess(new AppHome(folder));
        OperatorIdentity operator = new OperatorIdentity("ana", new SettingsFile(folder.resolve("settings.json")));
        operator.setDisplayName("Ana Ruiz");
        rollouts = new Rollouts(journal, operator, clock);
        viewModel = new RolloutViewModel(rollouts, operator, current, executor, dialogs, clock,
                () -> List.of("demo", "staging", "staging-eu", "production"), current::set, presentation);
    }

    @AfterEach
    void closeTheJournal() {
        journal.close();
    }

    @Test
    void withNoCurrentRolloutTheScreenSaysInOneSentenceHowToCreateOne() {
        viewModel.reload();
        assertThat(viewModel.emptyProperty().get()).as("not known yet: no sentence that may be wrong a moment later").isEmpty();

        current.set("");

        assertThat(viewModel.emptyProperty().get())
                .isEqualTo("No rollout is current: create one from the built-in plan with New rollout… (or with"
                        + " `control-room rollout new NAME --plan FILE`), or choose one in the window header.");
        assertThat(viewModel.loadedProperty().get()).isFalse();
        assertThat(viewModel.canPromoteProperty().get()).isFalse();
        assertThat(viewModel.shown().timeline()).isEmpty();
    }

    @Test
    void aFreshRolloutShowsItsTimelineGateNextActionAndTheNextPhasesStepsAndChecklist() {
        createAndOpen();

        assertThat(viewModel.emptyProperty().get()).isEmpty();
        assertThat(viewModel.rolloutProperty().get()).isEqualTo(NAME);
        assertThat(viewModel.shown().timeline()).extracting(PhaseCard::name, PhaseCard::status, PhaseCard::started, PhaseCard::minimum)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Preparation", PhaseStatus.CURRENT, "2025-11-13 15:00 UTC", "no minimum"),
                        org.assertj.core.groups.Tuple.tuple("Staging shadow", PhaseStatus.NEXT, "—", "minimum 30 min"),
                        org.assertj.core.groups.Tuple.tuple("Staging full", PhaseStatus.PENDING, "—", "minimum 48 h"));
        assertThat(viewModel.shown().gateProperty().get()).isEqualTo("Gate: Not yet");
        assertThat(viewModel.shown().blockers()).contains("3 of 3 Preparation checklist items are not ticked",
                "3 of 3 Staging shadow pre-phase checklist items are not ticked");
        assertThat(viewModel.shown().nextActionProperty().get()).isEqualTo("Tick the Preparation checklist: 3 items are open.");
        assertThat(viewModel.shown().currentChecklist()).extracting(TickableItem::text).isEqualTo(FirstPhasesPlan.PREPARATION);
        assertThat(viewModel.shown().nextChecklist()).extracting(TickableItem::text).isEqualTo(FirstPhasesPlan.SHADOW_CHECKLIST);
        assertThat(viewModel.shown().nextTitleProperty().get()).isEqualTo("Next phase: Staging shadow");
        assertThat(viewModel.shown().stepsProperty().get()).isEqualTo("""
                printf '%s' false | vercel env add FEATURE_ASSIGNMENT_PIPELINE_V3 preview --force --no-sensitive --yes
                printf '%s' true | vercel env add FEATURE_ASSIGNMENT_PIPELINE_V3_SHADOW preview --force --no-sensitive --yes
                printf '%s' 3 | vercel env add FEATURE_ASSIGNMENT_PIPELINE_V3_MAX_PARALLEL preview --force --no-sensitive --yes
                vercel --target preview""");
        assertThat(viewModel.shown().promoteTextProperty().get()).isEqualTo("_Promote to Staging shadow");
        assertThat(viewModel.canRollBackProperty().get()).as("nothing to roll back in the first phase").isFalse();
        assertThat(viewModel.marker().atProperty().get()).isEqualTo("2025-11-13 15:00");
        assertThat(viewModel.marker().deployedByProperty().get()).isEqualTo("Ana Ruiz (ana)");

        viewModel.copySteps();
        assertThat(dialogs.copied).containsExactly(viewModel.shown().stepsProperty().get());
    }

    @Test
    void tickingAndUntickingAreJournaledWithWhoAndWhen() {
        createAndOpen();
        clock.advance(Duration.ofMinutes(5));

        viewModel.tick(viewModel.shown().currentChecklist().get(0), true);

        TickableItem ticked = viewModel.shown().currentChecklist().get(0);
        assertThat(ticked.ticked()).isTrue();
        assertThat(ticked.tickedLine()).isEqualTo("ticked by Ana Ruiz (ana) at 2025-11-13 15:05 UTC");
        assertThat(rollouts.require(NAME).phases().get(0).isTicked(FirstPhasesPlan.PREPARATION.get(0)))
                .as("in the journal, not only on screen").isTrue();

        clock.advance(Duration.ofMinutes(1));
        viewModel.tick(viewModel.shown().currentChecklist().get(0), false);

        assertThat(viewModel.shown().currentChecklist().get(0).ticked()).isFalse();
        assertThat(viewModel.shown().currentChecklist().get(0).tickedLine()).isEqualTo("unticked by Ana Ruiz (ana) at 2025-11-13 15:06 UTC");
        assertThat(viewModel.errorProperty().get()).isEmpty();
    }

    @Test
    void aRefusedPromotionIsOneSentenceAsksNoConfirmationAndKeepsTheFormAsTyped() {
        createAndOpen();
        viewModel.marker().deploymentUrlProperty().set("https://preview.example.test/deploy/1");
        viewModel.marker().noteProperty().set("flags set by hand");

        viewModel.promote();

        assertThat(viewModel.errorProperty().get()).isEqualTo("Promotion from Preparation to Staging shadow is refused: 3 of 3"
                + " Preparation checklist items are not ticked; 3 of 3 Staging shadow pre-phase checklist items are not"
                + " ticked; wait, or override with a reason and an approver.");
        assertThat(dialogs.questions).as("nothing to confirm").isEmpty();
        assertThat(viewModel.marker().deploymentUrlProperty().get()).isEqualTo("https://preview.example.test/deploy/1");
        assertThat(viewModel.marker().noteProperty().get()).isEqualTo("flags set by hand");
        assertThat(rollouts.require(NAME).currentIndex()).isZero();
    }

    @Test
    void promotionAfterConfirmationRecordsTheMarkerAsTypedMovesTheTimelineAndClearsTheForm() {
        createAndOpen();
        tickAll(viewModel.shown().currentChecklist());
        tickAll(viewModel.shown().nextChecklist());
        clock.advance(Duration.ofMinutes(40));
        viewModel.marker().atProperty().set("2025-11-13 15:30");
        viewModel.marker().deploymentUrlProperty().set("https://preview.example.test/deploy/1");
        viewModel.marker().deployedByProperty().set("Bo (release)");

        dialogs.confirmAnswer = false;
        viewModel.promote();
        assertThat(dialogs.questions).containsExactly("Record the deployment marker of Staging shadow at 2025-11-13 15:30 UTC?"
                + " This starts the phase in the journal.");
        assertThat(rollouts.require(NAME).currentIndex()).as("declined: nothing written").isZero();

        dialogs.confirmAnswer = true;
        viewModel.promote();

        RolloutState state = rollouts.require(NAME);
        assertThat(state.currentPhaseName()).isEqualTo("Staging shadow");
        assertThat(state.visits().get(state.visits().size() - 1).deployedBy()).isEqualTo("Bo (release)");
        assertThat(state.visits().get(state.visits().size() - 1).deploymentUrl()).isEqualTo("https://preview.example.test/deploy/1");
        assertThat(viewModel.shown().timeline()).extracting(PhaseCard::status)
                .containsExactly(PhaseStatus.DONE, PhaseStatus.CURRENT, PhaseStatus.NEXT);
        assertThat(viewModel.shown().timeline().get(0).ended()).isEqualTo("2025-11-13 15:30 UTC");
        assertThat(viewModel.shown().timeline().get(1).started()).isEqualTo("2025-11-13 15:30 UTC");
        assertThat(viewModel.shown().timeline().get(1).duration()).isEqualTo("running 10 min");
        assertThat(viewModel.shown().gateProperty().get()).isEqualTo("Gate: Not yet");
        assertThat(viewModel.shown().blockers()).contains("Staging shadow has run 10 min of its minimum 30 min (20 min to go)");
        assertThat(viewModel.shown().criteria()).hasSize(2);
        assertThat(viewModel.shown().evidence()).extracting(TickableItem::text).containsExactly("Deployment URL and timestamp");
        assertThat(viewModel.marker().deploymentUrlProperty().get()).as("a new form for the next marker").isEmpty();
        assertThat(viewModel.marker().atProperty().get()).isEqualTo("2025-11-13 15:40");
        assertThat(viewModel.canRollBackProperty().get()).isTrue();
    }

    @Test
    void aMarkerTimeThatIsNoTimeIsRefusedBeforeAnythingIsAsked() {
        createAndOpen();
        viewModel.marker().atProperty().set("13/11/2025 3pm");

        viewModel.promote();

        assertThat(viewModel.marker().atProblemProperty().get()).isEqualTo(
                "Deployment time '13/11/2025 3pm' is not a date and time; type it as 2025-11-13 15:00 (UTC).");
        assertThat(viewModel.errorProperty().get()).isEqualTo(viewModel.marker().atProblemProperty().get());
        assertThat(dialogs.questions).isEmpty();
    }

    @Test
    void anOverrideAsksReasonAndApproverKeepsTheAnswersWhenRefusedAndJournalsTheOverride() {
        createAndOpen();
        dialogs.answers.add(List.of("Preparation done on paper; staging only", " "));

        viewModel.override();

        assertThat(viewModel.errorProperty().get()).isEqualTo("An override needs a named approver; enter who approved it.");
        assertThat(rollouts.require(NAME).currentIndex()).isZero();

        dialogs.answers.add(List.of("Preparation done on paper; staging only", "Chris (CTO)"));
        viewModel.override();

        assertThat(dialogs.forms.get(1)).extracting(DialogQuestion::initial)
                .as("the second ask starts from what was typed").containsExactly("Preparation done on paper; staging only", " ");
        RolloutState state = rollouts.require(NAME);
        assertThat(state.currentPhaseName()).isEqualTo("Staging shadow");
        assertThat(state.overrides()).hasSize(1);
        assertThat(state.overrides().get(0).entry().who()).isEqualTo("Chris (CTO)");
        assertThat(viewModel.errorProperty().get()).isEmpty();
        assertThat(viewModel.shown().timeline().get(1).status()).isEqualTo(PhaseStatus.CURRENT);
    }

    @Test
    void aRollbackOffersOnlyEarlierRollbackTargetsAndMovesTheRolloutBack() {
        createAndOpen();
        dialogs.answers.add(List.of("skip preparation for the test", "Chris (CTO)"));
        viewModel.override();
        clock.advance(Duration.ofMinutes(20));
        dialogs.answers.add(List.of("Preparation", "2025-11-13 15:10", "coordinator errors", "flags reset to legacy",
                "legacy routing restored"));

        viewModel.rollback();

        List<DialogQuestion> asked = dialogs.forms.get(1);
        assertThat(asked.get(0).choices()).containsExactly("Preparation");
        assertThat(asked.get(1).initial()).isEqualTo("2025-11-13 15:20");
        RolloutState state = rollouts.require(NAME);
        assertThat(state.currentPhaseName()).isEqualTo("Preparation");
        assertThat(state.rollbacks()).hasSize(1);
        assertThat(state.rollbacks().get(0).entry().occurredAt()).isEqualTo(Instant.parse("2025-11-13T15:10:00Z"));
        assertThat(viewModel.shown().timeline().get(0).status()).isEqualTo(PhaseStatus.CURRENT);
    }

    @Test
    void aRollbackTimeThatIsNoTimeIsOneSentenceAndTheNextAskKeepsTheAnswers() {
        createAndOpen();
        dialogs.answers.add(List.of("skip preparation for the test", "Chris (CTO)"));
        viewModel.override();
        dialogs.answers.add(List.of("Preparation", "yesterday", "coordinator errors", "flags reset", "restored"));

        viewModel.rollback();

        assertThat(viewModel.errorProperty().get())
                .isEqualTo("Rollback time 'yesterday' is not a date and time; type it as 2025-11-13 15:00 (UTC).");
        assertThat(rollouts.require(NAME).rollbacks()).isEmpty();
        viewModel.rollback();
        assertThat(dialogs.forms.get(2)).extracting(DialogQuestion::initial)
                .containsExactly("Preparation", "yesterday", "coordinator errors", "flags reset", "restored");
    }

    @Test
    void aRecordMadeElsewhereMeanwhileRefusesTheTickInOneSentenceAndTheScreenShowsTheJournalAgain() {
        createAndOpen();
        // another window or the CLI ticks an item after this screen read the rollout
        rollouts.tick(rollouts.require(NAME), "Preparation", FirstPhasesPlan.PREPARATION.get(1), true);

        viewModel.tick(viewModel.shown().currentChecklist().get(0), true);

        assertThat(viewModel.errorProperty().get()).isNotEmpty().doesNotContain("Exception").endsWith(".");
        assertThat(viewModel.shown().currentChecklist()).extracting(TickableItem::ticked).containsExactly(false, true, false);
        assertThat(rollouts.require(NAME).phases().get(0).isTicked(FirstPhasesPlan.PREPARATION.get(0))).isFalse();
    }

    @Test
    void aCriterionAmendedAfterItsPhaseStartedIsMarkedSo() {
        createAndOpen();
        dialogs.answers.add(List.of("test", "Chris"));
        viewModel.override();
        clock.advance(Duration.ofMinutes(31));
        dialogs.answers.add(List.of("test", "Chris"));
        viewModel.override();
        RolloutState state = rollouts.require(NAME);
        RolloutPlan plan = state.plan();
        PhasePlan full = plan.phases().get(2);
        PhasePlan amended = new PhasePlan(full.name(), full.environment(), full.minimumDuration(), full.previousStableFor(),
                full.flags(), full.checklist(), full.extraSteps(),
                List.of(full.verificationCriteria().get(0), "Success rate ≥98% sustained for 48 hours", full.verificationCriteria().get(2)),
                full.evidence(), full.schedule(), full.gate(), full.rollbackTarget());
        rollouts.amend(state, new RolloutPlan(plan.rollout(), plan.description(), plan.flags(), plan.environments(),
                List.of(plan.phases().get(0), plan.phases().get(1), amended)), "stricter success rate");

        viewModel.reload();

        assertThat(viewModel.shown().criteria()).extracting(TickableItem::text, TickableItem::changedAfterStart).containsExactly(
                org.assertj.core.groups.Tuple.tuple(FirstPhasesPlan.FULL_CRITERIA.get(0), false),
                org.assertj.core.groups.Tuple.tuple("Success rate ≥98% sustained for 48 hours", true),
                org.assertj.core.groups.Tuple.tuple(FirstPhasesPlan.FULL_CRITERIA.get(2), false));
        assertThat(viewModel.shown().gateProperty().get()).isEqualTo("Gate: Not yet");
        assertThat(viewModel.shown().nextTitleProperty().get()).isEqualTo("No next phase");
        assertThat(viewModel.descriptionProperty().get()).contains("Plan amended once; latest ")
                .contains(": stricter success rate (Staging full: verification criterion added: 'Success rate ≥98% sustained for 48"
                        + " hours'.");
    }

    @Test
    void theScreenFollowsTheCurrentRolloutAndTheClock() {
        rollouts.create(FirstPhasesPlan.named("OTHER_FLAG"));
        createAndOpen();
        assertThat(viewModel.rolloutProperty().get()).isEqualTo(NAME);

        current.set("OTHER_FLAG");
        assertThat(viewModel.rolloutProperty().get()).isEqualTo("OTHER_FLAG");

        current.set("NO_SUCH_ROLLOUT");
        assertThat(viewModel.loadedProperty().get()).isFalse();
        assertThat(viewModel.errorProperty().get())
                .isEqualTo("There is no rollout 'NO_SUCH_ROLLOUT'; pick one of OTHER_FLAG, " + NAME + ".");

        current.set(NAME);
        clock.advance(Duration.ofMinutes(90));
        executor.runScheduled();
        assertThat(viewModel.shown().timeline().get(0).duration()).isEqualTo("running 1 h 30 min");
        assertThat(viewModel.marker().atProperty().get()).as("follows the clock until edited").isEqualTo("2025-11-13 16:30");
        viewModel.marker().atProperty().set("2025-11-13 16:25");
        clock.advance(Duration.ofMinutes(1));
        executor.runScheduled();
        assertThat(viewModel.marker().atProperty().get()).isEqualTo("2025-11-13 16:25");
    }

    @Test
    void newRolloutCreatesTheBuiltInPlanOnTheEnvironmentsTypedAndMakesItCurrent() {
        current.set("");
        dialogs.answers.add(List.of(" " + NAME + " ", "staging-eu", "production"));

        viewModel.newRollout();

        assertThat(dialogs.forms.get(0)).extracting(DialogQuestion::initial)
                .as("the template's own name while no rollout has it").containsExactly(NAME, "staging", "production");
        RolloutState state = rollouts.require(NAME);
        assertThat(state.plan().phases()).hasSameSizeAs(BuiltInTemplate.plan().phases());
        assertThat(state.plan().environments()).extracting(PlanEnvironment::environment).containsExactly("staging-eu", "production");
        assertThat(state.currentPhaseName()).isEqualTo("Preparation");
        assertThat(current.get()).as("made current").isEqualTo(NAME);
        assertThat(viewModel.rolloutProperty().get()).isEqualTo(NAME);
        assertThat(viewModel.loadedProperty().get()).isTrue();
        assertThat(viewModel.errorProperty().get()).isEmpty();

        viewModel.newRollout();

        assertThat(dialogs.forms.get(1)).extracting(DialogQuestion::initial)
                .as("that name is taken now; the last answers were used").containsExactly("", "staging", "production");
        assertThat(rollouts.names()).containsExactly(NAME);
    }

    @Test
    void aDuplicateOrMalformedNameIsRefusedInOneSentenceAndTheNextAskKeepsTheAnswers() {
        createAndOpen();
        dialogs.answers.add(List.of(NAME, "staging", "production"));

        viewModel.newRollout();

        assertThat(viewModel.errorProperty().get()).isEqualTo("A rollout named " + NAME + " already exists in this data folder;"
                + " pick another name or make it current.");
        assertThat(rollouts.names()).containsExactly(NAME);
        assertThat(current.get()).isEqualTo(NAME);

        dialogs.answers.add(List.of("v4 pipeline", "staging", "production"));
        viewModel.newRollout();

        assertThat(dialogs.forms.get(1)).extracting(DialogQuestion::initial).containsExactly(NAME, "staging", "production");
        assertThat(viewModel.errorProperty().get()).isEqualTo("The rollout name is 'v4 pipeline'; a rollout name starts with"
                + " a letter and has only letters, digits, '_', '.' and '-' (at most 100).");
        assertThat(rollouts.names()).containsExactly(NAME);
    }

    @Test
    void anEnvironmentThatIsNotConfiguredIsRefusedNamingTheConfiguredOnesAndNothingIsCreated() {
        current.set("");
        dialogs.answers.add(List.of("CHECKOUT_V2", "staging", "prod"));

        viewModel.newRollout();

        assertThat(viewModel.errorProperty().get()).isEqualTo("The production environment 'prod' is not configured;"
                + " use one of demo, staging, staging-eu, production (Settings adds others).");
        assertThat(rollouts.names()).isEmpty();
        assertThat(current.get()).isEmpty();

        viewModel.newRollout();
        assertThat(dialogs.forms.get(1)).extracting(DialogQuestion::initial).containsExactly("CHECKOUT_V2", "staging", "prod");
    }

    @Test
    void whilePresentingEveryTextOfTheScreenIsRedactedAndFollowsTheModeWithoutAReload() {
        createAndOpen();
        presentation.learn(java.util.Map.of("Preparation", com.rolloutcontrolroom.domain.redact.Redactor.Sensitive.HIDDEN,
                "ana", com.rolloutcontrolroom.domain.redact.Redactor.Sensitive.USER));
        viewModel.tick(viewModel.shown().currentChecklist().get(0), true);
        viewModel.marker().atProperty().set("db-prod-17.internal.example:6543");
        viewModel.promote();
        assertThat(viewModel.errorProperty().get()).contains("db-prod-17.internal.example:6543");
        String tickLine = viewModel.shown().currentChecklist().get(0).tickedLine();

        presentation.toggle();

        assertThat(viewModel.errorProperty().get()).doesNotContain("db-prod-17", "6543").contains("[host]");
        assertThat(viewModel.shown().timeline().get(0).name()).isEqualTo("[hidden]");
        assertThat(viewModel.shown().blockers()).anySatisfy(line -> assertThat(line).contains("[hidden] checklist"))
                .noneSatisfy(line -> assertThat(line).contains("Preparation"));
        assertThat(viewModel.shown().currentTitleProperty().get()).isEqualTo("Current phase: [hidden]");
        assertThat(viewModel.shown().shown(tickLine)).contains("([user])").doesNotContain("(ana)");
        assertThat(viewModel.shown().currentChecklist().get(0).tickedLine()).as("the item keeps its journaled text").contains("(ana)");

        presentation.toggle();

        assertThat(viewModel.shown().timeline().get(0).name()).isEqualTo("Preparation");
        assertThat(viewModel.errorProperty().get()).contains("db-prod-17.internal.example:6543");
    }

    private void createAndOpen() {
        rollouts.create(FirstPhasesPlan.named(NAME));
        current.set(NAME);
        viewModel.reload();
    }

    private void tickAll(List<TickableItem> items) {
        for (int i = 0; i < items.size(); i++) {
            viewModel.tick(items.get(i), true);
        }
    }

    @Test
    void thePlanIsSavedToAFileAndAnEditedFileAmendsItWithAReason() throws Exception {
        createAndOpen();
        java.nio.file.Path saved = folder.resolve("plan.json");
        dialogs.toSave.add(saved);
        viewModel.savePlan();
        assertThat(com.rolloutcontrolroom.services.rollout.PlanFile.read(saved)).isEqualTo(rollouts.require(NAME).plan());
        assertThat(dialogs.suggestedNames).contains(NAME + "-plan.json");

        java.nio.file.Path edited = folder.resolve("edited.json");
        java.nio.file.Files.writeString(edited, java.nio.file.Files.readString(saved)
                .replace(FirstPhasesPlan.FULL_CRITERIA.get(0), "A stricter first criterion"));
        dialogs.toOpen.add(edited);
        dialogs.answers.add(List.of("Product asked for a stricter bar"));
        viewModel.amendPlan();

        assertThat(viewModel.errorProperty().get()).isEmpty();
        assertThat(rollouts.require(NAME).amendments()).singleElement()
                .satisfies(a -> assertThat(a.entry().reason()).isEqualTo("Product asked for a stricter bar"));
        assertThat(viewModel.descriptionProperty().get()).contains("Plan amended once");

        java.nio.file.Path broken = folder.resolve("broken.json");
        java.nio.file.Files.writeString(broken, "{\"format\": \"1\",");
        dialogs.toOpen.add(broken);
        viewModel.amendPlan();
        assertThat(viewModel.errorProperty().get()).startsWith("Plan file broken.json is not valid JSON");
        assertThat(rollouts.require(NAME).amendments()).hasSize(1);
    }

    @Test
    void theDemoWindowCreatesANewRolloutAmongTheUsersOwnNeverInTheDemoJournal() {
        AppHome home = new AppHome(folder.resolve("data"));
        try (JournalAccess demo = new JournalAccess(home, com.rolloutcontrolroom.services.home.Workspace.DEMO,
                     com.rolloutcontrolroom.services.journal.JournalKeys.none("test: unsigned"));
             JournalAccess own = new JournalAccess(home)) {
            OperatorIdentity operator = new OperatorIdentity("ana", new SettingsFile(folder.resolve("settings.json")));
            Rollouts demoRollouts = new Rollouts(demo, operator, clock);
            Rollouts ownRollouts = new Rollouts(own, operator, clock);
            List<String> created = new java.util.ArrayList<>();
            RolloutViewModel demoScreen = new RolloutViewModel(demoRollouts, operator, current, executor, dialogs, clock,
                    () -> List.of("demo", "staging", "production"), created::add, ownRollouts, presentation);
            dialogs.answers.add(List.of("PAYMENTS_V2", "staging", "production"));

            demoScreen.newRollout();

            assertThat(created).containsExactly("PAYMENTS_V2");
            assertThat(ownRollouts.names()).containsExactly("PAYMENTS_V2");
            assertThat(demoRollouts.names()).as("nothing of the user's in the demo's journal").isEmpty();
        }
    }
}
