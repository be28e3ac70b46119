package com.rolloutcontrolroom.cli;

import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
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
    void theWindowOpensWithoutTheCommandTreeAsTheRootCommandWould() {
        AtomicBoolean logToFolder = new AtomicBoolean();
        Path folder = home.resolve("fresh");
        int exit = ControlRoomCli.openWindow(new AppHome(folder), () -> desktopLaunched.set(true),
                (where, readsOnly) -> logToFolder.set(!readsOnly), new PrintWriter(err, true));
        assertThat(exit).isZero();
        assertThat(desktopLaunched).isTrue();
        assertThat(logToFolder).isTrue();
        assertThat(folder).isDirectory();
        assertThat(ControlRoomCommand.opensWindowOnly(new String[] {"--demo"})).isTrue();
        assertThat(ControlRoomCommand.opensWindowOnly(new String[0])).isTrue();
        for (String[] args : new String[][] {{"--help"}, {"--version"}, {"--demo", "run"}, {"status"}, {"--dmeo"}}) {
            assertThat(ControlRoomCommand.opensWindowOnly(args)).as(String.join(" ", args)).isFalse();
        }
    }

    @Test
    void aWindowThatCannotOpenSaysWhyInOneSentenceAndAFileForADataFolderIsBadInput() throws Exception {
        int exit = ControlRoomCli.openWindow(new AppHome(home), () -> {
            throw new IllegalStateException("No display to open the window on; set DISPLAY.");
        }, DataFolderFirst.LOGGING_AS_IS, new PrintWriter(err, true));
        assertThat(exit).isEqualTo(1);
        assertThat(oneLineOfStderr()).isEqualTo("control-room: No display to open the window on; set DISPLAY.");

        Path file = Files.writeString(home.resolve("not-a-folder"), "x");
        StringWriter again = new StringWriter();
        int refused = ControlRoomCli.openWindow(new AppHome(file), () -> desktopLaunched.set(true), DataFolderFirst.LOGGING_AS_IS,
                new PrintWriter(again, true));
        assertThat(refused).isEqualTo(2);
        assertThat(again.toString()).startsWith("control-room: The data folder ").contains("is a file, not a folder");
        assertThat(desktopLaunched).isFalse();
    }

    @Test
    void unknownCommandIsBadUsageWithExitCodeTwo() {
        assertThat(run("launch-rockets")).isEqualTo(2);
        assertThat(oneLineOfStderr()).isEqualTo("control-room: Unknown command 'launch-rockets'; use one of demo-db, journal, run, env, rollout, phase,"
                + " deploy, rollback, deploy-token, checklist, status, sign-off, test-outcome, report, notify, watch, simulate, export, verify"
                + " (see control-room --help).");
        assertThat(desktopLaunched).isFalse();
    }

    @Test
    void runWithoutAnEnvironmentNamesTheMissingOptionInOneLine() {
        assertThat(run("run")).isEqualTo(2);
        assertThat(oneLineOfStderr()).startsWith("control-room: ").contains("--env").endsWith(" (see control-room run --help).");
    }

    @Test
    void aTimeoutThatIsNotANumberSaysWhatTheOptionTakes() {
        assertThat(run("env", "add", "staging", "--url", "postgresql://example@db.example.com/postgres", "--statement-timeout=abc"))
                .isEqualTo(2);
        assertThat(oneLineOfStderr()).isEqualTo("control-room: --statement-timeout takes SECONDS, not 'abc' (see control-room env add --help).");
    }

    @Test
    void aMalformedExpectedHeadIsOneLine() {
        assertThat(run("journal", "verify", "--expect", "5:abc")).isEqualTo(2);
        assertThat(oneLineOfStderr()).startsWith("control-room: --expect must be a record id and its 64-character hash")
                .endsWith(" (see control-room journal verify --help).");
    }

    @Test
    void helpStillPrintsTheWholeUsagePage() {
        assertThat(run("run", "--help")).isZero();
        assertThat(out.toString()).startsWith("Usage: control-room run").contains("--env=NAME", "--suite");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void demoIsReservedForTheEmbeddedDatabaseWhateverItsCase() {
        for (String name : new String[] {"demo", "DEMO"}) {
            assertThat(run("env", "add", name, "--url", "postgresql://example@db.example.com/postgres")).isEqualTo(2);
            assertThat(oneLineOfStderr()).isEqualTo("control-room: Environment name 'demo' is reserved for the embedded demo database;"
                    + " choose another name.");
        }
        assertThat(home.resolve("config.json")).doesNotExist();
    }

    @Test
    void aDemoProfileSavedBeforeTheNameWasReservedIsSkippedNotFatal() throws Exception {
        Files.writeString(home.resolve("config.json"), """
                {"environments": [
                  {"name": "demo", "host": "db.example.com", "port": 5432, "database": "postgres", "user": "example"},
                  {"name": "staging", "host": "db.example.com", "port": 5432, "database": "postgres", "user": "example"}
                ]}""");
        assertThat(run("env", "list")).isZero();
        assertThat(out.toString().lines()).singleElement(as(STRING)).startsWith("staging: example@db.example.com:5432/postgres");
    }

    /** A usage error is one line on stderr, never the usage page. */
    private String oneLineOfStderr() {
        String text = err.toString();
        err.getBuffer().setLength(0);
        assertThat(text.lines()).as(text).hasSize(1);
        assertThat(text).doesNotContain("Usage:");
        return text.strip();
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
