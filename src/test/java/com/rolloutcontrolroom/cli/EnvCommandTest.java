package com.rolloutcontrolroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import com.rolloutcontrolroom.services.home.AppHome;
import com.rolloutcontrolroom.services.credentials.CredentialKey;
import com.rolloutcontrolroom.services.credentials.SessionCredentialStore;
import com.rolloutcontrolroom.testsupport.PasswordPostgresExtension;
import com.rolloutcontrolroom.testsupport.TestRollouts;
import com.rolloutcontrolroom.testsupport.PasswordPostgresExtension.PasswordPostgres;

import picocli.CommandLine;

@ExtendWith(PasswordPostgresExtension.class)
class EnvCommandTest {

    @TempDir
    Path home;

    private final PasswordPostgres postgres;
    private final SessionCredentialStore credentials = new SessionCredentialStore("Test.");
    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();

    EnvCommandTest(PasswordPostgres postgres) {
        this.postgres = postgres;
    }

    private int run(String stdin, String... args) {
        out = new StringWriter();
        err = new StringWriter();
        CommandLine cli = ControlRoomCli.create(new AppHome(home), () -> { }, credentials,
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private String url(String password) {
        return "postgresql://" + PasswordPostgres.ROLE + (password == null ? "" : ":" + password) + "@127.0.0.1:" + postgres.port()
                + "/" + PasswordPostgres.DATABASE;
    }

    @Test
    void aPasswordInTheUrlMovesToTheStoreWithAWarningAndTheTestConnects() throws Exception {
        assertThat(run("", "env", "add", "staging", "--url", url(postgres.password()))).isZero();
        assertThat(err.toString()).contains("the URL held a plaintext password");
        assertThat(out.toString()).contains("Added environment staging: rollout_reader@127.0.0.1:" + postgres.port() + "/rollout_test",
                "account env:staging").doesNotContain(postgres.password());
        assertThat(credentials.read(CredentialKey.forEnvironment("staging"))).isPresent();
        assertThat(Files.readString(new AppHome(home).config())).contains("\"staging\"").doesNotContain(postgres.password());

        assertThat(run("", "env", "test", "staging")).isZero();
        assertThat(out.toString()).startsWith("staging: Connected to PostgreSQL 17.").contains("read-only");

        assertThat(run("", "env", "list")).isZero();
        assertThat(out.toString()).contains("staging: rollout_reader@127.0.0.1").doesNotContain(postgres.password())
                .as("no sslmode in the URL: the one default, the Settings form's too (SettingsViewModelTest)")
                .contains("· sslmode=" + com.rolloutcontrolroom.domain.environment.SslMode.DEFAULT.value());
    }

    @Test
    void passwordStdinReadsOneLineAndNoWarningIsGiven() {
        assertThat(run(postgres.password() + "\nignored\n", "env", "add", "staging", "--url", url(null), "--password-stdin")).isZero();
        assertThat(err.toString()).isEmpty();
        assertThat(run("", "env", "test", "staging")).isZero();
    }

    @Test
    void aRoleThatCanWriteIsAWarningAndAnErrorWhenTheEnvironmentRequiresAReadOnlyRole() {
        // the test role holds every privilege on observability_events
        run(postgres.password() + "\n", "env", "add", "staging", "--url", url(null), "--password-stdin");
        assertThat(run("", "env", "test", "staging")).isZero();
        assertThat(out.toString()).startsWith("staging: Connected to PostgreSQL 17.");
        assertThat(err.toString()).contains(
                "control-room: staging: warning: role rollout_reader holds INSERT, UPDATE, DELETE, TRUNCATE on public.observability_events",
                "Create a read-only role with this SQL:\n-- A role that can only read observability_events.",
                "GRANT SELECT ON public.observability_events TO rollout_reader;",
                "ALTER ROLE rollout_reader SET default_transaction_read_only = on;");

        run(postgres.password() + "\n", "env", "add", "staging", "--url", url(null), "--password-stdin", "--require-read-only-role", "--replace");
        assertThat(run("", "env", "test", "staging")).isEqualTo(1);
        assertThat(err.toString()).contains("control-room: staging: Environment staging requires a read-only role, and role"
                + " rollout_reader holds INSERT, UPDATE, DELETE, TRUNCATE on public.observability_events");

        TestRollouts.create(new AppHome(home), credentials, TestRollouts.ROLLOUT);
        assertThat(run("", "run", "--env", "staging", "--suite", "quick")).as("no query runs").isEqualTo(1);
        assertThat(err.toString()).contains("Environment staging requires a read-only role");
    }

    @Test
    void aFailingTestExitsOneWithItsSentence() {
        run("wrong\n", "env", "add", "staging", "--url", url(null), "--password-stdin");

        assertThat(run("", "env", "test", "staging")).isEqualTo(1);
        assertThat(err.toString().strip()).isEqualTo("control-room: staging: PostgreSQL rejected the password for user rollout_reader on 127.0.0.1:"
                + postgres.port() + "; store the right password for environment staging.");
    }

    @Test
    void removeDeletesTheProfileAndTheStoredPassword() throws Exception {
        run("", "env", "add", "staging", "--url", url(postgres.password()));

        assertThat(run("", "env", "remove", "staging")).isZero();
        assertThat(credentials.read(CredentialKey.forEnvironment("staging"))).isEmpty();
        assertThat(run("", "env", "list")).isZero();
        assertThat(out.toString()).startsWith("No environments yet");
    }

    @Test
    void theRetiredPoolerOptionIsAcceptedIgnoredAndSaidSo() throws Exception {
        assertThat(run("", "env", "add", "production", "--url", "postgresql://postgres.ref@aws-1-eu-north-1.pooler.supabase.com:6543/postgres",
                "--pooler", "TRANSACTION_POOLER")).isZero();
        assertThat(err.toString()).isEqualTo("Note: --pooler is no longer needed and was ignored: every connection is safe behind a"
                + " transaction pooler.\n");
        assertThat(Files.readString(new AppHome(home).config())).doesNotContain("pooler\"").doesNotContain("poolerMode");
    }

    @Test
    void aConfigWrittenWithAPoolerModeStillLoads() throws Exception {
        AppHome appHome = new AppHome(home).ensureExists();
        Files.writeString(appHome.config(), """
                {"environments":[{"name":"staging","host":"db.example.com","port":5432,"database":"postgres","user":"reader",
                  "sslMode":"require","rootCertPath":"","poolerMode":"DIRECT","statementTimeoutMillis":30000}]}""");
        assertThat(run("", "env", "list")).isZero();
        assertThat(out.toString()).isEqualTo("staging: reader@db.example.com:5432/postgres · sslmode=require\n");
    }

    @Test
    void badInputExitsTwoWithOneSentence() {
        assertThat(run("", "env", "add", "staging", "--url", "mysql://root@db/app")).isEqualTo(2);
        assertThat(err.toString().strip()).startsWith("control-room: No postgresql:// URL found");

        assertThat(run("", "env", "add", "Bad Name", "--url", url(null))).isEqualTo(2);
        assertThat(err.toString().strip()).startsWith("control-room: The environment name \"Bad Name\" must be");

        assertThat(run("", "env", "test", "nowhere")).isEqualTo(2);
        assertThat(err.toString().strip()).isEqualTo("control-room: No environment named nowhere; run control-room env list to see the names.");

        assertThat(run("\n", "env", "add", "staging", "--url", url(null), "--password-stdin")).isEqualTo(2);
        assertThat(err.toString()).contains("--password-stdin read an empty line");
    }

    @Test
    void anExistingNameIsRefusedUnlessReplaceIsGiven() throws Exception {
        assertThat(run(postgres.password() + "\n", "env", "add", "staging", "--url", url(null), "--password-stdin")).isZero();
        String config = Files.readString(new AppHome(home).config());

        assertThat(run("other-password\n", "env", "add", "staging", "--url", "postgresql://someone@db.example.com:5432/app",
                "--password-stdin")).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("control-room: Environment staging exists already; add --replace to replace it,"
                + " or choose another name.\n");
        assertThat(Files.readString(new AppHome(home).config())).as("the profile is untouched").isEqualTo(config);
        assertThat(new String(credentials.read(CredentialKey.forEnvironment("staging")).orElseThrow()))
                .as("and so is its password").isEqualTo(postgres.password());

        assertThat(run("other-password\n", "env", "add", "staging", "--url", "postgresql://someone@db.example.com:5432/app",
                "--password-stdin", "--replace")).isZero();
        assertThat(out.toString()).startsWith("Replaced environment staging: someone@db.example.com:5432/app");
        assertThat(new String(credentials.read(CredentialKey.forEnvironment("staging")).orElseThrow())).isEqualTo("other-password");
    }

    @Test
    void aPasswordBothInTheUrlAndOnStdinIsAnErrorAndNothingIsStored() throws Exception {
        assertThat(run("FAKE-STDIN-PW\n", "env", "add", "staging", "--url", url("FAKE-URL-PW"), "--password-stdin")).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("control-room: The password was given twice, in the URL and on --password-stdin;"
                + " remove it from the URL and give it on --password-stdin only.\n");
        assertThat(out.toString()).isEmpty();
        assertThat(credentials.read(CredentialKey.forEnvironment("staging"))).isEmpty();
        assertThat(Files.exists(new AppHome(home).config())).isFalse();
    }

    @Test
    void aJdbcUrlWithUserAndPasswordParametersWorksAndThePasswordIsNeverEchoed() throws Exception {
        String jdbc = "jdbc:postgresql://127.0.0.1:" + postgres.port() + "/" + PasswordPostgres.DATABASE + "?user=" + PasswordPostgres.ROLE
                + "&password=" + postgres.password();
        assertThat(run("", "env", "add", "staging", "--url", jdbc)).as(err.toString()).isZero();
        assertThat(out.toString()).startsWith("Added environment staging: rollout_reader@127.0.0.1:" + postgres.port() + "/rollout_test");
        assertThat(err.toString()).contains("the URL held a plaintext password");
        assertThat(out.toString() + err.toString()).doesNotContain(postgres.password());
        assertThat(Files.readString(new AppHome(home).config())).doesNotContain(postgres.password());
        assertThat(new String(credentials.read(CredentialKey.forEnvironment("staging")).orElseThrow())).isEqualTo(postgres.password());

        assertThat(run("", "env", "test", "staging")).isZero();
        assertThat(out.toString()).startsWith("staging: Connected to PostgreSQL 17.");
    }

    @Test
    void aUrlWithoutADatabaseIsBadInputNamingTheFix() {
        assertThat(run("", "env", "add", "staging", "--url", "postgresql://" + PasswordPostgres.ROLE + "@127.0.0.1:" + postgres.port())).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("control-room: The URL names no database; add it after the host and port,"
                + " e.g. postgresql://user@db.example.com:5432/postgres.\n");
    }

    @Test
    void envTestAdvisesTheCreatedAtIndexUntilAValidOneExistsAndNeverCreatesIt() throws Exception {
        run(postgres.password() + "\n", "env", "add", "staging", "--url", url(null), "--password-stdin");
        String advice = "staging: advice: observability_events has no valid index led by created_at, so legacy_auto_assign_activity,"
                + " baseline_top_events and metric_legacy_activity read the whole table; an index on created_at would help (the app"
                + " never creates it, ask your DBA to run the statement).\n"
                + "CREATE INDEX CONCURRENTLY observability_events_created_at_idx ON observability_events (created_at);\n";
        try {
            assertThat(run("", "env", "test", "staging")).isZero();
            assertThat(out.toString()).startsWith("staging: Connected to PostgreSQL 17.").endsWith("read-only.\n" + advice);
            assertThat(asSuperuser("SELECT string_agg(indexrelid::regclass::text, ',' ORDER BY 1) FROM pg_index"
                    + " WHERE indrelid = 'observability_events'::regclass")).as("env test created nothing").isEqualTo("observability_events_pkey");

            // a unique build fails on the table's equal timestamps and leaves its index behind, INVALID
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> asSuperuser("CREATE UNIQUE INDEX CONCURRENTLY"
                    + " observability_events_created_at_idx ON observability_events (created_at)")).hasMessageContaining("could not create unique index");
            assertThat(run("", "env", "test", "staging")).isZero();
            assertThat(out.toString()).contains("(observability_events_created_at_idx is INVALID, left by a failed CREATE INDEX CONCURRENTLY,"
                    + " and the planner ignores it)").endsWith("\nDROP INDEX CONCURRENTLY observability_events_created_at_idx;"
                    + " CREATE INDEX CONCURRENTLY observability_events_created_at_idx ON observability_events (created_at);\n");

            asSuperuser("DROP INDEX observability_events_created_at_idx");
            asSuperuser("CREATE INDEX CONCURRENTLY observability_events_created_at_idx ON observability_events (created_at)");
            assertThat(run("", "env", "test", "staging")).isZero();
            assertThat(out.toString()).startsWith("staging: Connected to PostgreSQL 17.").doesNotContain("advice", "CREATE INDEX");
        } finally {
            asSuperuser("DROP INDEX IF EXISTS observability_events_created_at_idx"); // the server is shared by every test class
        }
    }

    /** Set-up the product never does: the superuser, over the trust line of the test server's pg_hba. */
    private String asSuperuser(String sql) throws java.sql.SQLException {
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + postgres.port() + "/"
                + PasswordPostgres.DATABASE + "?user=postgres"); java.sql.Statement statement = connection.createStatement()) {
            if (!statement.execute(sql)) {
                return null;
            }
            try (java.sql.ResultSet row = statement.getResultSet()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }
}
