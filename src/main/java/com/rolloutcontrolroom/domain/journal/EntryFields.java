package com.rolloutcontrolroom.domain.journal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Maps journal records to the field tree {@link CanonicalForm} writes, and back. Every field is
 * always present; an empty optional value is an explicit null, so each kind has one fixed shape.
 */
public final class EntryFields {

    private EntryFields() {
    }

    /** The hashed document of a stored record: the entry's fields plus its position in the chain. */
    public static Map<String, Object> document(long id, JournalEntry entry) {
        Map<String, Object> fields = fields(entry);
        fields.put("id", Long.toString(id));
        return fields;
    }

    public static byte[] canonicalBytes(long id, JournalEntry entry) {
        return CanonicalForm.encode(document(id, entry));
    }

    public static Map<String, Object> fields(JournalEntry entry) {
        Map<String, Object> f = new HashMap<>();
        f.put("kind", entry.kind().name());
        f.put("recordedAt", time(entry.recordedAt()));
        Map<String, Object> operator = new HashMap<>();
        operator.put("login", entry.operator().login());
        operator.put("displayName", entry.operator().displayName());
        f.put("operator", operator);
        f.put("rollout", entry.rollout());
        f.put("environment", entry.environment());
        if (entry instanceof RolloutCreated e) {
            f.put("flags", List.copyOf(e.flags()));
            f.put("description", e.description());
            f.put("plan", e.plan());
        } else if (entry instanceof PhaseTransitioned e) {
            f.put("fromPhase", e.fromPhase());
            f.put("toPhase", e.toPhase());
            f.put("deploymentMarker", time(e.deploymentMarker()));
            f.put("deploymentUrl", e.deploymentUrl());
            f.put("deployedBy", e.deployedBy());
            f.put("note", e.note());
        } else if (entry instanceof ChecklistItemTicked e) {
            f.put("phase", e.phase());
            f.put("item", e.item());
            f.put("ticked", e.ticked());
        } else if (entry instanceof SnapshotTaken e) {
            f.put("checkpoint", e.checkpoint());
            f.put("querySet", e.querySet());
            f.put("queries", e.queries().stream().map(EntryFields::query).toList());
            Map<String, Object> metrics = new TreeMap<>();
            e.metrics().forEach((name, value) -> metrics.put(name, value.toPlainString()));
            f.put("metrics", metrics);
            f.put("startedAt", time(e.startedAt()));
            f.put("finishedAt", time(e.finishedAt()));
            f.put("durationMillis", Long.toString(e.durationMillis()));
            f.put("verdicts", e.verdicts().stream().map(EntryFields::verdict).toList());
            // written only when set: a snapshot from before the scheduler keeps the shape (and hash) it was written with
            if (e.scheduled() != null) {
                Map<String, Object> scheduled = new HashMap<>();
                scheduled.put("phase", e.scheduled().phase());
                scheduled.put("due", time(e.scheduled().due()));
                scheduled.put("databaseReached", e.scheduled().databaseReached());
                f.put("scheduled", scheduled);
            }
        } else if (entry instanceof RollbackPerformed e) {
            f.put("occurredAt", time(e.occurredAt()));
            f.put("reason", e.reason());
            f.put("actionsTaken", e.actionsTaken());
            f.put("outcome", e.outcome());
        } else if (entry instanceof IssueLogged e) {
            f.put("discoveredAt", time(e.discoveredAt()));
            f.put("description", e.description());
            f.put("resolution", e.resolution());
            f.put("resolvedAt", e.resolvedAt() == null ? null : time(e.resolvedAt()));
        } else if (entry instanceof TestOutcomeRecorded e) {
            f.put("command", e.command());
            f.put("outcome", e.outcome().name());
            f.put("summary", e.summary());
            f.put("ranAt", time(e.ranAt()));
        } else if (entry instanceof SignedOff e) {
            f.put("role", e.role());
            f.put("name", e.name());
            f.put("signedAt", time(e.signedAt()));
            f.put("comment", e.comment());
            f.put("approvedHeadHash", e.approvedHeadHash());
        } else if (entry instanceof GateOverridden e) {
            f.put("phase", e.phase());
            f.put("reason", e.reason());
            f.put("who", e.who());
        } else if (entry instanceof Correction e) {
            f.put("correctsId", Long.toString(e.correctsId()));
            f.put("reason", e.reason());
            f.put("replacement", fields(e.replacement()));
        } else if (entry instanceof WarningAccepted e) {
            f.put("phase", e.phase());
            f.put("who", e.who());
            f.put("reason", e.reason());
            f.put("warnings", List.copyOf(e.warnings()));
        } else if (entry instanceof PlanAmended e) {
            f.put("reason", e.reason());
            f.put("changes", List.copyOf(e.changes()));
            f.put("plan", e.plan());
        } else if (entry instanceof SigningKeyEnrolled e) {
            f.put("algorithm", e.algorithm());
            f.put("publicKey", e.publicKey());
            f.put("fingerprint", e.fingerprint());
        } else if (entry instanceof JournalRepaired e) {
            f.put("restoredTriggers", List.copyOf(e.restoredTriggers()));
            f.put("description", e.description());
        }
        return f;
    }

    public static JournalEntry entry(Map<String, ?> fields) {
        FieldReader r = new FieldReader(fields);
        EntryKind kind;
        try {
            kind = EntryKind.valueOf(r.text("kind"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Journal record has an unknown kind '" + fields.get("kind") + "'.", e);
        }
        Instant at = r.time("recordedAt");
        var op = r.operator();
        // null only for records about the journal itself; every rollout kind refuses it in its constructor
        String rollout = r.optionalText("rollout");
        String env = r.optionalText("environment");
        return switch (kind) {
            case ROLLOUT_CREATED -> new RolloutCreated(at, op, rollout, r.texts("flags"), r.optionalText("description"),
                    r.tree("plan"));
            case PHASE_TRANSITION -> new PhaseTransitioned(at, op, env, rollout, r.optionalText("fromPhase"),
                    r.text("toPhase"), r.time("deploymentMarker"), r.optionalText("deploymentUrl"), r.text("deployedBy"),
                    r.optionalText("note"));
            case CHECKLIST_TICK -> new ChecklistItemTicked(at, op, env, rollout, r.text("phase"), r.text("item"),
                    r.flag("ticked"));
            case SNAPSHOT -> new SnapshotTaken(at, op, env, rollout, r.optionalText("checkpoint"), r.text("querySet"),
                    r.objects("queries", q -> new QueryResult(q.text("name"), q.text("sql"), q.textMap("parameters"),
                            q.text("rowsJson"))),
                    r.decimalMap("metrics"), r.time("startedAt"), r.time("finishedAt"), r.number("durationMillis"),
                    r.objects("verdicts", v -> new SnapshotVerdict(v.text("subject"), v.text("outcome"),
                            v.texts("reasons"))),
                    r.has("scheduled") ? scheduled(r.object("scheduled")) : null);
            case ROLLBACK -> new RollbackPerformed(at, op, env, rollout, r.time("occurredAt"), r.text("reason"),
                    r.text("actionsTaken"), r.text("outcome"));
            case ISSUE -> new IssueLogged(at, op, env, rollout, r.time("discoveredAt"), r.text("description"),
                    r.optionalText("resolution"), r.optionalTime("resolvedAt"));
            case TEST_OUTCOME -> new TestOutcomeRecorded(at, op, env, rollout, r.text("command"),
                    outcome(r.text("outcome")), r.text("summary"), r.time("ranAt"));
            case SIGN_OFF -> new SignedOff(at, op, env, rollout, r.text("role"), r.text("name"), r.time("signedAt"),
                    r.optionalText("comment"), r.text("approvedHeadHash"));
            case GATE_OVERRIDE -> new GateOverridden(at, op, env, rollout, r.text("phase"), r.text("reason"),
                    r.text("who"));
            case WARNING_ACCEPTED -> new WarningAccepted(at, op, env, rollout, r.text("phase"), r.text("who"), r.text("reason"),
                    r.texts("warnings"));
            case CORRECTION -> new Correction(at, op, r.number("correctsId"), r.text("reason"),
                    entry(r.object("replacement").all()));
            case PLAN_AMENDED -> new PlanAmended(at, op, rollout, r.text("reason"), r.texts("changes"), r.tree("plan"));
            case SIGNING_KEY -> new SigningKeyEnrolled(at, op, r.text("algorithm"), r.text("publicKey"), r.text("fingerprint"));
            case JOURNAL_REPAIRED -> new JournalRepaired(at, op, r.texts("restoredTriggers"), r.text("description"));
        };
    }

    private static TestOutcome outcome(String name) {
        try {
            return TestOutcome.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Journal record has an unknown test outcome '" + name + "'.", e);
        }
    }

    private static ScheduledFor scheduled(FieldReader r) {
        return new ScheduledFor(r.text("phase"), r.time("due"), r.flag("databaseReached"));
    }

    private static String time(Instant instant) {
        return JournalTime.format(instant);
    }

    private static Map<String, Object> query(QueryResult q) {
        Map<String, Object> m = new HashMap<>();
        m.put("name", q.name());
        m.put("sql", q.sql());
        m.put("parameters", new TreeMap<>(q.parameters()));
        m.put("rowsJson", q.rowsJson());
        return m;
    }

    private static Map<String, Object> verdict(SnapshotVerdict v) {
        Map<String, Object> m = new HashMap<>();
        m.put("subject", v.subject());
        m.put("outcome", v.outcome());
        m.put("reasons", new ArrayList<>(v.reasons()));
        return m;
    }
}
