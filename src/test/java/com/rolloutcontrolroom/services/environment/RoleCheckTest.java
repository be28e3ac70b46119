package com.rolloutcontrolroom.services.environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import com.rolloutcontrolroom.domain.environment.EnvironmentProfile;
import com.rolloutcontrolroom.domain.environment.SslMode;
import com.rolloutcontrolroom.services.credentials.CredentialKey;
import com.rolloutcontrolroom.services.credentials.SessionCredentialStore;
import com.rolloutcontrolroom.services.db.Database;
import com.rolloutcontrolroom.testsupport.AttackedDatabase;
import com.rolloutcontrolroom.testsupport.PasswordPostgresExtension;
import com.rolloutcontrolroom.testsupport.PasswordPostgresExtension.PasswordPostgres;

/** What the role check says about a role that could write, a superuser, and the role its own SQL creates. */
@ExtendWith(PasswordPostgresExtension.class)
class RoleCheckTest {

    private static AttackedDatabase attacked;

    @TempDir
    Path home;

    private final SessionCredentialStore credentials = new SessionCredentialStore("Test.");
    private final ConnectionTester tester = new ConnectionTester(credentials);
    private final ConnectionPools pools = new ConnectionPools(credentials);

    @BeforeAll
    static void plant(PasswordPostgres server) throws SQLException {
        attacked = AttackedDatabase.plant(server);
    }

    @AfterEach
    void closePools() {
        pools.close();
    }

    private EnvironmentProfile attacker(boolean required) {
        credentials.store(CredentialKey.forEnvironment("attacked"), attacked.password());
        return attacked.profile("attacked").withRequireReadOnlyRole(required);
    }

    @Test
    void aRoleThatCanWriteIsWarnedAboutWithTheSqlForAReadOnlyRole() throws SQLException {
        execute("GRANT pg_signal_backend TO " + AttackedDatabase.ROLE);
        try {
            ConnectionCheck check = tester.test(attacker(false));

            assertThat(check.connected()).as(check.sentence()).isTrue();
            assertThat(check.passed()).as("a warning only").isTrue();
            assertThat(check.role().warnings()).containsExactly(
                    "role attacker is a member of pg_signal_backend, so it can cancel or end other sessions.",
                    "role attacker holds INSERT, UPDATE, DELETE, TRUNCATE on public.observability_events, so the events it reports on"
                            + " could be changed with its credentials.",
                    "role attacker may call dblink (installed in schema public), whose connections are not read-only.",
                    "role attacker may call 3 SECURITY DEFINER functions owned by a superuser (public.lower, public.record_and_run,"
                            + " public.touch_row), which run with the superuser's rights; the app refuses to call them, but a view or"
                            + " operator the role reads could.");
            assertThat(check.role().recommendedRoleSql()).contains(
                    "CREATE ROLE rollout_reader LOGIN PASSWORD 'choose-a-strong-password' NOSUPERUSER",
                    "GRANT CONNECT ON DATABASE readonly_attacks TO rollout_reader;",
                    "GRANT USAGE ON SCHEMA public TO rollout_reader;",
                    "GRANT SELECT ON public.observability_events TO rollout_reader;",
                    "ALTER ROLE rollout_reader SET default_transaction_read_only = on;");
        } finally {
            execute("REVOKE pg_signal_backend FROM " + AttackedDatabase.ROLE);
        }
    }

    @Test
    void aRequiredReadOnlyRoleMakesTheFindingsAnError() {
        ConnectionCheck check = tester.test(attacker(true));

        assertThat(check.connected()).isTrue();
        assertThat(check.passed()).isFalse();
        assertThat(check.role().refusal("attacked")).isEqualTo("Environment attacked requires a read-only role, and role attacker"
                + " holds INSERT, UPDATE, DELETE, TRUNCATE on public.observability_events, so the events it reports on could be changed"
                + " with its credentials. Connect as a read-only role (control-room env test attacked prints the SQL that creates one).");
    }

    @Test
    void aSuperuserIsOneFinding() {
        EnvironmentProfile superuser = new EnvironmentProfile("super", PasswordPostgres.HOST, attacked.profile("x").port(),
                AttackedDatabase.DATABASE, "postgres", SslMode.DISABLE, "", Duration.ofSeconds(5));

        assertThat(tester.test(superuser).role().warnings()).containsExactly("role postgres is a superuser, so a query could run"
                + " programs and write files on the database server whatever the transaction allows.");
    }

    @Test
    void theRoleTheRecommendedSqlCreatesCannotWrite() throws SQLException {
        String sql;
        try (Connection connection = connectionAsAttacker()) {
            sql = new RoleCheck().check(connection).recommendedRoleSql();
        }
        sql = sql.replace("rollout_reader", "recommended_reader").replace("choose-a-strong-password", "pw-recommended");
        execute("DROP ROLE IF EXISTS recommended_reader");
        try (Connection connection = attacked.superuser(AttackedDatabase.DATABASE).getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
        try {
            credentials.store(CredentialKey.forEnvironment("recommended"), "pw-recommended".toCharArray());
            EnvironmentProfile recommended = new EnvironmentProfile("recommended", PasswordPostgres.HOST, attacked.profile("x").port(),
                    AttackedDatabase.DATABASE, "recommended_reader", SslMode.DISABLE, "", Duration.ofSeconds(5));
            ConnectionCheck check = tester.test(recommended);

            // what is left is the database's own doing (dblink and those functions are granted to PUBLIC), not the role's
            assertThat(check.role().warnings()).hasSize(2)
                    .allSatisfy(warning -> assertThat(warning).doesNotContain("holds", "member of", "is a superuser"))
                    .anySatisfy(warning -> assertThat(warning).contains("dblink"))
                    .anySatisfy(warning -> assertThat(warning).contains("SECURITY DEFINER"));
            // and outside the app, as psql would: the write is refused by PostgreSQL, not by the app
            org.postgresql.ds.PGSimpleDataSource direct = (org.postgresql.ds.PGSimpleDataSource) attacked.attackerDataSource();
            direct.setUser("recommended_reader");
            direct.setPassword("pw-recommended");
            try (Connection connection = direct.getConnection(); Statement statement = connection.createStatement()) {
                assertThatThrownBy(() -> statement.execute("INSERT INTO observability_events (source, event_type) VALUES ('x', 'y')"))
                        .isInstanceOf(SQLException.class).hasMessageContaining("read-only transaction");
                statement.execute("SET default_transaction_read_only = off");
                assertThatThrownBy(() -> statement.execute("INSERT INTO observability_events (source, event_type) VALUES ('x', 'y')"))
                        .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
            }
        } finally {
            execute("DROP OWNED BY recommended_reader; DROP ROLE recommended_reader");
        }
    }

    @Test
    void theFirstConnectionCarriesTheWarningsAndARequiredRoleRefusesToConnect() throws Exception {
        EnvironmentProfiles profiles = new EnvironmentProfiles(home.resolve("config.json"));
        EnvironmentCatalog catalog = new EnvironmentCatalog(() -> {
            throw new IllegalStateException("no demo here");
        }, profiles, pools, credentials);

        profiles.save(attacker(false));
        Database database = catalog.database("attacked");
        assertThat(database.roleWarnings()).hasSize(3).first().asString().startsWith("role attacker holds INSERT");

        profiles.save(attacker(true));
        assertThatThrownBy(() -> catalog.database("attacked")).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Environment attacked requires a read-only role, and role attacker holds INSERT");
        assertThat(profiles.find("attacked").orElseThrow().requireReadOnlyRole()).as("kept in the config file").isTrue();
    }

    private Connection connectionAsAttacker() throws SQLException {
        return attacked.attackerDataSource().getConnection();
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = attacked.superuser(AttackedDatabase.DATABASE).getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
