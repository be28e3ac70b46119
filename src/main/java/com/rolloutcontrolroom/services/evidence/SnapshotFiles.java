package com.rolloutcontrolroom.services.evidence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.rolloutcontrolroom.domain.journal.EntryFields;
import com.rolloutcontrolroom.domain.journal.SnapshotTaken;
import com.rolloutcontrolroom.domain.journal.StoredEntry;
import com.rolloutcontrolroom.services.query.SnapshotCsv;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One snapshot record as two files: JSON (the record's fields as hashed, its hash and phase, each query's
 * rows as JSON rather than as the text they are journaled in) and CSV (every query's rows in the long
 * form {@link SnapshotCsv} writes). Both deterministic: sorted keys, two-space indents, {@code \n} line ends.
 */
final class SnapshotFiles {

    private static final ObjectMapper READ = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));
    // objects one field a line with \n whatever the OS (the default is its line separator), arrays on one line: a row reads as a row
    private static final ObjectWriter WRITE = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .writer(new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n")));

    /** {@code 57-T+1h}: the record id, then the checkpoint it served ({@code on-demand} for a run someone started). */
    String baseName(StoredEntry stored) {
        String checkpoint = ((SnapshotTaken) stored.entry()).checkpoint();
        return stored.id() + "-" + (checkpoint == null ? "on-demand" : EvidencePayload.safe(checkpoint));
    }

    @SuppressWarnings("unchecked")
    byte[] json(StoredEntry stored, String phase) {
        Map<String, Object> document = EntryFields.document(stored.id(), stored.entry());
        document.put("hash", stored.hash());
        document.put("phase", phase == null || phase.isEmpty() ? null : phase);
        List<Map<String, Object>> queries = (List<Map<String, Object>>) document.get("queries");
        document.put("queries", queries.stream().map(SnapshotFiles::withRows).toList());
        try {
            return EvidencePayload.utf8(WRITE.writeValueAsString(document) + "\n");
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    byte[] csv(StoredEntry stored) {
        StringWriter out = new StringWriter();
        try {
            new SnapshotCsv().write((SnapshotTaken) stored.entry(), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return EvidencePayload.utf8(out.toString());
    }

    /** The journaled rows text as JSON, so the file reads as rows; numbers keep their exact text. */
    private static Map<String, Object> withRows(Map<String, Object> query) {
        Map<String, Object> copy = new HashMap<>(query);
        String rowsJson = (String) copy.remove("rowsJson");
        JsonNode rows;
        try {
            rows = READ.readTree(rowsJson);
        } catch (JsonProcessingException e) {
            rows = READ.getNodeFactory().textNode(rowsJson);
        }
        copy.put("result", rows);
        return copy;
    }
}
