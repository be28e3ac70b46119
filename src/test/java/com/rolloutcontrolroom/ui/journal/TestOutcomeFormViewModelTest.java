package com.rolloutcontrolroom.ui.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import javafx.beans.property.SimpleStringProperty;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.rolloutcontrolroom.domain.journal.Correction;
import com.rolloutcontrolroom.domain.journal.EntryKind;
import com.rolloutcontrolroom.domain.journal.JournalSamples;
import com.rolloutcontrolroom.domain.journal.StoredEntry;
import com.rolloutcontrolroom.domain.journal.TestOutcome;
import com.rolloutcontrolroom.domain.journal.TestOutcomeRecorded;
import com.rolloutcontrolroom.services.home.AppHome;
import com.rolloutcontrolroom.services.journal.JournalAccess;
import com.rolloutcontrolroom.services.journal.JournalQuery;
import com.rolloutcontrolroom.services.operator.OperatorIdentity;
import com.rolloutcontrolroom.services.settings.SettingsFile;
import com.rolloutcontrolroom.ui.common.CurrentThreadTaskExecutor;
import com.rolloutcontrolroom.ui.common.PresentationMode;
import com.rolloutcontrolroom.ui.journal.JournalViewModel.OpenForm;

/** Record test outcome… on the Journal screen, with no toolkit: validation, the saved record, its correction. */
class TestOutcomeFormViewModelTest {

    private static final Instant NOW = Instant.parse("2025-11-13T18:00:00Z");

    @TempDir Path folder;
    private JournalAccess journal;
    private JournalViewModel viewModel;

    @BeforeEach
    void openTheScreen() {
        journal = new JournalAccess(new AppHome(folder));
        OperatorIdentity operator = new OperatorIdentity("ana", new SettingsFile(folder.resolve("settings.json")));
        viewModel = new JournalViewModel(journal, operator, () -> List.of("staging"), new CurrentThreadTaskExecutor(),
                new ClipboardDialogs(), Clock.fixed(NOW, ZoneOffset.UTC), new SimpleStringProperty(JournalSamples.ROLLOUT),
                new PresentationMode());
        viewModel.reload();
    }

    @AfterEach
    void closeTheJournal() {
        journal.close();
    }

    private List<StoredEntry> records() {
        return journal.reader().entries(JournalQuery.all());
    }

    @Test
    void aFilledFormSavesTheTestOutcomeWithItsRunTimeAndNoEnvironment() {
        viewModel.recordTestOutcome();
        TestOutcomeFormViewModel form = viewModel.testOutcomeForm();
        assertThat(viewModel.openFormProperty().get()).isEqualTo(OpenForm.TEST_OUTCOME);
        assertThat(form.titleProperty().get()).isEqualTo("Record test outcome");
        assertThat(form.ranAt().text()).as("pre-filled with now, UTC").isEqualTo("2025-11-13 18:00");
        assertThat(form.validProperty().get()).isFalse();
        assertThat(form.hintProperty().get()).isEqualTo("To save, fill in the command, outcome, result.");
        assertThat(form.outcomes()).containsExactly("passed", "failed");

        form.command().textProperty().set("./mvnw -q test -Dtest=AssignmentCoordinatorIT");
        form.outcome().textProperty().set("passed");
        form.summary().textProperty().set("142 passed, 0 failed");
        form.ranAt().textProperty().set("2025-11-13 17:40");
        assertThat(form.validProperty().get()).as(form.problemProperty().get()).isTrue();
        form.save();

        assertThat(viewModel.openFormProperty().get()).isEqualTo(OpenForm.NONE);
        TestOutcomeRecorded saved = (TestOutcomeRecorded) records().get(0).entry();
        assertThat(saved.command()).isEqualTo("./mvnw -q test -Dtest=AssignmentCoordinatorIT");
        assertThat(saved.outcome()).isEqualTo(TestOutcome.PASSED);
        assertThat(saved.summary()).isEqualTo("142 passed, 0 failed");
        assertThat(saved.ranAt()).isEqualTo(Instant.parse("2025-11-13T17:40:00Z"));
        assertThat(saved.environment()).isNull();
        assertThat(saved.rollout()).isEqualTo(JournalSamples.ROLLOUT);
        assertThat(saved.recordedAt()).isEqualTo(NOW);
        assertThat(viewModel.rows().get(0).kind()).isEqualTo("Test outcome");
        viewModel.kindFilterProperty().set(KindFilter.TEST_OUTCOMES);
        assertThat(viewModel.rows()).hasSize(1);
    }

    @Test
    void aFutureRunTimeIsRefusedAndAPastedPasswordIsMaskedInTheRecord() {
        viewModel.recordTestOutcome();
        TestOutcomeFormViewModel form = viewModel.testOutcomeForm();
        form.command().textProperty().set("psql postgresql://ci:fake-pw-77@db.test/app -f smoke.sql");
        form.outcome().textProperty().set("failed");
        form.summary().textProperty().set("1 of 4 checks failed");
        form.ranAt().textProperty().set("2025-11-13 19:00");
        assertThat(form.ranAt().problemProperty().get()).isEqualTo("Test run time is in the future; enter when it happened, in UTC.");
        assertThat(form.validProperty().get()).isFalse();

        form.ranAt().textProperty().set("2025-11-13 17:55");
        form.environment().textProperty().set("staging");
        form.save();

        TestOutcomeRecorded saved = (TestOutcomeRecorded) records().get(0).entry();
        assertThat(saved.command()).isEqualTo("psql postgresql://ci:[secret]@db.test/app -f smoke.sql");
        assertThat(saved.outcome()).isEqualTo(TestOutcome.FAILED);
        assertThat(saved.environment()).isEqualTo("staging");
    }

    @Test
    void aTestOutcomeIsCorrectedInItsOwnFormPrefilledWithWhatItSays() {
        journal.writer().append(JournalSamples.testOutcome(NOW.minusSeconds(3600)));
        viewModel.reload();
        viewModel.selectedProperty().set(viewModel.rows().get(0));
        assertThat(viewModel.canCorrectProperty().get()).isTrue();

        viewModel.correctSelected();
        TestOutcomeFormViewModel form = viewModel.testOutcomeForm();
        assertThat(viewModel.openFormProperty().get()).isEqualTo(OpenForm.TEST_OUTCOME);
        assertThat(form.titleProperty().get()).isEqualTo("Correct test outcome #1");
        assertThat(form.summary().text()).isEqualTo("142 passed, 0 failed");
        assertThat(form.outcome().text()).isEqualTo("passed");
        form.summary().textProperty().set("141 passed, 1 failed");
        form.outcome().textProperty().set("failed");
        form.correctionReason().textProperty().set("One test was flaky and failed");
        assertThat(form.validProperty().get()).as(form.problemProperty().get()).isTrue();
        form.save();

        Correction correction = (Correction) journal.reader().entries(JournalQuery.ofKinds(EntryKind.CORRECTION)).get(0).entry();
        assertThat(correction.correctsId()).isEqualTo(1);
        TestOutcomeRecorded replacement = (TestOutcomeRecorded) correction.replacement();
        assertThat(replacement.summary()).isEqualTo("141 passed, 1 failed");
        assertThat(replacement.outcome()).isEqualTo(TestOutcome.FAILED);
        assertThat(replacement.command()).isEqualTo("./mvnw -q test -Dtest=AssignmentCoordinatorIT");
    }
}
