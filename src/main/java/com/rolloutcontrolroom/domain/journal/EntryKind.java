package com.rolloutcontrolroom.domain.journal;

/** What a journal record is about; stored as its name, so names are part of the file format. */
public enum EntryKind {
    ROLLOUT_CREATED,
    PHASE_TRANSITION,
    CHECKLIST_TICK,
    SNAPSHOT,
    ROLLBACK,
    ISSUE,
    SIGN_OFF,
    GATE_OVERRIDE,
    CORRECTION,
    /** The plan of a rollout was edited after it was created: who, why, what changed, the new plan. */
    PLAN_AMENDED,
    /** A named person accepted a phase gate's WARN with a reason, so the gate passes. */
    WARNING_ACCEPTED,
    /** The journal's Ed25519 public key; every later record is signed with its private half. */
    SIGNING_KEY,
    /** The writer found the append-only triggers missing or altered at open and restored them. */
    JOURNAL_REPAIRED,
    /** A test command or suite a person ran for the rollout, whether it passed, and its result line. */
    TEST_OUTCOME
}
