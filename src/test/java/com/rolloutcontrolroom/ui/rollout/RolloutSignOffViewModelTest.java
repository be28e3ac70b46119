package com.rolloutcontrolroom.ui.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.rolloutcontrolroom.domain.journal.ChainHash;
import com.rolloutcontrolroom.domain.journal.ChainHead;
import com.rolloutcontrolroom.domain.journal.EntryKind;
import com.rolloutcontrolroom.domain.journal.SignedOff;
import com.rolloutcontrolroom.domain.journal.StoredEntry;
import com.rolloutcontrolroom.services.home.AppHome;
import com.rolloutcontrolroom.services.journal.JournalAccess;
import com.rolloutcontrolroom.services.journal.JournalQuery;
import com.rolloutcontrolroom.services.operator.OperatorIdentity;
import com.rolloutcontrolroom.services.rollout.Rollouts;
import com.rolloutcontrolroom.services.settings.SettingsFile;
import com.rolloutcontrolroom.testsupport.FirstPhasesPlan;
import com.rolloutcontrolroom.testsupport.MutableClock;
import com.rolloutcontrolroom.testsupport.ScriptedDialogs;
import com.rolloutcontrolroom.ui.common.CurrentThreadTaskExecutor;
import com.rolloutcontrolroom.ui.common.DialogQuestion;
import com.rolloutcontrolroom.ui.common.DialogService;
import com.rolloutcontrolroom.ui.common.PresentationMode;

/** Sign off… on the Rollout screen, with no toolkit: the dialog, the pinned head, a journal that grows meanwhile. */
class RolloutSignOffViewModelTest {

    private static final String NAME = "FEATURE_ASSIGNMENT_PIPELINE_V3";
    private static final Instant CREATED = Instant.parse("2025-11-13T15:00:00Z");

    @TempDir Path folder;
    private JournalAccess journal;
    private Rollouts rollouts;
    private final MutableClock clock = new MutableClock(CREATED);
    private final AskingDialogs dialogs = new AskingDialogs();
    private final StringProperty current = new SimpleStringProperty();
    private final PresentationMode presentation = new PresentationMode();
    private RolloutViewModel viewModel;

    @BeforeEach
    void openTheScreen() {
        journal = new JournalAccess(new AppHome(folder));
        OperatorIdentity operator = new OperatorIdentity("ana", new SettingsFile(folder.resolve("settings.json")));
        rollouts = new Rollouts(journal, operator, clock);
        viewModel = new RolloutViewModel(rollouts, operator, current, new CurrentThreadTaskExecutor(), dialogs, clock,
                () -> List.of("staging"), current::set, presentation);
        rollouts.create(FirstPhasesPlan.named(NAME));
        current.set(NAME);
        viewModel.reload();
    }

    @AfterEach
    void closeTheJournal() {
        journal.close();
    }

    private List<StoredEntry> signOffs() {
        return journal.reader().entries(JournalQuery.ofKinds(EntryKind.SIGN_OFF));
    }

    @Test
    void theDialogShowsTheHeadItPinsAndTheSignOffApprovesExactlyThatHead() {
        ChainHead head = journal.reader().head();
        clock.advance(Duration.ofMinutes(3));
        dialogs.scripted.answers.add(List.of("QA — not signed yet", "Quinn Lee", "Coordinator tests verified"));

        viewModel.signOff();

        assertThat(dialogs.messages).singleElement().asString().contains("You approve the journal up to record " + head.id()
                + ", hash " + ChainHash.abbreviate(head.hash()) + ".");
        List<DialogQuestion> form = dialogs.scripted.forms.get(0);
        assertThat(form.get(0).choices()).containsExactly("Engineering — not signed yet", "Design/PM — not signed yet",
                "QA — not signed yet", "Implementation Lead — not signed yet", "Engineering Manager — not signed yet",
                "Operations Lead — not signed yet");
        StoredEntry stored = signOffs().get(0);
        SignedOff signOff = (SignedOff) stored.entry();
        assertThat(signOff.approvedHeadHash()).isEqualTo(head.hash()).isEqualTo(stored.previousHash());
        assertThat(stored.id()).isEqualTo(head.id() + 1);
        assertThat(signOff.role()).isEqualTo("QA");
        assertThat(signOff.name()).isEqualTo("Quinn Lee");
        assertThat(signOff.comment()).isEqualTo("Coordinator tests verified");
        assertThat(signOff.signedAt()).isEqualTo(CREATED.plus(Duration.ofMinutes(3)));
        assertThat(viewModel.errorProperty().get()).isEmpty();

        // the next time, QA says who signed it and the first open role is offered
        viewModel.signOff();
        List<DialogQuestion> again = dialogs.scripted.forms.get(1);
        assertThat(again.get(0).choices()).contains("QA — signed by Quinn Lee");
        assertThat(again.get(0).initial()).isEqualTo("Engineering — not signed yet");
        assertThat(again.get(1).initial()).as("nothing kept after a sign-off was written").isEmpty();
    }

    @Test
    void aJournalThatGrowsWhileTheDialogIsOpenRefusesTheSignOffAndKeepsWhatWasTyped() {
        ChainHead shown = journal.reader().head();
        dialogs.scripted.answers.add(List.of("Operations Lead — not signed yet", "Ana Ruiz", "Staging verified"));
        // a scheduled snapshot, a tick from the CLI: anything recorded between reading the head and signing
        dialogs.whileAsking = () -> rollouts.tick(rollouts.require(NAME), "Preparation", FirstPhasesPlan.PREPARATION.get(0), true);

        viewModel.signOff();

        assertThat(signOffs()).isEmpty();
        assertThat(viewModel.errorProperty().get()).isEqualTo("The journal has grown since you read it (its head is record "
                + (shown.id() + 1) + ", not " + shown.id() + " as you approved): read it again and sign again.");
        dialogs.whileAsking = () -> { };
        viewModel.signOff();
        List<DialogQuestion> again = dialogs.scripted.forms.get(1);
        assertThat(again.get(0).initial()).isEqualTo("Operations Lead — not signed yet");
        assertThat(again.get(1).initial()).isEqualTo("Ana Ruiz");
        assertThat(again.get(2).initial()).isEqualTo("Staging verified");
        assertThat(dialogs.messages.get(1)).contains("up to record " + (shown.id() + 1) + ",");
    }

    @Test
    void whilePresentingNothingIsAskedNorWritten() {
        presentation.toggle();
        assertThat(viewModel.canSignOffProperty().get()).isFalse();
        dialogs.scripted.answers.add(List.of("QA — not signed yet", "Quinn Lee", ""));

        viewModel.signOff();

        assertThat(dialogs.scripted.forms).isEmpty();
        assertThat(signOffs()).isEmpty();
        assertThat(viewModel.errorProperty().get()).isEqualTo(RolloutViewModel.SIGN_OFF_WHILE_PRESENTING);
        presentation.toggle();
        assertThat(viewModel.canSignOffProperty().get()).isTrue();
    }

    @Test
    void aBlankNameIsRefusedInOneSentence() {
        dialogs.scripted.answers.add(List.of("Design/PM — not signed yet", "  ", ""));
        viewModel.signOff();
        assertThat(signOffs()).isEmpty();
        assertThat(viewModel.errorProperty().get()).isEqualTo("A sign-off needs the signer's name; enter who signs as Design/PM.");
    }

    /** Scripted answers, the message each form showed, and something that happens while the user is typing. */
    private static final class AskingDialogs implements DialogService {
        final ScriptedDialogs scripted = new ScriptedDialogs();
        final List<String> messages = new ArrayList<>();
        Runnable whileAsking = () -> { };

        @Override public void showError(String title, String message) { }
        @Override public void showInformation(String title, String message) { }
        @Override public boolean confirm(String title, String message, String ok) { return scripted.confirm(title, message, ok); }
        @Override public Optional<Path> chooseFileToSave(String title, String name, String ext) { return Optional.empty(); }
        @Override public Optional<Path> chooseFileToOpen(String title, String ext) { return Optional.empty(); }
        @Override public void copyToClipboard(String text) { }
        @Override public Optional<char[]> askPassword(String title, String message) { return Optional.empty(); }

        @Override
        public Optional<List<String>> ask(String title, String message, List<DialogQuestion> questions, String ok) {
            messages.add(message);
            whileAsking.run();
            return scripted.ask(title, message, questions, ok);
        }
    }
}
