package com.rolloutcontrolroom.services.environment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import com.rolloutcontrolroom.domain.environment.EnvironmentProfile;
import com.rolloutcontrolroom.domain.environment.SslMode;
import com.rolloutcontrolroom.domain.query.QueryFileParser;
import com.rolloutcontrolroom.domain.query.QuerySet;
import com.rolloutcontrolroom.domain.query.QuerySuite;
import com.rolloutcontrolroom.services.credentials.CredentialKey;
import com.rolloutcontrolroom.services.credentials.SessionCredentialStore;
import com.rolloutcontrolroom.services.query.QueryOutcome;
import com.rolloutcontrolroom.services.query.QueryRunner;
import com.rolloutcontrolroom.services.query.QuerySetLoader;
import com.rolloutcontrolroom.services.query.QueryStatus;
import com.rolloutcontrolroom.services.query.RunCancellation;
import com.rolloutcontrolroom.services.query.SuiteRun;
import com.rolloutcontrolroom.services.query.SuiteRunner;
import com.rolloutcontrolroom.testsupport.PasswordPostgresExtension;
import com.rolloutcontrolroom.testsupport.PasswordPostgresExtension.PasswordPostgres;
import com.rolloutcontrolroom.testsupport.PgBouncer;

/**
 * A real PgBouncer in transaction mode, as it is usually configured (no reset between
 * transactions, a small server pool) on an ordinary port, and a profile that says nothing about a
 * pooler: several clients run the full suite at once, so each client's transactions land on
 * backends the others used. Every query of every run must succeed.
 */
@ExtendWith(PasswordPostgresExtension.class)
class PoolerUnderLoadTest {

    private static final int CLIENTS = 4;
    // 4 x 15 runs of 14 queries: before every connection was pooler-safe, about a third of them failed
    private static final int RUNS_PER_CLIENT = 15;

    private final PasswordPostgres postgres;
    private final List<ConnectionPools> clients = new ArrayList<>();
    private PgBouncer bouncer;

    @TempDir
    Path folder;

    PoolerUnderLoadTest(PasswordPostgres postgres) {
        this.postgres = postgres;
    }

    @AfterEach
    void stop() throws Exception {
        clients.forEach(ConnectionPools::close);
        if (bouncer != null) {
            bouncer.close();
        }
    }

    @Test
    void theFullSuiteSucceedsForEveryClientThroughATransactionPoolerTheProfileDoesNotMention() throws Exception {
        bouncer = PgBouncer.start(postgres, folder, false); // fails, not skips, when pgbouncer is missing
        EnvironmentProfile profile = new EnvironmentProfile("pooled", PasswordPostgres.HOST, bouncer.port(), PasswordPostgres.DATABASE,
                PasswordPostgres.ROLE, SslMode.DISABLE, "", Duration.ofSeconds(10));
        assertThat(bouncer.port()).as("not Supabase's pooler port, which was the only one treated as a pooler").isNotEqualTo(6543);
        assertThat(profile.describe()).doesNotContainIgnoringCase("pooler");

        QuerySet set = QuerySetLoader.builtIn(new QueryFileParser());
        ExecutorService threads = Executors.newFixedThreadPool(CLIENTS);
        List<Future<List<String>>> results = new ArrayList<>();
        for (int client = 0; client < CLIENTS; client++) {
            SessionCredentialStore credentials = new SessionCredentialStore("Test.");
            credentials.store(CredentialKey.forEnvironment("pooled"), postgres.password().toCharArray());
            ConnectionPools pools = new ConnectionPools(credentials);
            clients.add(pools);
            results.add(threads.submit(runs(pools, profile, set)));
        }
        threads.shutdown();
        assertThat(threads.awaitTermination(3, TimeUnit.MINUTES)).isTrue();

        List<String> failures = new ArrayList<>();
        for (Future<List<String>> result : results) {
            failures.addAll(result.get());
        }
        assertThat(failures).as("queries that did not succeed out of " + CLIENTS * RUNS_PER_CLIENT + " full-suite runs").isEmpty();
    }

    private static Callable<List<String>> runs(ConnectionPools pools, EnvironmentProfile profile, QuerySet set) {
        return () -> {
            SuiteRunner runner = new SuiteRunner(new QueryRunner(Duration.ofSeconds(10), Clock.systemUTC()), Clock.systemUTC());
            List<String> failures = new ArrayList<>();
            for (int run = 0; run < RUNS_PER_CLIENT; run++) {
                SuiteRun suite = runner.run(pools.database(profile), set, QuerySuite.FULL, new RunCancellation(), outcome -> { });
                assertThat(suite.outcomes()).hasSizeGreaterThan(10);
                for (QueryOutcome outcome : suite.outcomes()) {
                    if (outcome.status() != QueryStatus.OK) {
                        failures.add("run " + run + " " + outcome.query().name() + ": " + outcome.error());
                    }
                }
            }
            return failures;
        };
    }
}
