package com.rolloutcontrolroom.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.sql.DataSource;

import com.rolloutcontrolroom.domain.environment.EnvironmentProfile;
import com.rolloutcontrolroom.domain.environment.SslMode;
import com.rolloutcontrolroom.domain.query.QueryDefinition;
import com.rolloutcontrolroom.domain.query.QueryFileParser;
import com.rolloutcontrolroom.domain.query.QuerySet;
import com.rolloutcontrolroom.domain.query.QuerySuite;
import com.rolloutcontrolroom.services.credentials.SessionCredentialStore;
import com.rolloutcontrolroom.services.db.ConnectedDatabase;
import com.rolloutcontrolroom.services.db.Database;
import com.rolloutcontrolroom.services.demo.DemoOptions;
import com.rolloutcontrolroom.services.demo.DemoSeeder;
import com.rolloutcontrolroom.services.environment.BenchmarkPools;
import com.rolloutcontrolroom.services.environment.ConnectionPools;
import com.rolloutcontrolroom.services.query.QueryRunner;
import com.rolloutcontrolroom.services.query.QuerySetLoader;
import com.rolloutcontrolroom.services.query.QueryStatus;
import com.rolloutcontrolroom.services.query.RunCancellation;
import com.rolloutcontrolroom.services.query.SuiteRun;
import com.rolloutcontrolroom.services.query.SuiteRunner;
import com.zaxxer.hikari.HikariDataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The full suite (its queries plus the metric queries over the same window, as a checkpoint runs
 * them) through the app's runner, against two anchors on the same data: psql running the same
 * statements, and the server's own time for the app's statements (pg_stat_statements, see
 * {@link ServerTime}). On the demo data, then on generated events of each size in
 * {@code -Dbench.events} (default 100000,1000000; 10000000 is the production-scale run), each
 * without and then with an index on created_at. Not a unit test: it prints numbers. Run it with
 * {@code ./mvnw -q -Pbench verify -Dbench=query}.
 *
 * <p>All sides run warm (warm-up runs first) and alternate, so a load change on the machine hits
 * all alike. The app side is what a user waits for: per query a connection from the app's own pool
 * ({@link ConnectionPools}), one read-only transaction with its set-up round trip, the statement,
 * the rows read into values, the rollback. The psql side is one {@code psql -X -f} process per run
 * (start, connect, the same statements in autocommit, rows thrown away).
 */
public final class QuerySuiteBenchmark {

    private static final int WARM_UP = Integer.getInteger("bench.warmUp", 2);
    private static final int RUNS = Integer.getInteger("bench.runs", 15);
    private static final boolean PER_QUERY = Boolean.getBoolean("bench.perQuery");
    private static final boolean SERVER_PREPARED = Boolean.getBoolean("bench.serverPrepared");

    public static void main(String[] args) throws Exception {
        List<Long> sizes = Arrays.stream(System.getProperty("bench.events", "100000,1000000").split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).map(Long::parseLong).toList();
        String indexes = System.getProperty("bench.index", "both"); // without | with | both
        Path dataDir = Files.createTempDirectory("bench-postgres");
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(true)
                .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                .setServerConfig("pg_stat_statements.track_planning", "on")
                .setServerConfig("shared_buffers", System.getProperty("bench.sharedBuffers", "2GB"))
                .setServerConfig("max_wal_size", "8GB")
                .start()) {
            System.out.printf(Locale.ROOT, "runs: %d measured after %d warm-up, alternated app / psql; medians%n", RUNS, WARM_UP);
            try (Connection admin = postgres.getPostgresDatabase().getConnection(); Statement statement = admin.createStatement();
                 ResultSet row = statement.executeQuery("SELECT version(), current_setting('shared_buffers'), pg_jit_available(),"
                         + " current_setting('jit'), current_setting('max_parallel_workers_per_gather')")) {
                row.next();
                System.out.printf(Locale.ROOT, "server: %s; shared_buffers %s; jit available %s, jit %s; max_parallel_workers_per_gather %s%n",
                        row.getString(1).replaceAll(" on .*", ""), row.getString(2), row.getBoolean(3), row.getString(4), row.getString(5));
            }
            printHeader();
            DataSource demo = create(postgres, "demo", db -> new DemoSeeder(db, Clock.systemUTC()).seed(DemoOptions.defaults()));
            try (Connection connection = demo.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("VACUUM ANALYZE observability_events");
            }
            measure(postgres, demo, "demo", "demo (healthy), no created_at index");
            for (long events : sizes) {
                BenchEvents.checkDiskSpace(dataDir, events);
                String name = "events" + events;
                String label = String.format(Locale.ROOT, "%,d events", events);
                DataSource data = create(postgres, name, db -> BenchEvents.load(db, events));
                if (!indexes.equals("with")) {
                    measure(postgres, data, name, label + ", no created_at index");
                }
                if (!indexes.equals("without")) {
                    BenchEvents.addCreatedAtIndex(data);
                    measure(postgres, data, name, label + ", created_at index");
                }
                try (Connection admin = postgres.getPostgresDatabase().getConnection(); Statement statement = admin.createStatement()) {
                    statement.execute("DROP DATABASE " + name); // frees the disk for the next size
                }
            }
        }
    }

    private static void printHeader() {
        System.out.printf(Locale.ROOT, "%-40s %11s %9s %9s %9s %9s %9s %8s %8s%s%n", "dataset", "events", "app ms", "psql ms", "server ms",
                "+plan ms", "psql-srv", "app/psql", "app/srv", SERVER_PREPARED ? "  server-prepared ms" : "");
    }

    private static DataSource create(EmbeddedPostgres postgres, String name, Loader loader) throws Exception {
        try (Connection admin = postgres.getPostgresDatabase().getConnection(); Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        DataSource raw = postgres.getDatabase("postgres", name);
        loader.load(raw);
        return raw;
    }

    private static void measure(EmbeddedPostgres postgres, DataSource raw, String name, String label) throws Exception {
        long events = count(raw);
        EnvironmentProfile profile = new EnvironmentProfile("bench", "localhost", postgres.getPort(), name, "postgres", SslMode.DISABLE, "",
                Duration.ofMinutes(30));
        ServerTime server = new ServerTime(raw);
        try (ConnectionPools pools = new ConnectionPools(new SessionCredentialStore("Benchmark."));
             HikariDataSource prepared = BenchmarkPools.withServerPreparedStatements(profile)) {
            Database database = pools.database(profile);
            Database serverPrepared = new ConnectedDatabase(prepared, profile.target());
            QuerySet set = QuerySetLoader.builtIn(new QueryFileParser());
            SuiteRunner runner = new SuiteRunner(new QueryRunner(Duration.ofMinutes(30), Clock.systemUTC()), Clock.systemUTC());
            List<QueryDefinition> queries = SuiteRunner.queriesOf(set, QuerySuite.FULL);
            PsqlSuite psql = new PsqlSuite("postgresql://postgres@localhost:" + postgres.getPort() + "/" + name, queries, Instant.now());
            Samples samples = new Samples();
            for (int i = 0; i < WARM_UP + RUNS; i++) {
                boolean measured = i >= WARM_UP;
                server.reset();
                long start = System.nanoTime();
                SuiteRun run = runner.run(database, set, QuerySuite.FULL, new RunCancellation(), outcome -> { });
                long appTook = System.nanoTime() - start;
                requireOk(run);
                ServerTime.Spent appServer = server.read(queries.size());
                server.reset();
                long psqlStart = System.nanoTime();
                List<Double> psqlTimes = psql.run();
                long psqlTook = System.nanoTime() - psqlStart;
                ServerTime.Spent psqlServer = server.read(queries.size());
                long preparedTook = 0;
                if (SERVER_PREPARED) {
                    long preparedStart = System.nanoTime();
                    requireOk(runner.run(serverPrepared, set, QuerySuite.FULL, new RunCancellation(), outcome -> { }));
                    preparedTook = System.nanoTime() - preparedStart;
                }
                if (measured) {
                    samples.add(appTook / 1e6, psqlTook / 1e6, appServer, psqlServer.executionMs(), preparedTook / 1e6);
                    run.outcomes().forEach(o -> samples.perQueryApp.computeIfAbsent(o.query().name(), k -> new ArrayList<>())
                            .add(o.took().toNanos() / 1e6));
                    samples.perQueryPsql.add(psqlTimes);
                }
            }
            samples.print(label, events);
        }
    }

    private static void requireOk(SuiteRun run) {
        if (run.count(QueryStatus.OK) != run.outcomes().size()) {
            throw new IllegalStateException("a query failed: " + run.outcomes());
        }
    }

    private static long count(DataSource raw) throws Exception {
        try (Connection connection = raw.getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT count(*) FROM observability_events")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** One dataset's measured runs. */
    private static final class Samples {
        final List<Double> app = new ArrayList<>();
        final List<Double> psql = new ArrayList<>();
        final List<Double> server = new ArrayList<>();
        final List<Double> serverWithPlanning = new ArrayList<>();
        final List<Double> psqlServer = new ArrayList<>();
        final List<Double> prepared = new ArrayList<>();
        final Map<String, List<Double>> perQueryApp = new LinkedHashMap<>();
        final List<List<Double>> perQueryPsql = new ArrayList<>();

        void add(double appMs, double psqlMs, ServerTime.Spent appServer, double psqlServerMs, double preparedMs) {
            app.add(appMs);
            psql.add(psqlMs);
            server.add(appServer.executionMs());
            serverWithPlanning.add(appServer.executionMs() + appServer.planningMs());
            psqlServer.add(psqlServerMs);
            prepared.add(preparedMs);
        }

        void print(String label, long events) {
            double appMs = median(app);
            double psqlMs = median(psql);
            double serverMs = median(server);
            System.out.printf(Locale.ROOT, "%-40s %11d %9.1f %9.1f %9.1f %9.1f %9.1f %7.2fx %7.2fx%s%n", label, events, appMs, psqlMs, serverMs,
                    median(serverWithPlanning), median(psqlServer), appMs / psqlMs, appMs / serverMs,
                    SERVER_PREPARED ? String.format(Locale.ROOT, "  %9.1f", median(prepared)) : "");
            if (PER_QUERY) {
                int index = 0;
                for (var entry : perQueryApp.entrySet()) {
                    int q = index++;
                    System.out.printf(Locale.ROOT, "    %-38s app %9.1f ms   psql \\timing %9.1f ms%n", entry.getKey(),
                            median(entry.getValue()), median(perQueryPsql.stream().map(times -> times.get(q)).toList()));
                }
            }
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    }

    @FunctionalInterface
    private interface Loader {
        void load(DataSource dataSource) throws Exception;
    }
}
