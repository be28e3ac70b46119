package com.rolloutcontrolroom.domain.signoff;

/**
 * One thing an auditor should know about a sign-off, in one sentence.
 *
 * @param signOffRecordId the journal record of the sign-off it is about
 * @param role            the role as signed (its label when known)
 */
public record SignOffFinding(Kind kind, long signOffRecordId, String role, String name, String sentence) {

    /** What kind of finding, in the order the report lists a sign-off's findings. */
    public enum Kind {
        /** The role's label is none of the six. */
        UNKNOWN_ROLE,
        /** The pinned head hash is no record of this journal: what it approved cannot be shown. */
        UNKNOWN_HEAD,
        /** A later sign-off of the same role replaces it. */
        SUPERSEDED,
        /** Snapshots, rollbacks, issues, overrides, markers, test outcomes ... recorded after the pinned head. */
        EVIDENCE_AFTER,
        /** The same person holds another role that must be someone else. */
        SAME_PERSON,
        /** The signer deployed in the phase they approve. */
        DEPLOYED,
        /** The signer approved a gate override in the phase they approve. */
        OVERRODE_GATE,
        /** The signer accepted a gate warning in the phase they approve. */
        ACCEPTED_WARNING
    }
}
