package com.rolloutcontrolroom.services.journal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * Writes the journal as JSON Lines, one record per line, oldest first. Each line carries the exact
 * canonical text that was hashed plus both hashes, so an auditor can recompute the chain with any
 * SHA-256 tool and no knowledge of this app (see docs/journal-format.md).
 */
public final class JournalExporter {

    private final JournalDatabase database;
    private final ObjectMapper mapper = new ObjectMapper().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    public JournalExporter(JournalDatabase database) {
        this.database = database;
    }

    /** Returns the number of records written; refuses to export a file SQLite reports as damaged. */
    public long exportJsonl(Writer out) {
        String integrity = database.integrityCheck();
        if (!"ok".equals(integrity)) {
            throw new JournalUnavailableException("The journal failed integrity_check (" + integrity
                    + "); restore it from a backup before exporting.");
        }
        return database.read(connection -> {
            long count = 0;
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery(
                         "SELECT id, kind, recorded_at, CAST(body AS BLOB), prev_hash, hash FROM journal_entry ORDER BY id")) {
                while (rs.next()) {
                    String canonical = new String(rs.getBytes(4), StandardCharsets.UTF_8);
                    ObjectNode line = mapper.createObjectNode();
                    line.put("id", rs.getLong(1));
                    line.put("kind", rs.getString(2));
                    line.put("recordedAt", rs.getString(3));
                    line.put("prevHash", rs.getString(5));
                    line.put("hash", rs.getString(6));
                    line.put("canonical", canonical);
                    line.set("entry", mapper.readTree(canonical));
                    out.write(mapper.writeValueAsString(line));
                    out.write('\n');
                    count++;
                }
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException("Writing the journal export failed: " + e.getMessage(), e);
            }
            return count;
        });
    }
}
