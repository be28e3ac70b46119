package com.rolloutcontrolroom.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import com.rolloutcontrolroom.domain.environment.DatabaseTarget;
import com.rolloutcontrolroom.services.home.AppHome;
import com.rolloutcontrolroom.services.journal.JournalAccess;
import com.rolloutcontrolroom.services.operator.OperatorIdentity;
import com.rolloutcontrolroom.services.simulation.RolloutSimulation;
import com.rolloutcontrolroom.services.simulation.SimulationReport;
import com.rolloutcontrolroom.services.simulation.SimulationScenario;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code control-room simulate}: the built-in plan's whole rollout in seconds, on a fake clock, against a
 * fresh embedded PostgreSQL and a journal in a temporary folder; both are deleted afterwards, so the data
 * folder's rollouts and the demo database are left as they were.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Run a whole five-day rollout of the built-in plan in seconds on a fake clock (own temporary database"
                + " and journal) and print its timeline.")
final class SimulateCommand implements Callable<Integer> {

    private final AppHome home;
    private final Clock clock;

    @Spec
    CommandSpec spec;

    @Option(names = "--scenario", paramLabel = "healthy|degraded", defaultValue = "HEALTHY",
            description = "healthy reaches Legacy cleanup; degraded goes WARN, then FAIL and is rolled back (default: healthy).")
    SimulationScenario scenario;

    SimulateCommand(AppHome home, Clock clock) {
        this.home = home;
        this.clock = clock;
    }

    @Override
    public Integer call() throws Exception {
        Path scratch = Files.createTempDirectory("control-room-simulation-");
        try {
            SimulationReport report = simulate(scratch);
            PrintWriter out = spec.commandLine().getOut();
            out.print(report.text());
            out.flush();
            return 0;
        } finally {
            deleteTree(scratch);
        }
    }

    private SimulationReport simulate(Path scratch) throws IOException {
        ProcessBuilder.Redirect log = ProcessBuilder.Redirect.appendTo(scratch.resolve("postgres.log").toFile());
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(scratch.resolve("postgres"))
                .setCleanDataDirectory(true)
                .setOutputRedirector(log)
                .setErrorRedirector(log)
                .setPGStartupWait(Duration.ofSeconds(30))
                .start();
             JournalAccess journal = new JournalAccess(new AppHome(scratch.resolve("journal")).ensureExists())) {
            DatabaseTarget target = new DatabaseTarget(RolloutSimulation.ENVIRONMENT, "localhost", postgres.getPort(), "postgres", "postgres");
            // whole hours, so the printed timeline reads T+ offsets at a glance
            Instant start = Instant.now(clock).truncatedTo(ChronoUnit.HOURS);
            return new RolloutSimulation(postgres.getPostgresDatabase(), target, journal, OperatorIdentity.forCurrentUser(home),
                    scenario, start).run();
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
