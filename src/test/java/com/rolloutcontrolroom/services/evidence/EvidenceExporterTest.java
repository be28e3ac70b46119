package com.rolloutcontrolroom.services.evidence;

import static com.rolloutcontrolroom.services.evidence.Bags.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rolloutcontrolroom.domain.gate.CheckpointContext;
import com.rolloutcontrolroom.domain.journal.ChainHash;
import com.rolloutcontrolroom.domain.journal.IssueLogged;
import com.rolloutcontrolroom.domain.journal.StoredEntry;
import com.rolloutcontrolroom.domain.metrics.AlarmCounts;
import com.rolloutcontrolroom.domain.metrics.LegacyActivity;
import com.rolloutcontrolroom.domain.metrics.MetricKind;
import com.rolloutcontrolroom.domain.metrics.Rate;
import com.rolloutcontrolroom.domain.query.QueryFileParser;
import com.rolloutcontrolroom.domain.query.QuerySet;
import com.rolloutcontrolroom.domain.journal.VerificationReport;
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
import com.rolloutcontrolroom.testsupport.TestRollouts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the exporter refuses (a secret, an unnamed rollout among several) and what only recomputing the rows can catch. */
class EvidenceExporterTest {

    private static final String ROLLOUT = TestRollouts.ROLLOUT;
    private static final Instant STARTED = Instant.parse("2026-03-05T14:30:00Z");
    private static final QuerySet METRICS = QuerySetLoader.builtIn(new QueryFileParser());

    @TempDir
    Path dir;
    private AppHome home;

    @BeforeEach
    void rollout() {
        home = new AppHome(dir.resolve("data"));
        TestRollouts.create(home, JournalKeys.none("No keychain in this test."), ROLLOUT);
    }

    @Test
    void aPasswordOrTokenInAnyRecordRefusesTheExportWithoutNamingIt() {
        append(new IssueLogged(Instant.now(), OperatorIdentity.forCurrentUser(home).current(), "staging", ROLLOUT, Instant.now(),
                "Checked it with psql postgresql://app:fake-password-7@db.internal/prod", null, null));
        assertThatThrownBy(this::export).isInstanceOf(IllegalStateException.class)
                .hasMessageMatching("Not exported: data/journal/journal.jsonl line \\d+ holds what looks like a password or token, which an"
                        + " evidence bundle must never carry; the journal cannot forget it, so rotate that secret and hand the journal"
                        + " over another way\\.")
                .message().doesNotContain("fake-password-7");
    }

    @Test
    void aTokenTypedIntoANoteRefusesTheExportToo() {
        append(new IssueLogged(Instant.now(), OperatorIdentity.forCurrentUser(home).current(), "staging", ROLLOUT, Instant.now(),
                "Webhook failed", "Rotated it; the old token=fake-token-123 is dead", Instant.now()));
        assertThatThrownBy(this::export).hasMessageMatching("Not exported: data/journal/journal.jsonl line \\d+ holds what looks like a"
                + " password or token, .*").message().doesNotContain("fake-token-123");
    }

    @Test
    void withSeveralRolloutsTheOneToBundleMustBeNamed() throws Exception {
        TestRollouts.create(home, JournalKeys.none("No keychain in this test."), "CHECKOUT_V2");
        byte[] jsonl = jsonl();
        EvidenceExporter exporter = new EvidenceExporter(new VerificationReportWriter(), SimulatedRolloutJournal.AGENT);
        assertThatThrownBy(() -> exporter.build(jsonl, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The journal holds several rollouts (" + ROLLOUT + ", CHECKOUT_V2); name the one to bundle.");
        assertThatThrownBy(() -> exporter.build(jsonl, "NOPE")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The journal holds no rollout named NOPE; name one of " + ROLLOUT + ", CHECKOUT_V2.");
        assertThat(exporter.build(jsonl, "CHECKOUT_V2").rollout()).isEqualTo("CHECKOUT_V2");
    }

    /**
     * An unsigned journal can be rewritten consistently by anyone: a forger edits a row, recomputes every hash after it and
     * builds the bundle anew. The chain and manifests hold; the snapshot's numbers no longer come from its rows.
     */
    @Test
    void aRowForgedWithTheChainRecomputedIsCaughtByRecomputingTheMetrics() throws Exception {
        StoredEntry snapshot;
        try (JournalAccess journal = new JournalAccess(home)) {
            snapshot = new SnapshotRecorder(journal::writer, OperatorIdentity.forCurrentUser(home), new SnapshotJson(),
                    Clock.fixed(STARTED, ZoneOffset.UTC)).record(run(), ROLLOUT, "T+6h", CheckpointContext.of(null, false, 0L));
        }
        byte[] honest = jsonl();
        EvidenceExporter exporter = new EvidenceExporter(new VerificationReportWriter(), SimulatedRolloutJournal.AGENT);
        assertThat(verify(exporter.build(honest, ROLLOUT).zip()).problems()).isEmpty();

        byte[] forged = rewritten(honest, snapshot.id(), "[[480,484]]", "[[484,484]]");
        List<String> problems = verify(exporter.build(forged, ROLLOUT).zip()).problems();
        String file = "data/snapshots/" + snapshot.id() + "-T+6h.json (journal record " + snapshot.id() + ")";
        assertThat(problems).containsExactly(
                file + ": metric success_rate.matching is recorded as 480, but its rows give 484.",
                file + ": metric success_rate.percent is recorded as 99.17, but its rows give 100.00.");
    }

    private void append(IssueLogged issue) {
        try (JournalAccess journal = new JournalAccess(home)) {
            journal.writer().append(issue);
        }
    }

    private EvidenceExporter.Bundle export() {
        try (JournalDatabase database = JournalDatabase.openReadOnly(home)) {
            VerificationReport verification = new JournalVerification(JournalKeys.none("No keychain in this test."))
                    .verify(database, JournalVerification.Options.strict());
            return new EvidenceExporter(new VerificationReportWriter(), SimulatedRolloutJournal.AGENT).build(database, verification, ROLLOUT);
        }
    }

    private byte[] jsonl() {
        SortedEntries entries = new SortedEntries(Bags.entries(export().zip()));
        return entries.payload("journal/journal.jsonl");
    }

    /** The export with one record's canonical text edited and every hash from it on recomputed, as a forger would. */
    private static byte[] rewritten(byte[] jsonl, long id, String from, String to) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        List<String> lines = new ArrayList<>(text(jsonl).lines().toList());
        String previous = ChainHash.GENESIS;
        for (int i = 1; i < lines.size(); i++) {
            ObjectNode record = (ObjectNode) mapper.readTree(lines.get(i));
            String canonical = record.get("canonical").asText();
            if (record.get("id").asLong() == id) {
                assertThat(canonical).contains(from.replace("\"", "\\\""));
                canonical = canonical.replace(from, to);
            }
            String hash = ChainHash.next(previous, canonical.getBytes(StandardCharsets.UTF_8));
            record.put("prevHash", previous).put("hash", hash).put("canonical", canonical);
            record.set("entry", mapper.readTree(canonical));
            lines.set(i, mapper.writeValueAsString(record));
            previous = hash;
        }
        ObjectNode header = (ObjectNode) mapper.readTree(lines.get(0));
        ((ObjectNode) header.get("journal").get("head")).put("hash", previous);
        lines.set(0, mapper.writeValueAsString(header));
        return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private BundleVerifier.Result verify(byte[] zip) throws Exception {
        Path file = Files.createTempFile(dir, "bundle", ".zip");
        Files.write(file, zip);
        return new BundleVerifier(new VerificationReportWriter(), SafeUnzip.Limits.BUNDLE, dir).verify(file);
    }

    private static SuiteRun run() {
        Map<String, String> window = Map.of("since", STARTED.minus(Duration.ofHours(6)).toString(), "until", STARTED.toString());
        List<QueryOutcome> outcomes = List.of(
                outcome(MetricKind.SUCCESS_RATE.windowQuery(), window, List.of("matching", "total"), List.of(480L, 484L)),
                outcome(MetricKind.MANUAL_REVIEW_RATE.windowQuery(), window, List.of("matching", "total"), List.of(0L, 240L)),
                outcome(AlarmCounts.QUERY, window, List.of(AlarmCounts.ERRORS, AlarmCounts.CIRCUIT_OPENS), List.of(0L, 0L)),
                outcome(LegacyActivity.QUERY, window, List.of(LegacyActivity.EVENTS), List.of(0L)));
        return new SuiteRun("staging", "full", outcomes, Map.of(MetricKind.SUCCESS_RATE, new Rate(480, 484),
                MetricKind.MANUAL_REVIEW_RATE, new Rate(0, 240)), new AlarmCounts(0, 0), STARTED.minus(Duration.ofHours(6)), STARTED,
                STARTED, STARTED.plusSeconds(1), Duration.ofSeconds(1), 0L);
    }

    private static QueryOutcome outcome(String name, Map<String, String> parameters, List<String> columns, List<Object> row) {
        return new QueryOutcome(METRICS.byName(name).orElseThrow(), parameters, QueryStatus.OK, columns, List.of(row), null, STARTED,
                Duration.ofMillis(3), FailureKind.NONE);
    }

    /** A bundle's entries by path under its data folder. */
    private record SortedEntries(java.util.SortedMap<String, byte[]> entries) {
        byte[] payload(String path) {
            return entries.get(Bags.folder(entries) + "data/" + path);
        }
    }
}
