package com.rolloutcontrolroom.domain.rollout;

import java.util.List;

/** A gate's result and, when it does not pass, why, in sentences a release manager can act on. */
public record GateStatus(GateResult result, List<String> reasons) {

    public GateStatus {
        reasons = List.copyOf(reasons);
    }

    public boolean passes() {
        return result == GateResult.PASS || result == GateResult.WARN_ACCEPTED;
    }
}
