package com.rolloutcontrolroom.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs in a child JVM: the test JVM brings its own logging configuration, which LogSetup leaves alone. */
class LogSetupTest {

    @TempDir
    Path home;

    @Test
    void warningsGoToTheLogFileAndNeverToStderrWhereTheCliWritesItsSentences() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), LogProbe.class.getName(), home.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        String stderr = new String(child.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(child.exitValue()).isZero();
        assertThat(stderr).isEmpty();
        assertThat(Files.readString(home.resolve("logs").resolve("control-room.0.log")))
                .contains("WARNING com.rolloutcontrolroom.app.LogProbe: probe warning for the log file");
    }

    @Test
    void eachLineSaysItsTimeInUtcWhateverTheMachinesTimeZone() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        // half an hour off a whole hour too, so no zone's time can pass for UTC's by chance
        Process child = new ProcessBuilder(java, "-Duser.timezone=Asia/Kolkata", "-cp", System.getProperty("java.class.path"),
                LogProbe.class.getName(), home.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        Instant after = Instant.now();

        String line = Files.readString(home.resolve("logs").resolve("control-room.0.log")).lines()
                .filter(l -> l.contains("probe warning for the log file")).findFirst().orElseThrow();
        Instant logged = Instant.parse(line.substring(0, line.indexOf(' ')));
        assertThat(logged).isBetween(before, after);
        assertThat(line).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z WARNING com\\.rolloutcontrolroom\\.app\\.LogProbe: probe warning for the log file");
    }

    @Test
    void anExceptionNobodyCaughtIsLoggedWithItsStackTraceAndNotPrintedToStderr() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), LogProbe.class.getName(), home.toString(),
                "uncaught")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        String stderr = new String(child.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(stderr).isEmpty();
        assertThat(Files.readString(home.resolve("logs").resolve("control-room.0.log")))
                .contains("probe-thread")
                .contains("java.lang.IllegalStateException: probe failure nobody caught")
                .contains("at com.rolloutcontrolroom.app.LogProbe");
    }
}
