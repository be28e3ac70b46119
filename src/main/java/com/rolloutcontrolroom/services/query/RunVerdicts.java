package com.rolloutcontrolroom.services.query;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rolloutcontrolroom.domain.gate.CheckpointContext;
import com.rolloutcontrolroom.domain.gate.CheckpointEvidence;
import com.rolloutcontrolroom.domain.gate.CheckpointJudge;
import com.rolloutcontrolroom.domain.gate.CheckpointJudgement;
import com.rolloutcontrolroom.domain.gate.Finding;
import com.rolloutcontrolroom.domain.gate.Judgement;
import com.rolloutcontrolroom.domain.journal.QueryResult;
import com.rolloutcontrolroom.domain.journal.SnapshotTaken;
import com.rolloutcontrolroom.domain.journal.SnapshotVerdict;
import com.rolloutcontrolroom.domain.metrics.AlarmCounts;
import com.rolloutcontrolroom.domain.metrics.LegacyActivity;
import com.rolloutcontrolroom.domain.metrics.MetricKind;
import com.rolloutcontrolroom.domain.metrics.Rate;

/**
 * The one place a run is judged: its overall verdict with the reasons, and one verdict per subject,
 * as recorded in its snapshot, printed by {@code run} and (over the same window) shown by the Dashboard.
 * A snapshot records the numbers the judge read, so its verdicts can be recomputed from it alone.
 */
public final class RunVerdicts {

    private static final CheckpointJudge JUDGE = CheckpointJudge.runbook();
    private static final ObjectMapper JSON = new ObjectMapper();

    private RunVerdicts() {
    }

    /** A run outside any rollout: the runbook's bands, not shadow, nothing before it. */
    public static CheckpointJudgement judge(SuiteRun run) {
        return judge(run, CheckpointContext.NONE);
    }

    /** A checkpoint of a rollout phase: the phase's bands, its shadow mode and the previous checkpoint's errors. */
    public static CheckpointJudgement judge(SuiteRun run, CheckpointContext context) {
        return JUDGE.judge(run.evidence(), context);
    }

    /** The overall verdict first, then one per subject: what a snapshot records and {@code run --json} prints. */
    public static List<SnapshotVerdict> of(SuiteRun run) {
        return verdicts(judge(run));
    }

    public static List<SnapshotVerdict> of(SuiteRun run, CheckpointContext context) {
        return verdicts(judge(run, context));
    }

    public static List<SnapshotVerdict> verdicts(CheckpointJudgement judgement) {
        List<SnapshotVerdict> verdicts = new ArrayList<>();
        verdicts.add(verdict(CheckpointJudge.OVERALL, judgement.overall()));
        for (Finding subject : judgement.bySubject()) {
            verdicts.add(verdict(subject.subject(), subject.judgement()));
        }
        return verdicts;
    }

    /** One rate judged against its band; ERROR when its query did not run (null). */
    public static Judgement of(MetricKind kind, Rate rate) {
        return kind == MetricKind.SUCCESS_RATE ? JUDGE.success(rate) : JUDGE.manualReview(rate);
    }

    /** The judgement of a recorded snapshot, from nothing but what it recorded: its numbers and the context it was judged with. */
    public static CheckpointJudgement recompute(SnapshotTaken snapshot) {
        return JUDGE.judge(evidence(snapshot), context(snapshot));
    }

    /** The context a snapshot was judged with; {@link CheckpointContext#NONE} for one recorded before contexts were. */
    public static CheckpointContext context(SnapshotTaken snapshot) {
        return RecordedContext.read(snapshot.metrics());
    }

    /** The numbers a snapshot recorded, read back as the judge's evidence; a measure it lacks is null (not measured). */
    static CheckpointEvidence evidence(SnapshotTaken snapshot) {
        Map<String, BigDecimal> metrics = snapshot.metrics();
        List<CheckpointEvidence.FailedQuery> failed = new ArrayList<>();
        for (QueryResult query : snapshot.queries()) {
            JsonNode outcome = read(query.rowsJson());
            if (QueryStatus.ERROR.name().equals(outcome.path("status").asText())) {
                failed.add(new CheckpointEvidence.FailedQuery(query.name(), outcome.path("error").asText()));
            }
        }
        BigDecimal errors = metrics.get(metricKey(AlarmCounts.METRIC_KEY, AlarmCounts.ERRORS));
        BigDecimal circuitOpens = metrics.get(metricKey(AlarmCounts.METRIC_KEY, AlarmCounts.CIRCUIT_OPENS));
        AlarmCounts alarms = errors == null || circuitOpens == null ? null : new AlarmCounts(errors.longValueExact(), circuitOpens.longValueExact());
        BigDecimal legacy = metrics.get(metricKey(LegacyActivity.METRIC_KEY, LegacyActivity.EVENTS));
        return new CheckpointEvidence(rate(metrics, MetricKind.SUCCESS_RATE), rate(metrics, MetricKind.MANUAL_REVIEW_RATE), alarms, failed,
                legacy == null ? null : legacy.longValueExact());
    }

    /** "success_rate", "manual_review_rate": the name a rate is recorded and printed under. */
    public static String metricName(MetricKind kind) {
        return kind.windowQuery().replaceFirst("^metric_", "");
    }

    static String metricKey(String metric, String part) {
        return metric + "." + part;
    }

    private static Rate rate(Map<String, BigDecimal> metrics, MetricKind kind) {
        BigDecimal matching = metrics.get(metricKey(metricName(kind), "matching"));
        BigDecimal total = metrics.get(metricKey(metricName(kind), "total"));
        return matching == null || total == null ? null : new Rate(matching.longValueExact(), total.longValueExact());
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static SnapshotVerdict verdict(String subject, Judgement judgement) {
        return new SnapshotVerdict(subject, judgement.verdict().name(), judgement.reasons());
    }
}
