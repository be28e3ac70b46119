package com.rolloutcontrolroom.services.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import com.rolloutcontrolroom.domain.environment.EnvironmentProfile;
import com.rolloutcontrolroom.domain.environment.SslMode;
import com.rolloutcontrolroom.domain.query.QueryFileParser;
import com.rolloutcontrolroom.domain.query.QuerySuite;
import com.rolloutcontrolroom.services.credentials.CredentialKey;
import com.rolloutcontrolroom.services.credentials.SessionCredentialStore;
import com.rolloutcontrolroom.services.environment.ConnectionPools;
import com.rolloutcontrolroom.services.environment.EnvironmentCatalog;
import com.rolloutcontrolroom.services.environment.EnvironmentProfiles;
import com.rolloutcontrolroom.services.home.AppHome;
import com.rolloutcontrolroom.services.journal.JournalAccess;
import com.rolloutcontrolroom.services.operator.OperatorIdentity;
import com.rolloutcontrolroom.testsupport.PasswordPostgresExtension;
import com.rolloutcontrolroom.testsupport.PasswordPostgresExtension.PasswordPostgres;

/**
 * The real path a password takes (credential store → connection pool → PostgreSQL) during a run
 * that is journaled, then a wrong password refused at login: the data folder's bytes hold neither
 * password, while they do hold what the run read.
 */
@ExtendWith(PasswordPostgresExtension.class)
class PasswordNeverJournaledTest {

    @TempDir
    Path folder;

    @Test
    void runsWithTheRightAndAWrongPasswordLeaveNeitherInTheJournal(PasswordPostgres server) throws Exception {
        try (Connection admin = DriverManager.getConnection("jdbc:postgresql://" + PasswordPostgres.HOST + ":" + server.port()
                + "/" + PasswordPostgres.DATABASE + "?user=postgres"); Statement statement = admin.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS observability_events (id bigserial PRIMARY KEY, source text NOT NULL,"
                    + " event_type text NOT NULL, context jsonb, created_at timestamptz NOT NULL DEFAULT now())");
            statement.execute("INSERT INTO observability_events (source, event_type, context) VALUES "
                    + "('assignment.coordinator', 'coordinator.start', '{}'), ('assignment.coordinator', 'journaled-marker-9d2', '{}')");
            statement.execute("GRANT SELECT ON observability_events TO " + PasswordPostgres.ROLE);
        }
        AppHome home = new AppHome(folder).ensureExists();
        SessionCredentialStore credentials = new SessionCredentialStore("test: memory only");
        EnvironmentProfiles profiles = new EnvironmentProfiles(home.config());
        profiles.save(new EnvironmentProfile("staging", PasswordPostgres.HOST, server.port(), PasswordPostgres.DATABASE,
                PasswordPostgres.ROLE, SslMode.PREFER, "", Duration.ofSeconds(5)));
        String wrong = "wrong-" + server.password().substring(3);
        try (ConnectionPools pools = new ConnectionPools(credentials); JournalAccess journal = new JournalAccess(home)) {
            EnvironmentCatalog environments = new EnvironmentCatalog(() -> { throw new IllegalStateException("no demo"); },
                    profiles, pools, credentials);
            SuiteRunner runner = new SuiteRunner(new QueryRunner(Duration.ofSeconds(5), Clock.systemUTC()), Clock.systemUTC());
            SnapshotRecorder recorder = new SnapshotRecorder(journal::writer, OperatorIdentity.forCurrentUser(home),
                    new SnapshotJson(), Clock.systemUTC());
            var querySet = QuerySetLoader.builtIn(new QueryFileParser());

            environments.rememberPassword("staging", server.password().toCharArray());
            SuiteRun right = runner.run(environments.database("staging"), querySet, QuerySuite.FULL, new RunCancellation(), o -> { });
            assertThat(right.count(QueryStatus.ERROR)).isZero();
            recorder.record(right, "FEATURE_ASSIGNMENT_PIPELINE_V3", null);

            environments.rememberPassword("staging", wrong.toCharArray());
            // a wrong password is refused before any query runs, in one sentence that holds no password
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> environments.database("staging"))
                    .hasMessageStartingWith("PostgreSQL rejected the password for user rollout_reader")
                    .satisfies(e -> assertThat(FailureKind.in(e)).isEqualTo(FailureKind.PASSWORD))
                    .message().doesNotContain(wrong).doesNotContain(server.password());
            assertThat(credentials.read(CredentialKey.forEnvironment("staging"))).isPresent();
        }
        List<Path> files;
        try (Stream<Path> all = Files.walk(folder)) {
            files = all.filter(Files::isRegularFile).toList();
        }
        byte[] everything = concat(files);
        assertThat(contains(everything, "journaled-marker-9d2")).as("the search finds what the runs read").isTrue();
        assertThat(contains(everything, server.password())).as("the right password").isFalse();
        assertThat(contains(everything, wrong)).as("the wrong password").isFalse();
    }

    private static byte[] concat(List<Path> files) throws Exception {
        var out = new java.io.ByteArrayOutputStream();
        for (Path file : files) {
            out.write(Files.readAllBytes(file));
        }
        return out.toByteArray();
    }

    private static boolean contains(byte[] haystack, String needle) {
        for (var charset : List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16LE)) {
            byte[] bytes = needle.getBytes(charset);
            outer:
            for (int i = 0; i + bytes.length <= haystack.length; i++) {
                for (int j = 0; j < bytes.length; j++) {
                    if (haystack[i + j] != bytes[j]) {
                        continue outer;
                    }
                }
                return true;
            }
        }
        return false;
    }
}
