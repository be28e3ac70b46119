package com.rolloutcontrolroom.services.query;

import java.util.List;
import java.util.Map;

import com.rolloutcontrolroom.domain.gate.CheckpointEvidence;
import com.rolloutcontrolroom.domain.metrics.AlarmCounts;
import com.rolloutcontrolroom.domain.metrics.MetricKind;
import com.rolloutcontrolroom.domain.metrics.Rate;

/** The gate measures of one window, read with the same metric queries a run records. */
public record WindowMetrics(Map<MetricKind, Rate> rates, AlarmCounts alarms) {

    public WindowMetrics {
        rates = Map.copyOf(rates);
    }

    /** What the judge reads; every query ran (a failure is an exception, not a window). */
    public CheckpointEvidence evidence() {
        return new CheckpointEvidence(rates.get(MetricKind.SUCCESS_RATE), rates.get(MetricKind.MANUAL_REVIEW_RATE), alarms, List.of());
    }
}
