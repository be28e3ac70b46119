package com.rolloutcontrolroom.services.query;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.rolloutcontrolroom.domain.metrics.AlarmCounts;
import com.rolloutcontrolroom.domain.metrics.MetricKind;
import com.rolloutcontrolroom.domain.metrics.Rate;

/**
 * The JSON form of a run: what {@code run --json} prints, what the journal keeps per query and
 * what a snapshot exports to. Its shape is documented in the README; change both together.
 */
public final class SnapshotJson {

    private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
    private final ObjectMapper compact = new ObjectMapper();

    public String runJson(SuiteRun run) {
        return write(mapper, runTree(run));
    }

    String outcomeJson(QueryOutcome outcome) {
        return write(compact, outcomeTree(outcome, false));
    }

    public Map<String, Object> runTree(SuiteRun run) {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("environment", run.environment());
        tree.put("suite", run.querySet());
        tree.put("startedAt", run.startedAt().toString());
        tree.put("finishedAt", run.finishedAt().toString());
        tree.put("durationMillis", run.took().toMillis());
        Map<String, Object> metrics = new LinkedHashMap<>();
        for (MetricKind kind : MetricKind.values()) {
            Rate rate = run.metrics().get(kind);
            if (rate != null) {
                Map<String, Object> metric = new LinkedHashMap<>();
                metric.put("percent", rate.percent().map(BigDecimal::toPlainString).orElse(null));
                metric.put("matching", rate.matching());
                metric.put("total", rate.total());
                metric.put("since", run.metricsSince().toString());
                metric.put("until", run.metricsUntil().toString());
                metrics.put(RunVerdicts.metricName(kind), metric);
            }
        }
        if (run.alarms() != null) {
            Map<String, Object> alarms = new LinkedHashMap<>();
            alarms.put(AlarmCounts.ERRORS, run.alarms().errors());
            alarms.put(AlarmCounts.CIRCUIT_OPENS, run.alarms().circuitOpens());
            alarms.put("since", run.metricsSince().toString());
            alarms.put("until", run.metricsUntil().toString());
            metrics.put(AlarmCounts.METRIC_KEY, alarms);
        }
        tree.put("metrics", metrics);
        tree.put("queries", run.outcomes().stream().map(o -> outcomeTree(o, true)).toList());
        return tree;
    }

    private static Map<String, Object> outcomeTree(QueryOutcome outcome, boolean withSql) {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("name", outcome.query().name());
        tree.put("status", outcome.status().name());
        if (withSql) {
            tree.put("sql", outcome.query().sql());
            tree.put("parameters", outcome.parameters());
        }
        tree.put("startedAt", outcome.startedAt().toString());
        tree.put("durationMillis", outcome.took().toMillis());
        if (outcome.error() != null) {
            tree.put("error", outcome.error());
        }
        // only when a run was asked for an instant, so a run at the real time records what it always did
        if (outcome.asOf() != null) {
            tree.put("asOf", outcome.asOf().toString());
        }
        if (outcome.realTime() != null) {
            tree.put("realTime", outcome.realTime());
        }
        tree.put("columns", outcome.columns());
        tree.put("rows", outcome.rows().stream().map(SnapshotJson::plainRow).toList());
        return tree;
    }

    /** Decimals as exact text, so 97.50 stays 97.50 and never becomes a float. */
    private static List<Object> plainRow(List<Object> row) {
        return row.stream().map(value -> value instanceof BigDecimal decimal ? (Object) decimal.toPlainString() : value).toList();
    }

    private static String write(ObjectMapper mapper, Object tree) {
        try {
            return mapper.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }
}
