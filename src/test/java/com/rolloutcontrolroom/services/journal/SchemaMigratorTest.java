package com.rolloutcontrolroom.services.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rolloutcontrolroom.services.home.AppHome;
import com.rolloutcontrolroom.domain.journal.ChainHash;
import com.rolloutcontrolroom.domain.journal.EntryFields;
import com.rolloutcontrolroom.domain.journal.JournalEntry;
import com.rolloutcontrolroom.domain.journal.JournalSamples;
import com.rolloutcontrolroom.domain.journal.JournalTime;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaMigratorTest {

    @TempDir
    Path dir;

    @Test
    void thereIsMoreThanOneVersionSoTheUpgradeTestsMeanSomething() {
        assertThat(SchemaMigrator.LATEST).isGreaterThanOrEqualTo(2);
    }

    /** Builds a journal as an older app version left it, with records, then opens it with this one. */
    @ParameterizedTest(name = "from schema version {0}")
    @ValueSource(ints = {0, 1, 2})
    void upgradesFromEveryEarlierVersionKeepingRecords(int startVersion) throws SQLException {
        Path file = new AppHome(dir).journal();
        int records = 0;
        try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            assertThat(new SchemaMigrator().migrateTo(raw, startVersion)).isEqualTo(startVersion);
            if (startVersion >= 1) {
                records = insertLikeTheWriter(raw);
            }
        }
        try (JournalDatabase db = JournalDatabase.open(new AppHome(dir))) {
            assertThat(db.read(SchemaMigrator::version)).isEqualTo(SchemaMigrator.LATEST);
            assertThat(new JournalReader(db).count()).isEqualTo(records);
            new JournalWriter(db).append(JournalSamples.everyKind(JournalSamples.T0).get(4));
            assertThat(new ChainVerifier(db).verify().verifiedCount()).isEqualTo(records + 1);
        }
        try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = raw.createStatement()) {
            assertThatThrownBy(() -> statement.executeUpdate("DELETE FROM journal_entry")).hasMessageContaining("append-only");
        }
    }

    @Test
    void aLoweredUserVersionDoesNotKeepTheWriterFromOpening() throws SQLException {
        try (JournalDatabase db = JournalDatabase.open(new AppHome(dir))) {
            new JournalWriter(db).append(JournalSamples.everyKind(JournalSamples.T0).get(4));
        }
        try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + new AppHome(dir).journal());
             Statement statement = raw.createStatement()) {
            statement.execute("PRAGMA user_version = 1");
        }
        try (JournalDatabase db = JournalDatabase.open(new AppHome(dir))) {
            assertThat(db.isReadOnly()).isFalse();
            assertThat(db.read(SchemaMigrator::version)).isEqualTo(SchemaMigrator.LATEST);
            assertThat(new JournalReader(db).count()).as("the triggers were all there: nothing to repair").isEqualTo(1);
            assertThat(new ChainVerifier(db).verify().isIntact()).isTrue();
        }
    }

    @Test
    void triggersDroppedAtTheLatestVersionAreRestoredAtTheNextWritableOpenWhichJournalsIt() throws SQLException {
        try (JournalDatabase db = JournalDatabase.open(new AppHome(dir))) {
            new JournalWriter(db).append(JournalSamples.everyKind(JournalSamples.T0).get(4));
        }
        try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + new AppHome(dir).journal());
             Statement statement = raw.createStatement()) {
            statement.execute("DROP TRIGGER journal_entry_no_update");
        }
        try (JournalDatabase db = JournalDatabase.open(new AppHome(dir))) {
            assertThat(db.read(SchemaMigrator::version)).as("user_version never moved").isEqualTo(SchemaMigrator.LATEST);
            var repair = new JournalReader(db).entry(2).orElseThrow();
            assertThat(repair.entry()).isEqualTo(new com.rolloutcontrolroom.domain.journal.JournalRepaired(
                    repair.entry().recordedAt(), repair.entry().operator(), java.util.List.of("journal_entry_no_update"),
                    "At open journal_entry_no_update was missing; restored, so SQLite refuses UPDATE and DELETE again."));
            assertThat(repair.signature()).as("no keychain: unsigned, like the rest of this journal").isNull();
        }
        try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + new AppHome(dir).journal());
             Statement statement = raw.createStatement()) {
            assertThatThrownBy(() -> statement.executeUpdate("UPDATE journal_entry SET operator = 'mallory'"))
                    .hasMessageContaining("append-only");
        }
        try (JournalDatabase db = JournalDatabase.open(new AppHome(dir))) {
            assertThat(new JournalReader(db).count()).as("restored once, journaled once").isEqualTo(2);
        }
    }

    @Test
    void refusesAJournalFromANewerApp() throws SQLException {
        Path file = new AppHome(dir).journal();
        try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + file); Statement statement = raw.createStatement()) {
            statement.execute("PRAGMA user_version = " + (SchemaMigrator.LATEST + 1));
        }
        assertThatThrownBy(() -> JournalDatabase.open(new AppHome(dir)))
                .isInstanceOf(JournalUnavailableException.class)
                .hasMessageContaining("update Rollout Control Room");
    }

    private static int insertLikeTheWriter(Connection raw) throws SQLException {
        String previous = ChainHash.GENESIS;
        int id = 0;
        try (PreparedStatement insert = raw.prepareStatement("INSERT INTO journal_entry "
                + "(id, kind, recorded_at, operator, rollout, environment, body, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?)")) {
            for (JournalEntry entry : JournalSamples.everyKind(JournalSamples.T0)) {
                id++;
                byte[] body = EntryFields.canonicalBytes(id, entry);
                String hash = ChainHash.next(previous, body);
                insert.setLong(1, id);
                insert.setString(2, entry.kind().name());
                insert.setString(3, JournalTime.format(entry.recordedAt()));
                insert.setString(4, entry.operator().login());
                insert.setString(5, entry.rollout());
                insert.setString(6, entry.environment());
                insert.setString(7, new String(body, StandardCharsets.UTF_8));
                insert.setString(8, previous);
                insert.setString(9, hash);
                insert.executeUpdate();
                previous = hash;
            }
        }
        return id;
    }
}
