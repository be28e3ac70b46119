package com.rolloutcontrolroom.services.simulation;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

import javax.sql.DataSource;

import com.rolloutcontrolroom.domain.rollout.EnvironmentRole;
import com.rolloutcontrolroom.domain.rollout.PhaseState;
import com.rolloutcontrolroom.services.demo.DemoScenario;
import com.rolloutcontrolroom.services.demo.DemoSchema;
import com.rolloutcontrolroom.services.demo.DemoStory;
import com.rolloutcontrolroom.services.demo.EventCopyWriter;
import com.rolloutcontrolroom.services.demo.TrafficGenerator;

/**
 * The events of the simulated hours, from the demo's own generator: legacy {@code auto_assign.*} traffic
 * while no full phase runs, V3 coordinator events from a full phase's marker on. Each full phase gets a
 * demo story anchored at its marker, so the demo's hours are the gate's hours.
 */
final class SimulatedTraffic {

    /** The demo story's full phase starts this long after its seed time. */
    private static final Duration STORY_FULL_OFFSET = Duration.ofHours(-30);

    private final DataSource dataSource;
    private final SimulationScenario scenario;
    private final int bookingsPerHour;
    private final TrafficGenerator legacyOnly;
    private final EventCopyWriter writer = new EventCopyWriter();
    private final Instant start;
    private Instant writtenUntil;
    private long written;

    SimulatedTraffic(DataSource dataSource, SimulationScenario scenario, int bookingsPerHour, Instant start) {
        this.dataSource = dataSource;
        this.scenario = scenario;
        this.bookingsPerHour = bookingsPerHour;
        // a story whose full phase lies years ahead: legacy routing only
        this.legacyOnly = new TrafficGenerator(new DemoStory(start.plus(Duration.ofDays(3650))), DemoScenario.HEALTHY, bookingsPerHour);
        this.start = start;
        this.writtenUntil = start;
    }

    /** The day before the rollout, legacy routing only: what the pre-rollout baseline measures. Blocking. */
    void writeDayBefore() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            written += writer.insert(connection, legacyOnly.generate(start.minus(Duration.ofHours(24)), start));
        }
    }

    void prepare() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            DemoSchema.ensure(connection);
        }
    }

    /** Writes [last written, until) as traffic of {@code live}, the phase that ran all that time. Blocking. */
    void writeUntil(PhaseState live, Instant until) throws SQLException {
        if (!writtenUntil.isBefore(until)) {
            return;
        }
        TrafficGenerator generator = generatorFor(live);
        try (Connection connection = dataSource.getConnection()) {
            written += writer.insert(connection, generator.generate(writtenUntil, until));
        }
        writtenUntil = until;
    }

    long eventsWritten() {
        return written;
    }

    private TrafficGenerator generatorFor(PhaseState live) {
        if (live == null || live.startedAt() == null || live.plan().environment() == null || live.plan().isShadow()) {
            return legacyOnly;
        }
        boolean production = live.plan().environment() == EnvironmentRole.PRODUCTION;
        Instant storyFull = production ? live.startedAt().minus(Duration.ofHours(scenario.productionStoryLeadHours())) : live.startedAt();
        DemoScenario demo = production ? scenario.demo() : DemoScenario.HEALTHY;
        return new TrafficGenerator(new DemoStory(storyFull.minus(STORY_FULL_OFFSET)), demo, bookingsPerHour);
    }
}
