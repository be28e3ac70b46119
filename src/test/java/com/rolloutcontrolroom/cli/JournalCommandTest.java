package com.rolloutcontrolroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rolloutcontrolroom.services.home.AppHome;
import com.rolloutcontrolroom.domain.journal.ChainHash;
import com.rolloutcontrolroom.domain.journal.JournalSamples;
import com.rolloutcontrolroom.domain.journal.StoredEntry;
import com.rolloutcontrolroom.services.journal.JournalDatabase;
import com.rolloutcontrolroom.services.journal.JournalReader;
import com.rolloutcontrolroom.services.journal.JournalWriter;
import com.rolloutcontrolroom.services.credentials.SessionCredentialStore;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class JournalCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    /** The keychain the CLI sees: memory, empty, so these tests do not depend on the machine's keyring. */
    private final SessionCredentialStore keychain = new SessionCredentialStore("Test keychain in memory.");

    /** {@code control-room journal ARGS}, through the same entry as the jar. */
    private int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        String[] journalArgs = new String[args.length + 1];
        journalArgs[0] = "journal";
        System.arraycopy(args, 0, journalArgs, 1, args.length);
        CommandLine cli = ControlRoomCli.create(new AppHome(dir), () -> { }, keychain, new ByteArrayInputStream(new byte[0]));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(journalArgs);
    }

    /** Nine records written where no keychain worked: an unsigned journal. */
    private String seedJournal() {
        try (JournalDatabase db = JournalDatabase.open(new AppHome(dir))) {
            JournalWriter writer = new JournalWriter(db);
            JournalSamples.everyKind(JournalSamples.T0).forEach(writer::append);
            return new JournalReader(db).head().hash();
        }
    }

    @Test
    void verifyReportsAnIntactChainWithItsFullHeadAndWhatAnUnsignedJournalProves() {
        String head = seedJournal();
        assertThat(run("verify")).isZero();
        assertThat(out.toString().lines()).startsWith("chain intact, 9 records, head " + head,
                "unsigned: no signing key was ever enrolled (no OS keychain worked where it was written), so this proves"
                        + " that the records are consistent with each other, not that nobody rewrote them");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void verifyWithAnExpectedHeadCatchesRecordsCutOffTheEnd() throws Exception {
        String head = seedJournal();
        assertThat(run("verify", "--expect", "9:" + head)).isZero();
        try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + new AppHome(dir).journal());
             Statement statement = raw.createStatement()) {
            statement.execute("DROP TRIGGER journal_entry_no_delete");
            statement.execute("DELETE FROM journal_entry WHERE id >= 8");
        }
        assertThat(run("verify")).as("the chain is valid, but its delete trigger is gone").isEqualTo(1);
        assertThat(err.toString()).contains("journal_entry_no_delete is missing");
        assertThat(run("verify", "--expect", "9:" + head)).isEqualTo(1);
        assertThat(err.toString().strip()).isEqualTo("The journal ends at record 7, but --expect names record 9: records were"
                + " cut off the end.");
        assertThat(run("verify", "--expect", "nine")).isEqualTo(2);
        assertThat(run("verify", "--expect", "5:abc")).isEqualTo(2);
        assertThat(err.toString()).as("one line naming the fix, no usage page")
                .isEqualTo("control-room: --expect must be a record id and its 64-character hash, like 12:3f9a…; got '5:abc'"
                        + " (see control-room journal verify --help)." + System.lineSeparator());
    }

    @Test
    void verifyNamesTheBrokenRecordAndExitsOne() throws Exception {
        seedJournal();
        try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + new AppHome(dir).journal());
             Statement statement = raw.createStatement()) {
            statement.execute("DROP TRIGGER journal_entry_no_update");
            statement.execute("UPDATE journal_entry SET body = replace(body, 'Success rate 91', 'Success rate 99') WHERE id = 5");
        }
        assertThat(run("verify")).isEqualTo(1);
        assertThat(err.toString()).contains("chain broken at record 5: its hash does not match its content");
    }

    @Test
    void exportWritesOneLinePerRecordThatAnAuditorCanRechain() throws Exception {
        String head = seedJournal();
        Path file = dir.resolve("journal.jsonl");
        assertThat(run("export", "--jsonl", "--out", file.toString())).isZero();

        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(1 + 9);
        ObjectMapper mapper = new ObjectMapper();
        JsonNode header = mapper.readTree(lines.get(0)).get("journal");
        assertThat(header.get("records").asLong()).isEqualTo(9);
        assertThat(header.at("/head/id").asLong()).isEqualTo(9);
        assertThat(header.at("/head/hash").asText()).isEqualTo(head);
        assertThat(header.get("signing").isNull()).as("an unsigned journal says so").isTrue();
        assertThat(header.get("verified").asBoolean()).isTrue();
        String previous = "0".repeat(64);
        for (String line : lines.subList(1, lines.size())) {
            JsonNode record = mapper.readTree(line);
            assertThat(record.get("prevHash").asText()).isEqualTo(previous);
            String recomputed = ChainHash.next(previous, record.get("canonical").asText().getBytes(StandardCharsets.UTF_8));
            assertThat(record.get("hash").asText()).isEqualTo(recomputed);
            assertThat(record.get("entry").get("kind").asText()).isEqualTo(record.get("kind").asText());
            assertThat(record.get("signature").isNull()).isTrue();
            previous = recomputed;
        }
        assertThat(previous).isEqualTo(head);
    }

    @Test
    void exportToStdoutAndUsageErrors() {
        seedJournal();
        assertThat(run("export", "--jsonl")).isZero();
        assertThat(out.toString().lines()).hasSize(1 + 9);
        assertThat(run("export")).isEqualTo(2);
        assertThat(err.toString()).contains("add --jsonl");
    }

    @Test
    void eachSubcommandHasTheHelpItsUsageErrorsPointTo() {
        assertThat(run("verify", "--help")).isZero();
        assertThat(out.toString()).contains("--public-key=KEY|FINGERPRINT|FILE", "--allow-empty", "--expect=ID:HASH");
        assertThat(run("export", "--help")).isZero();
        assertThat(out.toString()).contains("--force", "--jsonl");
    }

    @Test
    void exportIntoAFolderThatDoesNotExistIsBadInputNamingTheFolder() {
        seedJournal();
        Path missingFolder = dir.resolve("no-such-folder");
        Path file = missingFolder.resolve("x.jsonl");
        assertThat(run("export", "--jsonl", "--out", file.toString())).isEqualTo(2);
        assertThat(err.toString().strip()).isEqualTo("control-room: Cannot write " + file + ": the folder " + missingFolder
                + " does not exist; choose an existing folder.");
        assertThat(missingFolder).doesNotExist();
    }

    @Test
    void verifyAndExportWorkWhileTheAppIsWritingAndLeaveItTheWriter() {
        seedJournal();
        try (JournalDatabase app = JournalDatabase.open(new AppHome(dir))) {
            StoredEntry tenth = new JournalWriter(app).append(JournalSamples.everyKind(JournalSamples.T0).get(0));

            assertThat(run("verify")).isZero();
            assertThat(out.toString().lines().findFirst()).hasValue("chain intact, 10 records, head " + tenth.hash());
            assertThat(err.toString()).isEmpty();
            assertThat(run("export", "--jsonl")).isZero();
            assertThat(out.toString().lines()).hasSize(1 + 10);
            assertThat(err.toString()).isEmpty();

            assertThat(app.isReadOnly()).isFalse();
            assertThat(new JournalWriter(app).append(JournalSamples.everyKind(JournalSamples.T0).get(1)).id()).isEqualTo(11);
        }
    }

    @Test
    void aMissingJournalFailsUnlessAnEmptyOneIsExpectedAndNeitherCommandCreatesOneNorTakesTheLock() {
        AppHome home = new AppHome(dir);
        assertThat(run("verify")).isEqualTo(1);
        assertThat(err.toString().strip()).isEqualTo("The journal file " + home.journal() + " does not exist; restore it from"
                + " a backup, or pass --allow-empty if no journal was written yet.");
        assertThat(run("verify", "--allow-empty")).isZero();
        assertThat(out.toString()).startsWith("chain intact, 0 records, head " + "0".repeat(64));
        assertThat(run("export", "--jsonl")).isEqualTo(1);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).startsWith("Not exported, because the journal does not verify (The journal file");
        assertThat(run("export", "--jsonl", "--allow-empty")).isZero();
        assertThat(out.toString().lines()).as("the header line only").hasSize(1);
        assertThat(home.journal()).as("only the writer creates the journal").doesNotExist();
        assertThat(home.root().resolve("journal.lock")).as("a reader never competes for the writer lock").doesNotExist();
    }

    @Test
    void verifyLeavesAnOlderSchemaForTheWriterToMigrate() throws Exception {
        String head = seedJournal();
        try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + new AppHome(dir).journal());
             Statement statement = raw.createStatement()) {
            // as schema version 1 left it: no append-only triggers, no index
            statement.execute("DROP TRIGGER journal_entry_no_update");
            statement.execute("DROP TRIGGER journal_entry_no_delete");
            statement.execute("DROP INDEX journal_entry_kind_time");
            statement.execute("PRAGMA user_version = 1");
        }
        assertThat(run("verify", "--expect", "9:" + head)).isZero();
        try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + new AppHome(dir).journal());
             Statement statement = raw.createStatement();
             ResultSet version = statement.executeQuery("PRAGMA user_version")) {
            assertThat(version.getInt(1)).as("a reader runs no migration").isEqualTo(1);
        }
    }
}
