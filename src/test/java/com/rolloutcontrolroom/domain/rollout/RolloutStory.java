package com.rolloutcontrolroom.domain.rollout;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import com.rolloutcontrolroom.domain.journal.JournalEntry;
import com.rolloutcontrolroom.domain.journal.RolloutCreated;
import com.rolloutcontrolroom.domain.journal.StoredEntry;
import com.rolloutcontrolroom.domain.operator.Operator;

/** A journal in memory: records appended in order with ids, folded on demand, with a clock the test moves. */
public final class RolloutStory {

    public static final Operator ANA = new Operator("ana", "Ana Ruiz");
    public static final Instant START = Instant.parse("2026-11-13T15:00:00Z");

    private final List<StoredEntry> records = new ArrayList<>();
    private final String rollout;
    public Instant now = START;

    public RolloutStory(RolloutPlan plan) {
        this.rollout = plan.rollout();
        append(new RolloutCreated(now, ANA, plan.rollout(), plan.flags(), plan.description(), PlanTree.write(plan)));
    }

    static RolloutStory small(String rollout) {
        return new RolloutStory(SmallPlan.named(rollout));
    }

    public RolloutState state() {
        return RolloutHistory.fold(rollout, records).orElseThrow();
    }

    public RolloutMoves moves() {
        return new RolloutMoves(ANA, now);
    }

    /** Runs a move on the current state and appends what it gives. */
    public RolloutStory then(Function<RolloutState, List<JournalEntry>> move) {
        move.apply(state()).forEach(this::append);
        return this;
    }

    public RolloutStory tickAll(String phase) {
        state().phase(phase).orElseThrow().plan().checklist()
                .forEach(item -> then(state -> moves().tick(state, phase, item, true)));
        return this;
    }

    public RolloutStory later(Duration duration) {
        now = now.plus(duration);
        return this;
    }

    public long append(JournalEntry entry) {
        long id = records.size() + 1L;
        records.add(new StoredEntry(id, entry, "0".repeat(64), "0".repeat(64), null));
        return id;
    }

    List<StoredEntry> records() {
        return records;
    }

    /** From a ready Staging shadow (checklists ticked) into Staging full after 31 minutes of shadow. */
    RolloutStory intoStagingFullFromShadowReady() {
        return then(state -> moves().promote(state, DeploymentMarker.now("Ana Ruiz")))
                .later(Duration.ofMinutes(31))
                .tickAll(SmallPlan.FULL)
                .then(state -> moves().promote(state, DeploymentMarker.now("Ana Ruiz")));
    }

    /** Walks Preparation and Staging shadow into Staging full, 31 minutes of shadow. */
    RolloutStory intoStagingFull() {
        return tickAll(SmallPlan.PREPARATION).tickAll(SmallPlan.SHADOW).intoStagingFullFromShadowReady();
    }

}
