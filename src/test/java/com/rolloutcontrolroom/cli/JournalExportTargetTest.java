package com.rolloutcontrolroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.rolloutcontrolroom.domain.journal.JournalSamples;
import com.rolloutcontrolroom.services.credentials.SessionCredentialStore;
import com.rolloutcontrolroom.services.home.AppHome;
import com.rolloutcontrolroom.services.journal.JournalDatabase;
import com.rolloutcontrolroom.services.journal.JournalWriter;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Nothing overwritten: an export never lands on the data folder's files, nor on any file unless --force. */
class JournalExportTargetTest {

    @TempDir
    Path dir;

    private Path home;
    private Path journal;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void seed() {
        home = dir.resolve("data");
        journal = home.resolve("journal.sqlite");
        try (JournalDatabase db = JournalDatabase.open(new AppHome(home))) {
            JournalWriter writer = new JournalWriter(db);
            JournalSamples.everyKind(JournalSamples.T0).forEach(writer::append);
        }
    }

    private int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        CommandLine cli = ControlRoomCli.create(new AppHome(home), () -> { },
                new SessionCredentialStore("Test keychain in memory."), new ByteArrayInputStream(new byte[0]));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(Stream.concat(Stream.of("journal"), Stream.of(args)).toArray(String[]::new));
    }

    private void assertJournalIntact() {
        assertThat(run("verify")).as(err.toString()).isZero();
        assertThat(out.toString()).startsWith("chain intact, 9 records");
    }

    @Test
    void anExportOntoTheJournalIsRefusedEvenWithForceAndTheJournalKeepsItsRecords() throws Exception {
        byte[] before = Files.readAllBytes(journal);
        for (String[] args : new String[][] {
                {"export", "--jsonl", "--out", journal.toString()},
                {"export", "--jsonl", "--force", "--out", journal.toString()},
                {"export", "--jsonl", "--force", "--out", home.resolve("sub/../journal.sqlite").toString()}}) {
            assertThat(run(args)).as(String.join(" ", args)).isEqualTo(2);
            assertThat(err.toString().strip()).isEqualTo("control-room: Not exported: " + args[args.length - 1] + " is the journal or"
                    + " another file of the data folder " + home + "; choose a file outside it.");
        }
        assertThat(Files.readAllBytes(journal)).isEqualTo(before);
        assertJournalIntact();
    }

    @Test
    void anExportOntoTheDemoJournalIsRefusedBeforeTheDemoHasMadeIt() {
        for (String name : new String[] {"demo-journal.sqlite", "demo-journal.sqlite-wal", "demo-settings.json"}) {
            assertThat(run("export", "--jsonl", "--out", home.resolve(name).toString())).as(name).isEqualTo(2);
            assertThat(home.resolve(name)).doesNotExist();
        }
    }

    @Test
    void aSymlinkToTheJournalOrToTheDataFolderIsSeenThrough() throws Exception {
        Path link = Files.createSymbolicLink(dir.resolve("evidence.jsonl"), journal);
        assertThat(run("export", "--jsonl", "--force", "--out", link.toString())).isEqualTo(2);
        Path folderLink = Files.createSymbolicLink(dir.resolve("home-link"), home);
        assertThat(run("export", "--jsonl", "--force", "--out", folderLink.resolve("config.json").toString())).isEqualTo(2);
        Files.writeString(home.resolve("config.json"), "{}");
        assertThat(run("export", "--jsonl", "--force", "--out", folderLink.resolve("config.json").toString())).isEqualTo(2);
        assertThat(Files.readString(home.resolve("config.json"))).isEqualTo("{}");
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertJournalIntact();
    }

    @Test
    void anExistingFileIsKeptUnlessForceReplacesIt() throws Exception {
        Path target = Files.writeString(dir.resolve("yesterday.jsonl"), "yesterday's export\n");
        assertThat(run("export", "--jsonl", "--out", target.toString())).isEqualTo(2);
        assertThat(err.toString().strip()).isEqualTo("control-room: Not exported: " + target
                + " already exists; pass --force to replace it, or choose another file.");
        assertThat(Files.readString(target)).isEqualTo("yesterday's export\n");

        assertThat(run("export", "--jsonl", "--force", "--out", target.toString())).as(err.toString()).isZero();
        assertThat(Files.readAllLines(target)).hasSize(10);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(path -> path.getFileName().toString())).as("no temporary file left")
                    .containsExactlyInAnyOrder("data", "yesterday.jsonl");
        }
    }

    @Test
    void aNewFileInTheDataFolderIsAllowed() {
        Path target = home.resolve("export.jsonl");
        assertThat(run("export", "--jsonl", "--out", target.toString())).as(err.toString()).isZero();
        assertThat(target).exists();
    }
}
