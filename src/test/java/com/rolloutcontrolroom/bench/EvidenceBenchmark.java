package com.rolloutcontrolroom.bench;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import com.rolloutcontrolroom.domain.gate.CheckpointContext;
import com.rolloutcontrolroom.domain.journal.JournalEntry;
import com.rolloutcontrolroom.domain.journal.VerificationReport;
import com.rolloutcontrolroom.domain.metrics.AlarmCounts;
import com.rolloutcontrolroom.domain.metrics.LegacyActivity;
import com.rolloutcontrolroom.domain.metrics.MetricKind;
import com.rolloutcontrolroom.domain.metrics.Rate;
import com.rolloutcontrolroom.domain.query.QueryDefinition;
import com.rolloutcontrolroom.domain.query.QueryFileParser;
import com.rolloutcontrolroom.domain.query.QuerySet;
import com.rolloutcontrolroom.domain.query.QuerySuite;
import com.rolloutcontrolroom.domain.rollout.SmallPlan;
import com.rolloutcontrolroom.services.evidence.BundleVerifier;
import com.rolloutcontrolroom.services.evidence.EvidenceExporter;
import com.rolloutcontrolroom.services.home.AppHome;
import com.rolloutcontrolroom.services.journal.JournalAccess;
import com.rolloutcontrolroom.services.journal.JournalDatabase;
import com.rolloutcontrolroom.services.journal.JournalKeys;
import com.rolloutcontrolroom.services.journal.JournalVerification;
import com.rolloutcontrolroom.services.operator.OperatorIdentity;
import com.rolloutcontrolroom.services.query.FailureKind;
import com.rolloutcontrolroom.services.query.QueryOutcome;
import com.rolloutcontrolroom.services.query.QuerySetLoader;
import com.rolloutcontrolroom.services.query.QueryStatus;
import com.rolloutcontrolroom.services.query.SnapshotJson;
import com.rolloutcontrolroom.services.query.SnapshotRecorder;
import com.rolloutcontrolroom.services.query.SuiteRun;
import com.rolloutcontrolroom.services.report.VerificationReportWriter;
import com.rolloutcontrolroom.services.rollout.Rollouts;
import com.rolloutcontrolroom.services.settings.SettingsFile;

/**
 * The evidence bundle of a rollout with 1,000 and 10,000 snapshots (each the full suite's queries with a few rows,
 * about the size the simulated rollout records): the app's export (read, verify, bag, zip) and verify (safe unzip,
 * manifests, chain, every snapshot recomputed, every derived file rendered again), next to their floors: zipping the
 * same files with java.util.zip at the same level, and unzipping them while hashing each with SHA-512.
 * Targets: export of 1,000 snapshots under 5 s, verify under 2 s. An unsigned journal: signatures cost ~1.2–2.3 ms each
 * to check on top (docs/journal-format.md).
 */
public final class EvidenceBenchmark {

    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
    private static final QuerySet QUERIES = QuerySetLoader.builtIn(new QueryFileParser());

    private EvidenceBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path folder = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "evidence-bench");
        // -Devidence.sizes=1000 to time one size only
        int[] sizes = java.util.Arrays.stream(System.getProperty("evidence.sizes", "1000,10000").split(","))
                .mapToInt(size -> Integer.parseInt(size.strip())).toArray();
        for (int snapshots : sizes) {
            Path home = Files.createDirectory(folder.resolve("s" + snapshots));
            fill(new AppHome(home), snapshots);
            EvidenceExporter.Bundle bundle = null;
            Path zip = folder.resolve("bundle-" + snapshots + ".zip");
            int runs = snapshots >= 10_000 ? 3 : 7;
            long[] exports = new long[runs];
            long[] verifies = new long[runs];
            for (int run = 0; run < runs; run++) {
                long start = System.nanoTime();
                bundle = export(new AppHome(home));
                EvidenceExporter.write(bundle, zip);
                exports[run] = System.nanoTime() - start;
                start = System.nanoTime();
                BundleVerifier.Result result = new BundleVerifier(new VerificationReportWriter()).verify(zip);
                verifies[run] = System.nanoTime() - start;
                if (!result.ok()) {
                    throw new IllegalStateException("The benchmark's bundle does not verify: " + result.problems().get(0));
                }
            }
            Map<String, byte[]> files = entries(bundle.zip());
            long zipFloor = Long.MAX_VALUE;
            long unzipFloor = Long.MAX_VALUE;
            for (int run = 0; run < runs; run++) {
                long start = System.nanoTime();
                byte[] raw = rawZip(files);
                zipFloor = Math.min(zipFloor, System.nanoTime() - start);
                start = System.nanoTime();
                rawUnzipAndHash(raw);
                unzipFloor = Math.min(unzipFloor, System.nanoTime() - start);
            }
            System.out.printf(Locale.ROOT, "%,d snapshots: %,d files, %.1f MB payload, zip %.1f MB%n", snapshots, files.size(),
                    bundle.payloadOctets() / 1e6, bundle.zip().length / 1e6);
            System.out.printf(Locale.ROOT, "  export (read, verify, bag, zip, write) of %d runs: best %.2f s, median %.2f s, first %.2f s;"
                    + " floor, java.util.zip of the same files: %.2f s%n", runs, best(exports), median(exports), exports[0] / 1e9, zipFloor / 1e9);
            System.out.printf(Locale.ROOT, "  verify (unzip, manifests, chain, recompute, render) of %d runs: best %.2f s, median %.2f s,"
                    + " first %.2f s; floor, unzip + SHA-512 of every file: %.2f s%n", runs, best(verifies), median(verifies),
                    verifies[0] / 1e9, unzipFloor / 1e9);
        }
    }

    private static double best(long[] nanos) {
        return java.util.Arrays.stream(nanos).min().orElseThrow() / 1e9;
    }

    private static double median(long[] nanos) {
        long[] sorted = nanos.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2] / 1e9;
    }

    private static EvidenceExporter.Bundle export(AppHome home) {
        try (JournalDatabase database = JournalDatabase.openReadOnly(home)) {
            JournalKeys none = JournalKeys.none("The benchmark has no keychain.");
            VerificationReport verification = new JournalVerification(none).verify(database, JournalVerification.Options.strict());
            return new EvidenceExporter(new VerificationReportWriter(), "Rollout Control Room (benchmark)").build(database, verification, "V3");
        }
    }

    /** A rollout with {@code count} snapshots, as the scheduler records them, appended in batches. */
    private static void fill(AppHome home, int count) {
        try (JournalAccess journal = new JournalAccess(home)) {
            OperatorIdentity operator = new OperatorIdentity("ana", new SettingsFile(home.root().resolve("s.json")));
            Rollouts rollouts = new Rollouts(journal, operator, Clock.fixed(T0, ZoneOffset.UTC));
            rollouts.create(SmallPlan.named("V3"));
            for (int written = 0; written < count; written += 500) {
                List<JournalEntry> batch = new ArrayList<>();
                for (int i = written; i < Math.min(count, written + 500); i++) {
                    Instant at = T0.plus(Duration.ofMinutes(30L * (i + 1)));
                    SnapshotRecorder recorder = new SnapshotRecorder(() -> {
                        throw new IllegalStateException("appended in batches");
                    }, operator, new SnapshotJson(), Clock.fixed(at, ZoneOffset.UTC));
                    batch.add(recorder.snapshot(run(at, i), "V3", "T+" + (i % 48) + "h", null, CheckpointContext.of(null, false, 0L),
                            List.of(), Map.of()));
                }
                journal.writer().appendAll("V3", rollouts.require("V3").lastRecordId(), batch);
            }
        }
    }

    /** The full suite's queries with a few rows each, then the metric queries with counts that vary. */
    private static SuiteRun run(Instant at, int i) {
        Map<String, String> window = Map.of("since", at.minus(Duration.ofHours(6)).toString(), "until", at.toString());
        List<QueryOutcome> outcomes = new ArrayList<>();
        for (QueryDefinition query : QUERIES.suite(QuerySuite.FULL)) {
            List<List<Object>> rows = new ArrayList<>();
            for (int row = 0; row < 6; row++) {
                rows.add(List.of("coordinator.event_" + row, (long) (40 + (i + row) % 7), at.minusSeconds(60L * row).toString()));
            }
            outcomes.add(outcome(query, Map.of(), List.of("event_type", "count", "last_seen"), rows, at));
        }
        long total = 480 + i % 17;
        long matching = total - i % 5;
        long starts = 240 + i % 11;
        outcomes.add(outcome(named(MetricKind.SUCCESS_RATE.windowQuery()), window, List.of("matching", "total"),
                List.of(List.of(matching, total)), at));
        outcomes.add(outcome(named(MetricKind.MANUAL_REVIEW_RATE.windowQuery()), window, List.of("matching", "total"),
                List.of(List.of(0L, starts)), at));
        outcomes.add(outcome(named(AlarmCounts.QUERY), window, List.of(AlarmCounts.ERRORS, AlarmCounts.CIRCUIT_OPENS),
                List.of(List.of(0L, 0L)), at));
        outcomes.add(outcome(named(LegacyActivity.QUERY), window, List.of(LegacyActivity.EVENTS), List.of(List.of(0L)), at));
        return new SuiteRun("staging", "full", outcomes, Map.of(MetricKind.SUCCESS_RATE, new Rate(matching, total),
                MetricKind.MANUAL_REVIEW_RATE, new Rate(0, starts)), new AlarmCounts(0, 0), at.minus(Duration.ofHours(6)), at, at,
                at.plusSeconds(1), Duration.ofSeconds(1), 0L);
    }

    private static QueryDefinition named(String name) {
        return QUERIES.byName(name).orElseThrow();
    }

    private static QueryOutcome outcome(QueryDefinition query, Map<String, String> parameters, List<String> columns,
                                        List<List<Object>> rows, Instant at) {
        return new QueryOutcome(query, parameters, QueryStatus.OK, columns, rows, null, at, Duration.ofMillis(4), FailureKind.NONE);
    }

    private static Map<String, byte[]> entries(byte[] zip) throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), in.readAllBytes());
            }
        }
        return files;
    }

    private static byte[] rawZip(Map<String, byte[]> files) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setLevel(Deflater.DEFAULT_COMPRESSION);
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static void rawUnzipAndHash(byte[] zip) throws Exception {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                MessageDigest.getInstance("SHA-512").digest(in.readAllBytes());
            }
        }
    }
}
