package com.rolloutcontrolroom.services.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.rolloutcontrolroom.services.home.AppHome;
import com.rolloutcontrolroom.services.journal.JournalAccess;
import com.rolloutcontrolroom.services.journal.ScheduleLock;

/**
 * The schedule lock between two real JVMs: while this one keeps the schedule, another process cannot,
 * even after this one has looked up who the keeper is (a lookup opens and closes the lock file, which on
 * POSIX systems must not drop this process's lock); once released, the other can.
 */
class ScheduleLockAcrossProcessesTest {

    @TempDir
    Path dataFolder;

    @Test
    void anotherProcessCannotKeepTheScheduleWhileThisOneDoes() throws Exception {
        try (JournalAccess journal = new JournalAccess(new AppHome(dataFolder))) {
            journal.writer(); // the journal and its lock file exist, as in a data folder in use
            Optional<ScheduleLock> held = journal.tryKeepSchedule();
            assertThat(held).isPresent();
            long me = ProcessHandle.current().pid();
            try {
                assertThat(probe()).isEqualTo("kept by " + me);
                assertThat(journal.scheduleKeeper()).isEqualTo(me);
                assertThat(probe()).as("after this process read the keeper's pid").isEqualTo("kept by " + me);
            } finally {
                held.get().close();
            }
            assertThat(probe()).isEqualTo("kept");
        }
    }

    @Test
    void writingToTheJournalDoesNotLetGoOfTheSchedule() throws Exception {
        try (JournalAccess journal = new JournalAccess(new AppHome(dataFolder))) {
            com.rolloutcontrolroom.testsupport.TestRollouts.create(journal, new AppHome(dataFolder), "FIRST");
            Optional<ScheduleLock> held = journal.tryKeepSchedule();
            assertThat(held).isPresent();
            try {
                // a keeper writes snapshots while it keeps the schedule
                com.rolloutcontrolroom.testsupport.TestRollouts.create(journal, new AppHome(dataFolder), "SECOND");
                try (JournalAccess other = new JournalAccess(new AppHome(dataFolder))) {
                    assertThat(other.tryKeepSchedule()).as("another keeper in this process").isEmpty();
                }
                assertThat(probe()).isEqualTo("kept by " + ProcessHandle.current().pid());
            } finally {
                held.get().close();
            }
        }
    }

    private String probe() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"), ScheduleLockProbe.class.getName(),
                dataFolder.toString())).redirectErrorStream(true).start();
        child.getOutputStream().close();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as(output).isZero();
        return output.lines().filter(line -> line.startsWith("kept")).findFirst().orElse(output);
    }
}
