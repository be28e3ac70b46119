package com.rolloutcontrolroom.domain.gate;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.rolloutcontrolroom.domain.metrics.AlarmCounts;
import com.rolloutcontrolroom.domain.metrics.Rate;

/** Judges one window of coordinator traffic against the runbook's bands, and says why in words. */
public final class CheckpointJudge {

    private final GateThresholds thresholds;

    public CheckpointJudge(GateThresholds thresholds) {
        this.thresholds = thresholds;
    }

    /** Subjects of the findings, as recorded in snapshots and printed by {@code run}. */
    public static final String SUCCESS = "success rate";
    public static final String MANUAL_REVIEW = "manual-review rate";
    public static final String ALARMS = "coordinator alarms";
    public static final String QUERY_SET = "query set";
    /** The subject of the whole checkpoint's verdict, recorded first in a snapshot. */
    public static final String OVERALL = "overall";

    /** The runbook's judge: the one the Dashboard, {@code run}, snapshots and the scheduler share. */
    public static CheckpointJudge runbook() {
        return new CheckpointJudge(GateThresholds.RUNBOOK);
    }

    /**
     * The whole checkpoint: each rate, the red-flag counts and the queries that could not run, and
     * overall the worst of them with every reason, most serious first.
     */
    public CheckpointJudgement judge(CheckpointEvidence evidence) {
        List<Finding> findings = new ArrayList<>();
        findings.add(new Finding(SUCCESS, success(evidence.success())));
        findings.add(new Finding(MANUAL_REVIEW, manualReview(evidence.manualReview())));
        // each alarm its own finding, so the reasons sort by severity
        alarmParts(evidence.alarms()).forEach(part -> findings.add(new Finding(ALARMS, part)));
        if (!evidence.failedQueries().isEmpty()) {
            findings.add(new Finding(QUERY_SET, new Judgement(Verdict.ERROR, failedQueryReasons(evidence.failedQueries()))));
        }
        return CheckpointJudgement.of(findings);
    }

    /**
     * @param success        the success rate of the window (null when it could not be read)
     * @param manualReview   the manual-review rate of the window (null when it could not be read)
     * @param errorEvents    {@code coordinator.error} events in the window
     * @param circuitOpens   {@code coordinator.circuit_open} events in the window
     */
    public Judgement judge(Rate success, Rate manualReview, long errorEvents, long circuitOpens) {
        return judge(new CheckpointEvidence(success, manualReview, new AlarmCounts(errorEvents, circuitOpens), List.of())).overall();
    }

    public Judgement success(Rate rate) {
        Optional<Judgement> unjudged = unjudged(rate, "Success rate", "coordinator events");
        if (unjudged.isPresent()) {
            return unjudged.get();
        }
        String measured = "Success rate " + rate.describe("coordinator events") + exactly(rate, thresholds.successPass(),
                thresholds.successFail());
        if (rate.comparePercentTo(thresholds.successPass()) >= 0) {
            return Judgement.of(Verdict.PASS, measured + " is at least " + plain(thresholds.successPass()) + " %.");
        }
        if (rate.comparePercentTo(thresholds.successFail()) >= 0) {
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
        String measured = "Manual-review rate " + rate.describe("started bookings") + exactly(rate, thresholds.reviewPass(),
                thresholds.reviewFail());
        if (rate.comparePercentTo(thresholds.reviewPass()) < 0) {
            return Judgement.of(Verdict.PASS, measured + " is below " + plain(thresholds.reviewPass()) + " %.");
        }
        if (rate.comparePercentTo(thresholds.reviewFail()) <= 0) {
            return Judgement.of(Verdict.WARN, measured + " is in the warning band " + plain(thresholds.reviewPass()) + "–"
                    + plain(thresholds.reviewFail()) + " %: higher than it should be.");
        }
        return Judgement.of(Verdict.FAIL, measured + " is above " + plain(thresholds.reviewFail()) + " %.");
    }

    /** The counts, when the rounded figure reads as a line the rate is in fact on the other side of. */
    private static String exactly(Rate rate, BigDecimal... lines) {
        for (BigDecimal line : lines) {
            if (rate.roundsOnto(line)) {
                return " (exactly " + NumberFormat.getIntegerInstance(Locale.ROOT).format(rate.matching()) + " of "
                        + NumberFormat.getIntegerInstance(Locale.ROOT).format(rate.total()) + ", "
                        + (rate.comparePercentTo(line) < 0 ? "just under " : "just over ") + plain(line) + " %)";
            }
        }
        return "";
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
    private static List<Judgement> alarmParts(AlarmCounts alarms) {
        if (alarms == null) {
            return List.of(Judgement.of(Verdict.ERROR, "The coordinator.error and coordinator.circuit_open events could not be counted."));
        }
        List<Judgement> parts = new ArrayList<>();
        if (alarms.circuitOpens() > 0) {
            parts.add(Judgement.of(Verdict.FAIL, alarms.circuitOpens() + " coordinator.circuit_open " + events(alarms.circuitOpens())
                    + ": upstream service issues; the runbook says roll back."));
        }
        if (alarms.errors() > 0) {
            parts.add(Judgement.of(Verdict.WARN, alarms.errors() + " coordinator.error " + events(alarms.errors())
                    + ": if they continue, the runbook says roll back immediately."));
        }
        return parts.isEmpty()
                ? List.of(Judgement.of(Verdict.PASS, "No coordinator.error and no coordinator.circuit_open events."))
                : parts;
    }

    /** "name: why" per failed query; queries that failed for the same reason (all not run after a lost connection) share one line. */
    private static List<String> failedQueryReasons(List<CheckpointEvidence.FailedQuery> failed) {
        Map<String, List<String>> namesByReason = new LinkedHashMap<>();
        failed.forEach(query -> namesByReason.computeIfAbsent(query.reason(), reason -> new ArrayList<>()).add(query.name()));
        List<String> reasons = new ArrayList<>();
        namesByReason.forEach((reason, names) -> reasons.add(String.join(", ", names) + ": " + reason));
        return reasons;
    }

    private static String events(long count) {
        return count == 1 ? "event" : "events";
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
