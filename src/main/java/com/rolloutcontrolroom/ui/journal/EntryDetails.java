package com.rolloutcontrolroom.ui.journal;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.rolloutcontrolroom.domain.journal.EntryFields;
import com.rolloutcontrolroom.domain.journal.StoredEntry;
import com.rolloutcontrolroom.services.query.RecordedRows;

/**
 * The details pane's text: every field of a record as hashed (the same field tree as the canonical
 * form, so nothing is hidden or reworded), then its position and hashes. A query's rows are the one
 * exception: the screen shows them as a table, so here they are counted and their columns named
 * rather than printed as one unbreakable line of JSON; the journal export keeps the exact JSON.
 */
final class EntryDetails {

    private EntryDetails() {
    }

    static String of(StoredEntry stored, List<Long> correctedBy) {
        StringBuilder text = new StringBuilder();
        text.append("Record #").append(stored.id()).append(" · ").append(stored.entry().kind()).append('\n');
        if (!correctedBy.isEmpty()) {
            text.append("Corrected by ").append(correctedBy.stream().map(id -> "#" + id).toList())
                    .append("; this original stays in the chain unchanged.\n");
        }
        text.append('\n');
        Map<String, Object> fields = new TreeMap<>(EntryFields.fields(stored.entry()));
        fields.remove("kind");
        appendFields(text, fields, "");
        text.append('\n')
                .append("hash      ").append(stored.hash()).append('\n')
                .append("prev hash ").append(stored.previousHash()).append('\n')
                .append("signature ").append(stored.signature() == null ? "— (unsigned)"
                        : stored.signature());
        return text.toString();
    }

    private static void appendFields(StringBuilder text, Map<String, ?> fields, String indent) {
        new TreeMap<>(fields).forEach((name, value) -> appendValue(text, name, value, indent));
    }

    private static String rowsInWords(String json) {
        try {
            RecordedRows rows = RecordedRows.read(json);
            String error = rows.error().isEmpty() ? "" : "; error: " + rows.error();
            return QueryRows.count(rows.rows().size()) + " of " + String.join(", ", rows.columns())
                    + " (shown in the rows table)" + error;
        } catch (IllegalArgumentException unreadable) {
            return json;
        }
    }

    @SuppressWarnings("unchecked")
    private static void appendValue(StringBuilder text, String name, Object value, String indent) {
        if (value instanceof Map<?, ?> map) {
            text.append(indent).append(name).append(':').append('\n');
            appendFields(text, (Map<String, ?>) map, indent + "  ");
        } else if (value instanceof List<?> list) {
            text.append(indent).append(name).append(':').append(list.isEmpty() ? " (none)" : "").append('\n');
            for (int i = 0; i < list.size(); i++) {
                appendValue(text, "[" + (i + 1) + "]", list.get(i), indent + "  ");
            }
        } else if ("rowsJson".equals(name) && value instanceof String json) {
            text.append(indent).append("rows: ").append(rowsInWords(json)).append('\n');
        } else {
            String shown = value == null ? "—" : value.toString().replace("\n", "\n" + indent + "    ");
            text.append(indent).append(name).append(": ").append(shown).append('\n');
        }
    }
}
