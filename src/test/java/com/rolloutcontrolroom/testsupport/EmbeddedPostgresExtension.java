package com.rolloutcontrolroom.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A real PostgreSQL for tests: ONE embedded server per test JVM (started on first use, stopped and
 * deleted by zonky's own shutdown hook), and a fresh, empty database for each test class.
 *
 * <p>Use it as a static field, then take the data source or URL from it:
 * <pre>{@code
 * @RegisterExtension
 * static final EmbeddedPostgresExtension postgres = new EmbeddedPostgresExtension();
 *
 * @Test
 * void reads() throws Exception {
 *     try (Connection c = postgres.dataSource().getConnection()) { ... }
 * }
 * }</pre>
 * A test or lifecycle method may also declare a {@link DataSource} parameter and receive the class's
 * database. All tests of a class share its database (drop or truncate what you need between tests);
 * the database is dropped after the class. A non-static field works too: the database is then created
 * before the first test and kept until the JVM ends.
 */
public final class EmbeddedPostgresExtension implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback,
        ParameterResolver {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    // a static holder is the point here: one server per test JVM, whatever the number of classes
    private static EmbeddedPostgres server;

    private String databaseName;
    private DataSource dataSource;

    @Override
    public void beforeAll(ExtensionContext context) {
        createDatabase(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (databaseName == null) {
            createDatabase(context);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws SQLException {
        if (databaseName == null) {
            return;
        }
        try (Connection connection = server().getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + databaseName + " WITH (FORCE)");
        }
        databaseName = null;
        dataSource = null;
    }

    /** The class's own database; not pooled, each {@code getConnection()} opens a new connection. */
    public DataSource dataSource() {
        requireDatabase();
        return dataSource;
    }

    /** e.g. {@code jdbc:postgresql://localhost:PORT/t3_querytest?user=postgres} */
    public String jdbcUrl() {
        requireDatabase();
        return server().getJdbcUrl("postgres", databaseName);
    }

    public String databaseName() {
        requireDatabase();
        return databaseName;
    }

    public int port() {
        return server().getPort();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == DataSource.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        if (databaseName == null) {
            createDatabase(context);
        }
        return dataSource();
    }

    private void createDatabase(ExtensionContext context) {
        String className = context.getRequiredTestClass().getSimpleName().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        String name = "t" + DATABASES.incrementAndGet() + "_" + className.substring(0, Math.min(40, className.length()));
        try (Connection connection = server().getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create test database " + name, e);
        }
        databaseName = name;
        dataSource = server().getDatabase("postgres", name);
    }

    private void requireDatabase() {
        if (databaseName == null) {
            throw new IllegalStateException("No test database yet: register the extension with @RegisterExtension "
                    + "and use it from a test or lifecycle method");
        }
    }

    private static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().start(); // zonky adds the shutdown hook that stops it
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start the embedded PostgreSQL for tests", e);
            }
        }
        return server;
    }
}
