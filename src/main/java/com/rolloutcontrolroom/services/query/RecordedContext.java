package com.rolloutcontrolroom.services.query;

import java.math.BigDecimal;
import java.util.Map;

import com.rolloutcontrolroom.domain.gate.CheckpointContext;
import com.rolloutcontrolroom.domain.gate.GateThresholds;

/**
 * The context a snapshot was judged with, as numbers in its metrics map, so its verdicts recompute from
 * the snapshot alone even when the plan's bands were amended later. A snapshot recorded before contexts
 * were recorded has none of these keys: it was judged by the runbook, outside shadow, with nothing before it.
 */
final class RecordedContext {

    static final String SHADOW = "context.shadow";
    static final String PREVIOUS_ERRORS = "context.previous_errors";
    static final String SUCCESS_PASS = "threshold.success_pass";
    static final String SUCCESS_FAIL = "threshold.success_fail";
    static final String REVIEW_PASS = "threshold.review_pass";
    static final String REVIEW_FAIL = "threshold.review_fail";
    static final String MINIMUM_EVENTS = "threshold.minimum_events";

    private RecordedContext() {
    }

    static void write(CheckpointContext context, Map<String, BigDecimal> metrics) {
        metrics.put(SHADOW, context.shadow() ? BigDecimal.ONE : BigDecimal.ZERO);
        if (context.previousErrors() != null) {
            metrics.put(PREVIOUS_ERRORS, BigDecimal.valueOf(context.previousErrors()));
        }
        GateThresholds thresholds = context.thresholds();
        metrics.put(SUCCESS_PASS, thresholds.successPass());
        metrics.put(SUCCESS_FAIL, thresholds.successFail());
        metrics.put(REVIEW_PASS, thresholds.reviewPass());
        metrics.put(REVIEW_FAIL, thresholds.reviewFail());
        metrics.put(MINIMUM_EVENTS, BigDecimal.valueOf(thresholds.minimumEvents()));
    }

    static CheckpointContext read(Map<String, BigDecimal> metrics) {
        GateThresholds runbook = GateThresholds.RUNBOOK;
        GateThresholds thresholds = new GateThresholds(
                metrics.getOrDefault(SUCCESS_PASS, runbook.successPass()),
                metrics.getOrDefault(SUCCESS_FAIL, runbook.successFail()),
                metrics.getOrDefault(REVIEW_PASS, runbook.reviewPass()),
                metrics.getOrDefault(REVIEW_FAIL, runbook.reviewFail()),
                metrics.containsKey(MINIMUM_EVENTS) ? metrics.get(MINIMUM_EVENTS).longValueExact() : runbook.minimumEvents());
        BigDecimal previous = metrics.get(PREVIOUS_ERRORS);
        return new CheckpointContext(thresholds, BigDecimal.ONE.compareTo(metrics.getOrDefault(SHADOW, BigDecimal.ZERO)) == 0,
                previous == null ? null : previous.longValueExact());
    }
}
