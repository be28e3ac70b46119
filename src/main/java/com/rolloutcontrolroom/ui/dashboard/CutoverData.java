package com.rolloutcontrolroom.ui.dashboard;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.rolloutcontrolroom.domain.health.HealthCheckRow;
import com.rolloutcontrolroom.domain.metrics.MetricKind;
import com.rolloutcontrolroom.domain.metrics.RateBucket;
import com.rolloutcontrolroom.domain.rollout.RolloutState;
import com.rolloutcontrolroom.services.db.Database;

/**
 * The numbers behind the charts and the table, read from one environment's database at one instant.
 *
 * @param rows the event breakdown over the current phase
 */
record CutoverData(String environment, ChartWindow window, Map<MetricKind, List<RateBucket>> series,
                   List<HealthCheckRow> rows, Instant readAt) {

    /** Blocking: connects (or reuses the pool) and runs the editable metric queries. */
    static CutoverData read(DashboardSources sources, RolloutState state, String environment, ChartRange range, Instant now)
            throws Exception {
        Database database = sources.databases().database(environment);
        ChartWindow window = range.window(state, now);
        Map<MetricKind, List<RateBucket>> series = new EnumMap<>(MetricKind.class);
        if (window.byMinute()) {
            series.putAll(sources.metrics().minutely(database, window.from(), window.until()));
        } else {
            sources.metrics().hourly(database, window.from(), window.until())
                    .forEach((metric, hours) -> series.put(metric, hours.stream().map(RateBucket::of).toList()));
        }
        ChartWindow phase = ChartRange.THIS_PHASE.window(state, now);
        return new CutoverData(environment, window, series, sources.metrics().breakdown(database, phase.from(), phase.until()), now);
    }
}
