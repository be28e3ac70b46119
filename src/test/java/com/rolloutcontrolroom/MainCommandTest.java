package com.rolloutcontrolroom;

import static org.assertj.core.api.Assertions.assertThat;

import com.rolloutcontrolroom.domain.journal.JournalSamples;
import com.rolloutcontrolroom.domain.journal.StoredEntry;
import com.rolloutcontrolroom.services.home.AppHome;
import com.rolloutcontrolroom.services.journal.JournalDatabase;
import com.rolloutcontrolroom.services.journal.JournalWriter;
import com.rolloutcontrolroom.testsupport.MainProcess;
import com.rolloutcontrolroom.testsupport.MainProcess.Result;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jar's entry point in a child JVM, as a user or a script runs it: its exit code, and its stderr
 * as a script sees it (the test JVM's own logging configuration is not passed on).
 */
class MainCommandTest {

    /** A java.util.logging line starts with its level (or with a date or time, depending on the format). */
    private static final Pattern LOG_LINE = Pattern.compile("^(SEVERE|WARNING|INFO|CONFIG|FINE|\\d{4}-\\d{2}-\\d{2}|\\d{2}:\\d{2}).*");

    @TempDir
    Path home;

    @Test
    @EnabledOnOs(OS.LINUX) // elsewhere there is no DISPLAY to take away
    void withNoDisplayTheDesktopAppExitsOneSayingWhatToDoInstead() throws Exception {
        Result result = runMain();

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderrLines()).contains("control-room: No display to open the window on; set DISPLAY, or use a command"
                + " such as `run` or `journal verify` (see --help).");
        assertThat(result.stderrLines()).noneMatch(line -> LOG_LINE.matcher(line).matches());
    }

    @Test
    void journalVerifyWhileTheAppHoldsTheWriterPrintsItsResultAndNoLogLines() throws Exception {
        try (JournalDatabase app = JournalDatabase.open(new AppHome(home))) {
            StoredEntry first = new JournalWriter(app).append(JournalSamples.everyKind(JournalSamples.T0).get(0));

            Result result = runMain("journal", "verify");

            assertThat(result.exitCode()).as(result.stderr()).isZero();
            assertThat(result.stdout().lines().findFirst()).hasValue("chain intact, 1 record, head " + first.hash());
            assertThat(result.stdout()).contains("unsigned: ");
            assertThat(result.stderrLines()).noneMatch(line -> LOG_LINE.matcher(line).matches());
            assertThat(app.isReadOnly()).isFalse();
        }
    }

    private Result runMain(String... args) throws Exception {
        return MainProcess.run(home, null, args);
    }
}
