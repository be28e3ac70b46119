package com.rolloutcontrolroom.services.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.rolloutcontrolroom.domain.environment.DatabaseTarget;
import com.rolloutcontrolroom.domain.journal.SnapshotTaken;
import com.rolloutcontrolroom.domain.schedule.CheckpointState;
import com.rolloutcontrolroom.domain.schedule.LedgerEntry;
import com.rolloutcontrolroom.services.db.ConnectedDatabase;
import com.rolloutcontrolroom.services.db.Database;
import com.rolloutcontrolroom.testsupport.EmbeddedPostgresExtension;
import com.rolloutcontrolroom.testsupport.MutableClock;
import com.rolloutcontrolroom.testsupport.ObservabilityFixture;

/**
 * The laptop slept 14 hours in a full phase: the first tick after waking takes every checkpoint due
 * meanwhile, marks each late by how long it waited, and each one's numbers are those of its own
 * 6-hour window ending at its due time, as this test's own SQL counts them, although events kept coming.
 */
class CatchUpTest {

    @RegisterExtension
    static final EmbeddedPostgresExtension postgres = new EmbeddedPostgresExtension();

    private static final String[] TYPES = {"coordinator.start", "coordinator.start", "coordinator.confirmed", "coordinator.confirmed",
            "coordinator.confirmed", "coordinator.retry", "coordinator.manual_review", "coordinator.error", "coordinator.circuit_open"};

    @TempDir
    Path dataFolder;

    /** The deployment marker: 20 hours ago, whole seconds, so every due time of the first 15 hours lies in the past of the server. */
    private final Instant marker = Instant.now().minus(Duration.ofHours(20)).truncatedTo(ChronoUnit.SECONDS);
    private Database database;

    @BeforeEach
    void setUp() throws Exception {
        new ObservabilityFixture(postgres.dataSource());
        database = new ConnectedDatabase(postgres.dataSource(),
                new DatabaseTarget(SchedulePlan.ENVIRONMENT, "localhost", postgres.port(), postgres.databaseName(), "postgres"));
        insertEventsFromBeforeTheMarkerUntilNow();
    }

    @Test
    void theFirstTickAfterFourteenHoursAsleepTakesEveryMissedCheckpointLateAndAsOfItsOwnDueTime() throws Exception {
        MutableClock clock = new MutableClock(marker);
        try (ScheduleRig rig = new ScheduleRig(dataFolder, clock, () -> database)) {
            rig.startFullPhaseAt(marker);
            clock.set(marker.plusSeconds(30));
            assertThat(rig.scheduler.tick()).extracting(t -> t.entry().label()).containsExactly("T+0h");
            clock.set(marker.plus(Duration.ofHours(1)).plusSeconds(30));
            assertThat(rig.scheduler.tick()).extracting(t -> t.entry().label()).containsExactly("T+1h");

            clock.advance(Duration.ofHours(14)); // asleep: T+3h, T+6h, T+9h and T+12h fall due meanwhile
            Instant woke = clock.instant();
            List<Scheduler.Taken> caughtUp = rig.scheduler.tick();

            assertThat(caughtUp).extracting(t -> t.entry().label()).containsExactly("T+3h", "T+6h", "T+9h", "T+12h");
            assertThat(rig.scheduler.tick()).as("nothing more is due").isEmpty();
            assertThat(rig.entry("T+0h").state()).isEqualTo(CheckpointState.TAKEN);
            assertThat(rig.entry("T+1h").state()).isEqualTo(CheckpointState.TAKEN);
            assertThat(rig.entry("T+24h").state()).isEqualTo(CheckpointState.PENDING);
            for (String label : List.of("T+3h", "T+6h", "T+9h", "T+12h")) {
                LedgerEntry entry = rig.entry(label);
                Instant due = marker.plus(Duration.ofHours(Long.parseLong(label.substring(2, label.length() - 1))));
                assertThat(entry.due()).isEqualTo(due);
                assertThat(entry.state()).as(label).isEqualTo(CheckpointState.TAKEN_LATE);
                assertThat(entry.lateBy()).as(label).contains(Duration.between(due, woke));
                SnapshotTaken snapshot = entry.taken().entry();
                assertThat(snapshot.scheduled().due()).isEqualTo(due);
                assertThat(snapshot.scheduled().databaseReached()).isTrue();
                assertThat(snapshot.metrics()).as(label).containsAllEntriesOf(independentlyCounted(due.minus(Duration.ofHours(6)), due));
                assertThat(snapshot.metrics()).as("%s: measured at the real time it would differ", label)
                        .isNotEqualTo(independentlyCounted(woke.minus(Duration.ofHours(6)), woke));
            }
        }
    }

    /** The runbook's metrics for [since, until), written here rather than taken from the product's SQL. */
    private Map<String, BigDecimal> independentlyCounted(Instant since, Instant until) throws SQLException {
        String coordinator = "FROM observability_events WHERE source = 'assignment.coordinator' AND created_at >= ? AND created_at < ?";
        return Map.of(
                "success_rate.matching", count("SELECT count(*) " + coordinator + " AND NOT context ?? 'reason'", since, until),
                "success_rate.total", count("SELECT count(*) " + coordinator, since, until),
                "manual_review_rate.matching", count("SELECT count(*) " + coordinator + " AND event_type = 'coordinator.manual_review'", since, until),
                "manual_review_rate.total", count("SELECT count(*) " + coordinator + " AND event_type = 'coordinator.start'", since, until),
                "coordinator_alarms.errors", count("SELECT count(*) " + coordinator + " AND event_type = 'coordinator.error'", since, until),
                "coordinator_alarms.circuit_opens", count("SELECT count(*) " + coordinator + " AND event_type = 'coordinator.circuit_open'", since, until));
    }

    private BigDecimal count(String sql, Instant since, Instant until) throws SQLException {
        try (Connection connection = postgres.dataSource().getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, OffsetDateTime.ofInstant(since, ZoneOffset.UTC));
            statement.setObject(2, OffsetDateTime.ofInstant(until, ZoneOffset.UTC));
            try (ResultSet resultSet = statement.executeQuery()) {
                resultSet.next();
                return BigDecimal.valueOf(resultSet.getLong(1));
            }
        }
    }

    /** From 7 hours before the marker until now (20 h after it), denser in some hours than others; some exactly on due times. */
    private void insertEventsFromBeforeTheMarkerUntilNow() throws SQLException {
        Random random = new Random(14);
        try (Connection connection = postgres.dataSource().getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO observability_events (source, event_type, context, created_at)"
                     + " VALUES ('assignment.coordinator', ?, CAST(? AS jsonb), ?)")) {
            connection.setAutoCommit(false);
            for (int i = 0; i < 3000; i++) {
                long seconds = -7 * 3600L + random.nextInt(27 * 3600);
                Instant at = marker.plusSeconds(seconds);
                if (seconds % 7 == 0) {
                    at = marker.plus(Duration.ofHours(SchedulePlan.HOURS.get(random.nextInt(6)))); // on a due instant: outside its window
                }
                String type = TYPES[random.nextInt(seconds > 9 * 3600 ? TYPES.length : TYPES.length - 2)];
                boolean success = type.equals("coordinator.start") || type.equals("coordinator.confirmed");
                insert.setString(1, type);
                insert.setString(2, success ? "{}" : "{\"reason\": \"r" + random.nextInt(3) + "\"}");
                insert.setObject(3, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
                insert.addBatch();
            }
            insert.executeBatch();
            connection.commit();
        }
    }
}
