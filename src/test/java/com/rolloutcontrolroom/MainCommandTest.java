package com.rolloutcontrolroom;

import static org.assertj.core.api.Assertions.assertThat;

import com.rolloutcontrolroom.domain.journal.JournalSamples;
import com.rolloutcontrolroom.domain.journal.StoredEntry;
import com.rolloutcontrolroom.services.home.AppHome;
import com.rolloutcontrolroom.services.journal.JournalDatabase;
import com.rolloutcontrolroom.services.journal.JournalWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
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
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        // no display whatever the machine has: on Linux JavaFX then cannot open a window
        builder.environment().remove("DISPLAY");
        builder.environment().remove("WAYLAND_DISPLAY");
        builder.environment().put(AppHome.HOME_VARIABLE, home.toString());
        Process child = builder.start();
        child.getOutputStream().close();
        CompletableFuture<String> stdout = CompletableFuture.supplyAsync(() -> readAll(child, false));
        CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> readAll(child, true));
        if (!child.waitFor(60, TimeUnit.SECONDS)) {
            child.destroyForcibly();
            throw new AssertionError("control-room " + String.join(" ", args) + " did not exit within 60 s");
        }
        return new Result(child.exitValue(), stdout.get(10, TimeUnit.SECONDS), stderr.get(10, TimeUnit.SECONDS));
    }

    private static String readAll(Process child, boolean errorStream) {
        try {
            return new String((errorStream ? child.getErrorStream() : child.getInputStream()).readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Result(int exitCode, String stdout, String stderr) {
        List<String> stderrLines() {
            return stderr.lines().toList();
        }
    }
}
