package com.rolloutcontrolroom.services.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds a PostgreSQL already serving a data folder, from its {@code postmaster.pid}: the pid must be alive
 * and its port must answer as a server of this very folder.
 */
final class RunningServerFinder {

    private static final Logger LOG = LoggerFactory.getLogger(RunningServerFinder.class);
    private static final Duration STARTUP_GRACE = Duration.ofSeconds(20);

    /** The port of the server running on {@code dataDir}, or empty if none runs (a stale pid file is dealt with). */
    OptionalInt find(Path dataDir) throws IOException {
        long deadline = System.nanoTime() + STARTUP_GRACE.toNanos();
        while (true) {
            var pidFile = PostmasterPidFile.read(dataDir);
            if (pidFile.isEmpty()) {
                return OptionalInt.empty();
            }
            PostmasterPidFile running = pidFile.get();
            if (!running.processAlive()) {
                // PostgreSQL itself replaces a pid file whose process is gone, after checking shared memory
                // is free; deleting it ourselves would skip that check.
                LOG.info("Found a stale {} (pid {} is gone); PostgreSQL will replace it", PostmasterPidFile.FILE_NAME, running.pid());
                return OptionalInt.empty();
            }
            if (!running.processLooksLikePostgres()) {
                // PostgreSQL would refuse to start while the recorded pid is alive, even as another program.
                LOG.warn("Removing a stale {}: pid {} now belongs to another program", PostmasterPidFile.FILE_NAME, running.pid());
                Files.deleteIfExists(dataDir.resolve(PostmasterPidFile.FILE_NAME));
                return OptionalInt.empty();
            }
            if (servesFolder(running.port(), dataDir)) {
                return OptionalInt.of(running.port());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("PostgreSQL (pid " + running.pid() + ") holds " + dataDir
                        + " but does not answer on port " + running.port() + "; stop that process and try again.");
            }
            sleep(); // it may be starting up or shutting down: look again
        }
    }

    private static boolean servesFolder(int port, Path dataDir) throws IOException {
        String url = "jdbc:postgresql://localhost:" + port + "/postgres?user=postgres&connectTimeout=2&loginTimeout=3";
        try (Connection connection = DriverManager.getConnection(url);
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT current_setting('data_directory')")) {
            row.next();
            return Path.of(row.getString(1)).toRealPath().equals(dataDir.toRealPath());
        } catch (SQLException e) {
            return false;
        }
    }

    private static void sleep() throws IOException {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while waiting for the demo database", e);
        }
    }
}
