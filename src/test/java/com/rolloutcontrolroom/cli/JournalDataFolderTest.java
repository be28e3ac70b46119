package com.rolloutcontrolroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.rolloutcontrolroom.domain.journal.JournalSamples;
import com.rolloutcontrolroom.services.credentials.SessionCredentialStore;
import com.rolloutcontrolroom.services.home.AppHome;
import com.rolloutcontrolroom.services.journal.JournalDatabase;
import com.rolloutcontrolroom.services.journal.JournalReader;
import com.rolloutcontrolroom.services.journal.JournalWriter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The auditor's case and the folder problems, through the CLI's entry: a data folder copied to
 * read-only media is verified and exported without a single file in it created or touched; a
 * missing folder, a folder that is a file and a damaged journal each get one sentence and an exit code.
 */
class JournalDataFolderTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final SessionCredentialStore keychain = new SessionCredentialStore("Test keychain in memory.");
    private Path readOnlyCopy;

    @AfterEach
    void writableAgainSoTheTempFolderCanBeDeleted() throws IOException {
        if (readOnlyCopy != null) {
            chmod("u+w", readOnlyCopy);
        }
    }

    private int run(Path home, String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        CommandLine cli = ControlRoomCli.create(new AppHome(home), () -> { }, keychain, new ByteArrayInputStream(new byte[0]));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(Stream.concat(Stream.of("journal"), Stream.of(args)).toArray(String[]::new));
    }

    private Path seededHome() {
        Path home = dir.resolve("data");
        try (JournalDatabase db = JournalDatabase.open(new AppHome(home))) {
            JournalWriter writer = new JournalWriter(db);
            JournalSamples.everyKind(JournalSamples.T0).forEach(writer::append);
        }
        return home;
    }

    /** Every file and folder under {@code root} with its size and modification time. */
    private static Map<String, String> listing(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.toList()) {
                FileTime modified = Files.getLastModifiedTime(path);
                files.put(root.relativize(path).toString(), (Files.isDirectory(path) ? "dir" : Files.size(path)) + "@" + modified.toMillis());
            }
        }
        return files;
    }

    private static void chmod(String mode, Path path) throws IOException {
        try {
            Process chmod = new ProcessBuilder("chmod", "-R", mode, path.toString()).inheritIO().start();
            assertThat(chmod.waitFor()).isZero();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static void copyFolder(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
    }

    @Test
    void anAuditorsReadOnlyCopyVerifiesAndExportsWithNoFileInItCreatedOrTouched() throws Exception {
        Path home = seededHome();
        readOnlyCopy = dir.resolve("audit-copy");
        copyFolder(home, readOnlyCopy);
        chmod("a-w", readOnlyCopy);
        Map<String, String> before = listing(readOnlyCopy);
        assertThat(before).containsKey("journal.sqlite").doesNotContainKeys("journal.sqlite-wal", "journal.sqlite-shm");
        Thread.sleep(20); // so a touched file would show a later mtime

        assertThat(run(readOnlyCopy, "verify")).as(err.toString()).isZero();
        assertThat(out.toString()).startsWith("chain intact, 9 records, head ");
        Path export = dir.resolve("audit.jsonl");
        assertThat(run(readOnlyCopy, "export", "--jsonl", "--out", export.toString())).as(err.toString()).isZero();
        assertThat(Files.readAllLines(export)).hasSize(10);

        assertThat(listing(readOnlyCopy)).as("no file created, no file modified, no -wal or -shm left").isEqualTo(before);
    }

    @Test
    void aCopyTakenWhileTheAppWroteStillShowsTheRecordsInItsWalAndTouchesNothing() throws Exception {
        Path home = dir.resolve("data");
        readOnlyCopy = dir.resolve("crash-copy");
        try (JournalDatabase db = JournalDatabase.open(new AppHome(home))) {
            JournalWriter writer = new JournalWriter(db);
            JournalSamples.everyKind(JournalSamples.T0).forEach(writer::append);
            assertThat(home.resolve("journal.sqlite-wal")).exists();
            // what a copy of a live or crashed folder holds: the file and its write-ahead log, no shared memory
            Files.createDirectories(readOnlyCopy);
            Files.copy(home.resolve("journal.sqlite"), readOnlyCopy.resolve("journal.sqlite"));
            Files.copy(home.resolve("journal.sqlite-wal"), readOnlyCopy.resolve("journal.sqlite-wal"));
        }
        chmod("a-w", readOnlyCopy);
        Map<String, String> before = listing(readOnlyCopy);
        Thread.sleep(20);

        assertThat(run(readOnlyCopy, "verify")).as(err.toString()).isZero();
        assertThat(out.toString()).as("the records still in the -wal count").startsWith("chain intact, 9 records, head ");

        assertThat(listing(readOnlyCopy)).isEqualTo(before);
    }

    @Test
    void aMissingDataFolderIsOneSentenceAndIsNotCreated() {
        Path missing = dir.resolve("mistyped");
        assertThat(run(missing, "verify")).isEqualTo(1);
        assertThat(err.toString().strip()).isEqualTo("There is no data folder at " + missing
                + "; set CONTROL_ROOM_HOME to the folder that holds journal.sqlite.");
        assertThat(run(missing, "verify", "--allow-empty")).as("a mistyped folder is not an empty journal").isEqualTo(1);
        assertThat(run(missing, "export", "--jsonl", "--allow-empty")).isEqualTo(1);
        assertThat(missing).doesNotExist();
    }

    @Test
    void anEmptyDataFolderIsAnErrorUnlessExpectedAndStaysEmpty() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertThat(run(empty, "verify")).isEqualTo(1);
        assertThat(err.toString().strip()).endsWith("or pass --allow-empty if no journal was written yet.");
        assertThat(run(empty, "verify", "--allow-empty")).isZero();
        try (Stream<Path> files = Files.list(empty)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void aDataFolderThatIsAFileIsBadInputInOneSentence() throws IOException {
        Path file = Files.writeString(dir.resolve("notes.txt"), "not a folder");
        assertThat(run(file, "verify")).isEqualTo(2);
        assertThat(err.toString().strip()).isEqualTo("control-room: The data folder " + file
                + " is a file, not a folder; set CONTROL_ROOM_HOME to the folder that holds journal.sqlite.");
        assertThat(run(file, "export", "--jsonl")).isEqualTo(2);
        assertThat(err.toString().lines()).hasSize(1);
        assertThat(Files.readString(file)).isEqualTo("not a folder");
    }

    @Test
    void aJournalOfRandomBytesIsDamagedInOneSentenceWithNoSqliteCode() throws IOException {
        Path home = Files.createDirectories(dir.resolve("random"));
        byte[] noise = new byte[8192];
        new Random(9).nextBytes(noise);
        Files.write(home.resolve("journal.sqlite"), noise);
        for (String[] args : new String[][] {{"verify"}, {"export", "--jsonl"}}) {
            assertThat(run(home, args)).isEqualTo(1);
            assertThat(err.toString().strip()).isEqualTo("The journal " + home.resolve("journal.sqlite")
                    + " is not a journal database (it is damaged or another file); restore it from a backup or the last export.");
        }
    }

    @Test
    void aTruncatedJournalIsDamagedInOneSentenceWithNoSqliteCode() throws IOException {
        Path home = seededHome();
        Path journal = home.resolve("journal.sqlite");
        byte[] whole = Files.readAllBytes(journal);
        assertThat(whole.length).isGreaterThan(3 * 4096);
        Files.write(journal, java.util.Arrays.copyOf(whole, whole.length / 2 + 100));
        assertThat(run(home, "verify")).isEqualTo(1);
        String sentence = err.toString().strip();
        assertThat(sentence).doesNotContain("SQLITE", "[", "Exception")
                .startsWith("The journal " + journal + " is damaged")
                .endsWith("; restore it from a backup or the last export.");
        assertThat(sentence.lines()).hasSize(1);
    }

    @Test
    void verifyPrintsTheFullHeadThatExpectTakes() {
        Path home = seededHome();
        String head;
        try (JournalDatabase db = JournalDatabase.openReadOnly(new AppHome(home))) {
            head = new JournalReader(db).head().hash();
        }
        assertThat(run(home, "verify")).isZero();
        assertThat(out.toString()).contains("head " + head);
        assertThat(head).hasSize(64);
        assertThat(run(home, "verify", "--expect", "9:" + head)).isZero();
        assertThat(new String(new byte[0], StandardCharsets.UTF_8)).isEmpty();
    }
}
