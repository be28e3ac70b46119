package com.rolloutcontrolroom.ui.journal;

import static org.assertj.core.api.Assertions.assertThat;

import com.rolloutcontrolroom.services.evidence.BundleVerifier;
import com.rolloutcontrolroom.services.evidence.EvidenceExport;
import com.rolloutcontrolroom.services.evidence.EvidenceExporter;
import com.rolloutcontrolroom.services.home.AppHome;
import com.rolloutcontrolroom.services.journal.JournalAccess;
import com.rolloutcontrolroom.services.journal.JournalKeys;
import com.rolloutcontrolroom.services.report.VerificationReportWriter;
import com.rolloutcontrolroom.testsupport.ScriptedDialogs;
import com.rolloutcontrolroom.testsupport.TestRollouts;
import com.rolloutcontrolroom.ui.common.CurrentThreadTaskExecutor;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import javafx.beans.property.SimpleStringProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Journal screen's Export evidence… and Verify bundle…, on a real journal, with scripted file choosers. */
class EvidenceViewModelTest {

    @TempDir Path folder;
    private JournalAccess journal;
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final SimpleStringProperty current = new SimpleStringProperty(TestRollouts.ROLLOUT);
    private EvidenceViewModel viewModel;

    @BeforeEach
    void rolloutInAJournal() {
        AppHome home = new AppHome(folder.resolve("data")).ensureExists();
        JournalKeys keys = JournalKeys.none("No keychain in this test.");
        TestRollouts.create(home, keys, TestRollouts.ROLLOUT);
        journal = new JournalAccess(home, keys);
        viewModel = new EvidenceViewModel(new EvidenceExport(journal, new EvidenceExporter(new VerificationReportWriter(), "test")),
                new BundleVerifier(new VerificationReportWriter()), new CurrentThreadTaskExecutor(), dialogs, current);
    }

    @AfterEach
    void close() {
        journal.close();
    }

    @Test
    void theExportedBundleOfTheCurrentRolloutVerifiesThroughTheSameScreen() {
        Path zip = folder.resolve("out.zip");
        dialogs.toSave.add(zip);
        viewModel.exportBundle();

        assertThat(dialogs.suggestedNames).containsExactly(TestRollouts.ROLLOUT + "-evidence.zip");
        assertThat(dialogs.errors).isEmpty();
        assertThat(dialogs.informations).singleElement().asString()
                .startsWith("Evidence bundle exported: Wrote " + zip + ": the evidence of " + TestRollouts.ROLLOUT)
                .contains("journal head " + journal.check().chain().head().id() + " " + journal.check().chain().head().hash());
        assertThat(zip).isNotEmptyFile();

        dialogs.toOpen.add(zip);
        viewModel.verifyBundle();
        assertThat(dialogs.errors).isEmpty();
        assertThat(dialogs.informations).hasSize(2).last().asString().startsWith("Bundle verified: Verified " + zip);
        assertThat(viewModel.busyProperty().get()).isFalse();
    }

    @Test
    void aBundleWithOneChangedByteFailsVerifyWithItsProblemsListed() throws Exception {
        Path zip = folder.resolve("out.zip");
        dialogs.toSave.add(zip);
        viewModel.exportBundle();
        Path forged = folder.resolve("forged.zip");
        rewriteFirstReportByte(zip, forged);

        dialogs.toOpen.add(forged);
        viewModel.verifyBundle();
        assertThat(dialogs.errors).singleElement().asString()
                .startsWith("The bundle does not verify: " + forged + " failed")
                .contains("report.md");
    }

    @Test
    void withoutACurrentRolloutNothingIsAskedAndTheSentenceSaysWhatToDo() {
        current.set(null);
        viewModel.exportBundle();
        assertThat(dialogs.suggestedNames).isEmpty();
        assertThat(dialogs.errors).containsExactly(
                "No rollout: There is no current rollout to export; create or choose one on the Rollout screen.");
    }

    @Test
    void aRolloutThisJournalDoesNotHoldIsRefusedAndNoFileAppears() {
        current.set("NOT_IN_THIS_JOURNAL");
        Path zip = folder.resolve("other.zip");
        dialogs.toSave.add(zip);
        viewModel.exportBundle();
        assertThat(dialogs.informations).isEmpty();
        assertThat(dialogs.errors).singleElement().asString().startsWith("Not exported: ").contains("NOT_IN_THIS_JOURNAL");
        assertThat(zip).doesNotExist();
    }

    @Test
    void aFileThatIsNotABundleIsRefusedInOneSentence() throws Exception {
        Path notAZip = Files.writeString(folder.resolve("notes.zip"), "not a zip at all");
        dialogs.toOpen.add(notAZip);
        viewModel.verifyBundle();
        assertThat(dialogs.informations).isEmpty();
        assertThat(dialogs.errors).singleElement().asString().doesNotContain("Exception").containsAnyOf("does not verify", "Not verified");
    }

    /** The zip again with the first byte of the report changed (a 'Y' for its first character), nothing else. */
    private static void rewriteFirstReportByte(Path from, Path to) throws Exception {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(from));
             OutputStream file = Files.newOutputStream(to); ZipOutputStream out = new ZipOutputStream(file)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                byte[] bytes = in.readAllBytes();
                if (entry.getName().endsWith("data/report/report.md")) {
                    bytes[0] = (byte) (bytes[0] == 'Y' ? 'Z' : 'Y');
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(bytes);
                out.closeEntry();
            }
        }
    }
}
