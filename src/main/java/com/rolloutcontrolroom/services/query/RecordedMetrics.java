package com.rolloutcontrolroom.services.query;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.rolloutcontrolroom.domain.journal.QueryResult;
import com.rolloutcontrolroom.domain.journal.SnapshotTaken;
import com.rolloutcontrolroom.domain.journal.SnapshotVerdict;
import com.rolloutcontrolroom.domain.gate.CheckpointJudge;
import com.rolloutcontrolroom.domain.metrics.MetricKind;
import com.rolloutcontrolroom.domain.query.QueryDefinition;
import com.rolloutcontrolroom.domain.query.QuerySuite;

/**
 * Recomputes a recorded snapshot's numbers from its journaled rows with the code that computed them
 * ({@link RunMeasures}, {@link PhaseWindowReader#counts}, {@link SnapshotRecorder#measured}), and its
 * verdicts from those numbers ({@link RunVerdicts#recompute}), so an auditor's copy of the journal can
 * be checked against itself: a row edited after the fact no longer gives the number next to it.
 */
public final class RecordedMetrics {

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));
    /** The runner writes exact decimals as text (SnapshotJson); read back, they are decimals again. */
    private static final java.util.regex.Pattern DECIMAL = java.util.regex.Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Set<String> CONTEXT_KEYS = Set.of(RecordedContext.SHADOW, RecordedContext.PREVIOUS_ERRORS,
            RecordedContext.SUCCESS_PASS, RecordedContext.SUCCESS_FAIL, RecordedContext.REVIEW_PASS, RecordedContext.REVIEW_FAIL,
            RecordedContext.MINIMUM_EVENTS);

    private static final Set<String> MEASURED = measured();

    private RecordedMetrics() {
    }

    /**
     * Each way the snapshot's recorded metrics differ from those its rows give, in words; empty when they
     * agree. The context it was judged with (bands, shadow, previous errors) is an input, not derived from rows.
     */
    public static List<String> metricDifferences(SnapshotTaken snapshot) {
        Map<String, BigDecimal> recomputed;
        try {
            recomputed = recompute(snapshot);
        } catch (IllegalArgumentException | IllegalStateException e) {
            return List.of(e.getMessage());
        }
        Map<String, BigDecimal> recorded = new TreeMap<>(snapshot.metrics());
        recorded.keySet().removeAll(CONTEXT_KEYS);
        List<String> differences = new ArrayList<>();
        Set<String> keys = new TreeSet<>(recorded.keySet());
        keys.addAll(recomputed.keySet());
        for (String key : keys) {
            BigDecimal was = recorded.get(key);
            BigDecimal is = recomputed.get(key);
            if (was == null) {
                differences.add("metric " + key + " is not recorded, but its rows give " + is.toPlainString());
            } else if (is == null) {
                differences.add("metric " + key + " is recorded as " + was.toPlainString() + ", but no row gives it");
            } else if (!was.toPlainString().equals(is.toPlainString())) {
                differences.add("metric " + key + " is recorded as " + was.toPlainString() + ", but its rows give " + is.toPlainString());
            }
        }
        return differences;
    }

    /**
     * Each way the recorded verdicts differ from those its numbers give now; empty when they agree. A snapshot
     * recorded before the overall verdict existed is compared without it.
     */
    public static List<String> verdictDifferences(SnapshotTaken snapshot) {
        List<SnapshotVerdict> recomputed = new ArrayList<>(RunVerdicts.verdicts(RunVerdicts.recompute(snapshot)));
        if (snapshot.verdicts().stream().noneMatch(v -> v.subject().equals(CheckpointJudge.OVERALL))) {
            recomputed.removeIf(v -> v.subject().equals(CheckpointJudge.OVERALL));
        }
        if (recomputed.equals(snapshot.verdicts())) {
            return List.of();
        }
        List<String> differences = new ArrayList<>();
        for (int i = 0; i < Math.max(recomputed.size(), snapshot.verdicts().size()); i++) {
            SnapshotVerdict was = i < snapshot.verdicts().size() ? snapshot.verdicts().get(i) : null;
            SnapshotVerdict is = i < recomputed.size() ? recomputed.get(i) : null;
            if (!java.util.Objects.equals(was, is)) {
                differences.add("verdict " + (i + 1) + " is recorded as " + describe(was) + ", but its numbers give " + describe(is));
            }
        }
        return differences;
    }

    private static String describe(SnapshotVerdict verdict) {
        return verdict == null ? "nothing" : verdict.subject() + " " + verdict.outcome() + " (" + String.join("; ", verdict.reasons()) + ")";
    }

    /** The metrics its rows give, without the recorded context. */
    static Map<String, BigDecimal> recompute(SnapshotTaken snapshot) {
        // only the metric queries give numbers; the suite's own rows are evidence, not inputs, and are not parsed
        List<QueryOutcome> outcomes = new ArrayList<>();
        for (QueryResult query : snapshot.queries()) {
            if (MEASURED.contains(query.name())) {
                outcomes.add(outcome(query));
            }
        }
        // a final verification appends its whole-window outcomes after the run's own (CheckpointTaker)
        int window = outcomes.size();
        for (int i = 0; i < outcomes.size(); i++) {
            if (isPhaseHours(outcomes.get(i).query().name())) {
                window = i;
                break;
            }
        }
        Map<String, BigDecimal> extra = Map.of();
        if (window < outcomes.size()) {
            List<QueryOutcome> windowOutcomes = outcomes.subList(window, outcomes.size());
            Map<String, String> parameters = windowOutcomes.get(0).parameters();
            Instant since = Instant.parse(parameters.get("since"));
            Instant until = Instant.parse(parameters.get("until"));
            extra = PhaseWindowReader.counts(since, (int) Duration.between(since, until).toHours(), windowOutcomes).toMetrics();
        }
        return SnapshotRecorder.measured(RunMeasures.of(outcomes.subList(0, window)), extra);
    }

    private static Set<String> measured() {
        Set<String> names = new java.util.HashSet<>(Set.of(com.rolloutcontrolroom.domain.metrics.AlarmCounts.QUERY,
                com.rolloutcontrolroom.domain.metrics.LegacyActivity.QUERY));
        for (MetricKind kind : MetricKind.values()) {
            names.add(kind.windowQuery());
            names.add(kind.phaseHoursQuery());
        }
        return Set.copyOf(names);
    }

    private static boolean isPhaseHours(String name) {
        for (MetricKind kind : MetricKind.values()) {
            if (kind.phaseHoursQuery().equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** A journaled query read back as the outcome it was: status, error, columns and cells typed as the runner read them. */
    static QueryOutcome outcome(QueryResult query) {
        JsonNode root;
        try {
            root = JSON.readTree(query.rowsJson());
        } catch (IOException e) {
            throw new IllegalArgumentException("the rows of query " + query.name() + " are not valid JSON", e);
        }
        List<String> columns = new ArrayList<>();
        List<List<Object>> rows = new ArrayList<>();
        QueryStatus status = QueryStatus.OK;
        String error = null;
        if (root.isObject()) {
            root.path("columns").forEach(column -> columns.add(column.asText()));
            for (JsonNode row : root.path("rows")) {
                List<Object> cells = new ArrayList<>();
                row.forEach(cell -> cells.add(cell(cell)));
                rows.add(cells);
            }
            try {
                status = QueryStatus.valueOf(root.path("status").asText("OK"));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("query " + query.name() + " has the unknown status '" + root.path("status").asText() + "'", e);
            }
            error = root.hasNonNull("error") ? root.get("error").asText() : null;
        } else {
            // an array of objects, as other tools write it: one column per key, in order of appearance
            for (JsonNode row : root) {
                for (Iterator<String> names = row.fieldNames(); names.hasNext(); ) {
                    String name = names.next();
                    if (!columns.contains(name)) {
                        columns.add(name);
                    }
                }
            }
            for (JsonNode row : root) {
                List<Object> cells = new ArrayList<>();
                columns.forEach(name -> cells.add(cell(row.get(name))));
                rows.add(cells);
            }
        }
        QueryDefinition definition = new QueryDefinition(query.name(), QuerySuite.METRIC, null, query.sql(), List.of(), "journal", 0);
        return new QueryOutcome(definition, query.parameters(), status, columns, rows, error, Instant.EPOCH, Duration.ZERO, FailureKind.NONE);
    }

    private static Object cell(JsonNode cell) {
        if (cell == null || cell.isNull()) {
            return null;
        }
        if (cell.isIntegralNumber() && cell.canConvertToLong()) {
            return cell.longValue();
        }
        if (cell.isNumber()) {
            return cell.decimalValue();
        }
        if (cell.isBoolean()) {
            return cell.booleanValue();
        }
        if (cell.isTextual()) {
            return DECIMAL.matcher(cell.asText()).matches() ? new BigDecimal(cell.asText()) : cell.asText();
        }
        return cell.toString();
    }
}
