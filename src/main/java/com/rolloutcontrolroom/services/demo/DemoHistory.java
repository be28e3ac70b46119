package com.rolloutcontrolroom.services.demo;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.rolloutcontrolroom.domain.environment.EnvironmentProfile;
import com.rolloutcontrolroom.domain.journal.JournalEntry;
import com.rolloutcontrolroom.domain.journal.RolloutCreated;
import com.rolloutcontrolroom.domain.journal.StoredEntry;
import com.rolloutcontrolroom.domain.operator.Operator;
import com.rolloutcontrolroom.domain.rollout.DeploymentMarker;
import com.rolloutcontrolroom.domain.rollout.PlanTree;
import com.rolloutcontrolroom.domain.rollout.RolloutHistory;
import com.rolloutcontrolroom.domain.rollout.RolloutMoves;
import com.rolloutcontrolroom.domain.rollout.RolloutPlan;
import com.rolloutcontrolroom.domain.rollout.RolloutState;
import com.rolloutcontrolroom.services.home.AppHome;
import com.rolloutcontrolroom.services.home.Workspace;
import com.rolloutcontrolroom.services.journal.JournalAccess;
import com.rolloutcontrolroom.services.journal.JournalQuery;
import com.rolloutcontrolroom.services.journal.RolloutChangedException;
import com.rolloutcontrolroom.services.operator.OperatorIdentity;
import com.rolloutcontrolroom.services.rollout.BuiltInTemplate;
import com.rolloutcontrolroom.services.rollout.CurrentRollout;
import com.rolloutcontrolroom.services.rollout.Rollouts;
import com.rolloutcontrolroom.services.settings.SettingsFile;

/**
 * The demo rollout under way, as the demo database's traffic tells it: created from the plan,
 * Preparation and Staging shadow done, Staging shadow live from the story's shadow start and Staging
 * full from its full start. Recorded into the demo's own journal once, in one write guarded like every
 * move ({@link com.rolloutcontrolroom.services.journal.JournalWriter#appendAll}), so a crash leaves all
 * of it or none, and of two processes starting together one records and the other reads it. Every
 * record says it was recorded now; only the markers are in the past. Blocking I/O: call off the FX thread.
 */
public final class DemoHistory {

    /** The demo's rollout: seed 000's. */
    public static final String ROLLOUT = "FEATURE_ASSIGNMENT_PIPELINE_V3";
    private static final Logger LOG = LoggerFactory.getLogger(DemoHistory.class);
    private static final String DEPLOYED_BY = "Demo traffic simulator";

    private final JournalAccess demoJournal;
    private final OperatorIdentity operator;
    private final CurrentRollout current;
    private final Clock clock;
    private final RolloutPlan plan;

    /** For this data folder's demo workspace: its operator, its remembered current rollout, the built-in template's plan. */
    public static DemoHistory of(AppHome home, JournalAccess demoJournal, Clock clock) {
        return new DemoHistory(demoJournal, OperatorIdentity.forCurrentUser(home),
                new CurrentRollout(new SettingsFile(Workspace.DEMO.rolloutSettings(home))), clock);
    }

    /** The built-in template's plan ({@link #plan()}). */
    public DemoHistory(JournalAccess demoJournal, OperatorIdentity operator, CurrentRollout current, Clock clock) {
        this(demoJournal, operator, current, clock, plan());
    }

    /**
     * @param demoJournal the demo workspace's journal, never the real one
     * @param current     where the demo workspace remembers its current rollout
     */
    public DemoHistory(JournalAccess demoJournal, OperatorIdentity operator, CurrentRollout current, Clock clock,
                       RolloutPlan plan) {
        this.demoJournal = demoJournal;
        this.operator = operator;
        this.current = current;
        this.clock = clock;
        this.plan = plan;
    }

    /**
     * Seed 000's plan with the demo database as both staging and production: the demo has no other
     * environment, so its production phases would read the same database.
     */
    public static RolloutPlan plan() {
        return BuiltInTemplate.plan(ROLLOUT, EnvironmentProfile.DEMO_NAME, EnvironmentProfile.DEMO_NAME);
    }

    /** The demo rollout's state, its history recorded first if the demo journal does not have it yet. */
    public RolloutState recordOnce(DemoStory story) {
        Rollouts rollouts = new Rollouts(demoJournal, operator, clock);
        Optional<RolloutState> existing = rollouts.state(plan.rollout());
        if (existing.isEmpty()) {
            try {
                demoJournal.writer().appendAll(plan.rollout(), lastRecordId(), history(story, rollouts.now()));
                LOG.info("Recorded the demo rollout {} in Staging full since {}", plan.rollout(), story.fullStart());
            } catch (RolloutChangedException e) {
                LOG.info("Another process recorded the demo rollout a moment earlier; using its records");
            }
        }
        if (current.remembered().isEmpty()) {
            current.remember(plan.rollout());
        }
        return existing.orElseGet(() -> rollouts.require(plan.rollout()));
    }

    /** The records, each move checked by {@link RolloutMoves} against the state the records before it give. */
    private List<JournalEntry> history(DemoStory story, Instant now) {
        Operator who = operator.current();
        RolloutMoves moves = new RolloutMoves(who, now);
        Rehearsal records = new Rehearsal(plan.rollout());
        records.add(List.of(new RolloutCreated(now, who, plan.rollout(), plan.flags(), plan.description(), PlanTree.write(plan))));
        String preparation = plan.phases().get(0).name();
        String shadow = plan.phases().get(1).name();
        String full = plan.phases().get(2).name();
        tickChecklist(records, moves, preparation);
        tickChecklist(records, moves, shadow);
        records.add(moves.promote(records.state(), marker(story.shadowStart(), "shadow")));
        tickChecklist(records, moves, full);
        records.add(moves.promote(records.state(), marker(story.fullStart(), "full")));
        return records.entries();
    }

    private static void tickChecklist(Rehearsal records, RolloutMoves moves, String phase) {
        for (String item : records.state().phase(phase).orElseThrow().plan().checklist()) {
            records.add(moves.tick(records.state(), phase, item, true));
        }
    }

    private static DeploymentMarker marker(Instant at, String mode) {
        return new DeploymentMarker(at, null, DEPLOYED_BY, "Demo: the embedded demo database's traffic runs in " + mode
                + " mode from here.");
    }

    private long lastRecordId() {
        return demoJournal.reader().entries(JournalQuery.all().inRollout(plan.rollout())).stream()
                .mapToLong(StoredEntry::id).max().orElse(0);
    }

    /** Records not yet written, folded as if they were, so each move sees the state the ones before it make. */
    private static final class Rehearsal {

        private final String rollout;
        private final List<JournalEntry> entries = new ArrayList<>();

        Rehearsal(String rollout) {
            this.rollout = rollout;
        }

        void add(List<JournalEntry> more) {
            entries.addAll(more);
        }

        RolloutState state() {
            List<StoredEntry> stored = new ArrayList<>();
            for (JournalEntry entry : entries) {
                stored.add(new StoredEntry(stored.size() + 1L, entry, null, null, null));
            }
            return RolloutHistory.fold(rollout, stored).orElseThrow();
        }

        List<JournalEntry> entries() {
            return List.copyOf(entries);
        }
    }
}
