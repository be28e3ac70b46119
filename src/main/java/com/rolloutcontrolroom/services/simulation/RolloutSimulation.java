package com.rolloutcontrolroom.services.simulation;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import java.util.stream.Stream;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import com.rolloutcontrolroom.domain.environment.DatabaseTarget;
import com.rolloutcontrolroom.domain.journal.SnapshotTaken;
import com.rolloutcontrolroom.domain.query.QueryFileParser;
import com.rolloutcontrolroom.domain.query.QuerySet;
import com.rolloutcontrolroom.domain.rollout.GateStatus;
import com.rolloutcontrolroom.domain.rollout.PhaseGates;
import com.rolloutcontrolroom.domain.rollout.PhaseState;
import com.rolloutcontrolroom.domain.rollout.PromotionCheck;
import com.rolloutcontrolroom.domain.rollout.RolloutState;
import com.rolloutcontrolroom.domain.schedule.CheckpointLedger;
import com.rolloutcontrolroom.domain.schedule.LedgerEntry;
import com.rolloutcontrolroom.services.db.ConnectedDatabase;
import com.rolloutcontrolroom.services.db.EnvironmentDatabases;
import com.rolloutcontrolroom.services.journal.JournalAccess;
import com.rolloutcontrolroom.services.journal.ScheduleLock;
import com.rolloutcontrolroom.services.operator.OperatorIdentity;
import com.rolloutcontrolroom.services.query.PhaseWindowReader;
import com.rolloutcontrolroom.services.query.QueryRunner;
import com.rolloutcontrolroom.services.query.QuerySetLoader;
import com.rolloutcontrolroom.services.query.SnapshotJson;
import com.rolloutcontrolroom.services.query.SnapshotRecorder;
import com.rolloutcontrolroom.domain.query.QuerySuite;
import com.rolloutcontrolroom.services.query.RunCancellation;
import com.rolloutcontrolroom.services.query.SuiteRunner;
import com.rolloutcontrolroom.services.rollout.BuiltInTemplate;
import com.rolloutcontrolroom.services.rollout.Rollouts;
import com.rolloutcontrolroom.services.schedule.CheckpointTaker;
import com.rolloutcontrolroom.services.schedule.Scheduler;

/**
 * A whole rollout of the built-in plan on a fake clock against a real PostgreSQL: the clock jumps to the
 * next instant anything can happen (a checkpoint due, a phase's minimum time or window over), the traffic
 * of the time jumped over is written with its own timestamps first, then the real {@link Scheduler} takes
 * what is due and the {@link ReleaseManager} acts. Both plan roles read the one simulation database.
 */
public final class RolloutSimulation {

    public static final String ROLLOUT = "FEATURE_ASSIGNMENT_PIPELINE_V3";
    public static final String ENVIRONMENT = "simulation";
    static final int BOOKINGS_PER_HOUR = 40;
    private static final Duration STATEMENT_TIMEOUT = Duration.ofSeconds(30);
    /** Twice the plan's own length: a rollout still going by then is stuck, not slow. */
    private static final Duration GIVE_UP_AFTER = Duration.ofDays(30);
    private static final String LEGACY_CLEANUP = "Legacy cleanup";

    private final DataSource dataSource;
    private final DatabaseTarget target;
    private final JournalAccess journal;
    private final OperatorIdentity operator;
    private final SimulationScenario scenario;
    private final Instant start;

    public RolloutSimulation(DataSource dataSource, DatabaseTarget target, JournalAccess journal, OperatorIdentity operator,
                             SimulationScenario scenario, Instant start) {
        this.dataSource = dataSource;
        this.target = target;
        this.journal = journal;
        this.operator = operator;
        this.scenario = scenario;
        this.start = start.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    }

    /** Blocking: runs the whole rollout; the journal holds every record it made. */
    public SimulationReport run() {
        HikariConfig config = new HikariConfig();
        config.setDataSource(dataSource);
        config.setMaximumPoolSize(2);
        config.setPoolName("simulation");
        // a checkpoint runs a dozen queries; a fresh connection for each would make the five days take minutes
        try (HikariDataSource pooled = new HikariDataSource(config)) {
            return run(pooled);
        }
    }

    private SimulationReport run(DataSource pooled) {
        SimulatedClock clock = new SimulatedClock(start);
        Rollouts rollouts = new Rollouts(journal, operator, clock);
        SimulatedTraffic traffic = new SimulatedTraffic(pooled, scenario, BOOKINGS_PER_HOUR, start);
        QuerySet querySet = QuerySetLoader.builtIn(new QueryFileParser());
        QueryRunner queries = new QueryRunner(STATEMENT_TIMEOUT, clock);
        EnvironmentDatabases databases = EnvironmentDatabases.only(ENVIRONMENT, () -> new ConnectedDatabase(pooled, target));
        SuiteRunner suites = new SuiteRunner(queries, clock);
        SnapshotRecorder recorder = new SnapshotRecorder(journal::writer, operator, new SnapshotJson(), clock);
        Scheduler scheduler = new Scheduler(rollouts, journal, new CheckpointTaker(
                suites, new PhaseWindowReader(queries), databases, () -> querySet, recorder), clock);
        ReleaseManager manager = new ReleaseManager(rollouts);
        List<SimulationReport.Line> timeline = new ArrayList<>();
        try (ScheduleLock lock = journal.tryKeepSchedule().orElseThrow(() -> new IllegalStateException(
                "Another process keeps this journal's schedule; give the simulation a data folder of its own."))) {
            traffic.prepare();
            RolloutState state = rollouts.create(BuiltInTemplate.plan(ROLLOUT, ENVIRONMENT, ENVIRONMENT));
            timeline.add(line(clock.instant(), state, null, "Rollout created from the built-in plan; both roles read "
                    + target.describe(), null));
            // as the seed's release manager did: the full suite over the day before the first deployment, its baseline
            traffic.writeDayBefore();
            recorder.record(suites.attempt(databases, ENVIRONMENT, querySet, QuerySuite.FULL, clock.instant(), new RunCancellation(),
                    connected -> { }, outcome -> { }),
                    ROLLOUT, null);
            state = rollouts.require(ROLLOUT);
            timeline.add(line(clock.instant(), state, null, "Baseline: the full suite over the 24 h before the first deployment", null));
            Outcome outcome = loop(clock, rollouts, traffic, scheduler, manager, state, timeline);
            return new SimulationReport(scenario, start, timeline, outcome.kind(), Optional.ofNullable(outcome.rollbackAt()),
                    traffic.eventsWritten());
        } catch (SQLException e) {
            throw new IllegalStateException("The simulation could not write its traffic: " + e.getMessage(), e);
        }
    }

    private record Outcome(SimulationReport.Outcome kind, String rollbackAt) {
    }

    private Outcome loop(SimulatedClock clock, Rollouts rollouts, SimulatedTraffic traffic, Scheduler scheduler,
                         ReleaseManager manager, RolloutState initial, List<SimulationReport.Line> timeline) throws SQLException {
        RolloutState state = initial;
        Set<String> announced = new HashSet<>();
        while (clock.instant().isBefore(start.plus(GIVE_UP_AFTER))) {
            Instant now = clock.instant();
            List<String> ticked = new ArrayList<>();
            state = manager.tickChecklists(state, ticked);
            if (!ticked.isEmpty()) {
                timeline.add(line(now, state, null, "Ticked " + ticked.size() + " checklist items ("
                        + String.join(", ", ticked.stream().distinct().toList()) + ")", null));
            }
            GateStatus gate = PhaseGates.current(state, now);
            Optional<RolloutState> promoted = manager.promoteIfAllowed(state, now);
            if (promoted.isPresent()) {
                PhaseState from = state.current().orElseThrow();
                if (from.plan().environment() != null) {
                    timeline.add(line(now, state, null, SimulationReport.GATE + gate.reasons().stream().findFirst().orElse(gate.result().label()),
                            gate.result().name()));
                }
                state = promoted.get();
                timeline.add(line(now, state, null, "Promoted from " + from.name() + "; deployment marker recorded at this instant", null));
                if (state.currentPhaseName().equals(LEGACY_CLEANUP)) {
                    return new Outcome(SimulationReport.Outcome.REACHED_LEGACY_CLEANUP, null);
                }
                continue;
            }
            PromotionCheck waiting = PromotionCheck.of(state, now);
            if (gate.passes() && waiting.gate().passes() && announced.add(state.currentPhaseName())) {
                // a passed gate can still wait (Legacy cleanup waits for a stable week): say so once, not at every jump
                timeline.add(line(now, state, null, SimulationReport.GATE + gate.reasons().stream().findFirst().orElse(gate.result().label())
                        .replaceAll("\\.$", "") + "; promotion waits: " + String.join("; ", waiting.blockers()), gate.result().name()));
            }
            Instant next = nextInstant(state, now);
            traffic.writeUntil(state.current().orElse(null), next);
            clock.setTo(next);
            for (Scheduler.Taken taken : scheduler.tick(ROLLOUT)) {
                SnapshotTaken snapshot = (SnapshotTaken) taken.stored().entry();
                String verdict = snapshot.verdicts().stream().findFirst().map(v -> v.outcome()).orElse("ERROR");
                String reason = snapshot.verdicts().stream().findFirst().flatMap(v -> v.reasons().stream().findFirst()).orElse("");
                LedgerEntry entry = taken.entry();
                timeline.add(new SimulationReport.Line(clock.instant(), entry.phase(), entry.label(),
                        entry.label() + " " + entry.kind().label() + ", as of " + entry.due() + ": " + reason, verdict));
                if ("FAIL".equals(verdict)) {
                    state = rollouts.require(ROLLOUT);
                    String target = ReleaseManager.rollbackTarget(state);
                    timeline.add(line(clock.instant(), state, null, "Rollback recommended at " + entry.label() + ": " + reason, "FAIL"));
                    state = manager.rollBack(state, clock.instant(), entry.label() + " " + entry.kind().label() + " was FAIL: " + reason);
                    timeline.add(line(clock.instant(), state, null, "Rolled back to " + target, null));
                    return new Outcome(SimulationReport.Outcome.ROLLED_BACK, entry.label());
                }
            }
            state = rollouts.require(ROLLOUT);
            if (manager.gateFails(state, clock.instant())) {
                GateStatus failed = PhaseGates.current(state, clock.instant());
                timeline.add(line(clock.instant(), state, null, SimulationReport.GATE + String.join(" ", failed.reasons()), "FAIL"));
                state = manager.rollBack(state, clock.instant(), "The " + state.currentPhaseName() + " gate failed: " + failed.reasons().get(0));
                timeline.add(line(clock.instant(), state, null, "Rolled back to " + state.currentPhaseName(), null));
                return new Outcome(SimulationReport.Outcome.ROLLED_BACK, "gate");
            }
        }
        return new Outcome(SimulationReport.Outcome.STALLED, null);
    }

    /** The next instant anything can change: a checkpoint due, the phase's minimum time, its window or the next phase's stable wait. */
    private static Instant nextInstant(RolloutState state, Instant now) {
        PhaseState current = state.current().orElseThrow();
        List<Instant> candidates = new ArrayList<>();
        // a checkpoint due right now (T+0h, at the marker just recorded) is taken before the clock moves on
        CheckpointLedger.of(state, now).entries().stream()
                .filter(e -> !e.state().taken())
                .flatMap(e -> Stream.of(e.due(), e.nextAttempt()))
                .filter(t -> t != null && !t.isBefore(now))
                .forEach(candidates::add);
        if (current.startedAt() != null) {
            Stream.of(current.plan().minimumDuration(), current.plan().gate().sustained(),
                            state.next().map(n -> n.plan().previousStableFor()).orElse(null))
                    .filter(d -> d != null)
                    .map(current.startedAt()::plus)
                    .filter(t -> t.isAfter(now))
                    .forEach(candidates::add);
        }
        return candidates.stream().min(Comparator.naturalOrder()).orElse(now.plus(Duration.ofHours(1)));
    }

    private static SimulationReport.Line line(Instant at, RolloutState state, String checkpoint, String what, String verdict) {
        return new SimulationReport.Line(at, state.currentPhaseName(), checkpoint, what, verdict);
    }
}
