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

    /** One scheduled checkpoint of the current phase: when it is due and whether a snapshot served it. */
    record Checkpoint(ScheduledCheckpoint planned, Instant due, boolean taken) {
    }

    List<Checkpoint> checkpoints() {
        Optional<PhaseState> phase = state.current();
        if (phase.isEmpty()) {
            return List.of();
        }
        List<String> taken = state.checkpointsTaken(phase.get().name()).stream()
                .filter(s -> phase.get().startedAt() == null || !s.entry().recordedAt().isBefore(phase.get().startedAt()))
                .map(s -> s.entry().checkpoint()).toList();
        Instant start = phase.get().startedAt();
        return phase.get().plan().schedule().stream()
                .map(c -> new Checkpoint(c, start == null ? null : start.plus(c.offset()), taken.contains(c.label())))
                .toList();
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
