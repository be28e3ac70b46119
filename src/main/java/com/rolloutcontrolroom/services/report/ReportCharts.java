package com.rolloutcontrolroom.services.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.rolloutcontrolroom.domain.gate.GateThresholds;
import com.rolloutcontrolroom.domain.journal.SnapshotTaken;
import com.rolloutcontrolroom.domain.metrics.MetricKind;
import com.rolloutcontrolroom.domain.metrics.Rate;
import com.rolloutcontrolroom.domain.rollout.GateKind;
import com.rolloutcontrolroom.domain.rollout.PhasePlan;
import com.rolloutcontrolroom.domain.rollout.Recorded;
import com.rolloutcontrolroom.domain.schedule.LedgerEntry;
import com.rolloutcontrolroom.services.chart.ChartModel;
import com.rolloutcontrolroom.services.chart.ChartModel.Band;
import com.rolloutcontrolroom.services.chart.ChartModel.BandKind;
import com.rolloutcontrolroom.services.chart.ChartModel.ChartPoint;
import com.rolloutcontrolroom.services.chart.ChartModel.CheckpointMark;
import com.rolloutcontrolroom.services.chart.ChartModel.MarkKind;
import com.rolloutcontrolroom.services.chart.ChartModel.ThresholdLine;
import com.rolloutcontrolroom.services.chart.ChartModel.TimeMarker;
import com.rolloutcontrolroom.services.chart.ChartPngExporter;
import com.rolloutcontrolroom.services.chart.ChartStyle;

/**
 * The report's two charts from the journal's snapshots alone: each snapshot's success rate and manual
 * review rate at the instant its window ended, the plan's bands and lines, the deployment markers and
 * the scheduled checkpoints coloured by their recorded verdict. Painted by the one PNG exporter.
 */
final class ReportCharts {

    static final String SUCCESS_PATH = "charts/success-rate.png";
    static final String REVIEW_PATH = "charts/manual-review-rate.png";
    static final int WIDTH = 1000;
    static final int HEIGHT = 380;
    /** Snapshots further apart than 1.5 of this are drawn apart: the schedule's longest gap is a day. */
    private static final Duration STEP = Duration.ofHours(24);

    private ReportCharts() {
    }

    /** Chart PNGs by their path relative to the report. */
    static Map<String, byte[]> render(ReportContext report) {
        ChartPngExporter exporter = new ChartPngExporter();
        Map<String, byte[]> charts = new TreeMap<>();
        try {
            charts.put(SUCCESS_PATH, exporter.png(success(report), ChartStyle.LIGHT, WIDTH, HEIGHT, 1));
            charts.put(REVIEW_PATH, exporter.png(review(report), ChartStyle.LIGHT, WIDTH, HEIGHT, 1));
        } catch (IOException e) {
            throw new UncheckedIOException("A report chart could not be encoded as PNG.", e);
        }
        return charts;
    }

    static ChartModel success(ReportContext report) {
        GateThresholds lines = thresholds(report);
        double pass = lines.successPass().doubleValue();
        double fail = lines.successFail().doubleValue();
        List<ChartPoint> points = points(report, MetricKind.SUCCESS_RATE);
        double lowest = points.stream().mapToDouble(ChartPoint::value).min().orElse(100);
        double yMin = Math.max(0, Math.min(Math.min(80, fail - 2), lowest - 2));
        return model(report, MetricKind.SUCCESS_RATE, points, yMin, 100,
                List.of(new Band(fail, pass, BandKind.WARNING), new Band(yMin, fail, BandKind.RED)),
                List.of(new ThresholdLine(pass, "pass ≥ " + lines.successPass().toPlainString() + " %"),
                        new ThresholdLine(fail, "red < " + lines.successFail().toPlainString() + " %")));
    }

    static ChartModel review(ReportContext report) {
        GateThresholds lines = thresholds(report);
        double pass = lines.reviewPass().doubleValue();
        double fail = lines.reviewFail().doubleValue();
        List<ChartPoint> points = points(report, MetricKind.MANUAL_REVIEW_RATE);
        double highest = points.stream().mapToDouble(ChartPoint::value).max().orElse(0);
        double yMax = Math.min(100, Math.max(Math.max(6, fail + 1), highest + 1));
        return model(report, MetricKind.MANUAL_REVIEW_RATE, points, 0, yMax,
                List.of(new Band(pass, fail, BandKind.WARNING), new Band(fail, yMax, BandKind.RED)),
                List.of(new ThresholdLine(pass, "pass < " + lines.reviewPass().toPlainString() + " %"),
                        new ThresholdLine(fail, "red > " + lines.reviewFail().toPlainString() + " %")));
    }

    private static ChartModel model(ReportContext report, MetricKind kind, List<ChartPoint> points, double yMin, double yMax,
                                    List<Band> bands, List<ThresholdLine> lines) {
        List<CheckpointMark> marks = marks(report);
        Instant first = Stream.of(Stream.of(report.state().createdAt()), points.stream().map(ChartPoint::at),
                        marks.stream().map(CheckpointMark::at)).flatMap(s -> s).min(Comparator.naturalOrder()).orElseThrow();
        Instant latest = Stream.of(Stream.of(report.asOf()), points.stream().map(ChartPoint::at), marks.stream().map(CheckpointMark::at))
                .flatMap(s -> s).max(Comparator.naturalOrder()).orElseThrow();
        // a record written by a machine whose clock was behind can predate the rollout: the axis still runs forwards
        Instant last = latest.isAfter(first) ? latest : first.plus(Duration.ofHours(1));
        // a little room at both ends, so a point on the edge is not half cut off
        long margin = Math.max(Duration.ofMinutes(30).toMillis(), Duration.between(first, last).toMillis() / 50);
        List<TimeMarker> boundaries = report.state().visits().stream()
                .map(visit -> new TimeMarker(visit.marker(), visit.toPhase())).toList();
        return new ChartModel(kind.title() + " · every snapshot of " + report.state().rollout(), first.minusMillis(margin),
                last.plusMillis(margin), yMin, yMax, points, STEP, bands, lines, boundaries, marks);
    }

    /** One point per snapshot that measured the rate, at the end of the window it measured. */
    private static List<ChartPoint> points(ReportContext report, MetricKind kind) {
        List<ChartPoint> points = new ArrayList<>();
        for (Recorded<SnapshotTaken> recorded : report.state().snapshots()) {
            SnapshotTaken snapshot = recorded.entry();
            Optional<Rate> rate = ReportText.rateOf(snapshot.metrics(), kind).filter(Rate::hasData);
            if (rate.isEmpty()) {
                continue;
            }
            Instant at = snapshot.scheduled() != null ? snapshot.scheduled().due() : snapshot.startedAt();
            points.add(new ChartPoint(at, rate.get().percent().orElseThrow().doubleValue(), rate.get().total(),
                    ReportText.time(at) + " · " + rate.get().describe(kind.unit()) + " (record " + ReportText.record(recorded.id()) + ")"));
        }
        points.sort(Comparator.comparing(ChartPoint::at));
        return points;
    }

    private static List<CheckpointMark> marks(ReportContext report) {
        List<CheckpointMark> marks = new ArrayList<>();
        for (LedgerEntry entry : report.ledger().entries()) {
            Optional<MarkKind> kind = switch (entry.state()) {
                case TAKEN, TAKEN_LATE -> Optional.of(markOf(ReportText.overall(entry.taken().entry())));
                case MISSED -> Optional.of(MarkKind.MISSED);
                case ERROR -> Optional.of(MarkKind.FAIL);
                default -> Optional.empty();
            };
            kind.ifPresent(k -> marks.add(new CheckpointMark(entry.due(), k, entry.describe())));
        }
        return marks;
    }

    private static MarkKind markOf(String outcome) {
        return switch (outcome) {
            case "PASS" -> MarkKind.PASS;
            case "WARN" -> MarkKind.WARN;
            case "NO_DATA" -> MarkKind.NO_DATA;
            default -> MarkKind.FAIL;
        };
    }

    /** The bands of the plan's first metrics gate (the ones the full phases are held to); the runbook's when it has none. */
    private static GateThresholds thresholds(ReportContext report) {
        return report.state().plan().phases().stream().map(PhasePlan::gate).filter(g -> g.kind() == GateKind.METRICS)
                .map(g -> g.thresholds()).findFirst().orElse(GateThresholds.RUNBOOK);
    }
}
