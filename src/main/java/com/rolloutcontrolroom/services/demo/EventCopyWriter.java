package com.rolloutcontrolroom.services.demo;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.postgresql.PGConnection;

/** Bulk-inserts events with COPY: thousands of rows in a few milliseconds, where batched INSERTs take seconds. */
public final class EventCopyWriter {

    private static final String COPY_SQL =
            "COPY observability_events (source, event_type, context, created_at) FROM STDIN";

    public long insert(Connection connection, List<ObservabilityEvent> events) throws SQLException {
        if (events.isEmpty()) {
            return 0;
        }
        StringBuilder rows = new StringBuilder(events.size() * 120);
        for (ObservabilityEvent event : events) {
            rows.append(escape(event.source())).append('\t')
                    .append(escape(event.eventType())).append('\t')
                    .append(event.contextJson() == null ? "\\N" : escape(event.contextJson())).append('\t')
                    .append(event.createdAt()).append('\n');
        }
        try {
            return connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn(COPY_SQL, new StringReader(rows.toString()));
        } catch (IOException e) {
            throw new SQLException("Could not stream demo events to PostgreSQL", e);
        }
    }

    /** COPY text format: backslash, tab and newline would otherwise end a field or row. */
    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }
}
