package com.rolloutcontrolroom.domain.journal;

import java.util.Locale;

/** Whether a recorded test run passed; stored as its name, so names are part of the file format. */
public enum TestOutcome {
    PASSED,
    FAILED;

    /** "passed" / "failed", as the report and the screens write it. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
