package com.rolloutcontrolroom.domain.journal;

import com.rolloutcontrolroom.domain.operator.Operator;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One record of every kind, shaped like the Assignment Pipeline V3 rollout of seed 000. */
public final class JournalSamples {

    public static final String ROLLOUT = "FEATURE_ASSIGNMENT_PIPELINE_V3";
    public static final Operator ANA = new Operator("ana", "Ana Ruiz");
    public static final Instant T0 = Instant.parse("2025-11-13T15:00:00Z");

    private JournalSamples() {
    }

    public static List<JournalEntry> everyKind(Instant at) {
        IssueLogged issue = new IssueLogged(at, ANA, "staging", ROLLOUT, at.minusSeconds(600),
                "Manual review rate 1.4 % at T+1h", null, null);
        return List.of(
                new RolloutCreated(at, ANA, ROLLOUT, List.of(ROLLOUT, ROLLOUT + "_SHADOW"), "Assignment pipeline V3",
                        java.util.Map.of("format", "1", "rollout", ROLLOUT, "phases", List.of(java.util.Map.of("name", "Preparation")))),
                new PhaseTransitioned(at, ANA, "staging", ROLLOUT, "Preparation", "Staging shadow", at.minusSeconds(60),
                        "https://preview.example.test/deploy/42", "Ana Ruiz", "Deployed from the release branch"),
                new ChecklistItemTicked(at, ANA, "staging", ROLLOUT, "Staging shadow", "Project linked (`vercel link`)", true),
                snapshot(at),
                new RollbackPerformed(at, ANA, "production", ROLLOUT, at.minusSeconds(30), "Success rate 91 % at T+30m",
                        "vercel env add FEATURE_ASSIGNMENT_PIPELINE_V3 production # false; vercel --prod",
                        "Legacy routing restored within 4 minutes"),
                issue,
                new SignedOff(at, ANA, null, ROLLOUT, "Operations Lead", "Ana Ruiz", at, "Staging verified",
                        ChainHash.next(ChainHash.GENESIS, new byte[] {1})),
                new GateOverridden(at, ANA, "staging", ROLLOUT, "Staging full", "Only 38 events; NO_DATA accepted by EM",
                        "Eng Manager"),
                new Correction(at, ANA, 6, "Resolved after the retry fix",
                        new IssueLogged(at, ANA, "staging", ROLLOUT, at.minusSeconds(600),
                                "Manual review rate 1.4 % at T+1h", "Retry budget raised", at)));
    }

    /** Kept apart from {@link #everyKind}, whose record count many journal tests rely on. */
    public static WarningAccepted warningAccepted(Instant at) {
        return new WarningAccepted(at, ANA, "staging", ROLLOUT, "Staging full", "Eng Manager", "One slow hour during an upstream deploy",
                List.of("Hour 30 (T+30h to T+31h) was in the warning band."));
    }

    /** Kept apart from {@link #everyKind} too, for the same reason. */
    public static TestOutcomeRecorded testOutcome(Instant at) {
        return new TestOutcomeRecorded(at, ANA, "staging", ROLLOUT, "./mvnw -q test -Dtest=AssignmentCoordinatorIT",
                TestOutcome.PASSED, "142 passed, 0 failed", at.minusSeconds(900));
    }

    public static PlanAmended planAmended(Instant at) {
        return new PlanAmended(at, ANA, ROLLOUT, "Product accepted a lower bar for staging",
                List.of("Staging full: verification criterion added: 'Success rate >= 95 % sustained for 48 hours'."),
                java.util.Map.of("format", "1", "rollout", ROLLOUT, "phases", List.of(java.util.Map.of("name", "Preparation"))));
    }

    /** One record of each kind about the journal itself (no rollout), with a real Ed25519 public key. */
    public static List<JournalEntry> journalKinds(Instant at) {
        java.security.PublicKey key;
        try {
            key = java.security.KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        String publicKey = java.util.Base64.getEncoder().encodeToString(key.getEncoded());
        return List.of(
                new SigningKeyEnrolled(at, ANA, "Ed25519", publicKey, JournalSignatures.fingerprint(key.getEncoded())),
                new JournalRepaired(at, ANA, List.of("journal_entry_no_delete"),
                        "At open journal_entry_no_delete was missing; restored, so SQLite refuses UPDATE and DELETE again."));
    }

    public static SnapshotTaken snapshot(Instant at) {
        String sql = "SELECT event_type, count(*), ROUND(100.0 * count(*) FILTER (WHERE context->>'reason' IS NULL)"
                + " / NULLIF(count(*), 0), 2) AS success_pct\nFROM observability_events\n"
                + "WHERE source = 'assignment.coordinator' AND created_at >= now() - INTERVAL '6 hours'\nGROUP BY 1;";
        return new SnapshotTaken(at, ANA, "staging", ROLLOUT, "T+1h", "Full query suite",
                List.of(new QueryResult("coordinator success", sql, Map.of("window", "6 hours"),
                        "[{\"event_type\":\"coordinator.confirmed\",\"count\":412,\"success_pct\":97.57}]")),
                Map.of("successRate", new BigDecimal("97.57"), "manualReviewRate", new BigDecimal("0.48")),
                at.minusMillis(950), at.minusMillis(120), 830,
                List.of(new SnapshotVerdict("success rate", "PASS", List.of("97.57 % >= 97 %"))));
    }
}
