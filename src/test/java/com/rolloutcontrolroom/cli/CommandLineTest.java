package com.rolloutcontrolroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.rolloutcontrolroom.services.home.AppHome;
import com.rolloutcontrolroom.app.AppVersion;

import picocli.CommandLine;

class CommandLineTest {

    @TempDir
    Path home;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final AtomicBoolean desktopLaunched = new AtomicBoolean();

    private int run(String... args) {
        CommandLine cli = ControlRoomCli.create(new AppHome(home), () -> desktopLaunched.set(true));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void versionNamesTheProductAndTheBuildVersion() {
        assertThat(run("--version")).isZero();
        assertThat(out.toString()).startsWith("Rollout Control Room " + AppVersion.current());
        assertThat(AppVersion.current()).matches("\\d+\\.\\d+\\.\\d+.*");
        assertThat(desktopLaunched).isFalse();
    }

    @Test
    void helpListsTheDemoDatabaseCommandAndTheDataFolderVariable() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("demo-db", "--demo", "CONTROL_ROOM_HOME");
    }

    @Test
    void noCommandOpensTheDesktopApp() {
        assertThat(run("--demo")).isZero();
        assertThat(desktopLaunched).isTrue();
    }

    @Test
    void unknownCommandIsBadUsageWithExitCodeTwo() {
        assertThat(run("launch-rockets")).isEqualTo(2);
        assertThat(err.toString()).contains("launch-rockets");
        assertThat(desktopLaunched).isFalse();
    }

    @Test
    void demoDbRejectsANonsenseRateInOneSentence() {
        assertThat(run("demo-db", "--rate", "0")).isEqualTo(2);
        assertThat(err.toString().strip()).isEqualTo("control-room: --rate must be between 1 and 100000 bookings per hour.");
    }

    @Test
    void demoDbRejectsAnUnknownScenario() {
        assertThat(run("demo-db", "--scenario", "chaotic")).isEqualTo(2);
        assertThat(err.toString()).contains("healthy", "degraded");
    }
}
