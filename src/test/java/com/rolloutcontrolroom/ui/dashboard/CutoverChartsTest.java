package com.rolloutcontrolroom.ui.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

import com.rolloutcontrolroom.domain.metrics.Rate;
import com.rolloutcontrolroom.domain.metrics.RateBucket;
import com.rolloutcontrolroom.domain.rollout.DeploymentMarker;
import com.rolloutcontrolroom.domain.rollout.RolloutState;
import com.rolloutcontrolroom.domain.rollout.RolloutStory;
import com.rolloutcontrolroom.domain.schedule.CheckpointLedger;
import com.rolloutcontrolroom.services.chart.ChartModel;
import com.rolloutcontrolroom.services.chart.ChartModel.Band;
import com.rolloutcontrolroom.services.chart.ChartModel.BandKind;
import com.rolloutcontrolroom.services.chart.ChartModel.CheckpointMark;
import com.rolloutcontrolroom.services.chart.ChartModel.MarkKind;
import com.rolloutcontrolroom.services.chart.ChartModel.ThresholdLine;
import com.rolloutcontrolroom.services.chart.ChartModel.TimeMarker;

/** The chart models of the cutover dashboard, from a rollout folded in memory: no toolkit, no database. */
class CutoverChartsTest {

    private static final Instant SHADOW_MARKER = RolloutStory.START.plus(Duration.ofHours(1));
    private static final Instant FULL_MARKER = RolloutStory.START.plus(Duration.ofHours(3));
    private static final UnaryOperator<String> AS_IS = UnaryOperator.identity();

    private final RolloutStory story = new RolloutStory(CutoverPlan.plan());

    /** Into Staging shadow at 16:00, into Staging full at 18:00; T+0h taken PASS, T+1h taken WARN; now 01:00. */
    private RolloutState inFull() {
        story.now = SHADOW_MARKER;
        story.then(s -> story.moves().promote(s, new DeploymentMarker(SHADOW_MARKER, null, "Ana", null)));
        story.now = FULL_MARKER;
        story.then(s -> story.moves().promote(s, new DeploymentMarker(FULL_MARKER, null, "Ana", null)));
        story.append(CutoverPlan.checkpoint("T+0h", FULL_MARKER, FULL_MARKER.plusSeconds(60), "PASS"));
        story.append(CutoverPlan.checkpoint("T+1h", FULL_MARKER.plus(Duration.ofHours(1)),
                FULL_MARKER.plus(Duration.ofMinutes(61)), "WARN"));
        story.now = FULL_MARKER.plus(Duration.ofHours(7));
        return story.state();
    }

    @Test
    void theBandsAndLinesAreTheCurrentPhasesOwnThresholds() {
        RolloutState state = inFull();
        ChartWindow window = ChartRange.THIS_PHASE.window(state, story.now);
        List<RateBucket> success = List.of(new RateBucket(FULL_MARKER, new Rate(970, 1000)),
                new RateBucket(FULL_MARKER.plus(Duration.ofHours(1)), new Rate(700, 1000)));

        ChartModel model = CutoverCharts.success(state, CheckpointLedger.of(state, story.now), window, success, AS_IS);
        assertThat(model.yMin()).as("min(80, lowest - 2)").isEqualTo(68.0);
        assertThat(model.yMax()).isEqualTo(100.0);
        assertThat(model.bands()).containsExactlyInAnyOrder(new Band(85, 95, BandKind.WARNING), new Band(68, 85, BandKind.RED));
        assertThat(model.thresholds()).extracting(ThresholdLine::value).containsExactlyInAnyOrder(95.0, 85.0);

        ChartModel review = CutoverCharts.review(state, CheckpointLedger.of(state, story.now), window,
                List.of(new RateBucket(FULL_MARKER, new Rate(3, 100))), AS_IS);
        assertThat(review.yMin()).isZero();
        assertThat(review.yMax()).as("max(6, highest + 1), at least above the red line").isEqualTo(9.0);
        assertThat(review.bands()).containsExactlyInAnyOrder(new Band(2, 8, BandKind.WARNING), new Band(8, 9, BandKind.RED));
        assertThat(review.thresholds()).extracting(ThresholdLine::value).containsExactlyInAnyOrder(2.0, 8.0);
        assertThat(review.points()).singleElement().satisfies(point -> {
            assertThat(point.value()).isEqualTo(3.0);
            assertThat(point.events()).isEqualTo(100);
            assertThat(point.describe()).isEqualTo("Nov 13 18:00 UTC · 3.00 % of 100 started bookings");
        });
    }

    @Test
    void aPhaseWithoutAMetricsGateIsDrawnAgainstTheRunbooksLines() {
        story.now = SHADOW_MARKER;
        story.then(s -> story.moves().promote(s, new DeploymentMarker(SHADOW_MARKER, null, "Ana", null)));
        story.now = SHADOW_MARKER.plus(Duration.ofHours(2));
        RolloutState state = story.state();
        ChartModel model = CutoverCharts.success(state, CheckpointLedger.of(state, story.now),
                ChartRange.THIS_PHASE.window(state, story.now), List.of(), AS_IS);
        assertThat(model.thresholds()).extracting(ThresholdLine::value).containsExactlyInAnyOrder(97.0, 90.0);
        assertThat(model.bands()).contains(new Band(90, 97, BandKind.WARNING));
        assertThat(model.yMin()).isEqualTo(80.0);
    }

    @Test
    void everyVisitsMarkerInRangeIsABoundaryNamedAfterItsPhase() {
        RolloutState state = inFull();
        ChartModel whole = CutoverCharts.success(state, CheckpointLedger.of(state, story.now),
                ChartRange.WHOLE_ROLLOUT.window(state, story.now), List.of(), AS_IS);
        assertThat(whole.from()).isEqualTo(SHADOW_MARKER);
        assertThat(whole.boundaries()).containsExactly(new TimeMarker(SHADOW_MARKER, CutoverPlan.SHADOW),
                new TimeMarker(FULL_MARKER, CutoverPlan.FULL));
        assertThat(whole.title()).isEqualTo("Coordinator success rate · whole rollout, hourly");

        ChartModel phase = CutoverCharts.success(state, CheckpointLedger.of(state, story.now),
                ChartRange.THIS_PHASE.window(state, story.now), List.of(), AS_IS);
        assertThat(phase.from()).isEqualTo(FULL_MARKER);
        assertThat(phase.step()).isEqualTo(Duration.ofHours(1));
        assertThat(phase.boundaries()).containsExactly(new TimeMarker(FULL_MARKER, CutoverPlan.FULL));

        ChartModel minutes = CutoverCharts.success(state, CheckpointLedger.of(state, story.now),
                ChartRange.LAST_6H_BY_MINUTE.window(state, story.now), List.of(), AS_IS);
        assertThat(minutes.step()).isEqualTo(Duration.ofMinutes(1));
        assertThat(minutes.from()).isEqualTo(story.now.minus(Duration.ofHours(6)));
        assertThat(minutes.boundaries()).as("both markers are older than 6 h").isEmpty();
    }

    @Test
    void aRolloutLongerThanAWeekShowsItsLastSevenDaysAndSaysSo() {
        RolloutState state = inFull();
        Instant now = FULL_MARKER.plus(Duration.ofDays(9));
        ChartModel whole = CutoverCharts.review(state, CheckpointLedger.of(state, now), ChartRange.WHOLE_ROLLOUT.window(state, now),
                List.of(), AS_IS);
        assertThat(whole.from()).isEqualTo(now.minus(Duration.ofDays(7)));
        assertThat(whole.title()).isEqualTo("Manual-review rate · whole rollout, last 7 days, hourly");
        assertThat(whole.boundaries()).isEmpty();
    }

    @Test
    void takenCheckpointsAreMarkedInTheirSnapshotsVerdictAndAMissedOneAsMissed() {
        RolloutState state = inFull();
        ChartModel model = CutoverCharts.success(state, CheckpointLedger.of(state, story.now),
                ChartRange.THIS_PHASE.window(state, story.now), List.of(), AS_IS);
        assertThat(model.checkpoints()).extracting(CheckpointMark::at, CheckpointMark::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple(FULL_MARKER, MarkKind.PASS),
                org.assertj.core.groups.Tuple.tuple(FULL_MARKER.plus(Duration.ofHours(1)), MarkKind.WARN));
        assertThat(model.checkpoints().get(1).describe()).isEqualTo("T+1h Full query suite of Staging full: taken on time — WARN");

        // T+6h was due at 00:00 and never taken; leaving the phase at 01:00 makes it MISSED
        story.then(s -> story.moves().override(s, new DeploymentMarker(story.now, null, "Ana", null), "test", "Ben"));
        RolloutState left = story.state();
        ChartModel whole = CutoverCharts.success(left, CheckpointLedger.of(left, story.now),
                ChartRange.WHOLE_ROLLOUT.window(left, story.now), List.of(), AS_IS);
        assertThat(whole.checkpoints()).extracting(CheckpointMark::kind).containsExactly(MarkKind.PASS, MarkKind.WARN, MarkKind.MISSED);
        assertThat(whole.checkpoints().get(2).describe()).isEqualTo(
                "T+6h Full query suite of Staging full: MISSED, the phase ended before it was taken");
    }

    @Test
    void everyTextGoesThroughThePresentationFunction() {
        RolloutState state = inFull();
        ChartModel model = CutoverCharts.success(state, CheckpointLedger.of(state, story.now),
                ChartRange.THIS_PHASE.window(state, story.now), List.of(new RateBucket(FULL_MARKER, new Rate(1, 1))),
                text -> "[" + text + "]");
        assertThat(model.title()).startsWith("[").endsWith("]");
        assertThat(model.points().get(0).describe()).startsWith("[");
        assertThat(model.boundaries().get(0).label()).isEqualTo("[" + CutoverPlan.FULL + "]");
        assertThat(model.checkpoints()).allSatisfy(mark -> assertThat(mark.describe()).startsWith("["));
        assertThat(model.thresholds()).allSatisfy(line -> assertThat(line.label()).startsWith("["));
    }
}
