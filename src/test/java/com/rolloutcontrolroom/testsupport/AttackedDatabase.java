package com.rolloutcontrolroom.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;

import javax.sql.DataSource;

import org.postgresql.ds.PGSimpleDataSource;

import com.rolloutcontrolroom.domain.environment.EnvironmentProfile;
import com.rolloutcontrolroom.domain.environment.SslMode;
import com.rolloutcontrolroom.testsupport.PasswordPostgresExtension.PasswordPostgres;

/**
 * A database set up the way the hostile test of issue 8 found it, in the password PostgreSQL: a
 * login role {@value #ROLE} that holds write rights on {@code observability_events}; the dblink
 * extension; a {@code SECURITY DEFINER} function owned by the superuser that runs
 * {@code COPY ... TO PROGRAM 'touch FILE'} and then inserts a row ({@code record_and_run()}), the same
 * taking a row ({@code touch_row(observability_events)}) and one that shadows a built-in name
 * ({@code public.lower(observability_events)}); and a planted {@code shadow.observability_events}
 * that reads 100 % success while the real table reads 94.99 %.
 */
public final class AttackedDatabase {

    public static final String DATABASE = "readonly_attacks";
    public static final String ROLE = "attacker";
    /** coordinator events in public.observability_events, of which {@link #WITH_REASON} have a reason */
    public static final int EVENTS = 10_000;
    public static final int WITH_REASON = 501;

    private final PasswordPostgres server;
    private final String password = "atk-" + UUID.randomUUID();
    private final Path touchedFile;

    private AttackedDatabase(PasswordPostgres server, Path touchedFile) {
        this.server = server;
        this.touchedFile = touchedFile;
    }

    /** Drops and rebuilds the database and role; blocking, a second or two. */
    public static AttackedDatabase plant(PasswordPostgres server) throws SQLException {
        Path folder;
        try {
            // the server may run as another user than the tests: it must be able to create the file
            folder = Files.createTempDirectory("attacked");
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxrwxrwx"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        AttackedDatabase attacked = new AttackedDatabase(server, folder.resolve("touched-by-copy-to-program"));
        attacked.create();
        return attacked;
    }

    private void create() throws SQLException {
        try (Connection connection = superuser("postgres").getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
            statement.execute("DROP ROLE IF EXISTS " + ROLE);
            statement.execute("CREATE ROLE " + ROLE + " LOGIN PASSWORD '" + password + "'");
            statement.execute("CREATE DATABASE " + DATABASE);
        }
        try (Connection connection = superuser(DATABASE).getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE EXTENSION dblink");
            for (String schema : new String[] {"public", "shadow"}) {
                if (!schema.equals("public")) {
                    statement.execute("CREATE SCHEMA " + schema);
                    statement.execute("GRANT USAGE ON SCHEMA " + schema + " TO " + ROLE);
                }
                statement.execute("CREATE TABLE " + schema + ".observability_events (id bigserial PRIMARY KEY, source text NOT NULL,"
                        + " event_type text NOT NULL, context jsonb, created_at timestamptz NOT NULL DEFAULT now())");
                // the role may write if it gets the chance: only the app's defences may stop it
                statement.execute("GRANT ALL ON " + schema + ".observability_events TO " + ROLE);
                statement.execute("GRANT ALL ON SEQUENCE " + schema + ".observability_events_id_seq TO " + ROLE);
            }
            statement.execute("""
                    INSERT INTO public.observability_events (source, event_type, context, created_at)
                    SELECT 'assignment.coordinator', CASE WHEN i %% 2 = 0 THEN 'coordinator.start' ELSE 'coordinator.confirmed' END,
                           CASE WHEN i <= %d THEN jsonb_build_object('reason', 'timeout') ELSE '{}'::jsonb END,
                           now() - make_interval(mins => 10 + i %% 300)
                    FROM generate_series(1, %d) AS i""".formatted(WITH_REASON, EVENTS));
            statement.execute("""
                    INSERT INTO shadow.observability_events (source, event_type, context, created_at)
                    SELECT 'assignment.coordinator', 'coordinator.confirmed', '{}'::jsonb, now() - interval '10 minutes'
                    FROM generate_series(1, 100)""");
            String copy = "COPY (SELECT 1) TO PROGRAM 'touch " + touchedFile + "'";
            statement.execute("""
                    CREATE FUNCTION public.record_and_run() RETURNS int LANGUAGE plpgsql SECURITY DEFINER AS $f$
                    BEGIN
                      EXECUTE %s;
                      INSERT INTO public.observability_events (source, event_type) VALUES ('attack', 'security_definer');
                      RETURN 1;
                    END $f$""".formatted(quote(copy)));
            for (String function : new String[] {"public.touch_row", "public.lower"}) {
                statement.execute("""
                        CREATE FUNCTION %s(observability_events) RETURNS text LANGUAGE plpgsql SECURITY DEFINER AS $f$
                        BEGIN
                          EXECUTE %s;
                          RETURN 'x';
                        END $f$""".formatted(function, quote(copy)));
            }
        }
    }

    private static String quote(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    /** A profile for the attacker role, through the app's own connection path. */
    public EnvironmentProfile profile(String name) {
        return new EnvironmentProfile(name, PasswordPostgres.HOST, server.port(), DATABASE, ROLE, SslMode.DISABLE, "",
                Duration.ofSeconds(10));
    }

    public char[] password() {
        return password.toCharArray();
    }

    /** A libpq connection string for the attacker role, as a dblink call would carry it. */
    public String connectionString() {
        return "host=" + PasswordPostgres.HOST + " port=" + server.port() + " dbname=" + DATABASE + " user=" + ROLE + " password=" + password;
    }

    /** A connection as the attacker role, not through the app: another session of the same role. */
    public DataSource attackerDataSource() {
        PGSimpleDataSource source = base(DATABASE);
        source.setUser(ROLE);
        source.setPassword(password);
        return source;
    }

    /** The superuser, over trust: for set-up and for counting what changed, as psql would. */
    public DataSource superuser(String database) {
        PGSimpleDataSource source = base(database);
        source.setUser("postgres");
        return source;
    }

    public Path touchedFile() {
        return touchedFile;
    }

    public long count(String sql) throws SQLException {
        try (Connection connection = superuser(DATABASE).getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private PGSimpleDataSource base(String database) {
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setServerNames(new String[] {PasswordPostgres.HOST});
        source.setPortNumbers(new int[] {server.port()});
        source.setDatabaseName(database);
        return source;
    }
}
