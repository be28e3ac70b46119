package com.rolloutcontrolroom.domain.signoff;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.rolloutcontrolroom.domain.journal.GateOverridden;
import com.rolloutcontrolroom.domain.journal.IssueLogged;
import com.rolloutcontrolroom.domain.journal.JournalEntry;
import com.rolloutcontrolroom.domain.journal.PhaseTransitioned;
import com.rolloutcontrolroom.domain.journal.QueryResult;
import com.rolloutcontrolroom.domain.journal.RollbackPerformed;
import com.rolloutcontrolroom.domain.journal.RolloutCreated;
import com.rolloutcontrolroom.domain.journal.SignedOff;
import com.rolloutcontrolroom.domain.journal.SnapshotTaken;
import com.rolloutcontrolroom.domain.journal.SnapshotVerdict;
import com.rolloutcontrolroom.domain.journal.StoredEntry;
import com.rolloutcontrolroom.domain.journal.TestOutcome;
import com.rolloutcontrolroom.domain.journal.TestOutcomeRecorded;
import com.rolloutcontrolroom.domain.journal.WarningAccepted;
import com.rolloutcontrolroom.domain.operator.Operator;
import com.rolloutcontrolroom.domain.rollout.PlanTree;
import com.rolloutcontrolroom.domain.rollout.RolloutHistory;
import com.rolloutcontrolroom.domain.rollout.RolloutPlan;
import com.rolloutcontrolroom.domain.rollout.RolloutState;
import com.rolloutcontrolroom.domain.rollout.SmallPlan;

/** A journal in memory for sign-off tests: records appended raw (no gate checks), each with its own hash. */
final class SignOffJournal {

    static final String ROLLOUT = "V3";
    static final Operator OPERATOR = new Operator("ana", "Ana Ruiz");
    static final Instant START = Instant.parse("2026-11-13T15:00:00Z");

    private final List<StoredEntry> records = new ArrayList<>();
    private Instant now = START;

    SignOffJournal() {
        RolloutPlan plan = SmallPlan.named(ROLLOUT);
        append(new RolloutCreated(now, OPERATOR, ROLLOUT, plan.flags(), plan.description(), PlanTree.write(plan)));
    }

    static String hashOf(long id) {
        return String.format("%064x", id);
    }

    long append(JournalEntry entry) {
        long id = records.size() + 1L;
        records.add(new StoredEntry(id, entry, hashOf(id - 1), hashOf(id), null));
        now = now.plus(Duration.ofMinutes(10));
        return id;
    }

    long head() {
        return records.size();
    }

    long move(String from, String to, String deployedBy) {
        return append(new PhaseTransitioned(now, OPERATOR, "staging", ROLLOUT, from, to, now, null, deployedBy, null));
    }

    long snapshot() {
        return append(new SnapshotTaken(now, OPERATOR, "staging", ROLLOUT, null, "quick",
                List.of(new QueryResult("metric_success_rate", "SELECT 1", Map.of(), "{\"status\":\"OK\"}")),
                Map.of("success_rate.percent", new BigDecimal("99.00")), now, now, 0,
                List.of(new SnapshotVerdict("overall", "PASS", List.of("fine")))));
    }

    long rollback() {
        return append(new RollbackPerformed(now, OPERATOR, "staging", ROLLOUT, now, "errors", "flags back", "rolled back"));
    }

    long issue() {
        return append(new IssueLogged(now, OPERATOR, "staging", ROLLOUT, now, "slow emails", null, null));
    }

    long override(String phase, String who) {
        return append(new GateOverridden(now, OPERATOR, "staging", ROLLOUT, phase, "known noise", who));
    }

    long testOutcome() {
        return append(new TestOutcomeRecorded(now, OPERATOR, null, ROLLOUT, "mvn test", TestOutcome.PASSED, "12 passed", now));
    }

    long acceptWarning(String phase, String who) {
        return append(new WarningAccepted(now, OPERATOR, "staging", ROLLOUT, phase, who, "band noise", List.of("WARN")));
    }

    /** Signs pinning the current head. */
    long sign(String role, String name) {
        return signPinning(role, name, hashOf(head()));
    }

    long signPinning(String role, String name, String hash) {
        return append(new SignedOff(now, OPERATOR, null, ROLLOUT, role, name, now, null, hash));
    }

    RolloutState state() {
        return RolloutHistory.fold(ROLLOUT, records).orElseThrow();
    }

    SignOffReview review() {
        return SignOffReview.of(state(), records);
    }
}
