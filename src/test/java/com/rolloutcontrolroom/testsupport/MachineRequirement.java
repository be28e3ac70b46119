package com.rolloutcontrolroom.testsupport;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Assumptions;

/**
 * A test that needs something of the machine (a keychain, pgbouncer, jq and openssl): in CI
 * ({@code CI=true}, set by .ci/run, which installs all of them) a missing one is a failure, never a
 * skip; on a developer's machine the test is aborted with the reason and the command that installs it,
 * so {@code ./mvnw verify} on a fresh machine with only a JDK still says what it did not exercise.
 */
public final class MachineRequirement {

    private MachineRequirement() {
    }

    /** @param whatIsMissing one sentence naming what is missing and how to get it */
    public static void require(boolean present, String whatIsMissing) {
        if (present) {
            return;
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("CI=true, and " + whatIsMissing);
        }
        Assumptions.abort(whatIsMissing + " (with CI=true this test fails instead)");
    }
}
