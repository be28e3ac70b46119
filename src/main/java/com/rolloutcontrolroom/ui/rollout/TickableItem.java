package com.rolloutcontrolroom.ui.rollout;

import com.rolloutcontrolroom.domain.rollout.ItemTick;
import com.rolloutcontrolroom.domain.rollout.PhaseState;

/**
 * A checklist item, verification criterion or evidence item of one phase, ticked or not, with who
 * last (un)ticked it and when, and whether its text was amended after the phase started.
 */
public record TickableItem(String phase, String text, boolean ticked, String tickedLine, boolean changedAfterStart) {

    static TickableItem of(PhaseState phase, String item) {
        String line = phase.tick(item).map(TickableItem::line).orElse("");
        return new TickableItem(phase.name(), item, phase.isTicked(item), line, phase.changedAfterStart(item));
    }

    private static String line(ItemTick tick) {
        return (tick.ticked() ? "ticked by " : "unticked by ") + tick.by().describe() + " at " + PhaseCard.utc(tick.at());
    }
}
