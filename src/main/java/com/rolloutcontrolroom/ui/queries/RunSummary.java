package com.rolloutcontrolroom.ui.queries;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.rolloutcontrolroom.domain.gate.Verdict;
import com.rolloutcontrolroom.domain.metrics.MetricKind;
import com.rolloutcontrolroom.domain.metrics.Rate;
import com.rolloutcontrolroom.services.query.QueryStatus;
import com.rolloutcontrolroom.services.query.RunVerdicts;
import com.rolloutcontrolroom.services.query.SuiteRun;

/** The words a finished run is summed up in, shared by the screen and its tests. */
final class RunSummary {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

    private RunSummary() {
    }

    /** "full suite on demo at 14:03:22 UTC: 12 ok · 0 error · 1.24 s" */
    static String headline(SuiteRun run) {
        String counts = run.count(QueryStatus.OK) + " ok · " + run.count(QueryStatus.ERROR) + " error";
        if (run.wasCancelled()) {
            counts += " · " + run.count(QueryStatus.CANCELLED) + " cancelled";
        }
        return capitalized(run.querySet()) + " suite on " + run.environment() + " at " + CLOCK.format(run.startedAt())
                + " UTC: " + counts + " · " + duration(run.took());
    }

    /**
     * "Coordinator success rate: 98.97 % of 486 coordinator events · PASS"; with no events "...: no
     * coordinator events · NO_DATA" (never 0 %); a metric whose query failed says so instead of showing a number.
     * The verdict is the one recorded in the snapshot, where its reasons are kept.
     */
    static List<String> metrics(SuiteRun run) {
        List<String> lines = new ArrayList<>();
        for (MetricKind kind : MetricKind.values()) {
            Rate rate = run.metrics().get(kind);
            Verdict verdict = RunVerdicts.of(kind, rate).verdict();
            lines.add((rate == null
                    ? kind.title() + ": not measured (its query did not run)"
                    : kind.title() + ": " + rate.describe(kind.unit())) + " · " + verdict);
        }
        return lines;
    }

    static String duration(Duration took) {
        long millis = took.toMillis();
        return millis < 1000 ? millis + " ms" : String.format(Locale.ROOT, "%.2f s", millis / 1000.0);
    }

    private static String capitalized(String word) {
        return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
