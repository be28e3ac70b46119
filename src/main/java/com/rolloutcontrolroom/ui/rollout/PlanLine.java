package com.rolloutcontrolroom.ui.rollout;

import java.util.List;

import com.rolloutcontrolroom.domain.journal.PlanAmended;
import com.rolloutcontrolroom.domain.rollout.Recorded;
import com.rolloutcontrolroom.domain.rollout.RolloutState;
import com.rolloutcontrolroom.ui.journal.UtcTimeText;

/** The line under the rollout's name: what the plan is for and, once edited, that it was amended, by whom and why. */
final class PlanLine {

    private PlanLine() {
    }

    static String of(RolloutState state) {
        String description = state.plan().description() == null ? "" : state.plan().description();
        List<Recorded<PlanAmended>> amendments = state.amendments();
        if (amendments.isEmpty()) {
            return description;
        }
        PlanAmended latest = amendments.get(amendments.size() - 1).entry();
        String amended = "Plan amended " + (amendments.size() == 1 ? "once" : amendments.size() + " times") + "; latest "
                + UtcTimeText.format(latest.recordedAt()) + " UTC by " + latest.operator().describe() + ": " + latest.reason()
                + " (" + String.join(" ", latest.changes()) + ")";
        return description.isEmpty() ? amended : description + "\n" + amended;
    }
}
