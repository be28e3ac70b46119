package com.rolloutcontrolroom.services.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import com.rolloutcontrolroom.domain.environment.DatabaseTarget;
import com.rolloutcontrolroom.domain.schedule.CheckpointLedger;
import com.rolloutcontrolroom.domain.schedule.CheckpointState;
import com.rolloutcontrolroom.domain.schedule.LedgerEntry;
import com.rolloutcontrolroom.domain.rollout.RolloutState;
import com.rolloutcontrolroom.services.demo.DemoSchema;
import com.rolloutcontrolroom.services.home.AppHome;
import com.rolloutcontrolroom.services.journal.JournalAccess;
import com.rolloutcontrolroom.services.operator.OperatorIdentity;
import com.rolloutcontrolroom.services.rollout.Rollouts;
import com.rolloutcontrolroom.testsupport.EmbeddedPostgresExtension;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The five-day rollout of the built-in plan on a fake clock against a real PostgreSQL, both endings. */
class RolloutSimulationTest {

    private static final Logger LOG = LoggerFactory.getLogger(RolloutSimulationTest.class);

    @RegisterExtension
    static final EmbeddedPostgresExtension postgres = new EmbeddedPostgresExtension();

    private static final Instant START = Instant.parse("2026-03-02T08:00:00Z");
    private static final Duration FAST = Duration.ofSeconds(30);

    @TempDir
    Path folder;

    @BeforeEach
    void emptyEvents() throws Exception {
        try (Connection connection = postgres.dataSource().getConnection(); Statement statement = connection.createStatement()) {
            DemoSchema.ensure(connection);
            statement.execute("TRUNCATE observability_events");
        }
    }

    @Test
    void healthyRolloutReachesLegacyCleanupWithEveryCheckpointOnTime() {
        AppHome home = new AppHome(folder);
        long began = System.nanoTime();
        SimulationReport report = simulate(home, SimulationScenario.HEALTHY);
        Duration took = Duration.ofNanos(System.nanoTime() - began);

        assertThat(report.outcome()).isEqualTo(SimulationReport.Outcome.REACHED_LEGACY_CLEANUP);
        assertThat(report.rollbackAt()).isEmpty();
        RolloutState state = state(home);
        assertThat(state.currentPhaseName()).isEqualTo("Legacy cleanup");
        List<LedgerEntry> stagingFull = ledger(state).latestVisit("Staging full");
        List<LedgerEntry> productionFull = ledger(state).latestVisit("Production full");
        assertThat(stagingFull).hasSize(7).allMatch(e -> e.state() == CheckpointState.TAKEN);
        assertThat(productionFull).hasSize(9).allMatch(e -> e.state() == CheckpointState.TAKEN);
        // taken as of their own due instant: the scheduler ran each exactly when it was due on the fake clock
        assertThat(stagingFull).allMatch(e -> e.taken().entry().startedAt().equals(e.due()) && e.taken().entry().scheduled().due().equals(e.due()));
        assertThat(productionFull).allMatch(e -> e.taken().entry().startedAt().equals(e.due()));
        // the template's schedules, counted from markers the release manager set as soon as each gate allowed
        Instant stagingMarker = START.plus(Duration.ofMinutes(30));
        Instant productionMarker = stagingMarker.plus(Duration.ofHours(72));
        assertThat(stagingFull).extracting(LedgerEntry::due).containsExactlyElementsOf(
                Stream.of(0, 60, 360, 720, 1440, 2160, 2880).map(m -> stagingMarker.plus(Duration.ofMinutes(m))).toList());
        assertThat(productionFull).extracting(LedgerEntry::due).containsExactlyElementsOf(
                Stream.of(0, 30, 60, 120, 240, 360, 720, 1440, 2880).map(m -> productionMarker.plus(Duration.ofMinutes(m))).toList());
        assertThat(report.gateVerdict("Staging full")).contains("PASS");
        assertThat(report.gateVerdict("Production full")).contains("PASS");
        assertThat(state.phase("Legacy cleanup").orElseThrow().startedAt()).isEqualTo(productionMarker.plus(Duration.ofDays(7)));
        assertThat(state.acceptedWarnings()).as("the release manager accepts nothing").isEmpty();
        assertThat(state.overrides()).isEmpty();
        assertThat(ledger(state).entries()).noneMatch(e -> e.state() == CheckpointState.TAKEN_LATE
                || e.state() == CheckpointState.MISSED || e.state() == CheckpointState.ERROR);
        assertThat(report.checkpointVerdicts("Production full")).containsOnly("PASS", "NO_DATA");
        assertThat(report.checkpointVerdicts("Staging full")).containsOnly("PASS", "NO_DATA");
        assertThat(report.text()).contains("Legacy cleanup");
        LOG.info("{}\nhealthy simulation took {} ms", report.text(), took.toMillis());
        assertThat(took).isLessThan(FAST);
    }

    @Test
    void degradedProductionGoesWarnThenFailAndIsRolledBackAtTwelveHours() {
        AppHome home = new AppHome(folder);
        long began = System.nanoTime();
        SimulationReport report = simulate(home, SimulationScenario.DEGRADED);
        Duration took = Duration.ofNanos(System.nanoTime() - began);

        assertThat(report.outcome()).isEqualTo(SimulationReport.Outcome.ROLLED_BACK);
        assertThat(report.rollbackAt()).contains("T+12h");
        assertThat(report.checkpointVerdicts("Staging full")).hasSize(7).doesNotContain("WARN", "FAIL", "ERROR");
        assertThat(report.checkpointLabels("Production full")).containsExactly("T+0h", "T+30m", "T+1h", "T+2h", "T+4h", "T+6h", "T+12h");
        assertThat(report.checkpointVerdicts("Production full")).endsWith("WARN", "FAIL")
                .first().isIn("PASS", "NO_DATA");
        assertThat(report.checkpointVerdicts("Production full").subList(1, 5)).containsOnly("PASS");
        assertThat(report.timeline()).filteredOn(l -> "T+6h".equals(l.checkpoint()) && l.phase().equals("Production full"))
                .singleElement().satisfies(l -> assertThat(l.what()).contains("1 coordinator.error event"));
        assertThat(report.timeline()).filteredOn(l -> "T+12h".equals(l.checkpoint()) && l.phase().equals("Production full"))
                .singleElement().satisfies(l -> assertThat(l.what()).contains("coordinator.error sustained"));
        assertThat(report.gateVerdict("Staging full")).contains("PASS");
        RolloutState state = state(home);
        assertThat(state.currentPhaseName()).isEqualTo("Production shadow");
        assertThat(state.rollbacks()).hasSize(1);
        assertThat(state.acceptedWarnings()).isEmpty();
        assertThat(state.rollbacks().get(0).entry().occurredAt()).isEqualTo(START.plus(Duration.ofMinutes(30)).plus(Duration.ofHours(84)));
        assertThat(ledger(state).entries()).noneMatch(e -> e.state() == CheckpointState.TAKEN_LATE
                || e.state() == CheckpointState.MISSED || e.state() == CheckpointState.ERROR);
        LOG.info("{}\ndegraded simulation took {} ms", report.text(), took.toMillis());
        assertThat(took).isLessThan(FAST);
    }

    private SimulationReport simulate(AppHome home, SimulationScenario scenario) {
        try (JournalAccess journal = new JournalAccess(home)) {
            return new RolloutSimulation(postgres.dataSource(), new DatabaseTarget(RolloutSimulation.ENVIRONMENT, "localhost", postgres.port(),
                    postgres.databaseName(), "postgres"), journal,
                    OperatorIdentity.forCurrentUser(home), scenario, START).run();
        }
    }

    private static RolloutState state(AppHome home) {
        try (JournalAccess journal = new JournalAccess(home)) {
            return new Rollouts(journal, OperatorIdentity.forCurrentUser(home), java.time.Clock.systemUTC()).require(RolloutSimulation.ROLLOUT);
        }
    }

    private static CheckpointLedger ledger(RolloutState state) {
        return CheckpointLedger.of(state, Instant.parse("2030-01-01T00:00:00Z"));
    }
}
