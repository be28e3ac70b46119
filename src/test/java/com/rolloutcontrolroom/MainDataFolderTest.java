package com.rolloutcontrolroom;

import static org.assertj.core.api.Assertions.assertThat;

import com.rolloutcontrolroom.domain.journal.JournalSamples;
import com.rolloutcontrolroom.services.home.AppHome;
import com.rolloutcontrolroom.services.journal.JournalDatabase;
import com.rolloutcontrolroom.services.journal.JournalWriter;
import com.rolloutcontrolroom.testsupport.MainProcess;
import com.rolloutcontrolroom.testsupport.MainProcess.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jar's entry point in a child JVM, with its own logging as a user gets it: read commands create
 * no folder and no file (not even a log) in the data folder, and a folder that is missing or is a
 * file is one sentence, never a stack trace.
 */
class MainDataFolderTest {

    @TempDir
    Path dir;

    @Test
    void verifyOnAMistypedFolderSaysSoAndCreatesNothing() throws Exception {
        Path missing = dir.resolve("rollout-contol-room");
        Result result = runMain(missing, "journal", "verify");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr().lines().toList()).containsExactly("There is no data folder at " + missing
                + "; set CONTROL_ROOM_HOME to the folder that holds journal.sqlite.");
        assertThat(missing).doesNotExist();
    }

    @Test
    void aDataFolderThatIsAFileIsOneSentenceForReadAndWriteCommands() throws Exception {
        Path file = Files.writeString(dir.resolve("home.txt"), "a file");
        String sentence = "control-room: The data folder " + file
                + " is a file, not a folder; set CONTROL_ROOM_HOME to the folder that holds journal.sqlite.";
        for (String[] args : new String[][] {{"journal", "verify"}, {"env", "list"}, {"journal", "export", "--jsonl"}}) {
            Result result = runMain(file, args);
            assertThat(result.exitCode()).as(String.join(" ", args) + ": " + result.stderr()).isEqualTo(2);
            assertThat(result.stderr().lines().toList()).containsExactly(sentence);
        }
        assertThat(Files.readString(file)).isEqualTo("a file");
    }

    @Test
    void verifyExportAndEnvListLeaveEveryFileOfTheDataFolderAsItWasLogsIncluded() throws Exception {
        Path home = dir.resolve("data");
        try (JournalDatabase db = JournalDatabase.open(new AppHome(home).ensureExists())) {
            JournalWriter writer = new JournalWriter(db);
            JournalSamples.everyKind(JournalSamples.T0).forEach(writer::append);
        }
        Map<String, String> before = listing(home);
        Thread.sleep(20);

        Result verify = runMain(home, "journal", "verify");
        assertThat(verify.exitCode()).as(verify.stderr()).isZero();
        Result export = runMain(home, "journal", "export", "--jsonl", "--out", dir.resolve("e.jsonl").toString());
        assertThat(export.exitCode()).as(export.stderr()).isZero();
        Result list = runMain(home, "env", "list");
        assertThat(list.exitCode()).as(list.stderr()).isZero();
        Result help = runMain(dir.resolve("never-made"), "--help");
        assertThat(help.exitCode()).isZero();
        Result listNowhere = runMain(dir.resolve("never-made"), "env", "list");
        assertThat(listNowhere.exitCode()).as(listNowhere.stderr()).isZero();

        assertThat(listing(home)).isEqualTo(before);
        assertThat(dir.resolve("never-made")).doesNotExist();
    }

    private static Map<String, String> listing(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.toList()) {
                files.put(root.relativize(path).toString(), (Files.isDirectory(path) ? "dir" : Files.size(path))
                        + "@" + Files.getLastModifiedTime(path).toMillis());
            }
        }
        return files;
    }

    private Result runMain(Path home, String... args) throws Exception {
        Files.createDirectories(dir.resolve("tmp"));
        return MainProcess.run(home, dir.resolve("tmp"), args);
    }
}
