package com.rolloutcontrolroom.domain.gate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.rolloutcontrolroom.domain.metrics.Rate;

/** Judges one window of coordinator traffic against the runbook's bands, and says why in words. */
public final class CheckpointJudge {

    private final GateThresholds thresholds;

    public CheckpointJudge(GateThresholds thresholds) {
        this.thresholds = thresholds;
    }

    /**
     * @param success        the success rate of the window (null when it could not be read)
     * @param manualReview   the manual-review rate of the window (null when it could not be read)
     * @param errorEvents    {@code coordinator.error} events in the window
     * @param circuitOpens   {@code coordinator.circuit_open} events in the window
     */
    public Judgement judge(Rate success, Rate manualReview, long errorEvents, long circuitOpens) {
        List<Judgement> parts = new ArrayList<>(List.of(success(success), manualReview(manualReview)));
        parts.addAll(alarmParts(errorEvents, circuitOpens)); // each alarm its own part, so reasons sort by severity
        return Judgement.combine(parts);
    }

    public Judgement success(Rate rate) {
        Optional<Judgement> unjudged = unjudged(rate, "Success rate", "coordinator events");
        if (unjudged.isPresent()) {
            return unjudged.get();
        }
        BigDecimal percent = rate.percent().orElseThrow();
        String measured = "Success rate " + rate.describe("coordinator events");
        if (percent.compareTo(thresholds.successPass()) >= 0) {
            return Judgement.of(Verdict.PASS, measured + " is at least " + plain(thresholds.successPass()) + " %.");
        }
        if (percent.compareTo(thresholds.successFail()) >= 0) {
            return Judgement.of(Verdict.WARN, measured + " is below " + plain(thresholds.successPass()) + " % (warning band "
                    + plain(thresholds.successFail()) + "–" + plain(thresholds.successPass()) + " %: investigate).");
        }
        return Judgement.of(Verdict.FAIL, measured + " is below " + plain(thresholds.successFail()) + " %: consider rollback.");
    }

    public Judgement manualReview(Rate rate) {
        Optional<Judgement> unjudged = unjudged(rate, "Manual-review rate", "started bookings");
        if (unjudged.isPresent()) {
            return unjudged.get();
        }
        BigDecimal percent = rate.percent().orElseThrow();
        String measured = "Manual-review rate " + rate.describe("started bookings");
        if (percent.compareTo(thresholds.reviewPass()) < 0) {
            return Judgement.of(Verdict.PASS, measured + " is below " + plain(thresholds.reviewPass()) + " %.");
        }
        if (percent.compareTo(thresholds.reviewFail()) <= 0) {
            return Judgement.of(Verdict.WARN, measured + " is in the warning band " + plain(thresholds.reviewPass()) + "–"
                    + plain(thresholds.reviewFail()) + " %: higher than it should be.");
        }
        return Judgement.of(Verdict.FAIL, measured + " is above " + plain(thresholds.reviewFail()) + " %.");
    }

    /** ERROR when the rate could not be read, NO_DATA when it was taken over too few events; else empty. */
    private Optional<Judgement> unjudged(Rate rate, String name, String unit) {
        if (rate == null) {
            return Optional.of(Judgement.of(Verdict.ERROR, "The " + name.toLowerCase(Locale.ROOT) + " could not be read."));
        }
        if (rate.total() < thresholds.minimumEvents()) {
            return Optional.of(Judgement.of(Verdict.NO_DATA, name + " not judged: " + rate.total() + " " + unit + ", fewer than "
                    + thresholds.minimumEvents() + "."));
        }
        return Optional.empty();
    }

    /** The runbook's red flags: any circuit breaker trip; errors are a warning until someone sees them persist. */
    private static List<Judgement> alarmParts(long errorEvents, long circuitOpens) {
        List<Judgement> parts = new ArrayList<>();
        if (circuitOpens > 0) {
            parts.add(Judgement.of(Verdict.FAIL, circuitOpens + " coordinator.circuit_open " + events(circuitOpens)
                    + ": upstream service issues; the runbook says roll back."));
        }
        if (errorEvents > 0) {
            parts.add(Judgement.of(Verdict.WARN, errorEvents + " coordinator.error " + events(errorEvents)
                    + ": if they continue, the runbook says roll back immediately."));
        }
        return parts.isEmpty()
                ? List.of(Judgement.of(Verdict.PASS, "No coordinator.error and no coordinator.circuit_open events."))
                : parts;
    }

    private static String events(long count) {
        return count == 1 ? "event" : "events";
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
