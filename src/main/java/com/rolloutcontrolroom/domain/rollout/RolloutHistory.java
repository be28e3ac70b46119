package com.rolloutcontrolroom.domain.rollout;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import com.rolloutcontrolroom.domain.journal.ChecklistItemTicked;
import com.rolloutcontrolroom.domain.journal.CorrectedRecords;
import com.rolloutcontrolroom.domain.journal.Correction;
import com.rolloutcontrolroom.domain.journal.GateOverridden;
import com.rolloutcontrolroom.domain.journal.IssueLogged;
import com.rolloutcontrolroom.domain.journal.JournalEntry;
import com.rolloutcontrolroom.domain.journal.PhaseTransitioned;
import com.rolloutcontrolroom.domain.journal.PlanAmended;
import com.rolloutcontrolroom.domain.journal.WarningAccepted;
import com.rolloutcontrolroom.domain.journal.RollbackPerformed;
import com.rolloutcontrolroom.domain.journal.RolloutCreated;
import com.rolloutcontrolroom.domain.journal.SignedOff;
import com.rolloutcontrolroom.domain.journal.TestOutcomeRecorded;
import com.rolloutcontrolroom.domain.journal.SnapshotTaken;
import com.rolloutcontrolroom.domain.journal.StoredEntry;
import com.rolloutcontrolroom.domain.operator.Operator;

/**
 * Folds a rollout's journal records, corrections applied, into its {@link RolloutState}. Pure: the
 * same records give the same state on every screen, in the CLI and in the report. A record that cannot
 * be applied becomes a problem in words rather than an exception, so one bad record never hides the rest.
 */
public final class RolloutHistory {

    private final String rollout;
    private RolloutPlan plan;
    private Instant createdAt;
    private Operator createdBy;
    private int current;
    private final Map<String, Instant> startedAt = new HashMap<>();
    private final Map<String, Instant> endedAt = new HashMap<>();
    private final Map<String, Map<String, ItemTick>> ticks = new HashMap<>();
    private final Map<String, Set<String>> changedAfterStart = new HashMap<>();
    private final List<PhaseVisit> visits = new ArrayList<>();
    private final List<Recorded<SnapshotTaken>> snapshots = new ArrayList<>();
    private final List<Recorded<GateOverridden>> overrides = new ArrayList<>();
    private final List<Recorded<RollbackPerformed>> rollbacks = new ArrayList<>();
    private final List<Recorded<IssueLogged>> issues = new ArrayList<>();
    private final List<Recorded<SignedOff>> signOffs = new ArrayList<>();
    private final List<Recorded<PlanAmended>> amendments = new ArrayList<>();
    private final List<Recorded<WarningAccepted>> acceptedWarnings = new ArrayList<>();
    private final List<Recorded<TestOutcomeRecorded>> testOutcomes = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private long lastRecordId;

    private RolloutHistory(String rollout) {
        this.rollout = rollout;
    }

    /**
     * The state of {@code rollout}; empty when the records hold no creation of it. {@code entries} may
     * be the whole journal or only this rollout's records, in any order.
     */
    public static Optional<RolloutState> fold(String rollout, List<StoredEntry> entries) {
        List<StoredEntry> own = entries.stream()
                .filter(stored -> rollout.equals(stored.entry().rollout()))
                .sorted(Comparator.comparingLong(StoredEntry::id))
                .toList();
        RolloutHistory history = new RolloutHistory(rollout);
        CorrectedRecords corrections = new CorrectedRecords(own);
        for (StoredEntry stored : own) {
            history.lastRecordId = stored.id();
            if (!(stored.entry() instanceof Correction)) {
                history.apply(stored, history.contentOf(stored, corrections));
            }
        }
        return history.plan == null ? Optional.empty() : Optional.of(history.state());
    }

    /** Names of the rollouts created in these records, in the order they were created. */
    public static List<String> rolloutNames(List<StoredEntry> entries) {
        return entries.stream()
                .sorted(Comparator.comparingLong(StoredEntry::id))
                .filter(stored -> stored.entry() instanceof RolloutCreated)
                .map(stored -> stored.entry().rollout())
                .distinct()
                .toList();
    }

    private JournalEntry contentOf(StoredEntry stored, CorrectedRecords corrections) {
        JournalEntry now = corrections.currentContent(stored);
        JournalEntry original = stored.entry();
        if (now == original) {
            return original;
        }
        if (now.kind() != original.kind() || !Objects.equals(now.rollout(), original.rollout())) {
            problems.add("Record #" + stored.id() + " was corrected into a different kind of record or rollout; the original is used.");
            return original;
        }
        if (now instanceof PhaseTransitioned moved && original instanceof PhaseTransitioned was
                && (!moved.toPhase().equalsIgnoreCase(was.toPhase()) || !Objects.equals(moved.fromPhase(), was.fromPhase()))) {
            problems.add("Record #" + stored.id() + " was corrected to move between other phases; a correction may fix a"
                    + " marker's time, link, deployer or note, so the original phases are used.");
            return new PhaseTransitioned(moved.recordedAt(), moved.operator(), moved.environment(), moved.rollout(),
                    was.fromPhase(), was.toPhase(), moved.deploymentMarker(), moved.deploymentUrl(), moved.deployedBy(), moved.note());
        }
        return now;
    }

    private void apply(StoredEntry stored, JournalEntry entry) {
        boolean corrected = entry != stored.entry();
        long id = stored.id();
        if (entry instanceof RolloutCreated created) {
            create(id, created);
        } else if (plan == null) {
            beforeCreation(id, entry, corrected);
        } else if (entry instanceof PlanAmended amended) {
            amend(id, amended);
        } else if (entry instanceof PhaseTransitioned moved) {
            move(id, moved, corrected);
        } else if (entry instanceof ChecklistItemTicked tick) {
            ticks.computeIfAbsent(key(tick.phase()), k -> new LinkedHashMap<>())
                    .put(tick.item(), new ItemTick(tick.item(), tick.ticked(), tick.operator(), tick.recordedAt(), id));
        } else {
            collect(id, entry, currentName(), corrected);
        }
    }

    private void create(long id, RolloutCreated created) {
        if (plan != null) {
            problems.add("Record #" + id + " creates " + rollout + " a second time; the first creation stands.");
            return;
        }
        Optional<RolloutPlan> read = readPlan(id, created.plan());
        if (read.isEmpty()) {
            return;
        }
        plan = read.get();
        createdAt = created.recordedAt();
        createdBy = created.operator();
        current = 0;
        startedAt.put(key(plan.phases().get(0).name()), created.recordedAt());
    }

    /** Snapshots and rollback rows recorded for this flag before rollouts were created in the app are still its evidence. */
    private void beforeCreation(long id, JournalEntry entry, boolean corrected) {
        collect(id, entry, null, corrected);
    }

    @SuppressWarnings("unchecked")
    private void collect(long id, JournalEntry entry, String phase, boolean corrected) {
        if (entry instanceof SnapshotTaken snapshot) {
            snapshots.add(new Recorded<>(id, snapshot, phase, corrected));
        } else if (entry instanceof GateOverridden override) {
            overrides.add(new Recorded<>(id, override, phase, corrected));
        } else if (entry instanceof RollbackPerformed rollback) {
            rollbacks.add(new Recorded<>(id, rollback, phase, corrected));
        } else if (entry instanceof IssueLogged issue) {
            issues.add(new Recorded<>(id, issue, phase, corrected));
        } else if (entry instanceof SignedOff signOff) {
            signOffs.add(new Recorded<>(id, signOff, phase, corrected));
        } else if (entry instanceof TestOutcomeRecorded outcome) {
            testOutcomes.add(new Recorded<>(id, outcome, phase, corrected));
        } else if (entry instanceof WarningAccepted accepted) {
            acceptedWarnings.add(new Recorded<>(id, accepted, phase, corrected));
        } else if (phase == null) {
            problems.add("Record #" + id + " (" + entry.kind().name() + ") comes before " + rollout + " was created; it is not applied.");
        }
    }

    private void amend(long id, PlanAmended amended) {
        Optional<RolloutPlan> read = readPlan(id, amended.plan());
        if (read.isEmpty()) {
            return;
        }
        RolloutPlan before = plan;
        plan = read.get();
        amendments.add(new Recorded<>(id, amended, currentName(), false));
        for (PhasePlan after : plan.phases()) {
            if (!startedAt.containsKey(key(after.name()))) {
                continue;
            }
            before.phase(after.name()).ifPresent(was -> changedAfterStart
                    .computeIfAbsent(key(after.name()), k -> new HashSet<>())
                    .addAll(changedItems(was, after)));
        }
        if (current > plan.phases().size()) {
            current = plan.phases().size();
        }
    }

    private static Set<String> changedItems(PhasePlan was, PhasePlan now) {
        Set<String> changed = new HashSet<>();
        for (List<String> items : List.of(now.checklist(), now.verificationCriteria(), now.evidence())) {
            items.stream().filter(item -> !was.hasItem(item)).forEach(changed::add);
        }
        if (!Objects.equals(was.gate(), now.gate()) || !Objects.equals(was.minimumDuration(), now.minimumDuration())) {
            changed.add(PhaseState.GATE_CHANGE);
        }
        return changed;
    }

    private void move(long id, PhaseTransitioned moved, boolean corrected) {
        int to = RolloutPhases.DONE.equalsIgnoreCase(moved.toPhase()) ? plan.phases().size() : plan.indexOf(moved.toPhase());
        if (to < 0) {
            problems.add("Record #" + id + " moves to '" + moved.toPhase() + "', which the plan does not have; it is not applied.");
            return;
        }
        String from = currentName();
        if (moved.fromPhase() != null && !moved.fromPhase().equalsIgnoreCase(from)) {
            problems.add("Record #" + id + " leaves '" + moved.fromPhase() + "' while the rollout was in '" + from + "'.");
        }
        if (current < plan.phases().size()) {
            Instant began = startedAt.get(key(from));
            if (visits.isEmpty() && began != null && moved.deploymentMarker().isBefore(began)) {
                // left before the rollout was written down: it began before its records did, and when is not known
                startedAt.remove(key(from));
            }
            endedAt.put(key(from), moved.deploymentMarker());
        }
        boolean backwards = to < current;
        if (backwards) {
            // the phases after the target start over; their earlier runs stay in the visits
            for (int i = to + 1; i < plan.phases().size(); i++) {
                startedAt.remove(key(plan.phases().get(i).name()));
                endedAt.remove(key(plan.phases().get(i).name()));
            }
        }
        if (to < plan.phases().size()) {
            startedAt.put(key(moved.toPhase()), moved.deploymentMarker());
            endedAt.remove(key(moved.toPhase()));
        }
        current = to;
        visits.add(new PhaseVisit(id, moved.fromPhase(), moved.toPhase(), moved.environment(), moved.deploymentMarker(),
                moved.deploymentUrl(), moved.deployedBy(), moved.note(), moved.operator(), moved.recordedAt(), backwards, corrected));
    }

    private Optional<RolloutPlan> readPlan(long id, Map<String, Object> tree) {
        try {
            return Optional.of(PlanTree.read(tree));
        } catch (PlanFormatException e) {
            problems.add("Record #" + id + " holds a plan this version cannot read (" + e.getMessage() + "); it is not applied.");
            return Optional.empty();
        }
    }

    private String currentName() {
        return current < plan.phases().size() ? plan.phases().get(current).name() : RolloutPhases.DONE;
    }

    private static String key(String phase) {
        return phase.toLowerCase(Locale.ROOT);
    }

    private RolloutState state() {
        List<PhaseState> phases = new ArrayList<>();
        for (int i = 0; i < plan.phases().size(); i++) {
            PhasePlan phase = plan.phases().get(i);
            String key = key(phase.name());
            phases.add(new PhaseState(phase, status(i), startedAt.get(key), endedAt.get(key),
                    ticks.getOrDefault(key, Map.of()), changedAfterStart.getOrDefault(key, Set.of())));
        }
        return new RolloutState(rollout, plan, createdAt, createdBy, phases, current, visits, snapshots, overrides,
                rollbacks, issues, signOffs, amendments, acceptedWarnings, testOutcomes, lastRecordId, problems);
    }

    private PhaseStatus status(int index) {
        if (index < current) {
            return PhaseStatus.DONE;
        }
        if (index == current) {
            return PhaseStatus.CURRENT;
        }
        return index == current + 1 ? PhaseStatus.NEXT : PhaseStatus.PENDING;
    }
}
