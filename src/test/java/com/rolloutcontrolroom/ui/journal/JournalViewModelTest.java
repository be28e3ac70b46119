package com.rolloutcontrolroom.ui.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.rolloutcontrolroom.domain.journal.Correction;
import com.rolloutcontrolroom.domain.journal.IssueLogged;
import com.rolloutcontrolroom.domain.journal.JournalSamples;
import com.rolloutcontrolroom.domain.journal.RollbackPerformed;
import com.rolloutcontrolroom.domain.journal.StoredEntry;
import com.rolloutcontrolroom.services.home.AppHome;
import com.rolloutcontrolroom.services.journal.JournalAccess;
import com.rolloutcontrolroom.services.journal.JournalDatabase;
import com.rolloutcontrolroom.services.journal.JournalQuery;
import com.rolloutcontrolroom.services.journal.JournalReader;
import com.rolloutcontrolroom.services.journal.KeychainJournalKeys;
import com.rolloutcontrolroom.services.credentials.SessionCredentialStore;
import com.rolloutcontrolroom.services.operator.OperatorIdentity;
import com.rolloutcontrolroom.services.settings.SettingsFile;
import com.rolloutcontrolroom.ui.common.CurrentRolloutModel;
import com.rolloutcontrolroom.ui.common.CurrentThreadTaskExecutor;
import com.rolloutcontrolroom.ui.common.PresentationMode;
import com.rolloutcontrolroom.ui.journal.JournalViewModel.OpenForm;

/** The journal screen's logic on a real SQLite journal, with no toolkit: work runs on the test thread. */
class JournalViewModelTest {

    private static final Instant NOW = Instant.parse("2025-11-13T18:00:00Z");

    @TempDir Path folder;
    private AppHome home;
    private JournalAccess journal;
    private JournalViewModel viewModel;
    private final ClipboardDialogs clipboard = new ClipboardDialogs();
    /** The header's choice, as the window's current-rollout model hands it to the screen. */
    private final PresentationMode presentation = new PresentationMode();
    private final StringProperty currentRollout = new SimpleStringProperty(JournalSamples.ROLLOUT);

    @BeforeEach
    void openTheScreen() {
        home = new AppHome(folder);
        journal = new JournalAccess(home);
        OperatorIdentity operator = new OperatorIdentity("ana", new SettingsFile(folder.resolve("settings.json")));
        viewModel = new JournalViewModel(journal, operator, () -> List.of("demo", "eu-prod"), new CurrentThreadTaskExecutor(), clipboard,
                Clock.fixed(NOW, ZoneOffset.UTC), currentRollout, presentation);
        viewModel.reload();
    }

    @AfterEach
    void closeTheJournal() {
        journal.close();
    }

    @Test
    void anEmptyJournalIsIntactAndEveryInputStartsQuiet() {
        assertThat(viewModel.chainStatusProperty().get()).isEqualTo("Chain intact, 0 records, head 00000000…, unsigned:"
                + " consistent with itself, but nothing proves nobody rewrote it");
        assertThat(viewModel.chainIntactProperty().get()).isTrue();
        assertThat(viewModel.canAddProperty().get()).isTrue();

        viewModel.addRollback();
        RollbackFormViewModel form = viewModel.rollbackForm();
        assertThat(viewModel.openFormProperty().get()).isEqualTo(OpenForm.ROLLBACK);
        assertThat(form.occurredAt().text()).as("pre-filled with now, UTC").isEqualTo("2025-11-13 18:00");
        assertThat(form.environment().problemProperty().get()).isEmpty();
        assertThat(form.validProperty().get()).isFalse();
        assertThat(form.hintProperty().get()).isEqualTo("To save, fill in the environment, reason, actions taken, outcome.");
    }

    @Test
    void copyHeadPutsTheFullIdAndHashThatVerifyExpectTakesOnTheClipboard() throws Exception {
        assertThat(viewModel.headProperty().get()).as("an empty journal has no head to vouch for").isEmpty();
        viewModel.copyHead();
        assertThat(clipboard.copied).isEmpty();

        viewModel.addRollback();
        fillRollback(viewModel.rollbackForm());
        viewModel.rollbackForm().save();
        com.rolloutcontrolroom.domain.journal.ChainHead last;
        try (JournalDatabase db = JournalDatabase.openReadOnly(home)) {
            last = new JournalReader(db).head();
        }
        assertThat(viewModel.chainStatusProperty().get()).as("the status shows 8 characters")
                .contains("head " + last.hash().substring(0, 8) + "…").doesNotContain(last.hash());
        viewModel.copyHead();
        assertThat(clipboard.copied).containsExactly("1:" + last.hash());
        assertThat(last.hash()).hasSize(64);

        try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + home.journal());
             Statement statement = raw.createStatement()) {
            statement.execute("DROP TRIGGER journal_entry_no_update");
            statement.execute("UPDATE journal_entry SET body = replace(body, 'Success', 'Failure')");
        }
        viewModel.reload();
        assertThat(viewModel.chainIntactProperty().get()).isFalse();
        assertThat(viewModel.headProperty().get()).as("a broken chain offers no head to approve").isEmpty();
    }

    @Test
    void configuredEnvironmentsAreOfferedAfterTheRolloutsOwn() {
        assertThat(viewModel.rollbackForm().environments()).containsExactly("staging", "production", "demo", "eu-prod");
        assertThat(viewModel.issueForm().environments()).containsExactly("staging", "production", "demo", "eu-prod");
        viewModel.addRollback();
        RollbackFormViewModel form = viewModel.rollbackForm();
        form.environment().textProperty().set("eu-prod");
        form.environment().textProperty().set("");
        assertThat(form.environment().problemProperty().get())
                .isEqualTo("Rollback environment is not chosen; pick staging, production, demo, eu-prod.");
        viewModel.reload();
        assertThat(form.environments()).as("a second reload adds nothing twice").hasSize(4);
    }

    @Test
    void eachInvalidFieldSaysOneSentenceNamingWhatToFix() {
        viewModel.addRollback();
        RollbackFormViewModel form = viewModel.rollbackForm();
        fillRollback(form);

        form.occurredAt().textProperty().set("2025-13-45 10:00");
        assertThat(form.occurredAt().problemProperty().get())
                .isEqualTo("Rollback date/time '2025-13-45 10:00' is not a date and time; type it as 2025-11-13 15:00 (UTC).");
        form.occurredAt().textProperty().set("2025-11-14 09:00");
        assertThat(form.occurredAt().problemProperty().get()).isEqualTo("Rollback date/time is in the future; enter when it happened, in UTC.");
        form.reason().textProperty().set("  ");
        assertThat(form.reason().problemProperty().get()).isEqualTo("Rollback reason is empty; fill it in.");
        assertThat(form.validProperty().get()).isFalse();

        form.occurredAt().textProperty().set("2025-11-13 16:26");
        form.reason().textProperty().set("Success rate 91 % at T+30m");
        assertThat(form.occurredAt().problemProperty().get()).isEmpty();
        assertThat(form.reason().problemProperty().get()).isEmpty();
        assertThat(form.validProperty().get()).isTrue();
    }

    @Test
    void issueCrossFieldRulesUseTheRecordsOwnSentences() {
        viewModel.logIssue();
        IssueFormViewModel form = viewModel.issueForm();
        form.environment().textProperty().set("staging");
        form.description().textProperty().set("Manual review rate 1.4 % at T+1h");
        assertThat(form.validProperty().get()).as("an open issue needs no resolution").isTrue();

        form.resolution().textProperty().set("Retry budget raised");
        assertThat(form.problemProperty().get())
                .isEqualTo("Issue resolution and resolved time go together; fill in both or leave both empty.");
        assertThat(form.validProperty().get()).isFalse();

        form.discoveredAt().textProperty().set("2025-11-13 15:00");
        form.resolvedAt().textProperty().set("2025-11-13 14:00");
        assertThat(form.problemProperty().get()).isEqualTo("Issue resolved time is before it was discovered; check both dates.");
        form.resolvedAt().textProperty().set("2025-11-13 17:30");
        assertThat(form.problemProperty().get()).isEmpty();
        form.save();

        IssueLogged saved = (IssueLogged) onlyRecord().entry();
        assertThat(saved.resolvedAt()).isEqualTo(Instant.parse("2025-11-13T17:30:00Z"));
        assertThat(saved.operator().login()).isEqualTo("ana");
        assertThat(saved.rollout()).isEqualTo("FEATURE_ASSIGNMENT_PIPELINE_V3");
    }

    @Test
    void whilePresentingTheTableDetailsAndFormShowRecordedTextRedactedAndTheRecordKeepsIt() {
        viewModel.logIssue();
        IssueFormViewModel form = viewModel.issueForm();
        form.environment().textProperty().set("staging");
        form.description().textProperty().set("db-prod-17.internal.example:6543 refused rollout_reader from /home/alice/.pgpass");
        form.save();
        presentation.learn(List.of("rollout_reader"));

        presentation.toggle();

        assertThat(viewModel.detailsProperty().get()).contains("[host]:[port] refused [hidden] from [path]")
                .doesNotContain("db-prod-17", "rollout_reader", "alice")
                // the port on its own: the record's hash, in hex, may hold those digits
                .doesNotContainPattern("(?<![0-9a-f])6543(?![0-9a-f])");
        assertThat(presentation.shown(viewModel.rows().get(0).summary())).doesNotContain("db-prod-17", "rollout_reader");
        assertThat(((IssueLogged) onlyRecord().entry()).description()).startsWith("db-prod-17.internal.example:6543");

        presentation.toggle();

        assertThat(viewModel.detailsProperty().get()).contains("db-prod-17.internal.example:6543 refused rollout_reader");
    }

    @Test
    void savingAppendsTheRecordReloadsSelectsItAndReverifies() {
        viewModel.addRollback();
        RollbackFormViewModel form = viewModel.rollbackForm();
        fillRollback(form);
        form.save();

        StoredEntry stored = onlyRecord();
        RollbackPerformed rollback = (RollbackPerformed) stored.entry();
        assertThat(rollback.occurredAt()).isEqualTo(Instant.parse("2025-11-13T16:26:00Z"));
        assertThat(rollback.recordedAt()).isEqualTo(NOW);
        assertThat(rollback.environment()).isEqualTo("production");
        assertThat(viewModel.openFormProperty().get()).isEqualTo(OpenForm.NONE);
        assertThat(viewModel.rows()).extracting(JournalRow::id).containsExactly(1L);
        assertThat(viewModel.rows().get(0).summary())
                .isEqualTo("Rolled back 2025-11-13 16:26 UTC: Success rate 91 % at T+30m → Legacy routing restored");
        assertThat(viewModel.selectedProperty().get().id()).isEqualTo(1L);
        assertThat(viewModel.detailsProperty().get()).contains("actionsTaken: vercel env add", "hash      " + stored.hash(),
                "prev hash " + "0".repeat(64));
        assertThat(viewModel.chainStatusProperty().get()).startsWith("Chain intact, 1 record, head " + stored.hash().substring(0, 8));
    }

    @Test
    void filtersByKindAndByTextNewestFirst() {
        for (var entry : JournalSamples.everyKind(Instant.parse("2025-11-13T15:00:00Z"))) {
            journal.writer().append(entry);
        }
        viewModel.reload();
        assertThat(viewModel.rows()).extracting(JournalRow::id).containsExactly(9L, 8L, 7L, 6L, 5L, 4L, 3L, 2L, 1L);

        viewModel.kindFilterProperty().set(KindFilter.ROLLBACKS);
        assertThat(viewModel.rows()).extracting(JournalRow::kind).containsExactly("Rollback");
        viewModel.kindFilterProperty().set(KindFilter.ISSUES);
        assertThat(viewModel.rows()).extracting(JournalRow::id).containsExactly(6L);
        assertThat(viewModel.shownCountProperty().get()).isEqualTo("1 of 9 records shown");

        viewModel.kindFilterProperty().set(KindFilter.ALL);
        viewModel.searchTextProperty().set("MANUAL review");
        assertThat(viewModel.rows()).extracting(JournalRow::id).containsExactly(9L, 6L);
    }

    @Test
    void aCorrectionIsANewRecordAndTheOriginalStays() {
        journal.writer().append(new RollbackPerformed(NOW, JournalSamples.ANA, "production", JournalSamples.ROLLOUT,
                Instant.parse("2025-11-13T16:26:00Z"), "Success rate 91 %", "flag off", "Restored"));
        viewModel.reload();
        viewModel.selectedProperty().set(viewModel.rows().get(0));
        assertThat(viewModel.canCorrectProperty().get()).isTrue();

        viewModel.correctSelected();
        RollbackFormViewModel form = viewModel.rollbackForm();
        assertThat(form.titleProperty().get()).isEqualTo("Correct rollback #1");
        assertThat(form.outcome().text()).as("pre-filled").isEqualTo("Restored");
        assertThat(form.validProperty().get()).isFalse();
        assertThat(form.hintProperty().get()).isEqualTo("To save, fill in the reason for the correction.");
        form.correctionReason().textProperty().set("Outcome was written before the numbers were in");
        assertThat(form.hintProperty().get()).isEqualTo("Nothing differs from record #1 yet; change a field to correct it.");
        form.outcome().textProperty().set("Legacy routing restored within 4 minutes");
        assertThat(form.validProperty().get()).isTrue();
        form.save();

        assertThat(viewModel.rows()).extracting(JournalRow::kind).containsExactly("Correction", "Rollback");
        Correction correction = (Correction) viewModel.rows().get(0).stored().entry();
        assertThat(correction.correctsId()).isEqualTo(1);
        assertThat(((RollbackPerformed) correction.replacement()).outcome()).isEqualTo("Legacy routing restored within 4 minutes");
        assertThat(((RollbackPerformed) viewModel.rows().get(1).stored().entry()).outcome()).isEqualTo("Restored");
        viewModel.selectedProperty().set(viewModel.rows().get(1));
        assertThat(viewModel.detailsProperty().get()).contains("Corrected by [#2]");

        viewModel.selectedProperty().set(viewModel.rows().get(0));
        viewModel.correctSelected();
        assertThat(form.titleProperty().get()).as("correcting a correction corrects the original").isEqualTo("Correct rollback #1");
        assertThat(form.outcome().text()).as("the latest content").isEqualTo("Legacy routing restored within 4 minutes");
    }

    @Test
    void anotherWriterLeavesTheScreenWritable() {
        try (JournalDatabase otherInstance = JournalDatabase.open(home)) {
            viewModel.reload();
            assertThat(viewModel.readOnlyProperty().get()).as("a CLI run beside the window").isFalse();
            viewModel.addRollback();
            fillRollback(viewModel.rollbackForm());
            viewModel.rollbackForm().save();
            assertThat(new JournalReader(otherInstance).count()).isEqualTo(1);
            assertThat(otherInstance.isReadOnly()).isFalse();
        }
    }

    @Test
    void aJournalSignedByAKeyNotHereMakesTheScreenReadOnlyAndASaveKeepsWhatWasTyped() {
        journal.close();
        KeychainJournalKeys elsewhere = new KeychainJournalKeys(new SessionCredentialStore("Another workstation."));
        try (JournalDatabase signed = JournalDatabase.open(home, elsewhere)) {
            assertThat(signed.isReadOnly()).isFalse(); // enrolls that key
        }
        viewModel.reload();
        assertThat(viewModel.readOnlyProperty().get()).isTrue();
        assertThat(viewModel.readOnlyMessageProperty().get())
                .startsWith("The journal is signed, but its key cannot be read from the OS keychain");
        assertThat(viewModel.canAddProperty().get()).isFalse();

        viewModel.addRollback();
        RollbackFormViewModel form = viewModel.rollbackForm();
        fillRollback(form);
        form.save();
        assertThat(form.problemProperty().get()).contains("it stays read-only until the keychain works");
        assertThat(form.reason().text()).as("nothing typed is lost").isEqualTo("Success rate 91 % at T+30m");
        assertThat(viewModel.openFormProperty().get()).isEqualTo(OpenForm.ROLLBACK);
    }

    @Test
    void aTamperedRecordIsNamedInTheStatusLine() throws Exception {
        for (var entry : JournalSamples.everyKind(Instant.parse("2025-11-13T15:00:00Z"))) {
            journal.writer().append(entry);
        }
        try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + home.journal());
             Statement statement = raw.createStatement()) {
            statement.execute("DROP TRIGGER journal_entry_no_update");
            statement.execute("UPDATE journal_entry SET body = replace(body, '91 %', '99 %') WHERE id = 5");
        }
        viewModel.reload();
        assertThat(viewModel.chainIntactProperty().get()).isFalse();
        assertThat(viewModel.chainStatusProperty().get()).isEqualTo(
                "Chain broken at record 5: its hash does not match its content: the record was changed after it was written");
    }

    @Test
    void aSignedJournalSaysByWhichKeyAndACutOffEndIsNamedOnTheScreen() throws Exception {
        journal.close();
        KeychainJournalKeys keys = new KeychainJournalKeys(new SessionCredentialStore("Screen test keychain."));
        try (JournalAccess signed = new JournalAccess(home, keys)) {
            OperatorIdentity operator = new OperatorIdentity("ana", new SettingsFile(folder.resolve("settings.json")));
            JournalViewModel screen = new JournalViewModel(signed, operator, List::of, new CurrentThreadTaskExecutor(),
                    clipboard, Clock.fixed(NOW, ZoneOffset.UTC), currentRollout, presentation);
            screen.addRollback();
            fillRollback(screen.rollbackForm());
            screen.rollbackForm().save();

            String fingerprint = keys.signingKey().orElseThrow().fingerprint();
            assertThat(screen.rows()).extracting(JournalRow::kind).containsExactly("Rollback", "Signing key");
            assertThat(screen.chainIntactProperty().get()).isTrue();
            assertThat(screen.chainStatusProperty().get()).startsWith("Chain intact, 2 records, head ")
                    .endsWith(", signed by key " + fingerprint.substring(0, 8) + "…");
            assertThat(screen.detailsProperty().get()).containsPattern("signature [A-Za-z0-9+/]{86}==");

            try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + home.journal());
                 Statement statement = raw.createStatement()) {
                statement.execute("DROP TRIGGER journal_entry_no_delete");
                statement.execute("DELETE FROM journal_entry WHERE id = 2");
            }
            screen.reload();
            assertThat(screen.chainIntactProperty().get()).isFalse();
            assertThat(screen.chainStatusProperty().get()).startsWith(
                    "The journal ends at record 1, but this workstation's keychain recorded record 2 (hash ");
        }
    }

    @Test
    void theScreenShowsTheCurrentRolloutsRecordsAndNamesItAndANewRecordBelongsToIt() {
        journal.writer().append(new RollbackPerformed(NOW, JournalSamples.ANA, "production", JournalSamples.ROLLOUT,
                Instant.parse("2025-11-13T16:26:00Z"), "Success rate 91 %", "flag off", "Restored"));
        journal.writer().append(new IssueLogged(NOW, JournalSamples.ANA, "staging", "CHECKOUT_V2",
                Instant.parse("2025-11-13T16:00:00Z"), "Checkout latency up", null, null));
        viewModel.reload();
        assertThat(viewModel.subtitleProperty().get()).isEqualTo("Append-only, hash-chained record of FEATURE_ASSIGNMENT_PIPELINE_V3");
        assertThat(viewModel.rows()).extracting(JournalRow::id).containsExactly(1L);
        assertThat(viewModel.shownCountProperty().get()).isEqualTo("1 of 2 records shown");

        currentRollout.set("CHECKOUT_V2");

        assertThat(viewModel.subtitleProperty().get()).isEqualTo("Append-only, hash-chained record of CHECKOUT_V2");
        assertThat(viewModel.rows()).extracting(JournalRow::id).containsExactly(2L);
        viewModel.addRollback();
        fillRollback(viewModel.rollbackForm());
        viewModel.rollbackForm().save();
        assertThat(viewModel.rows()).extracting(JournalRow::id).containsExactly(3L, 2L);
        assertThat(viewModel.rows().get(0).stored().entry().rollout()).isEqualTo("CHECKOUT_V2");
    }

    @Test
    void withNoCurrentRolloutEveryRecordShowsAndAFormRefusesToSaveInOneSentence() {
        journal.writer().append(new IssueLogged(NOW, JournalSamples.ANA, "staging", "CHECKOUT_V2",
                Instant.parse("2025-11-13T16:00:00Z"), "Checkout latency up", null, null));
        currentRollout.set(null);
        viewModel.reload();
        assertThat(viewModel.subtitleProperty().get())
                .isEqualTo("Append-only, hash-chained record of every rollout in this data folder");
        assertThat(viewModel.rows()).extracting(JournalRow::id).containsExactly(1L);

        viewModel.addRollback();
        RollbackFormViewModel form = viewModel.rollbackForm();
        fillRollback(form);
        assertThat(form.problemProperty().get()).isEqualTo(CurrentRolloutModel.NONE_CURRENT)
                .startsWith("Create a rollout first");
        assertThat(form.validProperty().get()).isFalse();
        form.save();
        assertThat(journal.reader().count()).as("nothing recorded").isEqualTo(1);

        currentRollout.set(JournalSamples.ROLLOUT); // chosen in the header while the form is open
        assertThat(form.problemProperty().get()).isEmpty();
        assertThat(form.validProperty().get()).isTrue();
    }

    @Test
    void aCorrectionKeepsTheRolloutOfTheRecordItCorrects() {
        journal.writer().append(new IssueLogged(NOW, JournalSamples.ANA, "staging", JournalSamples.ROLLOUT,
                Instant.parse("2025-11-13T16:00:00Z"), "Manual review up", null, null));
        currentRollout.set(null); // every record shows, and none is current
        viewModel.reload();
        viewModel.selectedProperty().set(viewModel.rows().get(0));

        viewModel.correctSelected();
        IssueFormViewModel form = viewModel.issueForm();
        form.description().textProperty().set("Manual review rate 1.4 % at T+1h");
        form.correctionReason().textProperty().set("The number was missing");
        assertThat(form.validProperty().get()).as(form.problemProperty().get()).isTrue();
        form.save();

        Correction correction = (Correction) journal.reader().entry(2).orElseThrow().entry();
        assertThat(correction.rollout()).isEqualTo(JournalSamples.ROLLOUT);
    }

    private static void fillRollback(RollbackFormViewModel form) {
        form.occurredAt().textProperty().set("2025-11-13 16:26");
        form.environment().textProperty().set("production");
        form.reason().textProperty().set("Success rate 91 % at T+30m");
        form.actionsTaken().textProperty().set("vercel env add FEATURE_ASSIGNMENT_PIPELINE_V3 production # false");
        form.outcome().textProperty().set("Legacy routing restored");
    }

    private StoredEntry onlyRecord() {
        var entries = new JournalReader(journal.database()).entries(JournalQuery.all());
        assertThat(entries).hasSize(1);
        return entries.get(0);
    }
}
