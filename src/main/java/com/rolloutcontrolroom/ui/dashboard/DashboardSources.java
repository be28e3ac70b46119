package com.rolloutcontrolroom.ui.dashboard;

import java.util.function.Supplier;

import com.rolloutcontrolroom.domain.query.QuerySet;
import com.rolloutcontrolroom.services.chart.ChartPngExporter;
import com.rolloutcontrolroom.services.db.EnvironmentDatabases;
import com.rolloutcontrolroom.services.query.WindowMetricsReader;
import com.rolloutcontrolroom.services.rollout.Rollouts;
import com.rolloutcontrolroom.ui.common.SuiteRecording;

/**
 * What the cutover dashboard reads and runs, all blocking: the rollouts' journal, the environments'
 * databases, the editable metric queries, the shared run-and-record, the query set and the PNG exporter.
 *
 * @param querySets read on every Run now (blocking), so an edited query file applies at once
 */
public record DashboardSources(Rollouts rollouts, EnvironmentDatabases databases, WindowMetricsReader metrics,
                               SuiteRecording runs, Supplier<QuerySet> querySets, ChartPngExporter exporter) {
}
