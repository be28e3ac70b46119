package com.rolloutcontrolroom.services.db;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.postgresql.jdbc.PgConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes a connection out of service for good. From a HikariCP pool (every environment's pool and
 * the demo's) it is evicted, so the pool closes the physical connection instead of handing it to
 * the next query. A plain driver connection ends its session when its caller closes it; under any
 * other wrapper the session itself is closed, so whatever pool holds it can only drop it.
 */
final class DiscardedConnections {

    private static final Logger LOG = LoggerFactory.getLogger(DiscardedConnections.class);

    private DiscardedConnections() {
    }

    /** Call before the connection is closed (returned to its pool). Never throws: it runs while another failure may be on its way. */
    static void discard(DataSource dataSource, Connection connection) {
        try {
            if (dataSource.isWrapperFor(HikariDataSource.class)) {
                HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
                restorePoolDefaults(pool, connection);
                pool.evictConnection(connection);
            } else if (!(connection instanceof PgConnection)) {
                connection.unwrap(PgConnection.class).close();
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warn("A connection that ran a user query could not be taken out of its pool: {}", e.toString());
        }
    }

    /**
     * The transaction is over; with the pool's own defaults back, closing the evicted proxy has nothing
     * left to reset on a physical connection that is already gone (HikariCP 7 would fail there).
     */
    private static void restorePoolDefaults(HikariDataSource pool, Connection connection) {
        try {
            connection.setAutoCommit(pool.isAutoCommit());
            connection.setReadOnly(pool.isReadOnly());
        } catch (SQLException broken) {
            LOG.debug("Evicting a broken connection: {}", broken.toString());
        }
    }
}
