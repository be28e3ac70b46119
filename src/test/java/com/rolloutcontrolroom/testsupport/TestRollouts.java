package com.rolloutcontrolroom.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import com.rolloutcontrolroom.domain.rollout.EnvironmentRole;
import com.rolloutcontrolroom.domain.rollout.FlagValue;
import com.rolloutcontrolroom.domain.rollout.PhaseGate;
import com.rolloutcontrolroom.domain.rollout.PhasePlan;
import com.rolloutcontrolroom.domain.rollout.PlanEnvironment;
import com.rolloutcontrolroom.domain.rollout.RolloutPlan;
import com.rolloutcontrolroom.services.credentials.CredentialStore;
import com.rolloutcontrolroom.services.home.AppHome;
import com.rolloutcontrolroom.services.journal.JournalAccess;
import com.rolloutcontrolroom.services.journal.JournalKeys;
import com.rolloutcontrolroom.services.journal.KeychainJournalKeys;
import com.rolloutcontrolroom.services.operator.OperatorIdentity;
import com.rolloutcontrolroom.services.rollout.Rollouts;

/**
 * Creates rollouts in a test's data folder, as {@code rollout new} would: a run and every record
 * need one. The plan is small (Preparation, then a staging shadow phase) because these tests are
 * about where records go, not about the plan.
 */
public final class TestRollouts {

    /** The rollout a test records to when which one does not matter. */
    public static final String ROLLOUT = "FEATURE_ASSIGNMENT_PIPELINE_V3";

    private TestRollouts() {
    }

    /** A two-phase plan for {@code name} with one flag named after it. */
    public static RolloutPlan smallPlan(String name) {
        PhasePlan preparation = new PhasePlan("Preparation", null, null, null, List.of(), List.of("Plan reviewed"), List.of(),
                List.of(), List.of(), List.of(), PhaseGate.CHECKLIST, true);
        PhasePlan shadow = new PhasePlan("Staging shadow", EnvironmentRole.STAGING, Duration.ofMinutes(30), null,
                List.of(new FlagValue(name, "false")), List.of("Shadow flag set"), List.of(), List.of(), List.of(), List.of(),
                PhaseGate.DURATION, true);
        return new RolloutPlan(name, "Test rollout " + name, List.of(name),
                List.of(new PlanEnvironment(EnvironmentRole.STAGING, "staging", "preview", "vercel deploy")),
                List.of(preparation, shadow));
    }

    /** Creates each rollout in the journal the CLI opens with this keychain (so a signed journal stays writable). */
    public static void create(AppHome home, CredentialStore keychain, String... names) {
        create(home, new KeychainJournalKeys(keychain), names);
    }

    public static void create(AppHome home, JournalKeys keys, String... names) {
        try (JournalAccess journal = new JournalAccess(home, keys)) {
            create(journal, home, names);
        }
    }

    /** In a journal the test keeps open. */
    public static void create(JournalAccess journal, AppHome home, String... names) {
        Rollouts rollouts = new Rollouts(journal, OperatorIdentity.forCurrentUser(home), Clock.systemUTC());
        for (String name : names) {
            rollouts.create(smallPlan(name));
        }
    }
}
