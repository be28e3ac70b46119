package com.rolloutcontrolroom.ui.dashboard;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;

import com.rolloutcontrolroom.domain.gate.GateThresholds;
import com.rolloutcontrolroom.domain.metrics.MetricKind;
import com.rolloutcontrolroom.domain.metrics.RateBucket;
import com.rolloutcontrolroom.domain.rollout.GateKind;
import com.rolloutcontrolroom.domain.rollout.PhaseGate;
import com.rolloutcontrolroom.domain.rollout.RolloutState;
import com.rolloutcontrolroom.domain.schedule.CheckpointLedger;
import com.rolloutcontrolroom.domain.schedule.LedgerEntry;
import com.rolloutcontrolroom.services.chart.ChartModel;
import com.rolloutcontrolroom.services.chart.ChartModel.Band;
import com.rolloutcontrolroom.services.chart.ChartModel.BandKind;
import com.rolloutcontrolroom.services.chart.ChartModel.ChartPoint;
import com.rolloutcontrolroom.services.chart.ChartModel.CheckpointMark;
import com.rolloutcontrolroom.services.chart.ChartModel.MarkKind;
import com.rolloutcontrolroom.services.chart.ChartModel.ThresholdLine;
import com.rolloutcontrolroom.services.chart.ChartModel.TimeMarker;

/**
 * The two cutover charts of a rollout as {@link ChartModel}s: a pure function of the read model, the
 * ledger and the measured buckets. Every text passes {@code shown}, so presentation mode covers the
 * tooltips too.
 */
final class CutoverCharts {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("MMM d HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private CutoverCharts() {
    }

    /** Success: at least the pass line is good, down to the fail line a warning, below it red. */
    static ChartModel success(RolloutState state, CheckpointLedger ledger, ChartWindow window, List<RateBucket> buckets,
                              UnaryOperator<String> shown) {
        GateThresholds lines = thresholds(state);
        double pass = lines.successPass().doubleValue();
        double fail = lines.successFail().doubleValue();
        List<ChartPoint> points = points(MetricKind.SUCCESS_RATE, buckets, shown);
        double lowest = points.stream().mapToDouble(ChartPoint::value).min().orElse(100);
        double yMin = Math.max(0, Math.min(Math.min(80, fail - 2), lowest - 2));
        return new ChartModel(shown.apply(MetricKind.SUCCESS_RATE.title() + " · " + window.span()), window.from(), window.until(),
                yMin, 100, points, window.step(),
                List.of(new Band(fail, pass, BandKind.WARNING), new Band(yMin, fail, BandKind.RED)),
                List.of(new ThresholdLine(pass, shown.apply("pass ≥ " + percent(lines.successPass().toPlainString()))),
                        new ThresholdLine(fail, shown.apply("red < " + percent(lines.successFail().toPlainString())))),
                boundaries(state, window, shown), checkpoints(ledger, window, shown));
    }

    /** Manual review: below the pass line is good, up to the fail line a warning, above it red. */
    static ChartModel review(RolloutState state, CheckpointLedger ledger, ChartWindow window, List<RateBucket> buckets,
                             UnaryOperator<String> shown) {
        GateThresholds lines = thresholds(state);
        double pass = lines.reviewPass().doubleValue();
        double fail = lines.reviewFail().doubleValue();
        List<ChartPoint> points = points(MetricKind.MANUAL_REVIEW_RATE, buckets, shown);
        double highest = points.stream().mapToDouble(ChartPoint::value).max().orElse(0);
        double yMax = Math.min(100, Math.max(Math.max(6, fail + 1), highest + 1));
        return new ChartModel(shown.apply(MetricKind.MANUAL_REVIEW_RATE.title() + " · " + window.span()), window.from(),
                window.until(), 0, yMax, points, window.step(),
                List.of(new Band(pass, fail, BandKind.WARNING), new Band(fail, yMax, BandKind.RED)),
                List.of(new ThresholdLine(pass, shown.apply("pass < " + percent(lines.reviewPass().toPlainString()))),
                        new ThresholdLine(fail, shown.apply("red > " + percent(lines.reviewFail().toPlainString())))),
                boundaries(state, window, shown), checkpoints(ledger, window, shown));
    }

    /** The current phase's plan thresholds when its gate judges metrics; otherwise the runbook's. */
    static GateThresholds thresholds(RolloutState state) {
        return state.current().map(phase -> phase.plan().gate())
                .filter(gate -> gate.kind() == GateKind.METRICS).map(PhaseGate::thresholds)
                .orElse(GateThresholds.RUNBOOK);
    }

    /** "Dec 3 14:00 UTC · 98.50 % of 1,204 coordinator events": the wording of a rate everywhere else. */
    static String describe(MetricKind metric, RateBucket bucket) {
        return WHEN.format(bucket.start()) + " · " + bucket.rate().describe(metric.unit());
    }

    private static List<ChartPoint> points(MetricKind metric, List<RateBucket> buckets, UnaryOperator<String> shown) {
        // a bucket without events has no rate: a gap, never 0 %
        return buckets.stream().filter(bucket -> bucket.rate().hasData())
                .map(bucket -> new ChartPoint(bucket.start(), bucket.rate().percent().orElseThrow().doubleValue(),
                        bucket.rate().total(), shown.apply(describe(metric, bucket))))
                .toList();
    }

    private static List<TimeMarker> boundaries(RolloutState state, ChartWindow window, UnaryOperator<String> shown) {
        return state.visits().stream().filter(visit -> window.contains(visit.marker()))
                .map(visit -> new TimeMarker(visit.marker(), shown.apply(visit.toPhase()))).toList();
    }

    private static List<CheckpointMark> checkpoints(CheckpointLedger ledger, ChartWindow window, UnaryOperator<String> shown) {
        List<CheckpointMark> marks = new ArrayList<>();
        for (LedgerEntry entry : ledger.entries()) {
            if (window.contains(entry.due())) {
                kind(entry).ifPresent(kind -> marks.add(new CheckpointMark(entry.due(), kind,
                        shown.apply(entry.describe() + verdictWords(entry)))));
            }
        }
        return marks;
    }

    /** The verdict the Rollout screen and {@code status} show for a taken checkpoint: its snapshot's first. */
    static Optional<String> verdict(LedgerEntry entry) {
        if (!entry.state().taken() || entry.taken().entry().verdicts().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(entry.taken().entry().verdicts().get(0).outcome());
    }

    private static String verdictWords(LedgerEntry entry) {
        return verdict(entry).map(outcome -> " — " + outcome).orElse("");
    }

    private static Optional<MarkKind> kind(LedgerEntry entry) {
        return switch (entry.state()) {
            case TAKEN, TAKEN_LATE -> Optional.of(verdict(entry).map(CutoverCharts::markOf).orElse(MarkKind.NO_DATA));
            case MISSED -> Optional.of(MarkKind.MISSED);
            case ERROR -> Optional.of(MarkKind.FAIL);
            default -> Optional.empty();
        };
    }

    private static MarkKind markOf(String outcome) {
        return switch (outcome) {
            case "PASS" -> MarkKind.PASS;
            case "WARN" -> MarkKind.WARN;
            case "NO_DATA" -> MarkKind.NO_DATA;
            default -> MarkKind.FAIL; // FAIL and ERROR
        };
    }

    private static String percent(String value) {
        return value + " %";
    }
}
