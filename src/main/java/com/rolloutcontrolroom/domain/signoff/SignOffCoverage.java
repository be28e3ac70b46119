package com.rolloutcontrolroom.domain.signoff;

import java.util.List;
import java.util.Optional;

import com.rolloutcontrolroom.domain.journal.SignedOff;
import com.rolloutcontrolroom.domain.rollout.Recorded;

/**
 * What one sign-off covers: the journal up to the head it pinned, the phase it approves, and what was
 * recorded after that head.
 *
 * @param role           the role signed; null when the label is none of the six
 * @param pinnedRecordId the record whose hash the sign-off pinned; null when no record of the journal has that hash
 * @param approvedPhase  the phase it approves (the phase current when signed); null when it approves the whole rollout
 * @param laterEvidence  per kind, the records written after the pinned head; empty when the head is unknown
 * @param supersededBy   the record of a later sign-off of the same role; null while this one is in force
 */
public record SignOffCoverage(Recorded<SignedOff> signOff, SignOffRole role, Long pinnedRecordId, String approvedPhase,
                              List<LaterEvidence> laterEvidence, Long supersededBy) {

    public SignOffCoverage {
        laterEvidence = List.copyOf(laterEvidence);
    }

    public Optional<SignOffRole> knownRole() {
        return Optional.ofNullable(role);
    }

    public boolean inForce() {
        return supersededBy == null;
    }

    public boolean wholeRollout() {
        return approvedPhase == null;
    }

    /** The role as the report names it: the known label, or the text as signed. */
    public String roleLabel() {
        return role != null ? role.label() : signOff.entry().role();
    }

    /** "records 1–57" or "an unknown head (hash 3f9a1c2e…)". */
    public String covers() {
        return pinnedRecordId == null
                ? "a head that is not in this journal (hash " + signOff.entry().approvedHeadHash().substring(0, 12) + "…)"
                : "records 1–" + pinnedRecordId;
    }
}
