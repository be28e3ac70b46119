package com.rolloutcontrolroom.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.sql.DataSource;

import com.rolloutcontrolroom.services.db.ConnectedDatabase;
import com.rolloutcontrolroom.domain.metrics.MetricKind;
import com.rolloutcontrolroom.domain.query.QueryDefinition;
import com.rolloutcontrolroom.domain.query.QueryFileParser;
import com.rolloutcontrolroom.domain.query.QuerySet;
import com.rolloutcontrolroom.domain.query.QuerySuite;
import com.rolloutcontrolroom.services.db.Database;
import com.rolloutcontrolroom.services.demo.DemoOptions;
import com.rolloutcontrolroom.services.demo.DemoSeeder;
import com.rolloutcontrolroom.services.query.QueryRunner;
import com.rolloutcontrolroom.services.query.QuerySetLoader;
import com.rolloutcontrolroom.services.query.QueryStatus;
import com.rolloutcontrolroom.services.query.RunCancellation;
import com.rolloutcontrolroom.services.query.SuiteRun;
import com.rolloutcontrolroom.services.query.SuiteRunner;
import com.rolloutcontrolroom.domain.environment.EnvironmentProfile;
import com.rolloutcontrolroom.domain.environment.SslMode;
import com.rolloutcontrolroom.services.credentials.SessionCredentialStore;
import com.rolloutcontrolroom.services.environment.BenchmarkPools;
import com.rolloutcontrolroom.services.environment.ConnectionPools;
import com.zaxxer.hikari.HikariDataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The full suite (ten queries plus the two metric queries) through the app's runner versus psql
 * running the same SQL on the same database: on the demo data and on one million events.
 * Not a unit test: it prints numbers. Run it with {@code ./mvnw -q -Pbench verify -Dbench=query}.
 *
 * <p>Both sides run warm (caches filled by warm-up runs). The app side is what a user waits for:
 * one read-only transaction with {@code SET LOCAL statement_timeout} per query on a connection of
 * the app's own pool ({@link ConnectionPools}, the settings every environment gets). A third column
 * runs the same pool with pgJDBC's default server-side prepared statements, which the app turns off
 * to be safe behind a transaction pooler: the difference is what that safety costs. The psql side
 * is one {@code psql -X -f} process per run, including its connect. The three alternate, so a load
 * change on the machine hits all alike.
 */
public final class QuerySuiteBenchmark {

    private static final int WARM_UP = 3;
    private static final int RUNS = Integer.getInteger("bench.runs", 15);

    public static void main(String[] args) throws Exception {
        Path dataDir = Files.createTempDirectory("bench-postgres");
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(true).start()) {
            System.out.printf(Locale.ROOT, "%-22s %10s %14s %18s %14s %7s%n", "dataset", "events", "app ms (med)", "server-prepared ms", "psql ms (med)",
                    "app/psql");
            measure(postgres, "demo (healthy)", db -> new DemoSeeder(db, Clock.systemUTC()).seed(DemoOptions.defaults()));
            measure(postgres, "one million events", QuerySuiteBenchmark::millionEvents);
        }
    }

    private static void measure(EmbeddedPostgres postgres, String label, Loader loader) throws Exception {
        String name = label.replaceAll("[^a-z]", "").substring(0, 8) + System.nanoTime() % 1000;
        try (Connection admin = postgres.getPostgresDatabase().getConnection(); Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        DataSource raw = postgres.getDatabase("postgres", name);
        loader.load(raw);
        long events;
        try (Connection connection = raw.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("VACUUM ANALYZE observability_events");
            var rs = statement.executeQuery("SELECT count(*) FROM observability_events");
            rs.next();
            events = rs.getLong(1);
        }
        EnvironmentProfile profile = new EnvironmentProfile("bench", "localhost", postgres.getPort(), name, "postgres", SslMode.DISABLE, "",
                Duration.ofMinutes(5));
        try (ConnectionPools pools = new ConnectionPools(new SessionCredentialStore("Benchmark."));
             HikariDataSource prepared = BenchmarkPools.withServerPreparedStatements(profile)) {
            Database database = pools.database(profile);
            Database serverPrepared = new ConnectedDatabase(prepared, profile.target()); // the runner applies the same 5 min
            QuerySet set = QuerySetLoader.builtIn(new QueryFileParser());
            SuiteRunner runner = new SuiteRunner(new QueryRunner(Duration.ofMinutes(5), Clock.systemUTC()), Clock.systemUTC());
            Path sqlFile = psqlScript(set, Instant.now());
            String url = "postgresql://postgres@localhost:" + postgres.getPort() + "/" + name;
            List<Long> app = new ArrayList<>();
            List<Long> appPrepared = new ArrayList<>();
            List<Long> psql = new ArrayList<>();
            Map<String, List<Long>> appPerQuery = new java.util.LinkedHashMap<>();
            List<List<Double>> psqlPerQuery = new ArrayList<>();
            // alternate the two so a load change on the machine hits both alike
            for (int i = 0; i < WARM_UP + RUNS; i++) {
                long start = System.nanoTime();
                SuiteRun run = runner.run(database, set, QuerySuite.FULL, new RunCancellation(), outcome -> { });
                long appTook = System.nanoTime() - start;
                if (run.count(QueryStatus.OK) != run.outcomes().size()) {
                    throw new IllegalStateException("a query failed: " + run.outcomes());
                }
                long preparedStart = System.nanoTime();
                SuiteRun preparedRun = runner.run(serverPrepared, set, QuerySuite.FULL, new RunCancellation(), outcome -> { });
                long preparedTook = System.nanoTime() - preparedStart;
                if (preparedRun.count(QueryStatus.OK) != preparedRun.outcomes().size()) {
                    throw new IllegalStateException("a query failed: " + preparedRun.outcomes());
                }
                long psqlStart = System.nanoTime();
                String timing = psql(url, sqlFile);
                long psqlTook = System.nanoTime() - psqlStart;
                if (i >= WARM_UP) {
                    app.add(appTook);
                    appPrepared.add(preparedTook);
                    psql.add(psqlTook);
                    run.outcomes().forEach(o -> appPerQuery.computeIfAbsent(o.query().name(), k -> new ArrayList<>()).add(o.took().toNanos()));
                    psqlPerQuery.add(timing.lines().filter(l -> l.startsWith("Time: "))
                            .map(l -> Double.parseDouble(l.substring(6, l.indexOf(" ms")))).toList());
                }
            }
            double appMs = median(app) / 1e6;
            double preparedMs = median(appPrepared) / 1e6;
            double psqlMs = median(psql) / 1e6;
            System.out.printf(Locale.ROOT, "%-22s %10d %14.1f %18.1f %14.1f %6.2fx%n", label, events, appMs, preparedMs, psqlMs, appMs / psqlMs);
            if (Boolean.getBoolean("bench.perQuery")) {
                int index = 0;
                for (var entry : appPerQuery.entrySet()) {
                    int q = index++;
                    List<Long> server = psqlPerQuery.stream().map(times -> (long) (times.get(q) * 1e6)).toList();
                    System.out.printf(Locale.ROOT, "    %-32s app %8.1f ms   psql \\timing %8.1f ms%n", entry.getKey(),
                            median(entry.getValue()) / 1e6, median(server) / 1e6);
                }
            }
        }
    }

    /** Runs the script with psql's own per-statement timing on; returns what psql printed. */
    private static String psql(String url, Path sqlFile) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", url, "-c", "\\timing on", "-f", sqlFile.toString(), "-o", "/dev/null")
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("psql failed: " + output);
        }
        return output;
    }

    /** The same statements the app runs, parameters written in as literals. */
    private static Path psqlScript(QuerySet set, Instant now) throws IOException {
        Instant since = now.minus(com.rolloutcontrolroom.domain.metrics.MetricWindow.RUNBOOK);
        List<QueryDefinition> queries = new ArrayList<>(set.suite(QuerySuite.FULL));
        for (MetricKind metric : MetricKind.values()) {
            queries.add(set.byName(metric.windowQuery()).orElseThrow());
        }
        Map<String, String> window = Map.of("since", "'" + since + "'::timestamptz",
                "until", "'" + since.plus(Duration.ofHours(6)) + "'::timestamptz");
        StringBuilder script = new StringBuilder();
        for (QueryDefinition query : queries) {
            String sql = query.sql();
            for (var parameter : query.parameters()) {
                String literal = window.getOrDefault(parameter.name(), "'" + parameter.defaultValue() + "'");
                sql = sql.replace(":" + parameter.name(), literal);
            }
            script.append(sql).append(";\n");
        }
        Path file = Files.createTempFile("suite", ".sql");
        Files.writeString(file, script.toString());
        return file;
    }

    private static void millionEvents(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("""
                    CREATE TABLE observability_events (id bigserial PRIMARY KEY, source text NOT NULL, event_type text NOT NULL,
                      context jsonb, created_at timestamptz NOT NULL DEFAULT now())""");
            statement.execute("CREATE INDEX observability_events_source_created_at ON observability_events (source, created_at)");
            // 1,000,000 events over 7 days, shaped like production: mostly capacity conflicts, a coordinator
            // start/confirm pair per booking, a few percent non-success with reasons, state-machine moves
            statement.execute("""
                    INSERT INTO observability_events (source, event_type, context, created_at)
                    SELECT t.source, t.event_type,
                           CASE WHEN t.reason IS NULL THEN jsonb_build_object('booking_id', g)
                                ELSE jsonb_build_object('booking_id', g, 'reason', t.reason) END,
                           now() - (random() * interval '7 days')
                    FROM generate_series(1, 1000000) g
                    CROSS JOIN LATERAL (SELECT (g::bigint * 7919) % 1000 AS bucket) b
                    CROSS JOIN LATERAL (SELECT
                      CASE WHEN b.bucket < 500 THEN 'capacity.rpc' WHEN b.bucket < 900 THEN 'assignment.coordinator'
                           WHEN b.bucket < 970 THEN 'assignment.state_machine' ELSE 'auto_assign' END AS source,
                      CASE WHEN b.bucket < 500 THEN 'capacity.rpc.conflict'
                           WHEN b.bucket < 690 THEN 'coordinator.start' WHEN b.bucket < 880 THEN 'coordinator.confirmed'
                           WHEN b.bucket < 890 THEN 'coordinator.retry' WHEN b.bucket < 895 THEN 'coordinator.lock_contention'
                           WHEN b.bucket < 898 THEN 'coordinator.manual_review' WHEN b.bucket < 899 THEN 'coordinator.error'
                           WHEN b.bucket < 900 THEN 'coordinator.circuit_open'
                           WHEN b.bucket < 970 THEN 'state_machine.transition' ELSE 'auto_assign.attempt' END AS event_type,
                      CASE WHEN b.bucket BETWEEN 880 AND 899 THEN 'reason_' || (g % 5) END AS reason) t""");
        }
    }

    private static double median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.size() % 2 == 1 ? sorted.get(sorted.size() / 2)
                : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2.0;
    }

    @FunctionalInterface
    private interface Loader {
        void load(DataSource dataSource) throws Exception;
    }
}
