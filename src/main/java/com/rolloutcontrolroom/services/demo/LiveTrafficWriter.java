package com.rolloutcontrolroom.services.demo;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the demo alive: every few seconds it appends the story's events up to now. Runs on one daemon
 * thread so it never keeps the JVM alive; only the process that started PostgreSQL runs one, so two
 * overlapping processes do not both write.
 */
public final class LiveTrafficWriter implements AutoCloseable {

    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(2);
    private static final Logger LOG = LoggerFactory.getLogger(LiveTrafficWriter.class);

    private final DataSource dataSource;
    private final TrafficAppender appender;
    private final Clock clock;
    private final Duration interval;
    private final ScheduledExecutorService scheduler;
    private volatile boolean failing;

    LiveTrafficWriter(DataSource dataSource, TrafficAppender appender, Clock clock, Duration interval) {
        this.dataSource = dataSource;
        this.appender = appender;
        this.clock = clock;
        this.interval = interval;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "demo-live-traffic");
            thread.setDaemon(true);
            return thread;
        });
    }

    public void start() {
        scheduler.scheduleWithFixedDelay(this::writeQuietly, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One slice, up to the clock's now; returns the number of events written. */
    long writeOnce() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                long written = appender.appendUntil(connection, clock.instant());
                connection.commit();
                return written;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private void writeQuietly() {
        try {
            writeOnce();
            if (failing) {
                LOG.info("Demo live traffic is being written again");
                failing = false;
            }
        } catch (Exception e) {
            // the next tick retries the same slice; say so once, not every two seconds
            if (!failing && !scheduler.isShutdown()) {
                LOG.warn("Demo live traffic could not be written, will retry: {}", e.getMessage());
            }
            failing = true;
        }
    }

    @Override
    public void close() {
        // let a slice in flight commit rather than interrupting it mid-COPY
        scheduler.shutdown();
        try {
            if (!scheduler.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("Demo live traffic thread did not stop within 5 s");
                scheduler.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
