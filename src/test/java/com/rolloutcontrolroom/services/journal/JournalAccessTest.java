package com.rolloutcontrolroom.services.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rolloutcontrolroom.domain.journal.JournalEntry;
import com.rolloutcontrolroom.domain.journal.JournalSamples;
import com.rolloutcontrolroom.services.home.AppHome;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalAccessTest {

    @TempDir
    Path dir;

    private final List<JournalEntry> samples = JournalSamples.everyKind(JournalSamples.T0);

    @Test
    void aSessionThatStartedReadOnlyBecomesTheWriterOnceTheOtherInstanceQuits() {
        AppHome home = new AppHome(dir);
        try (JournalAccess session = new JournalAccess(home)) {
            try (JournalDatabase otherInstance = JournalDatabase.open(home)) {
                new JournalWriter(otherInstance).append(samples.get(0));
                assertThat(session.database().isReadOnly()).isTrue();
                assertThatThrownBy(() -> session.writer().append(samples.get(1)))
                        .as("still held: the retry must not steal the lock nor lose the reason")
                        .isInstanceOf(JournalUnavailableException.class)
                        .hasMessageContaining("this window is read-only");
                assertThat(otherInstance.isReadOnly()).isFalse();
            }

            assertThat(session.writer().append(samples.get(1)).id()).isEqualTo(2);
            assertThat(session.database().isReadOnly()).isFalse();
            assertThat(session.reader().count()).isEqualTo(2);
            assertThat(session.verifier().verify().isIntact()).isTrue();
        }
        try (JournalDatabase next = JournalDatabase.open(home)) {
            assertThat(next.isReadOnly()).as("closing the session released the lock it took over").isFalse();
        }
    }
}
