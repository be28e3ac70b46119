package com.rolloutcontrolroom.services.journal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rolloutcontrolroom.domain.journal.ChainHead;
import com.rolloutcontrolroom.domain.journal.JournalSignatures;
import com.rolloutcontrolroom.domain.journal.VerificationReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import org.slf4j.LoggerFactory;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Writes the journal as JSON Lines, oldest first: a first line describing the journal (its head, its
 * signing key, whether it verified), then one line per record with the exact canonical text that was
 * hashed, both hashes and the signature, so an auditor can recompute the chain with any SHA-256 tool
 * and check the signatures with openssl, without this app (see docs/journal-format.md).
 */
public final class JournalExporter {

    /** Names the header line's shape; bumped if its meaning ever changes. */
    public static final String FORMAT = "rollout-control-room-journal-export/1";

    private final JournalDatabase database;
    private final ObjectMapper mapper = new ObjectMapper().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    public JournalExporter(JournalDatabase database) {
        this.database = database;
    }

    /**
     * Returns the number of records written; refuses a file SQLite reports as damaged. Whether to
     * export a journal that does not verify is the caller's decision; the header says it did not.
     */
    public long exportJsonl(Writer out, VerificationReport verification) {
        String integrity = database.integrityCheck();
        if (!"ok".equals(integrity)) {
            // SQLite's own words name pages and cells, for the log; the sentence says what to do
            LoggerFactory.getLogger(JournalExporter.class).warn("integrity_check of {}: {}", database.file(), integrity);
            throw new JournalUnavailableException("The journal " + database.file() + " failed SQLite's integrity_check,"
                    + " so it is damaged; restore it from a backup or the last export before exporting.");
        }
        return database.read(connection -> {
            boolean signatures = ChainVerifier.hasSignatureColumn(connection);
            long count = 0;
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT id, kind, recorded_at, CAST(body AS BLOB), prev_hash, hash, "
                         + (signatures ? "signature" : "NULL") + " FROM journal_entry ORDER BY id")) {
                out.write(mapper.writeValueAsString(header(connection, verification)));
                out.write('\n');
                while (rs.next()) {
                    String canonical = new String(rs.getBytes(4), StandardCharsets.UTF_8);
                    ObjectNode line = mapper.createObjectNode();
                    line.put("id", rs.getLong(1));
                    line.put("kind", rs.getString(2));
                    line.put("recordedAt", rs.getString(3));
                    line.put("prevHash", rs.getString(5));
                    line.put("hash", rs.getString(6));
                    line.put("signature", rs.getString(7));
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

    /** The key and head as stored, so even a forced export of a broken journal says what it claims to be. */
    private ObjectNode header(Connection connection, VerificationReport verification) throws SQLException {
        ObjectNode journal = mapper.createObjectNode();
        journal.put("format", FORMAT);
        journal.put("schemaVersion", SchemaMigrator.version(connection));
        ChainHead head = JournalReader.head(connection);
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT count(*) FROM journal_entry")) {
            journal.put("records", rs.next() ? rs.getLong(1) : 0);
        }
        ObjectNode headNode = journal.putObject("head");
        headNode.put("id", head.id());
        headNode.put("hash", head.hash());
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT id, json_extract(body, '$.publicKey'), json_extract(body, '$.fingerprint')"
                     + " FROM journal_entry WHERE kind = 'SIGNING_KEY' ORDER BY id LIMIT 1")) {
            if (rs.next()) {
                ObjectNode signing = journal.putObject("signing");
                signing.put("algorithm", JournalSignatures.ALGORITHM);
                signing.put("publicKey", rs.getString(2));
                signing.put("fingerprint", rs.getString(3));
                signing.put("enrolledAt", rs.getLong(1));
            } else {
                journal.putNull("signing");
            }
        }
        journal.put("verified", verification.ok());
        journal.put("problem", verification.failure());
        ObjectNode root = mapper.createObjectNode();
        root.set("journal", journal);
        return root;
    }
}
