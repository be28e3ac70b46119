package com.rolloutcontrolroom.services.demo;

import com.rolloutcontrolroom.domain.environment.EnvironmentProfile;
import com.rolloutcontrolroom.domain.environment.DatabaseTarget;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded demo rollout database: a real PostgreSQL on a data folder that survives restarts, seeded
 * with the demo story and fed live traffic.
 *
 * <p>{@link #startOrConnect} starts PostgreSQL on the folder, or connects to the one another process of
 * the app already runs there. Only the process that started the server seeds it and writes live traffic.
 * Every handle registers as a user ({@link DemoUsers}); {@link #close()} (or JVM exit, Ctrl-C included)
 * stops the server only when it was the last user, so a CLI run that started it never stops it under
 * the desktop app or a second run. Blocking: call it off the FX thread.
 *
 * <p>Zonky only runs initdb when the folder has no {@code postgresql.conf} (with clean-data-directory
 * off), so a second start reuses the data. Zonky also registers its own shutdown hook; its
 * {@code close()} is idempotent, so ours and its can both run at exit without stopping twice.
 */
public final class DemoDatabase implements AutoCloseable {

    public static final String ENVIRONMENT = EnvironmentProfile.DEMO_NAME;
    private static final String SUPERUSER = "postgres";
    private static final String DATABASE = "postgres";
    private static final int POOL_SIZE = 4;
    private static final Duration ORPHAN_STOP_WAIT = Duration.ofSeconds(15);
    private static final Logger LOG = LoggerFactory.getLogger(DemoDatabase.class);

    private final Path dataDir;
    private final int port;
    private final EmbeddedPostgres server;
    private final DemoUsers users;
    private final Path ticket;
    private final HikariDataSource pool;
    private final LiveTrafficWriter liveTraffic;
    private final DemoMeta meta;
    /**
     * Servers this JVM started, by data folder, until stopped: the starter may leave before the last user,
     * and only Zonky's own close releases the folder lock it holds for this JVM.
     */
    private static final ConcurrentMap<Path, EmbeddedPostgres> STARTED_HERE = new ConcurrentHashMap<>();

    private final Thread shutdownHook = new Thread(this::closeAtExit, "demo-db-shutdown");
    private final AtomicBoolean closed = new AtomicBoolean();

    private DemoDatabase(Path dataDir, int port, EmbeddedPostgres server, DemoUsers users, Path ticket, HikariDataSource pool,
                         LiveTrafficWriter liveTraffic, DemoMeta meta) {
        this.dataDir = dataDir;
        this.port = port;
        this.server = server;
        this.users = users;
        this.ticket = ticket;
        this.pool = pool;
        this.liveTraffic = liveTraffic;
        this.meta = meta;
    }

    public static DemoDatabase startOrConnect(Path dataDir, DemoOptions options) {
        return startOrConnect(dataDir, options, Clock.systemUTC(), LiveTrafficWriter.DEFAULT_INTERVAL);
    }

    /** With a clock and live-traffic interval chosen by the caller (tests). */
    static DemoDatabase startOrConnect(Path dataDir, DemoOptions options, Clock clock, Duration liveInterval) {
        Path folder = dataDir.toAbsolutePath().normalize();
        try (DataFolderLock ignored = DataFolderLock.acquire(folder)) {
            DemoUsers users = new DemoUsers(folder);
            OptionalInt running = new RunningServerFinder().find(folder);
            if (running.isPresent() && !users.anyoneLeft()) {
                stopOrphan(folder, running.getAsInt());
                running = new RunningServerFinder().find(folder);
            }
            DemoDatabase database = running.isPresent()
                    ? connect(folder, running.getAsInt(), options, users)
                    : start(folder, users, options, clock, liveInterval);
            Runtime.getRuntime().addShutdownHook(database.shutdownHook);
            return database;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the demo database in " + folder + ": " + e.getMessage(), e);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot seed the demo database in " + folder + ": " + e.getMessage(), e);
        }
    }

    private static DemoDatabase start(Path folder, DemoUsers users, DemoOptions options, Clock clock,
                                      Duration liveInterval) throws IOException, SQLException {
        Files.createDirectories(folder.getParent());
        // a file, not a pipe: the server outlives a killed JVM and must not lose its log with it
        ProcessBuilder.Redirect log = ProcessBuilder.Redirect.appendTo(
                folder.resolveSibling(folder.getFileName() + ".log").toFile());
        EmbeddedPostgres server = EmbeddedPostgres.builder()
                .setDataDirectory(folder)
                .setCleanDataDirectory(false)
                .setOutputRedirector(log)
                .setErrorRedirector(log)
                .setPGStartupWait(Duration.ofSeconds(30))
                // Zonky's own hook would stop the server at exit even while other processes use it
                .setRegisterShutdownHook(false)
                .start();
        HikariDataSource pool = null;
        Path ticket = null;
        try {
            STARTED_HERE.put(folder, server);
            ticket = users.join();
            pool = pool(server.getPort());
            DemoSeeder seeder = new DemoSeeder(pool, clock);
            SeedResult seeded = seeder.seed(options);
            DemoMeta meta = seeder.readMeta().orElseThrow();
            LiveTrafficWriter liveTraffic = new LiveTrafficWriter(pool, seeder.appenderFor(meta), clock, liveInterval);
            DemoDatabase database = new DemoDatabase(folder, server.getPort(), server, users, ticket, pool, liveTraffic, meta);
            liveTraffic.start();
            LOG.info("Demo database started on port {} ({}, {} events written)", server.getPort(),
                    seeded.outcome(), seeded.eventsWritten());
            return database;
        } catch (IOException | SQLException | RuntimeException e) {
            if (pool != null) {
                pool.close();
            }
            STARTED_HERE.remove(folder, server);
            server.close();
            if (ticket != null) {
                users.leave(ticket);
            }
            throw e;
        }
    }

    private static DemoDatabase connect(Path folder, int port, DemoOptions options, DemoUsers users)
            throws SQLException, IOException {
        HikariDataSource pool = pool(port);
        try {
            DemoMeta meta = new DemoSeeder(pool, Clock.systemUTC()).readMeta()
                    .orElseThrow(() -> new SQLException("the running demo database has not been seeded"));
            if (!meta.matches(options) || options.reset()) {
                LOG.warn("The demo database on port {} is run by another process with {} at {} bookings/h; "
                        + "stop that process to change scenario, volume or reset", port, meta.scenario(), meta.bookingsPerHour());
            }
            LOG.info("Connected to the demo database another process runs on port {}", port);
            return new DemoDatabase(folder, port, null, users, users.join(), pool, null, meta);
        } catch (IOException | SQLException | RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    /** A server whose starter died: stop it so this process can own a fresh one. */
    private static void stopOrphan(Path folder, int port) throws IOException {
        PostmasterPidFile pidFile = PostmasterPidFile.read(folder).orElse(null);
        if (pidFile == null) {
            return;
        }
        LOG.warn("The demo database on port {} outlived the process that started it; stopping it", port);
        ProcessHandle.of(pidFile.pid()).ifPresent(postmaster -> {
            postmaster.destroy(); // SIGTERM: PostgreSQL's smart shutdown, data stays consistent
            try {
                postmaster.onExit().get(ORPHAN_STOP_WAIT.toSeconds(), TimeUnit.SECONDS);
            } catch (Exception e) {
                LOG.warn("The orphaned demo database did not stop within {} s; connecting to it instead",
                        ORPHAN_STOP_WAIT.toSeconds());
            }
        });
    }

    private static HikariDataSource pool(int port) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("demo-db");
        config.setJdbcUrl(url(port));
        config.setMaximumPoolSize(POOL_SIZE);
        config.setMinimumIdle(0);
        config.setConnectionTimeout(10_000);
        config.setInitializationFailTimeout(-1); // no eager connection in the constructor
        return new HikariDataSource(config);
    }

    private static String url(int port) {
        return "jdbc:postgresql://localhost:" + port + "/" + DATABASE + "?user=" + SUPERUSER;
    }

    public String jdbcUrl() {
        return url(port);
    }

    /** Pooled (at most 4 connections); closed by {@link #close()}. */
    public DataSource dataSource() {
        return pool;
    }

    public DatabaseTarget target() {
        return new DatabaseTarget(ENVIRONMENT, "localhost", port, DATABASE, SUPERUSER);
    }

    /** True if this process started PostgreSQL (and so seeds, writes live traffic and stops it). */
    public boolean ownsServer() {
        return server != null;
    }

    /** The story the database holds: scenario, volume and seed time (the markers follow from it). */
    public DemoMeta seeded() {
        return meta;
    }

    public DemoStory story() {
        return meta.story();
    }

    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return;
        }
        if (liveTraffic != null) {
            liveTraffic.close();
        }
        pool.close();
        try (DataFolderLock ignored = DataFolderLock.acquire(dataDir)) {
            users.leave(ticket);
            if (users.anyoneLeft()) {
                LOG.info("Leaving the demo database on port {} running: another process still uses it", port);
            } else {
                stopServer();
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not stop the demo database cleanly: {}", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // called from the hook itself: nothing to remove
        }
    }

    /** The last user stops the server, whether this process started it or joined it. */
    private void stopServer() throws IOException, InterruptedException {
        var postmaster = PostmasterPidFile.read(dataDir);
        EmbeddedPostgres startedHere = STARTED_HERE.remove(dataDir);
        if (startedHere != null) {
            startedHere.close(); // pg_ctl stop -m fast -w: returns once postmaster.pid is gone
        } else if (postmaster.isPresent()) {
            ProcessHandle.of(postmaster.get().pid()).ifPresent(ProcessHandle::destroy); // SIGTERM: a clean shutdown
        }
        // the process exits a moment after removing its pid file; return only when it has
        if (postmaster.isPresent() && !postmaster.get().awaitExit(Duration.ofSeconds(10))) {
            LOG.warn("The demo database (pid {}) is still running 10 s after being stopped", postmaster.get().pid());
        }
    }

    private void closeAtExit() {
        close();
    }
}
