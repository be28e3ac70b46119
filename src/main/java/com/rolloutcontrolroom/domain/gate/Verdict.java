package com.rolloutcontrolroom.domain.gate;

/** The outcome of judging a checkpoint or a gate. Declared from least to most serious. */
public enum Verdict {
    PASS,
    /** Too few events to judge: neither good nor bad, and never promoted as a pass. */
    NO_DATA,
    WARN,
    /** A query could not run, so part of the evidence is missing. */
    ERROR,
    FAIL;

    public Verdict worse(Verdict other) {
        return other.compareTo(this) > 0 ? other : this;
    }
}
