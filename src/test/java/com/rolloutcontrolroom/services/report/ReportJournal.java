package com.rolloutcontrolroom.services.report;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.rolloutcontrolroom.domain.journal.ChecklistItemTicked;
import com.rolloutcontrolroom.domain.journal.GateOverridden;
import com.rolloutcontrolroom.domain.journal.IssueLogged;
import com.rolloutcontrolroom.domain.journal.JournalEntry;
import com.rolloutcontrolroom.domain.journal.PhaseTransitioned;
import com.rolloutcontrolroom.domain.journal.QueryResult;
import com.rolloutcontrolroom.domain.journal.RollbackPerformed;
import com.rolloutcontrolroom.domain.journal.RolloutCreated;
import com.rolloutcontrolroom.domain.journal.ScheduledFor;
import com.rolloutcontrolroom.domain.journal.SignedOff;
import com.rolloutcontrolroom.domain.journal.SnapshotTaken;
import com.rolloutcontrolroom.domain.journal.SnapshotVerdict;
import com.rolloutcontrolroom.domain.journal.StoredEntry;
import com.rolloutcontrolroom.domain.journal.TestOutcome;
import com.rolloutcontrolroom.domain.journal.TestOutcomeRecorded;
import com.rolloutcontrolroom.domain.operator.Operator;
import com.rolloutcontrolroom.domain.rollout.EnvironmentRole;
import com.rolloutcontrolroom.domain.rollout.PlanEnvironment;
import com.rolloutcontrolroom.domain.rollout.PlanTree;
import com.rolloutcontrolroom.domain.rollout.RolloutPlan;
import com.rolloutcontrolroom.services.rollout.BuiltInTemplate;

/**
 * A journal written by hand for report tests: the built-in plan (production's deploy command carrying a
 * token), raw records appended in order with their own hashes, no gate checks, so a test can write the
 * late and missed checkpoints, the baseline and the odd text a real rollout may hold.
 */
final class ReportJournal {

    static final String ROLLOUT = "CHECKOUT_V2";
    static final String SECRET = "fakeToken4242";
    static final Operator ANA = new Operator("ana", "Ana Ruiz");
    static final Instant T0 = Instant.parse("2026-05-04T09:00:00Z");
    static final Instant SHADOW_MARKER = T0.plus(Duration.ofMinutes(10));
    static final Instant FULL_MARKER = T0.plus(Duration.ofHours(1));

    private final List<StoredEntry> records = new ArrayList<>();
    final RolloutPlan plan;

    ReportJournal() {
        RolloutPlan seed = BuiltInTemplate.plan(ROLLOUT, "staging", "production");
        plan = new RolloutPlan(ROLLOUT, seed.description(), seed.flags(), List.of(
                new PlanEnvironment(EnvironmentRole.STAGING, "staging", "preview", "vercel --target preview"),
                new PlanEnvironment(EnvironmentRole.PRODUCTION, "production", "production", "vercel --prod --token " + SECRET)),
                seed.phases());
        append(new RolloutCreated(T0, ANA, ROLLOUT, plan.flags(), plan.description(), PlanTree.write(plan)));
    }

    static String hashOf(long id) {
        return String.format("%064x", id * 7919);
    }

    long append(JournalEntry entry) {
        long id = records.size() + 1L;
        records.add(new StoredEntry(id, entry, id == 1 ? "0".repeat(64) : hashOf(id - 1), hashOf(id), null));
        return id;
    }

    List<StoredEntry> records() {
        return List.copyOf(records);
    }

    long head() {
        return records.size();
    }

    ReportJournal tickAll(String phase, Instant at) {
        plan.phase(phase).orElseThrow().checklist()
                .forEach(item -> append(new ChecklistItemTicked(at, ANA, null, ROLLOUT, phase, item, true)));
        return this;
    }

    long move(String from, String to, Instant marker, String deployedBy, String note) {
        return append(new PhaseTransitioned(marker, ANA, "staging", ROLLOUT, from, to, marker, "https://example.test/deploy/1",
                deployedBy, note));
    }

    /** A checkpoint the scheduler took for Staging full, {@code ranLate} after it was due. */
    long checkpoint(String label, Duration offset, Duration ranLate, long matching, long total, String verdict) {
        Instant due = FULL_MARKER.plus(offset);
        Instant ran = due.plus(ranLate);
        Map<String, BigDecimal> metrics = new TreeMap<>();
        metrics.put("success_rate.matching", BigDecimal.valueOf(matching));
        metrics.put("success_rate.total", BigDecimal.valueOf(total));
        metrics.put("manual_review_rate.matching", BigDecimal.ZERO);
        metrics.put("manual_review_rate.total", BigDecimal.valueOf(total / 2));
        metrics.put("coordinator_alarms.errors", BigDecimal.ZERO);
        metrics.put("coordinator_alarms.circuit_opens", BigDecimal.ZERO);
        return append(new SnapshotTaken(ran, ANA, "staging", ROLLOUT, label, "full",
                List.of(new QueryResult("metric_success_rate", "SELECT count(*) AS total FROM observability_events WHERE x = 1",
                        Map.of("since", due.minus(Duration.ofHours(6)).toString()), "{\"status\":\"OK\",\"columns\":[],\"rows\":[]}")),
                metrics, ran, ran.plusSeconds(3), 3000,
                List.of(new SnapshotVerdict("overall", verdict, List.of("Overall " + verdict + ".")),
                        new SnapshotVerdict("success rate", verdict, List.of("Success rate " + matching + " of " + total + " judged " + verdict + ".")),
                        new SnapshotVerdict("manual-review rate", "PASS", List.of("Manual-review rate 0.00 % is below 1 %.")),
                        new SnapshotVerdict("coordinator alarms", "PASS", List.of("No coordinator.error and no coordinator.circuit_open events."))),
                new ScheduledFor("Staging full", due, true)));
    }

    /** An on-demand full run whose baseline query measured the 24 h to {@code asOf}. */
    long baseline(Instant asOf, String rowsJson) {
        return append(new SnapshotTaken(asOf, ANA, "staging", ROLLOUT, null, "full",
                List.of(new QueryResult("baseline_top_events", "SELECT source, event_type, count(*) AS events FROM observability_events"
                        + " WHERE created_at >= now() - CAST(:window AS interval) GROUP BY 1, 2 ORDER BY 3 DESC LIMIT 10",
                        Map.of("window", "24 hours"), rowsJson)),
                Map.of(), asOf, asOf.plusSeconds(2), 2000, List.of(new SnapshotVerdict("overall", "NO_DATA", List.of("Too few events.")))));
    }

    long override(String phase, String reason, String who, Instant at) {
        return append(new GateOverridden(at, ANA, "staging", ROLLOUT, phase, reason, who));
    }

    long issue(Instant at, String description, String resolution, Instant resolvedAt) {
        return append(new IssueLogged(at, ANA, "staging", ROLLOUT, at, description, resolution, resolvedAt));
    }

    long rollback(Instant at, String reason) {
        return append(new RollbackPerformed(at, ANA, "staging", ROLLOUT, at, reason, "Flags set back to shadow", "Rolled back"));
    }

    long testOutcome(String command, boolean passed, String summary, Instant ranAt) {
        return append(new TestOutcomeRecorded(ranAt.plusSeconds(30), ANA, "staging", ROLLOUT, command,
                passed ? TestOutcome.PASSED : TestOutcome.FAILED, summary, ranAt));
    }

    long signOff(String role, String name, Instant at) {
        return append(new SignedOff(at, ANA, null, ROLLOUT, role, name, at, "Reviewed", hashOf(head())));
    }
}
