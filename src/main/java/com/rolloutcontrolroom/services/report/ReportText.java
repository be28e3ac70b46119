package com.rolloutcontrolroom.services.report;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.rolloutcontrolroom.domain.journal.SnapshotTaken;
import com.rolloutcontrolroom.domain.journal.SnapshotVerdict;
import com.rolloutcontrolroom.domain.metrics.MetricKind;
import com.rolloutcontrolroom.domain.metrics.Rate;
import com.rolloutcontrolroom.domain.operator.Operator;
import com.rolloutcontrolroom.domain.redact.SecretPatterns;
import com.rolloutcontrolroom.domain.rollout.ItemTick;
import com.rolloutcontrolroom.services.query.RunVerdicts;

/**
 * The report's fixed wordings: times in UTC to the minute, counts with Locale.ROOT grouping, a rate with
 * the events it was taken over, and the one phrase for what the journal does not hold.
 */
final class ReportText {

    /** What the report says wherever the journal holds no value; never a dash that could pass for data. */
    static final String NOT_RECORDED = "not recorded";
    /** Where a secret was in text the report repeats: the token presentation mode and recorded test commands use. */
    static final String SECRET_MASK = "[secret]";

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private ReportText() {
    }

    /** "2026-03-02 08:30 UTC", or "not recorded". */
    static String time(Instant at) {
        return at == null ? NOT_RECORDED : MINUTE.format(at);
    }

    static String count(long value) {
        return NumberFormat.getIntegerInstance(Locale.ROOT).format(value);
    }

    static String record(long id) {
        return "#" + id;
    }

    static String who(Operator operator) {
        return operator == null ? NOT_RECORDED : operator.describe();
    }

    /** Text that may carry a password or token (a command line, SQL), with the secret taken out. */
    static String withoutSecrets(String text) {
        return SecretPatterns.mask(text, SECRET_MASK);
    }

    /** "ticked by Ana Ruiz (ana) at 2026-03-02 08:05 UTC (record #7)" or "unticked by ..." */
    static String tick(ItemTick tick) {
        return (tick.ticked() ? "ticked" : "unticked") + " by " + who(tick.by()) + " at " + time(tick.at())
                + " (record " + record(tick.recordId()) + ")";
    }

    /** A snapshot's measured rate, "98.95 % of 1,903 coordinator events"; empty when it recorded none. */
    static Optional<String> rate(SnapshotTaken snapshot, MetricKind kind) {
        return rateOf(snapshot.metrics(), kind).map(rate -> rate.describe(kind.unit()));
    }

    static Optional<Rate> rateOf(Map<String, BigDecimal> metrics, MetricKind kind) {
        String name = RunVerdicts.metricName(kind);
        BigDecimal matching = metrics.get(name + ".matching");
        BigDecimal total = metrics.get(name + ".total");
        if (matching == null || total == null) {
            return Optional.empty();
        }
        return Optional.of(new Rate(matching.longValueExact(), total.longValueExact()));
    }

    /** The recorded verdict of one subject ("overall", "success rate" ...). */
    static Optional<SnapshotVerdict> verdict(SnapshotTaken snapshot, String subject) {
        return snapshot.verdicts().stream().filter(v -> v.subject().equals(subject)).findFirst();
    }

    /** The snapshot's own overall verdict as recorded (its first); "not recorded" for a snapshot without verdicts. */
    static String overall(SnapshotTaken snapshot) {
        return snapshot.verdicts().stream().findFirst().map(SnapshotVerdict::outcome).orElse(NOT_RECORDED);
    }

    /** A verdict with the mark the report puts beside it. */
    static String outcome(String outcome) {
        return switch (outcome) {
            case "PASS" -> "✅ PASS";
            case "WARN" -> "⚠️ WARN";
            case "FAIL" -> "❌ FAIL";
            case "ERROR" -> "❌ ERROR";
            case "NO_DATA" -> "➖ NO_DATA";
            default -> outcome;
        };
    }

    /** "the snapshot recorded" phrase of a record for a sentence: "T+6h Full query suite (record #41)". */
    static String snapshotName(long id, SnapshotTaken snapshot) {
        String what = snapshot.checkpoint() != null ? snapshot.checkpoint() + " " + snapshot.querySet() : "on-demand " + snapshot.querySet();
        return what + " run, record " + record(id);
    }
}
