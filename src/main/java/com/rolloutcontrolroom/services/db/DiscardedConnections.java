package com.rolloutcontrolroom.services.db;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.postgresql.jdbc.PgConnection;

/**
 * Takes a connection out of service for good. From a HikariCP pool (every environment's pool and
 * the demo's) it is evicted, so the pool closes the physical connection instead of handing it to
 * the next query. A plain driver connection ends its session when its caller closes it; under any
 * other wrapper the session itself is closed, so whatever pool holds it can only drop it.
 */
final class DiscardedConnections {

    private DiscardedConnections() {
    }

    /** Call before the connection is closed (returned to its pool). */
    static void discard(DataSource dataSource, Connection connection) throws SQLException {
        if (dataSource.isWrapperFor(HikariDataSource.class)) {
            dataSource.unwrap(HikariDataSource.class).evictConnection(connection);
        } else if (!(connection instanceof PgConnection)) {
            connection.unwrap(PgConnection.class).close();
        }
    }
}
