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

/** Judges one window of coordinator traffic against the runbook's bands (or a rollout phase's), and says why in words. */
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
    /** In a shadow phase: the {@code assignment.coordinator} events there must not be. */
    public static final String SHADOW = "shadow mode";
    /** In a shadow phase: the legacy {@code auto_assign.*} events there must be. */
    public static final String LEGACY = "legacy activity";
    /** The subject of the whole checkpoint's verdict, recorded first in a snapshot. */
    public static final String OVERALL = "overall";

    /** The runbook's judge: the one the Dashboard, {@code run}, snapshots and the scheduler share. */
    public static CheckpointJudge runbook() {
        return new CheckpointJudge(GateThresholds.RUNBOOK);
    }

    /**
     * The whole checkpoint outside any rollout, against this judge's bands: each rate, the red-flag counts
     * and the queries that could not run, and overall the worst of them with every reason, most serious first.
     */
    public CheckpointJudgement judge(CheckpointEvidence evidence) {
        return judge(evidence, new CheckpointContext(thresholds, false, null));
    }

    /**
     * The whole checkpoint of a rollout phase, against the phase's bands (not this judge's). In a shadow
     * phase V3 must handle no bookings, so the rate bands are not applied: any {@code assignment.coordinator}
     * event fails it and legacy traffic is expected instead. Errors at this and the previous checkpoint are
     * sustained, and fail it.
     */
    public CheckpointJudgement judge(CheckpointEvidence evidence, CheckpointContext context) {
        List<Finding> findings = new ArrayList<>();
        if (context.shadow()) {
            findings.add(new Finding(SHADOW, ShadowMode.coordinatorEvents(evidence.success())));
            findings.add(new Finding(LEGACY, ShadowMode.legacyActivity(evidence.legacyEvents())));
        } else {
            findings.add(new Finding(SUCCESS, success(evidence.success(), context.thresholds())));
            findings.add(new Finding(MANUAL_REVIEW, manualReview(evidence.manualReview(), context.thresholds())));
        }
        // each alarm its own finding, so the reasons sort by severity
        alarmParts(evidence.alarms(), context.previousErrors()).forEach(part -> findings.add(new Finding(ALARMS, part)));
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
        return success(rate, thresholds);
    }

    public Judgement manualReview(Rate rate) {
        return manualReview(rate, thresholds);
    }

    private static Judgement success(Rate rate, GateThresholds thresholds) {
        Optional<Judgement> unjudged = unjudged(rate, "Success rate", "coordinator events", thresholds);
        if (unjudged.isPresent()) {
            return unjudged.get();
        }
        String measured = "Success rate " + rate.describeWithInterval("coordinator events") + exactly(rate, thresholds.successPass(),
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

    private static Judgement manualReview(Rate rate, GateThresholds thresholds) {
        Optional<Judgement> unjudged = unjudged(rate, "Manual-review rate", "started bookings", thresholds);
        if (unjudged.isPresent()) {
            return unjudged.get();
        }
        String measured = "Manual-review rate " + rate.describeWithInterval("started bookings") + exactly(rate, thresholds.reviewPass(),
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
    private static Optional<Judgement> unjudged(Rate rate, String name, String unit, GateThresholds thresholds) {
        if (rate == null) {
            return Optional.of(Judgement.of(Verdict.ERROR, "The " + name.toLowerCase(Locale.ROOT) + " could not be read."));
        }
        if (rate.total() < thresholds.minimumEvents()) {
            return Optional.of(Judgement.of(Verdict.NO_DATA, name + " not judged: " + rate.total() + " " + unit + ", fewer than "
                    + thresholds.minimumEvents() + "."));
        }
        return Optional.empty();
    }

    /**
     * The runbook's red flags: any circuit breaker trip; errors are a warning until they persist, that is
     * until the previous checkpoint of the same phase visit had some too ("if they continue, roll back").
     */
    private static List<Judgement> alarmParts(AlarmCounts alarms, Long previousErrors) {
        if (alarms == null) {
            return List.of(Judgement.of(Verdict.ERROR, "The coordinator.error and coordinator.circuit_open events could not be counted."));
        }
        List<Judgement> parts = new ArrayList<>();
        if (alarms.circuitOpens() > 0) {
            parts.add(Judgement.of(Verdict.FAIL, alarms.circuitOpens() + " coordinator.circuit_open " + events(alarms.circuitOpens())
                    + ": upstream service issues; the runbook says roll back."));
        }
        if (alarms.errors() > 0 && previousErrors != null && previousErrors > 0) {
            parts.add(Judgement.of(Verdict.FAIL, "coordinator.error sustained: " + alarms.errors() + " " + errors(alarms.errors())
                    + " now and " + previousErrors + " at the previous checkpoint; the runbook says roll back immediately."));
        } else if (alarms.errors() > 0) {
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

    private static String errors(long count) {
        return count == 1 ? "error" : "errors";
    }

    private static String events(long count) {
        return count == 1 ? "event" : "events";
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
