package com.rolloutcontrolroom.domain.signoff;

import java.util.List;

/**
 * Records of one kind written after a sign-off's pinned head: evidence the signer did not see.
 *
 * @param kind      "snapshot", "rollback" ... in the singular
 * @param recordIds oldest first
 */
public record LaterEvidence(String kind, List<Long> recordIds) {

    public LaterEvidence {
        recordIds = List.copyOf(recordIds);
    }

    /** "3 snapshots (#41, #42, #43)". */
    public String describe() {
        int count = recordIds.size();
        return count + " " + kind + (count == 1 ? "" : "s") + " (" + String.join(", ", recordIds.stream().map(id -> "#" + id).toList()) + ")";
    }
}
