package com.rolloutcontrolroom.services.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rolloutcontrolroom.domain.journal.JournalEntry;
import com.rolloutcontrolroom.domain.journal.JournalSamples;
import com.rolloutcontrolroom.services.credentials.SessionCredentialStore;
import com.rolloutcontrolroom.services.home.AppHome;
import com.rolloutcontrolroom.services.home.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalAccessTest {

    @TempDir
    Path dir;

    private final List<JournalEntry> samples = JournalSamples.everyKind(JournalSamples.T0);

    @Test
    void twoSessionsOnOneFolderBothAppend() {
        AppHome home = new AppHome(dir);
        try (JournalAccess app = new JournalAccess(home); JournalAccess cli = new JournalAccess(home)) {
            assertThat(app.writer().append(samples.get(0)).id()).isEqualTo(1);
            assertThat(cli.writer().append(samples.get(1)).id()).isEqualTo(2);
            assertThat(app.writer().append(samples.get(2)).id()).isEqualTo(3);
            assertThat(app.database().isReadOnly()).isFalse();
            assertThat(cli.database().isReadOnly()).isFalse();
            assertThat(cli.reader().count()).isEqualTo(3);
            assertThat(app.verifier().verify().isIntact()).isTrue();
        }
    }

    @Test
    void aSessionLeftReadOnlyTriesAgainAtTheNextAppend() {
        AppHome home = new AppHome(dir);
        SessionCredentialStore keychain = new SessionCredentialStore("Test keychain.");
        try (JournalAccess signed = new JournalAccess(home, new KeychainJournalKeys(keychain))) {
            signed.writer().append(samples.get(0)); // enrolls the key, then record 2
        }
        try (JournalAccess session = new JournalAccess(home)) {
            assertThat(session.database().isReadOnly()).as("signed, and this session has no keychain").isTrue();
            assertThatThrownBy(() -> session.writer().append(samples.get(1)))
                    .isInstanceOf(JournalUnavailableException.class)
                    .hasMessageContaining("The journal is signed, but its key cannot be read from the OS keychain");
        }
    }

    @Test
    void theDemoJournalAndTheRealOneNeverSeeEachOthersRecords() {
        AppHome home = new AppHome(dir);
        try (JournalAccess demo = new JournalAccess(home, Workspace.DEMO, JournalKeys.none("Test."))) {
            demo.writer().append(samples.get(0));
            demo.writer().append(samples.get(1));
        }
        assertThat(home.journal()).as("the demo writes nothing to the real journal").doesNotExist();
        try (JournalAccess real = new JournalAccess(home)) {
            real.writer().append(samples.get(2));
            assertThat(real.reader().count()).isEqualTo(1);
        }
        try (JournalAccess demo = new JournalAccess(home, Workspace.DEMO, JournalKeys.none("Test."))) {
            assertThat(demo.reader().count()).as("the real record is not in the demo journal").isEqualTo(2);
        }
        assertThat(Files.exists(Workspace.DEMO.journal(home))).isTrue();
    }
}
