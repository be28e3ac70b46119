package com.rolloutcontrolroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rolloutcontrolroom.services.credentials.SessionCredentialStore;
import com.rolloutcontrolroom.services.home.AppHome;
import com.rolloutcontrolroom.testsupport.ObservabilityFixture;
import com.rolloutcontrolroom.testsupport.TestRollouts;
import com.rolloutcontrolroom.testsupport.StallingProxy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import picocli.CommandLine;

/**
 * {@code run} when the database goes away: stopped mid-suite, down from the start, or behind a
 * network that stops forwarding mid-query. Each ends quickly, says why in one sentence on stderr,
 * exits 1 and leaves an ERROR snapshot in the journal. Each test has its own PostgreSQL, since it
 * stops it or cuts it off.
 */
class LostConnectionRunTest {

    /** A query that is still running when the test pulls the plug; it sorts after the built-in suite. */
    private static final String SLOW_QUERY = """
            -- name: slow_scan
            -- suite: full
            -- description: A scan slow enough to be cut off halfway.
            SELECT pg_sleep(%s) AS slept
            """;

    @TempDir
    Path folder;

    private EmbeddedPostgres postgres;
    private AppHome home;
    private final SessionCredentialStore credentials = new SessionCredentialStore("Test.");
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void startADatabaseOfItsOwn() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        home = new AppHome(folder.resolve("home")).ensureExists();
        TestRollouts.create(home, credentials, TestRollouts.ROLLOUT);
        ObservabilityFixture fixture = new ObservabilityFixture(postgres.getPostgresDatabase());
        for (int i = 0; i < 30; i++) {
            fixture.coordinator("coordinator.start", null, 5 + i).coordinator("coordinator.confirmed", null, 5 + i);
        }
    }

    @AfterEach
    void stopIt() throws Exception {
        postgres.close(); // idempotent: a stopped server stays stopped
    }

    @Test
    void aDatabaseStoppedMidSuiteAbortsTheRestAtOnceNamesTheShutdownAndJournalsAnErrorSnapshot() throws Exception {
        slowQuery("5");
        addEnvironment(postgres.getPort(), 30);
        CompletableFuture<Long> stoppedAt = CompletableFuture.supplyAsync(() -> {
            awaitRunning("pg_sleep");
            long at = System.nanoTime();
            closeQuietly(postgres);
            return at;
        });

        long[] endedAt = new long[1];
        int exit = timed(() -> cli().execute("run", "--env", "staging"), endedAt);

        double afterStop = (endedAt[0] - stoppedAt.get(30, TimeUnit.SECONDS)) / 1e9;
        System.out.printf("stopped mid-suite: run ended %.2f s after the shutdown%n", afterStop);
        assertThat(exit).isEqualTo(1);
        assertThat(afterStop).as("seconds from the shutdown to the end of run (the pool used to wait 15 s)").isLessThan(5);
        assertThat(out.toString()).contains("slow_scan  [ERROR").contains("metric_success_rate, metric_manual_review_rate, metric_coordinator_alarms, metric_legacy_activity  [ERROR, not run]");
        assertThat(err.toString()).contains("shut down").doesNotContain("Connection is closed");
        // the superuser warning of the role check is a warning line of its own, not part of the failure
        assertThat(err.toString().lines().filter(line -> line.startsWith("control-room: ") && !line.startsWith("control-room: warning: ")).count())
                .as("one sentence on stderr: " + err).isEqualTo(1);
        assertThat(err.toString()).doesNotContainPattern("\\b[a-z]+\\.[a-z]+\\.[a-zA-Z.]*[A-Z]\\w+").doesNotContain("Hikari", "active=");
        JsonNode snapshot = lastSnapshot();
        assertThat(verdict(snapshot, "query set")).contains("shut down");
    }

    @Test
    void aDatabaseThatIsDownAtTheStartIsAnErrorSnapshotWithTheReason() throws Exception {
        addEnvironment(postgres.getPort(), 30);
        postgres.close();

        long[] endedAt = new long[1];
        long started = System.nanoTime();
        int exit = timed(() -> cli().execute("run", "--env", "staging", "--json"), endedAt);

        assertThat(exit).isEqualTo(1);
        double tookSeconds = (endedAt[0] - started) / 1e9;
        System.out.printf("down at the start: run gave up after %.2f s%n", tookSeconds);
        assertThat(tookSeconds).as("seconds to give up").isLessThan(5);
        assertThat(err.toString()).startsWith("control-room: ").contains("refused").contains("127.0.0.1:" + postgres.getPort());
        JsonNode snapshot = lastSnapshot();
        assertThat(snapshot.path("environment").asText()).isEqualTo("staging");
        assertThat(snapshot.path("queries").size()).as("the queries that should have run are on record").isGreaterThan(10);
        assertThat(verdict(snapshot, "query set")).contains("refused");
        JsonNode printed = new ObjectMapper().readTree(out.toString());
        assertThat(printed.at("/snapshot/journalId").asLong()).as("--json still prints the run").isPositive();
    }

    @Test
    void aNetworkThatStallsMidQueryGivesUpWithinTheStatementTimeoutAndNamesTheNetwork() throws Exception {
        int timeoutSeconds = 2;
        slowQuery("1");
        try (StallingProxy proxy = StallingProxy.start("127.0.0.1", postgres.getPort())) {
            addEnvironment(proxy.port(), timeoutSeconds);
            CompletableFuture<Long> stalledAt = CompletableFuture.supplyAsync(() -> {
                awaitRunning("pg_sleep");
                proxy.stall();
                return System.nanoTime();
            });

            long[] endedAt = new long[1];
            int exit = timed(() -> cli().execute("run", "--env", "staging"), endedAt);

            double afterStall = (endedAt[0] - stalledAt.get(60, TimeUnit.SECONDS)) / 1e9;
            System.out.printf("stalled network: run ended %.2f s after the stall (statement timeout %d s)%n", afterStall, timeoutSeconds);
            assertThat(exit).isEqualTo(1);
            assertThat(afterStall).as("seconds from the stall to the end of run (statement timeout " + timeoutSeconds + " s)")
                    .isLessThan(timeoutSeconds + 10);
            assertThat(err.toString()).contains("network").contains("127.0.0.1:" + proxy.port());
            assertThat(verdict(lastSnapshot(), "query set")).contains("network");
        }
    }

    @Test
    void aConnectionResetMidQueryIsNamedAndTheRestIsNotRun() throws Exception {
        slowQuery("5");
        try (StallingProxy proxy = StallingProxy.start("127.0.0.1", postgres.getPort())) {
            addEnvironment(proxy.port(), 30);
            CompletableFuture<Long> resetAt = CompletableFuture.supplyAsync(() -> {
                awaitRunning("pg_sleep");
                try {
                    proxy.reset();
                } catch (java.io.IOException e) {
                    throw new IllegalStateException(e);
                }
                return System.nanoTime();
            });

            long[] endedAt = new long[1];
            int exit = timed(() -> cli().execute("run", "--env", "staging"), endedAt);

            assertThat(exit).isEqualTo(1);
            double afterReset = (endedAt[0] - resetAt.get(30, TimeUnit.SECONDS)) / 1e9;
            System.out.printf("connection reset: run ended %.2f s after the reset%n", afterReset);
            assertThat(afterReset).as("seconds from the reset to the end of run").isLessThan(5);
            assertThat(err.toString()).contains("was reset").contains("127.0.0.1:" + proxy.port()).doesNotContain("Connection is closed");
            assertThat(verdict(lastSnapshot(), "query set")).contains("was reset");
        }
    }

    private void slowQuery(String seconds) throws Exception {
        Files.createDirectories(home.userQueries());
        Files.writeString(home.userQueries().resolve("slow.sql"), SLOW_QUERY.formatted(seconds));
    }

    private void addEnvironment(int port, int timeoutSeconds) {
        assertThat(cli().execute("env", "add", "staging", "--url", "postgresql://postgres@127.0.0.1:" + port + "/postgres",
                "--statement-timeout", String.valueOf(timeoutSeconds))).as(err.toString()).isZero();
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
    }

    /** Waits, from another connection, until a query calling {@code function} is running. */
    private void awaitRunning(String function) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            try (Connection connection = postgres.getPostgresDatabase().getConnection();
                 Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE state = 'active' AND query LIKE '%"
                         + function + "(%' AND pid <> pg_backend_pid()")) {
                rows.next();
                if (rows.getLong(1) > 0) {
                    return;
                }
                Thread.sleep(20);
            } catch (SQLException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("no query calling " + function + " started within 30 s");
    }

    private static int timed(IntSupplier command, long[] endedAt) {
        int exit = command.getAsInt();
        endedAt[0] = System.nanoTime();
        return exit;
    }

    private static void closeQuietly(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode lastSnapshot() throws Exception {
        StringWriter exported = new StringWriter();
        CommandLine cli = ControlRoomCli.create(home, () -> { }, credentials, new ByteArrayInputStream(new byte[0]));
        cli.setOut(new PrintWriter(exported, true));
        assertThat(cli.execute("journal", "export", "--jsonl")).isZero();
        ObjectMapper mapper = new ObjectMapper();
        JsonNode last = null;
        for (String line : exported.toString().lines().toList()) {
            JsonNode record = mapper.readTree(line);
            if ("SNAPSHOT".equals(record.path("kind").asText())) {
                last = mapper.readTree(record.path("canonical").asText());
            }
        }
        assertThat(last).as("a SNAPSHOT record in the journal").isNotNull();
        return last;
    }

    private static String verdict(JsonNode snapshot, String subject) {
        for (JsonNode verdict : snapshot.path("verdicts")) {
            if (subject.equals(verdict.path("subject").asText())) {
                assertThat(verdict.path("outcome").asText()).isEqualTo("ERROR");
                return verdict.path("reasons").toString();
            }
        }
        throw new AssertionError("no verdict on " + subject + " in " + snapshot.path("verdicts"));
    }

    private CommandLine cli() {
        CommandLine cli = ControlRoomCli.create(home, () -> { }, credentials, new ByteArrayInputStream(new byte[0]));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli;
    }
}
