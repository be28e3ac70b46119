package com.rolloutcontrolroom.services.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real lifecycle on a temporary data folder: start, connect alongside, stop, start again on the same data. */
class DemoDatabaseTest {

    @TempDir
    Path home;

    @Test
    void startsConnectsStopsAndRestartsOnTheSameData() throws Exception {
        Path dataDir = home.resolve("demo-postgres");
        // an hour between live slices keeps row counts still while we compare them
        Duration quiet = Duration.ofHours(1);

        long t0 = System.nanoTime();
        DemoDatabase first = DemoDatabase.startOrConnect(dataDir, DemoOptions.defaults(), Clock.systemUTC(), quiet);
        long firstStartMs = (System.nanoTime() - t0) / 1_000_000;
        PostmasterPidFile pidFile = PostmasterPidFile.read(dataDir).orElseThrow();
        long systemId;
        long rows;
        Instant writtenUntil;
        try (first) {
            assertThat(first.ownsServer()).isTrue();
            assertThat(first.target().environment()).isEqualTo("demo");
            assertThat(first.target().port()).isEqualTo(pidFile.port());
            assertThat(first.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:" + pidFile.port() + "/postgres?user=postgres");
            systemId = systemIdentifier(first.dataSource());
            rows = count(first.dataSource());
            writtenUntil = first.seeded().generatedUntil();
            assertThat(rows).isGreaterThan(10_000);

            try (DemoDatabase second = DemoDatabase.startOrConnect(dataDir, DemoOptions.defaults())) {
                assertThat(second.ownsServer()).isFalse();
                assertThat(second.target().port()).isEqualTo(first.target().port());
                assertThat(count(second.dataSource())).isEqualTo(rows);
            }
            assertThat(count(first.dataSource())).as("the owner keeps serving after a guest leaves").isEqualTo(rows);
        }
        assertStopped(dataDir, pidFile);

        t0 = System.nanoTime();
        try (DemoDatabase again = DemoDatabase.startOrConnect(dataDir, DemoOptions.defaults(), Clock.systemUTC(), quiet)) {
            long warmStartMs = (System.nanoTime() - t0) / 1_000_000;
            System.out.printf("demo database: first start %d ms, warm start %d ms%n", firstStartMs, warmStartMs);
            assertThat(again.ownsServer()).isTrue();
            assertThat(systemIdentifier(again.dataSource())).as("same cluster: no second initdb").isEqualTo(systemId);
            assertThat(again.seeded().seededAt()).as("same story: no reseed").isEqualTo(first.seeded().seededAt());
            assertThat(countBefore(again.dataSource(), writtenUntil)).isEqualTo(rows);
            pidFile = PostmasterPidFile.read(dataDir).orElseThrow();
        }
        assertStopped(dataDir, pidFile);
    }

    @Test
    void theServerStopsOnlyWhenItsLastUserLeavesAndTheChosenScenarioStays() throws Exception {
        Path dataDir = home.resolve("demo-postgres");
        Duration quiet = Duration.ofHours(1);
        DemoDatabase starter = DemoDatabase.startOrConnect(dataDir, DemoOptions.defaults().withScenario(DemoScenario.DEGRADED),
                Clock.systemUTC(), quiet);
        PostmasterPidFile pidFile = PostmasterPidFile.read(dataDir).orElseThrow();
        Instant seededAt = starter.seeded().seededAt();
        try (DemoDatabase second = DemoDatabase.startOrConnect(dataDir, DemoOptions.remembered())) {
            assertThat(second.ownsServer()).isFalse();
            assertThat(second.seeded().scenario()).isEqualTo(DemoScenario.DEGRADED);
            starter.close(); // a CLI run that started the demo finishes while another still reads it
            assertThat(count(second.dataSource())).as("not stopped under the second user").isGreaterThan(10_000);
            assertThat(PostmasterPidFile.read(dataDir)).isPresent();
        } finally {
            starter.close();
        }
        assertStopped(dataDir, pidFile);

        // a later app start or run --env demo asks for nothing in particular: the degraded story stays
        try (DemoDatabase later = DemoDatabase.startOrConnect(dataDir, DemoOptions.remembered(), Clock.systemUTC(), quiet)) {
            assertThat(later.ownsServer()).isTrue();
            assertThat(later.seeded().scenario()).isEqualTo(DemoScenario.DEGRADED);
            assertThat(later.seeded().seededAt()).as("not reseeded").isEqualTo(seededAt);
            pidFile = PostmasterPidFile.read(dataDir).orElseThrow();
        }
        assertStopped(dataDir, pidFile);
    }

    private static void assertStopped(Path dataDir, PostmasterPidFile pidFile) throws Exception {
        assertThat(Files.exists(dataDir.resolve(PostmasterPidFile.FILE_NAME))).isFalse();
        assertThat(exitedOrGone(pidFile.pid())).as("postmaster %d still running", pidFile.pid()).isTrue();
    }

    /** Gone, or a zombie: exited and only waiting for init to reap it (slow in some containers). */
    private static boolean exitedOrGone(long pid) throws Exception {
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        if (!ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) || !Files.exists(stat)) {
            return !ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        }
        String state = Files.readString(stat);
        return state.substring(state.lastIndexOf(')') + 1).trim().startsWith("Z");
    }

    private static long systemIdentifier(DataSource dataSource) throws Exception {
        return single(dataSource, "SELECT system_identifier FROM pg_control_system()");
    }

    private static long count(DataSource dataSource) throws Exception {
        return single(dataSource, "SELECT count(*) FROM observability_events");
    }

    private static long countBefore(DataSource dataSource, Instant until) throws Exception {
        return single(dataSource, "SELECT count(*) FROM observability_events WHERE created_at < '" + until + "'");
    }

    private static long single(DataSource dataSource, String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet row = s.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }
}
