package com.rolloutcontrolroom.testsupport;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * One embedded PostgreSQL per test JVM, started on first use, where TCP logins other than the
 * superuser's need a SCRAM password: the role {@value PasswordPostgres#ROLE} owns nothing, may read
 * the database {@value PasswordPostgres#DATABASE}, and has a password generated per run. Inject a
 * {@link PasswordPostgres} into a test constructor or method.
 */
public final class PasswordPostgresExtension implements ParameterResolver {

    private static final String HBA = """
            # written by PasswordPostgresExtension: the superuser keeps trust for set-up, everyone else needs a password
            local all all trust
            host all postgres 127.0.0.1/32 trust
            host all postgres ::1/128 trust
            host all all 127.0.0.1/32 scram-sha-256
            host all all ::1/128 scram-sha-256
            """;

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == PasswordPostgres.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.create(PasswordPostgresExtension.class))
                .getOrComputeIfAbsent(Server.class, key -> Server.start(), Server.class).postgres();
    }

    /** Closed by JUnit when the root context closes, i.e. at the end of the test run. */
    private record Server(EmbeddedPostgres embedded, PasswordPostgres postgres) implements ExtensionContext.Store.CloseableResource {

        static Server start() {
            try {
                EmbeddedPostgres embedded = EmbeddedPostgres.builder()
                        .setServerConfig("password_encryption", "scram-sha-256")
                        .setDataDirectoryCustomizer(PasswordPostgresExtension::writeHba)
                        .start();
                String password = "pw-" + UUID.randomUUID();
                try (Connection connection = embedded.getPostgresDatabase().getConnection();
                     Statement statement = connection.createStatement()) {
                    statement.execute("CREATE ROLE " + PasswordPostgres.ROLE + " LOGIN PASSWORD '" + password + "'");
                    statement.execute("CREATE DATABASE " + PasswordPostgres.DATABASE);
                }
                try (Connection connection = embedded.getDatabase("postgres", PasswordPostgres.DATABASE).getConnection();
                     Statement statement = connection.createStatement()) {
                    statement.execute("""
                            CREATE TABLE observability_events (
                              id bigserial PRIMARY KEY, source text NOT NULL, event_type text NOT NULL,
                              context jsonb NOT NULL DEFAULT '{}', created_at timestamptz NOT NULL DEFAULT now())""");
                    statement.execute("""
                            INSERT INTO observability_events (source, event_type, context)
                            SELECT 'assignment.coordinator', 'coordinator.confirmed', '{}'::jsonb FROM generate_series(1, 50)""");
                    // the role may write if it gets the chance: the read-only transaction must be what stops it
                    statement.execute("GRANT ALL ON observability_events TO " + PasswordPostgres.ROLE);
                    statement.execute("GRANT USAGE ON SEQUENCE observability_events_id_seq TO " + PasswordPostgres.ROLE);
                }
                return new Server(embedded, new PasswordPostgres(embedded.getPort(), password));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start the embedded PostgreSQL", e);
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot set up the password role in the embedded PostgreSQL", e);
            }
        }

        @Override
        public void close() throws IOException {
            embedded.close();
        }
    }

    private static void writeHba(File dataDirectory) {
        try {
            Files.writeString(dataDirectory.toPath().resolve("pg_hba.conf"), HBA);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where the password role connects. */
    public record PasswordPostgres(int port, String password) {
        public static final String ROLE = "rollout_reader";
        public static final String DATABASE = "rollout_test";
        public static final String HOST = "127.0.0.1";

        @Override
        public String toString() {
            return "PasswordPostgres[" + HOST + ":" + port + "]";
        }
    }
}
