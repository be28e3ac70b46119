package com.rolloutcontrolroom.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.rolloutcontrolroom.domain.journal.PlanAmended;
import com.rolloutcontrolroom.domain.rollout.GateStatus;
import com.rolloutcontrolroom.domain.rollout.NextAction;
import com.rolloutcontrolroom.domain.rollout.PhaseGates;
import com.rolloutcontrolroom.domain.rollout.PhaseState;
import com.rolloutcontrolroom.domain.rollout.PlanDuration;
import com.rolloutcontrolroom.domain.rollout.PromotionCheck;
import com.rolloutcontrolroom.domain.rollout.Recorded;
import com.rolloutcontrolroom.domain.rollout.RolloutState;
import com.rolloutcontrolroom.domain.rollout.ScheduledCheckpoint;
import com.rolloutcontrolroom.domain.schedule.CheckpointLedger;
import com.rolloutcontrolroom.domain.schedule.CheckpointState;
import com.rolloutcontrolroom.domain.schedule.LedgerEntry;

/**
 * What {@code status} says about one rollout at one moment: all of it read from the fold
 * ({@link RolloutState}), the gates ({@link PhaseGates}, {@link PromotionCheck}) and
 * {@link NextAction}, so the terminal and the Rollout screen never disagree. {@link #tree()} is the
 * {@code status --json} shape documented in the README.
 */
record RolloutStatus(RolloutState state, Instant now, boolean current, GateStatus gate, PromotionCheck promotion,
                     String nextAction) {

    static RolloutStatus of(RolloutState state, Instant now, boolean current) {
        return new RolloutStatus(state, now, current, PhaseGates.current(state, now), PromotionCheck.of(state, now),
                NextAction.of(state, now));
    }

    /**
     * One scheduled checkpoint as the ledger has it: when it is due, where it stands, and when taken and how late.
     *
     * @param takenAt when the snapshot that served it ran; null if none did
     * @param lateBy  how late it was taken; null unless taken late
     */
    record Checkpoint(String phase, ScheduledCheckpoint planned, Instant due, CheckpointState state, Instant takenAt,
                      Duration lateBy, String description) {

        static Checkpoint of(LedgerEntry entry) {
            return new Checkpoint(entry.phase(), entry.planned(), entry.due(), entry.state(),
                    entry.taken() == null ? null : entry.taken().entry().startedAt(), entry.lateBy().orElse(null), entry.describe());
        }

        boolean taken() {
            return state.taken();
        }
    }

    /** The current phase's checkpoints, from the ledger (the journal's scheduled snapshots), so status and the scheduler agree. */
    List<Checkpoint> checkpoints() {
        Optional<PhaseState> phase = state.current();
        if (phase.isEmpty()) {
            return List.of();
        }
        List<LedgerEntry> ledger = currentVisit();
        if (!ledger.isEmpty()) {
            return ledger.stream().map(Checkpoint::of).toList();
        }
        // a phase entered without a deployment marker (the first one) has no schedule running yet
        Instant start = phase.get().startedAt();
        return phase.get().plan().schedule().stream()
                .map(c -> new Checkpoint(phase.get().name(), c, start == null ? null : start.plus(c.offset()), CheckpointState.PENDING,
                        null, null, c.label() + " " + c.kind().label() + " of " + phase.get().name() + ": pending"))
                .toList();
    }

    /** Checkpoints of phases already left that were never taken (MISSED, or ERROR): gaps in the evidence stay in view. */
    List<Checkpoint> missedCheckpoints() {
        List<LedgerEntry> current = currentVisit();
        return CheckpointLedger.of(state, now).entries().stream()
                .filter(e -> e.state() == CheckpointState.MISSED || e.state() == CheckpointState.ERROR)
                .filter(e -> !current.contains(e))
                .map(Checkpoint::of)
                .toList();
    }

    private List<LedgerEntry> currentVisit() {
        return state.current().map(phase -> CheckpointLedger.of(state, now).latestVisit(phase.name())).orElse(List.of());
    }

    Map<String, Object> tree() {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("rollout", state.rollout());
        tree.put("current", current);
        tree.put("flags", state.plan().flags());
        tree.put("createdAt", UtcTime.iso(state.createdAt()));
        tree.put("createdBy", state.createdBy().describe());
        tree.put("now", UtcTime.iso(now));
        tree.put("currentPhase", state.currentPhaseName());
        tree.put("done", state.isDone());
        tree.put("phases", state.phases().stream().map(this::phase).toList());
        Map<String, Object> checklists = new LinkedHashMap<>();
        checklists.put("current", state.current().map(RolloutStatus::checklist).orElse(null));
        checklists.put("next", state.next().map(RolloutStatus::checklist).orElse(null));
        tree.put("checklists", checklists);
        tree.put("checkpoints", checkpoints().stream().map(RolloutStatus::checkpoint).toList());
        tree.put("missedCheckpoints", missedCheckpoints().stream().map(RolloutStatus::checkpoint).toList());
        Map<String, Object> gateTree = new LinkedHashMap<>();
        gateTree.put("phase", state.currentPhaseName());
        gateTree.put("result", gate.result().name());
        gateTree.put("reasons", gate.reasons());
        tree.put("gate", gateTree);
        Map<String, Object> promotionTree = new LinkedHashMap<>();
        promotionTree.put("to", promotion.to());
        promotionTree.put("allowed", promotion.allowed());
        promotionTree.put("blockers", promotion.blockers());
        tree.put("promotion", promotionTree);
        tree.put("nextAction", nextAction);
        tree.put("amendments", state.amendments().stream().map(RolloutStatus::amendment).toList());
        tree.put("problems", state.problems());
        return tree;
    }

    private Map<String, Object> phase(PhaseState phase) {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("name", phase.name());
        tree.put("status", phase.status().name());
        tree.put("environment", state.plan().environmentOf(phase.plan()));
        tree.put("startedAt", UtcTime.iso(phase.startedAt()));
        tree.put("endedAt", UtcTime.iso(phase.endedAt()));
        tree.put("durationMinutes", phase.duration(now).map(Duration::toMinutes).orElse(null));
        return tree;
    }

    static String durationText(PhaseState phase, Instant now) {
        return phase.duration(now).map(PlanDuration::words).orElse("-");
    }

    private static Map<String, Object> checklist(PhaseState phase) {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("phase", phase.name());
        tree.put("ticked", ChecklistCount.ticked(phase));
        tree.put("total", phase.plan().checklist().size());
        List<Map<String, Object>> open = new ArrayList<>();
        for (String item : phase.uncheckedChecklist()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("number", PhaseItems.numberOf(phase.plan(), item));
            entry.put("item", item);
            entry.put("changedAfterStart", phase.changedAfterStart(item));
            open.add(entry);
        }
        tree.put("open", open);
        return tree;
    }

    private static Map<String, Object> checkpoint(Checkpoint checkpoint) {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("at", checkpoint.planned().label());
        tree.put("run", checkpoint.planned().kind().code());
        tree.put("due", UtcTime.iso(checkpoint.due()));
        tree.put("taken", checkpoint.taken());
        tree.put("phase", checkpoint.phase());
        tree.put("state", checkpoint.state().name());
        tree.put("takenAt", UtcTime.iso(checkpoint.takenAt()));
        tree.put("lateBySeconds", checkpoint.lateBy() == null ? null : checkpoint.lateBy().toSeconds());
        return tree;
    }

    private static Map<String, Object> amendment(Recorded<PlanAmended> amendment) {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("at", UtcTime.iso(amendment.entry().recordedAt()));
        tree.put("by", amendment.entry().operator().describe());
        tree.put("reason", amendment.entry().reason());
        tree.put("changes", amendment.entry().changes());
        return tree;
    }
}
