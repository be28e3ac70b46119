package com.rolloutcontrolroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import com.rolloutcontrolroom.services.home.AppHome;
import com.rolloutcontrolroom.testsupport.NoKeychain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/** {@code control-room simulate}: a whole rollout on its own embedded PostgreSQL, printed, then gone. */
class SimulateCommandTest {

    @TempDir
    Path folder;

    @Test
    void degradedSimulationPrintsTheTimelineAndLeavesNoJournalInTheDataFolder() throws IOException {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Path home = folder.resolve("home");
        CommandLine cli = ControlRoomCli.create(new AppHome(home), () -> { }, new NoKeychain(), new ByteArrayInputStream(new byte[0]));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));

        assertThat(cli.execute("simulate", "--scenario", "degraded")).as(err.toString()).isZero();

        assertThat(out.toString())
                .contains("Simulated rollout (degraded)")
                .contains("WARN     T+6h Full query suite")
                .contains("FAIL     T+12h Full query suite")
                .contains("Rolled back to Production shadow")
                .endsWith("events written.\n");
        // the simulation's journal and database were temporary: the user's data folder holds no rollout of it
        try (Stream<Path> files = Files.walk(home)) {
            assertThat(files.map(Path::getFileName).map(Path::toString)).doesNotContain("journal.sqlite");
        }
    }

    @Test
    void anUnknownScenarioIsAUsageErrorNamingTheChoices() {
        StringWriter err = new StringWriter();
        CommandLine cli = ControlRoomCli.create(new AppHome(folder.resolve("home")), () -> { }, new NoKeychain(),
                new ByteArrayInputStream(new byte[0]));
        cli.setErr(new PrintWriter(err, true));

        assertThat(cli.execute("simulate", "--scenario", "sunny")).isEqualTo(2);

        assertThat(err.toString()).containsIgnoringCase("healthy").containsIgnoringCase("degraded");
    }
}
