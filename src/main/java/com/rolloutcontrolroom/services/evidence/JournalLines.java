package com.rolloutcontrolroom.services.evidence;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rolloutcontrolroom.domain.journal.CanonicalForm;
import com.rolloutcontrolroom.domain.journal.ChainHead;
import com.rolloutcontrolroom.domain.journal.Enrollment;
import com.rolloutcontrolroom.domain.journal.StoredEntry;
import com.rolloutcontrolroom.services.journal.ChainWalk;
import com.rolloutcontrolroom.services.journal.JournalExporter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads a journal export ({@link JournalExporter}'s JSON Lines) back into records, checking each line by
 * the chain's own rules ({@link ChainWalk}, the code {@code journal verify} runs) and the header against
 * the records. The bundle is built from these records and verified from them, so both read one thing.
 */
final class JournalLines {

    /**
     * @param entries  the records up to the first that breaks the chain
     * @param problems one sentence each, naming the file, line and record
     */
    record Reading(List<StoredEntry> entries, ChainHead head, Enrollment enrollment, boolean chainIntact, List<String> problems) {
        Reading {
            entries = List.copyOf(entries);
            problems = List.copyOf(problems);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private final String file;

    /** @param file the name problems give the export, e.g. {@code data/journal/journal.jsonl} */
    JournalLines(String file) {
        this.file = file;
    }

    Reading read(byte[] jsonl) {
        List<String> problems = new ArrayList<>();
        ChainWalk walk = new ChainWalk();
        List<StoredEntry> entries = new ArrayList<>();
        if (jsonl.length == 0 || jsonl[jsonl.length - 1] != '\n') {
            problems.add(file + " does not end with a line break, so its last line was cut off.");
        }
        JsonNode header = null;
        boolean intact = true;
        int records = 0;
        // lines are read from the bytes in place: a journal of thousands of snapshots is hundreds of megabytes
        int start = 0;
        for (int i = 0; start < jsonl.length && intact; i++) {
            int end = start;
            while (end < jsonl.length && jsonl[end] != '\n') {
                end++;
            }
            int from = start;
            start = end + 1;
            String where = file + " line " + (i + 1);
            JsonNode node;
            try {
                node = from == end ? null : JSON.readTree(jsonl, from, end - from);
            } catch (IOException e) {
                problems.add(where + " is not a JSON object: " + firstLine(e.getMessage()) + ".");
                intact = false;
                break;
            }
            if (i == 0) {
                header = node == null ? null : node.get("journal");
                if (header == null || !header.isObject()) {
                    problems.add(where + " is not the export's header line ({\"journal\":{…}}).");
                    intact = false;
                }
                continue;
            }
            records++;
            String problem = record(node, walk);
            if (problem != null) {
                problems.add(where + (node != null && node.path("id").canConvertToLong() ? " (record " + node.path("id").asLong() + ")" : "")
                        + ": " + problem + ".");
                intact = false;
            } else {
                entries.add(walk.lastEntry());
            }
        }
        if (intact && header != null) {
            headerProblems(header, records, walk, problems);
        }
        if (intact && records == 0) {
            problems.add(file + " holds no records.");
        }
        return new Reading(entries, walk.head(), walk.enrollment(), intact, problems);
    }

    /** The chain's problem with the line, or one with its shape; null when it continues the chain. */
    private static String record(JsonNode node, ChainWalk walk) {
        if (node == null || !node.isObject()) {
            return "it is not a JSON object";
        }
        for (String field : List.of("id", "kind", "recordedAt", "prevHash", "hash", "canonical")) {
            if (!node.hasNonNull(field)) {
                return "it has no '" + field + "'";
            }
        }
        if (!node.get("id").canConvertToLong() || !node.get("id").isIntegralNumber()) {
            return "its id is not a whole number";
        }
        JsonNode signature = node.get("signature");
        String canonical = node.get("canonical").asText();
        String problem = walk.add(new ChainWalk.Row(node.get("id").asLong(), canonical.getBytes(StandardCharsets.UTF_8),
                node.get("prevHash").asText(), node.get("hash").asText(),
                signature == null || signature.isNull() ? null : signature.asText(),
                List.of(new ChainWalk.Copy("kind", node.get("kind").asText()),
                        new ChainWalk.Copy("recordedAt", node.get("recordedAt").asText()))));
        if (problem != null) {
            return "chain broken: " + problem;
        }
        // compared in canonical form: encoding the parsed copy costs less than parsing the canonical text again
        try {
            if (!java.util.Arrays.equals(CanonicalForm.encode(plain(node.get("entry"))), canonical.getBytes(StandardCharsets.UTF_8))) {
                return "its 'entry' does not read the same as its hashed 'canonical' text";
            }
        } catch (IllegalArgumentException | ClassCastException e) {
            return "its 'entry' does not read the same as its hashed 'canonical' text";
        }
        return null;
    }

    /** A parsed JSON value as the plain tree canonical form encodes; a number stays a node, which canonical form refuses. */
    @SuppressWarnings("unchecked")
    private static <T> T plain(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isObject()) {
            Map<String, Object> object = new HashMap<>();
            node.fields().forEachRemaining(field -> object.put(field.getKey(), plain(field.getValue())));
            return (T) object;
        }
        if (node.isArray()) {
            List<Object> array = new ArrayList<>();
            node.forEach(element -> array.add(plain(element)));
            return (T) array;
        }
        if (node.isTextual()) {
            return (T) node.asText();
        }
        return (T) (node.isBoolean() ? (Object) node.booleanValue() : node);
    }

    /** The header's claims (count, head, key, verified) against the records. */
    private void headerProblems(JsonNode header, int records, ChainWalk walk, List<String> problems) {
        String where = file + " line 1 (the header)";
        if (!JournalExporter.FORMAT.equals(header.path("format").asText())) {
            problems.add(where + " names the format '" + header.path("format").asText() + "', not " + JournalExporter.FORMAT + ".");
        }
        if (header.path("records").asLong(-1) != records) {
            problems.add(where + " says " + header.path("records").asText() + " records, but the file holds " + records + ".");
        }
        ChainHead head = walk.head();
        JsonNode claimed = header.path("head");
        if (claimed.path("id").asLong(-1) != head.id() || !head.hash().equals(claimed.path("hash").asText())) {
            problems.add(where + " says the head is record " + claimed.path("id").asText() + " (" + claimed.path("hash").asText()
                    + "), but the records end at record " + head.id() + " (" + head.hash() + ").");
        }
        JsonNode signing = header.path("signing");
        Enrollment enrollment = walk.enrollment();
        if (enrollment == null ? !signing.isNull() && !signing.isMissingNode()
                : !(enrollment.publicKey().equals(signing.path("publicKey").asText())
                    && enrollment.fingerprint().equals(signing.path("fingerprint").asText())
                    && enrollment.recordId() == signing.path("enrolledAt").asLong(-1))) {
            problems.add(where + "'s signing key does not match the " + (enrollment == null ? "records, which enroll none"
                    : "key record " + enrollment.recordId() + " enrolls") + ".");
        }
        if (!header.path("verified").asBoolean(false)) {
            problems.add(where + " says the journal did not verify when it was exported: " + header.path("problem").asText() + ".");
        }
    }

    private static String firstLine(String message) {
        String first = message == null ? "unreadable" : message.lines().findFirst().orElse("unreadable");
        return first.endsWith(".") ? first.substring(0, first.length() - 1) : first;
    }
}
