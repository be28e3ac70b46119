package com.rolloutcontrolroom.services.journal;

import static com.rolloutcontrolroom.domain.journal.JournalSamples.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rolloutcontrolroom.services.home.AppHome;
import com.rolloutcontrolroom.domain.journal.ChainHead;
import com.rolloutcontrolroom.domain.journal.ChainReport;
import com.rolloutcontrolroom.domain.journal.EntryKind;
import com.rolloutcontrolroom.domain.journal.JournalEntry;
import com.rolloutcontrolroom.domain.journal.JournalSamples;
import com.rolloutcontrolroom.domain.journal.StoredEntry;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalStoreTest {

    @TempDir
    Path dir;

    private JournalDatabase open() {
        return JournalDatabase.open(new AppHome(dir));
    }

    @Test
    void appendedRecordsReadBackEqualAndChainFromGenesis() {
        List<JournalEntry> entries = JournalSamples.everyKind(T0);
        try (JournalDatabase db = open()) {
            JournalWriter writer = new JournalWriter(db);
            StoredEntry first = null;
            for (JournalEntry entry : entries) {
                StoredEntry stored = writer.append(entry);
                first = first == null ? stored : first;
            }
            JournalReader reader = new JournalReader(db);
            assertThat(first.previousHash()).isEqualTo("0".repeat(64));
            assertThat(reader.entries(JournalQuery.all())).extracting(StoredEntry::entry).containsExactlyElementsOf(entries);
            assertThat(reader.head().id()).isEqualTo(entries.size());
            assertThat(new ChainVerifier(db).verify()).satisfies(report -> {
                assertThat(report.isIntact()).isTrue();
                assertThat(report.describe()).startsWith("chain intact, 9 records, head " + reader.head().hash().substring(0, 8));
            });
        }
    }

    @Test
    void readsFilterByKindTimeEnvironmentAndFindCorrections() {
        try (JournalDatabase db = open()) {
            JournalWriter writer = new JournalWriter(db);
            JournalSamples.everyKind(T0).forEach(writer::append);
            JournalSamples.everyKind(T0.plusSeconds(3600)).forEach(writer::append);
            JournalReader reader = new JournalReader(db);

            assertThat(reader.entries(JournalQuery.ofKinds(EntryKind.ROLLBACK, EntryKind.ISSUE)))
                    .extracting(s -> s.entry().kind())
                    .containsExactly(EntryKind.ROLLBACK, EntryKind.ISSUE, EntryKind.ROLLBACK, EntryKind.ISSUE);
            assertThat(reader.entries(JournalQuery.all().between(T0.plusSeconds(1), T0.plusSeconds(7200)))).hasSize(9);
            assertThat(reader.entries(JournalQuery.all().inEnvironment("production"))).hasSize(2);
            assertThat(reader.entries(JournalQuery.all().limitedTo(3))).extracting(StoredEntry::id).containsExactly(1L, 2L, 3L);
            assertThat(reader.correctionsOf(6)).extracting(StoredEntry::id).containsExactly(9L, 18L);
            assertThat(reader.count()).isEqualTo(18);
        }
    }

    @Test
    void theDatabaseRefusesUpdateAndDelete() throws SQLException {
        try (JournalDatabase db = open()) {
            new JournalWriter(db).append(JournalSamples.everyKind(T0).get(0));
        }
        try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("journal.sqlite"));
             Statement statement = raw.createStatement()) {
            assertThatThrownBy(() -> statement.executeUpdate("UPDATE journal_entry SET operator = 'mallory'"))
                    .hasMessageContaining("the journal is append-only: UPDATE is refused");
            assertThatThrownBy(() -> statement.executeUpdate("DELETE FROM journal_entry"))
                    .hasMessageContaining("the journal is append-only: DELETE is refused");
            try (ResultSet rs = statement.executeQuery("SELECT count(*), min(operator) FROM journal_entry")) {
                assertThat(rs.getInt(1)).isEqualTo(1);
                assertThat(rs.getString(2)).isEqualTo("ana");
            }
        }
    }

    @Test
    void chainVerifiesAfterTenThousandAppends() {
        // synchronous=FULL, one fsync'd transaction per record: ~3 s on this machine
        try (JournalDatabase db = open()) {
            JournalWriter writer = new JournalWriter(db);
            List<JournalEntry> kinds = JournalSamples.everyKind(T0);
            for (int i = 0; i < 10_000; i++) {
                writer.append(kinds.get(i % kinds.size()));
            }
            ChainReport report = new ChainVerifier(db).verify();
            assertThat(report.isIntact()).as(report.describe()).isTrue();
            assertThat(report.verifiedCount()).isEqualTo(10_000);
            assertThat(report.head()).isEqualTo(new JournalReader(db).head());
        }
    }

    @Test
    void aSecondInstanceOnTheSameFolderAppendsBesideTheFirst() {
        try (JournalDatabase writer = open()) {
            new JournalWriter(writer).append(JournalSamples.everyKind(T0).get(0));
            try (JournalDatabase second = open()) {
                assertThat(writer.isReadOnly()).isFalse();
                assertThat(second.isReadOnly()).as("the desktop app open must not turn a CLI run away").isFalse();
                assertThat(new JournalWriter(second).append(JournalSamples.everyKind(T0).get(1)).id()).isEqualTo(2);
                assertThat(new JournalWriter(writer).append(JournalSamples.everyKind(T0).get(2)).id()).isEqualTo(3);
                assertThat(new JournalReader(second).count()).isEqualTo(3);
                assertThat(new ChainVerifier(writer).verify().isIntact()).isTrue();
            }
        }
    }

    @Test
    void anchorDetectsRecordsCutOffTheEnd() {
        try (JournalDatabase db = open()) {
            JournalWriter writer = new JournalWriter(db);
            JournalSamples.everyKind(T0).forEach(writer::append);
            ChainHead anchor = new JournalReader(db).head();
            assertThat(new ChainVerifier(db).verify(anchor).isIntact()).isTrue();
            ChainReport longer = new ChainVerifier(db).verify(new ChainHead(anchor.id() + 1, anchor.hash()));
            assertThat(longer.brokenRecord()).hasValue(anchor.id() + 1);
            assertThat(longer.describe()).contains("is missing");
        }
    }
}
