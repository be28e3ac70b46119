package com.rolloutcontrolroom.services.report;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rolloutcontrolroom.domain.journal.QueryResult;
import com.rolloutcontrolroom.domain.journal.SnapshotTaken;
import com.rolloutcontrolroom.domain.query.IntervalText;
import com.rolloutcontrolroom.domain.rollout.Recorded;
import com.rolloutcontrolroom.services.query.RecordedRows;

/**
 * Seed 000's baseline: the top-10 event breakdown of the 24 h before the first deployment marker, read
 * from a snapshot that ran the query set's {@code baseline_top_events} over that window. A snapshot
 * counts when its window ends at the marker or within {@link #TAKEN_WITHIN} before it (the seed's
 * "captured ~15:00" for a 15:00 start) and spans 24 h; otherwise the report says why there is none.
 */
record Baseline(Recorded<SnapshotTaken> snapshot, QueryResult query, Instant windowEnd, Duration window, RecordedRows rows) {

    static final String QUERY = "baseline_top_events";
    static final Duration WINDOW = Duration.ofHours(24);
    static final Duration TAKEN_WITHIN = Duration.ofHours(1);

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The baseline, or why there is none, in one sentence. */
    record Found(Optional<Baseline> baseline, String whyNot) {
    }

    static Found find(List<Recorded<SnapshotTaken>> snapshots, Instant firstMarker) {
        if (firstMarker == null) {
            return new Found(Optional.empty(), "the rollout has no deployment marker yet, so the 24 h before it are not known");
        }
        List<Baseline> ran = snapshots.stream().flatMap(s -> s.entry().queries().stream()
                        .filter(q -> q.name().equals(QUERY)).findFirst().flatMap(q -> read(s, q)).stream())
                .sorted(Comparator.comparing(Baseline::windowEnd).thenComparing(b -> b.snapshot().id()))
                .toList();
        Optional<Baseline> covering = ran.stream()
                .filter(b -> b.window().equals(WINDOW) && !b.windowEnd().isAfter(firstMarker)
                        && !b.windowEnd().isBefore(firstMarker.minus(TAKEN_WITHIN)))
                .reduce((a, b) -> b);
        if (covering.isPresent()) {
            return new Found(covering, null);
        }
        String why = "no snapshot in the journal ran " + QUERY + " over the 24 h before the first deployment marker ("
                + ReportText.time(firstMarker) + ")";
        if (ran.isEmpty()) {
            return new Found(Optional.empty(), why + "; none ran it at all");
        }
        Baseline nearest = ran.get(0);
        return new Found(Optional.empty(), why + "; the earliest that ran it measured the " + hours(nearest.window()) + " to "
                + ReportText.time(nearest.windowEnd()) + " (record " + ReportText.record(nearest.snapshot().id()) + ")");
    }

    /** A run whose rows can be read: it ran (status OK), its window is known. */
    private static Optional<Baseline> read(Recorded<SnapshotTaken> snapshot, QueryResult query) {
        try {
            RecordedRows rows = RecordedRows.read(query.rowsJson());
            if (!"OK".equals(rows.status())) {
                return Optional.empty();
            }
            JsonNode outcome = JSON.readTree(query.rowsJson());
            Instant end = outcome.hasNonNull("asOf") && !outcome.hasNonNull("realTime")
                    ? Instant.parse(outcome.get("asOf").asText()) : snapshot.entry().startedAt();
            String window = query.parameters().get("window");
            return Optional.of(new Baseline(snapshot, query, end, window == null ? WINDOW : IntervalText.parse(window), rows));
        } catch (IllegalArgumentException | JsonProcessingException | java.time.DateTimeException unreadable) {
            return Optional.empty();
        }
    }

    Instant windowStart() {
        return windowEnd.minus(window);
    }

    static String hours(Duration window) {
        return window.toMinutes() % 60 == 0 ? window.toHours() + " h" : window.toMinutes() + " min";
    }

    /** The rows as the seed's table: Source, Event Type, Count; columns named as the query returns them. */
    List<List<String>> breakdown() {
        int source = rows.columns().indexOf("source");
        int type = rows.columns().indexOf("event_type");
        int count = rows.columns().indexOf("events");
        return rows.rows().stream().map(row -> List.of(
                codeOrNot(row, source),
                codeOrNot(row, type),
                count < 0 || row.get(count).isBlank() ? ReportText.NOT_RECORDED : grouped(row.get(count)))).toList();
    }

    long total() {
        int count = rows.columns().indexOf("events");
        return count < 0 ? 0 : rows.rows().stream().mapToLong(row -> parse(row.get(count))).sum();
    }

    private static String codeOrNot(List<String> row, int column) {
        return column < 0 || row.get(column).isBlank() ? ReportText.NOT_RECORDED : Markdown.code(row.get(column));
    }

    private static String grouped(String value) {
        return value.matches("\\d+") ? ReportText.count(Long.parseLong(value)) : value;
    }

    private static long parse(String value) {
        return value.matches("\\d+") ? Long.parseLong(value) : 0;
    }
}
