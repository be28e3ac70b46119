package com.rolloutcontrolroom.services.demo;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure the demo database holds the asked-for story up to now: seeds it the first time (or on
 * reset, or when a scenario or volume other than the stored one is asked for), otherwise only backfills
 * the gap since the last run. The story stays in {@code demo_meta}, so options that ask for nothing in
 * particular ({@link DemoOptions#remembered()}) keep the scenario chosen last.
 * All in one transaction under an advisory lock, so overlapping starts cannot seed twice.
 */
public final class DemoSeeder {

    private static final Logger LOG = LoggerFactory.getLogger(DemoSeeder.class);
    /** Arbitrary constant naming "the demo seeding lock" for pg_advisory_xact_lock. */
    private static final long SEED_LOCK_KEY = 0x0DE0_5EEDL;

    private final DataSource dataSource;
    private final Clock clock;
    private final DemoMetaTable meta = new DemoMetaTable();

    public DemoSeeder(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    public SeedResult seed(DemoOptions options) throws SQLException {
        long started = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                lock(connection);
                DemoSchema.ensure(connection);
                Instant now = clock.instant();
                Optional<DemoMeta> existing = meta.read(connection, true);
                boolean reseed = options.reset() || existing.isEmpty() || !existing.get().matches(options);
                DemoMeta current;
                if (reseed) {
                    DemoStory story = DemoStory.anchoredAt(now);
                    meta.clear(connection);
                    current = options.choose(existing, story.seededAt(), story.historyStart());
                    meta.insert(connection, current);
                } else {
                    current = existing.get();
                }
                long written = appenderFor(current).appendUntil(connection, now);
                connection.commit();
                SeedResult result = new SeedResult(reseed ? SeedResult.Outcome.SEEDED : SeedResult.Outcome.BACKFILLED,
                        written, Duration.ofNanos(System.nanoTime() - started), current.story(), current.scenario(),
                        current.bookingsPerHour());
                LOG.info("Demo rollout {} ({}, {} bookings/h): {} events in {} ms", result.outcome(), result.scenario(),
                        result.bookingsPerHour(), written, result.took().toMillis());
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    /** The appender that continues the story recorded in the database; the live writer uses the same. */
    TrafficAppender appenderFor(DemoMeta current) {
        return new TrafficAppender(new TrafficGenerator(current.story(), current.scenario(), current.bookingsPerHour()),
                meta, new EventCopyWriter());
    }

    /** The story the database holds, if it is seeded; reads only, so a process that does not own the server may call it. */
    public Optional<DemoMeta> readMeta() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet exists = statement.executeQuery("SELECT to_regclass('demo_meta') IS NOT NULL")) {
            exists.next();
            return exists.getBoolean(1) ? meta.read(connection, false) : Optional.empty();
        }
    }

    private static void lock(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_advisory_xact_lock(" + SEED_LOCK_KEY + ")");
        }
    }
}
