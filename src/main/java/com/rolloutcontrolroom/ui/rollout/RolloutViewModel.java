package com.rolloutcontrolroom.ui.rollout;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Supplier;

import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;

import com.rolloutcontrolroom.domain.rollout.DeploymentMarker;
import com.rolloutcontrolroom.domain.rollout.MoveRefused;
import com.rolloutcontrolroom.domain.rollout.PromotionCheck;
import com.rolloutcontrolroom.domain.rollout.RolloutState;
import com.rolloutcontrolroom.services.operator.OperatorIdentity;
import com.rolloutcontrolroom.services.rollout.Rollouts;
import com.rolloutcontrolroom.services.signoff.SignOffRecorder;
import com.rolloutcontrolroom.ui.common.DialogService;
import com.rolloutcontrolroom.ui.common.PresentationMode;
import com.rolloutcontrolroom.ui.common.TaskExecutor;

/**
 * The Rollout screen: the current rollout's timeline, gate, checklists, deployment steps and the
 * moves (tick, promote, override, roll back), sign-offs, and New rollout. Every read and write goes through {@link Rollouts} on
 * the {@link TaskExecutor}; each write is made against the state the user saw, so a refusal or a
 * record made elsewhere meanwhile is one sentence and nothing typed is lost.
 */
public final class RolloutViewModel {

    static final String EMPTY = "No rollout is current: create one from the built-in plan with New rollout… (or with"
            + " `control-room rollout new NAME --plan FILE`), or choose one in the window header.";
    static final String SIGN_OFF_WHILE_PRESENTING = "Sign-offs are not recorded while presenting: turn presentation mode off"
            + " (Ctrl+Shift+P) on your own screen, then sign.";
    /** The current phase's "running 12 min" and the gate's "to go" move on without any new record. */
    private static final Duration CLOCK_REFRESH = Duration.ofMinutes(1);

    private final Rollouts rollouts;
    private final OperatorIdentity operator;
    private final ObservableValue<String> rolloutName;
    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final Clock clock;
    private final MoveDialogs moveDialogs;
    private final NewRollout newRollout;
    private final Consumer<String> makeCurrent;
    private final MarkerForm marker = new MarkerForm();
    private final ShownRollout shown;
    private final PresentationMode presentation;
    private final ScreenWork work;
    private final PlanFiles planFiles;
    private final SignOffRecorder signOffs;
    private final SignOffDialog signOffDialog;

    private final ReadOnlyStringWrapper rollout = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper description = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper empty = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper done = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper rollbackPossible = new ReadOnlyBooleanWrapper();
    private final BooleanBinding canPromote;
    private final BooleanBinding canRollBack;
    private final BooleanBinding canSignOff;

    private RolloutState seen;
    private List<String> rollbackTargets = List.of();
    private boolean clockRunning;

    /**
     * @param rolloutName the current rollout's name, followed as it changes: blank when there is none
     *        (the screen says how to create one), null while it is not known yet (the screen stays quiet)
     * @param environmentNames the configured environments, read off the FX thread: what a new rollout may name
     * @param makeCurrent makes a rollout just created the window's current one (which {@code rolloutName} then follows)
     */
    public RolloutViewModel(Rollouts rollouts, OperatorIdentity operator, ObservableValue<String> rolloutName,
                            TaskExecutor executor, DialogService dialogs, Clock clock,
                            Supplier<List<String>> environmentNames, Consumer<String> makeCurrent, PresentationMode presentation) {
        this(rollouts, operator, rolloutName, executor, dialogs, clock, environmentNames, makeCurrent, rollouts, presentation);
    }

    /**
     * @param createIn where New rollout… journals: the window's own rollouts, or, in the demo window, the user's
     *        (a rollout of theirs must never be created in the demo's journal)
     */
    public RolloutViewModel(Rollouts rollouts, OperatorIdentity operator, ObservableValue<String> rolloutName,
                            TaskExecutor executor, DialogService dialogs, Clock clock,
                            Supplier<List<String>> environmentNames, Consumer<String> makeCurrent, Rollouts createIn,
                            PresentationMode presentation) {
        this.rollouts = rollouts;
        this.presentation = presentation;
        this.shown = new ShownRollout(presentation);
        this.operator = operator;
        this.rolloutName = rolloutName;
        this.executor = executor;
        this.work = new ScreenWork(executor);
        this.planFiles = new PlanFiles(dialogs, work);
        this.dialogs = dialogs;
        this.clock = clock;
        this.moveDialogs = new MoveDialogs(dialogs);
        this.newRollout = new NewRollout(createIn, environmentNames, dialogs);
        this.makeCurrent = makeCurrent;
        this.signOffs = rollouts.signOffs();
        this.signOffDialog = new SignOffDialog(dialogs);
        canSignOff = loaded.and(work.busyProperty().not()).and(presentation.onProperty().not());
        canPromote = loaded.and(done.not()).and(work.busyProperty().not());
        canRollBack = rollbackPossible.and(work.busyProperty().not());
        rolloutName.addListener((obs, old, now) -> {
            marker.reset(clock.instant(), "");
            moveDialogs.forget();
            signOffDialog.forget();
            reload();
        });
    }

    /** Reads the rollout again: when the screen is shown, when the current rollout changes, on Refresh. */
    public void reload() {
        work.clearError();
        startClock();
        String name = name();
        if (name.isEmpty()) {
            work.supersede();
            show(null);
            empty.set(rolloutName.getValue() == null ? "" : EMPTY);
            return;
        }
        empty.set("");
        run(() -> new Loaded(rollouts.require(name), operator.current().describe()), loaded -> {
            marker.offerDeployer(loaded.operator());
            show(loaded.state());
        }, () -> show(null));
    }

    /** Asks for a name and two environments, journals the built-in plan under that name and makes it current. */
    public void newRollout() {
        work.clearError();
        run(newRollout::offer, offer -> newRollout.ask(offer).ifPresent(answer -> run(() -> newRollout.create(answer), name -> {
            newRollout.forget();
            makeCurrent.accept(name);
        }, () -> { })), () -> { });
    }

    /** Saves the plan in force as a plan file: the start of an amendment (edit it, then {@link #amendPlan}). */
    public void savePlan() {
        if (seen != null) {
            planFiles.save(seen);
        }
    }

    /** Replaces the plan with an edited plan file; the journal keeps who, why, what changed and both plans. */
    public void amendPlan() {
        if (seen != null) {
            RolloutState state = seen;
            planFiles.amend(state, amended -> write(() -> rollouts.amend(state, amended.plan(), amended.reason()), () -> { }));
        }
    }

    /** Ticks or unticks one item of a phase; journaled with who and when. */
    public void tick(TickableItem item, boolean ticked) {
        // a second click while the first is written would be made against a state already gone
        if (seen == null || item.ticked() == ticked || work.isBusy()) {
            return;
        }
        RolloutState state = seen;
        write(() -> rollouts.tick(state, item.phase(), item.text(), ticked), () -> { });
    }

    /** Records the next phase's deployment marker, after a confirmation; refused while anything blocks it. */
    public void promote() {
        if (seen == null) {
            return;
        }
        RolloutState state = seen;
        var markerTyped = typedMarker();
        if (markerTyped.isEmpty()) {
            return;
        }
        // a promotion the state refuses needs no confirming: the service refuses it in one sentence
        if (!PromotionCheck.of(state, clock.instant()).allowed()
                || dialogs.confirm("Promote", "Record the deployment marker of " + state.nextPhaseName() + " at "
                        + marker.atProperty().get() + " UTC? This starts the phase in the journal.", "Promote")) {
            write(() -> rollouts.promote(state, markerTyped.get()), this::clearMarker);
        }
    }

    /** Promotes past what blocks it, with a written reason and a named approver. */
    public void override() {
        if (seen == null) {
            return;
        }
        RolloutState state = seen;
        var markerTyped = typedMarker();
        if (markerTyped.isEmpty()) {
            return;
        }
        moveDialogs.override(state, PromotionCheck.of(state, clock.instant()).blockers()).ifPresent(answer -> write(
                () -> rollouts.override(state, markerTyped.get(), answer.reason(), answer.approver()),
                () -> {
                    moveDialogs.forget();
                    clearMarker();
                }));
    }

    /** Accepts the current gate's WARN, by name and with a reason, so it passes. */
    public void acceptWarning() {
        if (seen == null) {
            return;
        }
        RolloutState state = seen;
        moveDialogs.acceptWarning(state, PromotionCheck.of(state, clock.instant()).gate().reasons()).ifPresent(answer -> write(
                () -> rollouts.acceptWarning(state, answer.approver(), answer.reason()), moveDialogs::forget));
    }

    /** Records a rollback and moves the rollout back to the phase the user picks. */
    public void rollback() {
        if (seen == null || rollbackTargets.isEmpty()) {
            return;
        }
        RolloutState state = seen;
        Optional<MoveDialogs.RollbackAnswer> answered;
        try {
            answered = moveDialogs.rollback(state, rollbackTargets, clock.instant());
        } catch (MoveRefused refused) {
            work.refuse(refused.getMessage());
            return;
        }
        answered.ifPresent(answer -> write(
                () -> rollouts.rollback(state, answer.target(), answer.at(), answer.reason(), answer.actionsTaken(),
                        answer.outcome()),
                moveDialogs::forget));
    }

    /**
     * Signs a role, pinned to the journal head the dialog shows (read off the FX thread before asking); if the
     * journal grows before the sign-off is written, it is refused in one sentence and nothing is written.
     */
    public void signOff() {
        if (seen == null || work.isBusy()) {
            return;
        }
        if (presentation.isOn()) {
            work.refuse(SIGN_OFF_WHILE_PRESENTING);
            return;
        }
        RolloutState state = seen;
        work.clearError();
        run(signOffs::head, head -> signOffDialog.ask(state, head).ifPresent(answer -> write(() -> {
            signOffs.sign(state, answer.role(), answer.name(), answer.comment(), head);
            return rollouts.require(state.rollout());
        }, signOffDialog::forget)), () -> { });
    }

    public void copySteps() {
        String steps = shown.stepsToCopy();
        if (!steps.isEmpty()) {
            dialogs.copyToClipboard(steps);
        }
    }

    /** Recomputes durations and the gate from the state already read; no I/O. */
    void followClock() {
        marker.followClock(clock.instant());
        if (seen != null) {
            show(seen);
        }
    }

    private Optional<DeploymentMarker> typedMarker() {
        try {
            return Optional.of(marker.marker());
        } catch (MoveRefused refused) {
            work.refuse(refused.getMessage());
            return Optional.empty();
        }
    }

    private void clearMarker() {
        String deployer = marker.deployedByProperty().get();
        marker.reset(clock.instant(), deployer);
    }

    private void write(Callable<RolloutState> move, Runnable onWritten) {
        work.clearError();
        // after a refusal the boxes must show what the journal holds again, not what was clicked
        run(move, state -> {
            onWritten.run();
            show(state);
        }, this::refreshAfterFailure);
    }

    private <T> void run(Callable<T> task, Consumer<T> onSuccess, Runnable afterFailure) {
        work.run(task, onSuccess, afterFailure);
    }

    private void refreshAfterFailure() {
        String name = seen.rollout();
        // the refusal stays on screen; a failure to read is the same sentence again, so it is not repeated
        run(() -> rollouts.require(name), this::show, () -> { });
    }

    private void show(RolloutState state) {
        seen = state;
        loaded.set(state != null);
        empty.set("");
        if (state == null) {
            rollout.set("");
            description.set("");
            done.set(false);
            rollbackTargets = List.of();
            rollbackPossible.set(false);
            present(null);
            return;
        }
        rollout.set(state.rollout());
        description.set(PlanLine.of(state));
        done.set(state.isDone());
        present(RolloutPresentation.of(state, clock.instant()));
    }

    private void present(RolloutPresentation presentation) {
        shown.show(presentation);
        rollbackTargets = presentation == null ? List.of() : presentation.rollbackTargets();
        rollbackPossible.set(!rollbackTargets.isEmpty());
    }

    private void startClock() {
        if (!clockRunning) {
            clockRunning = true;
            marker.reset(clock.instant(), "");
            executor.every(CLOCK_REFRESH, this::followClock);
        }
    }

    private String name() {
        String name = rolloutName.getValue();
        return name == null ? "" : name.strip();
    }

    /** What the screen shows of the rollout: timeline, gate, checklists, steps. */
    public ShownRollout shown() {
        return shown;
    }

    public MarkerForm marker() {
        return marker;
    }

    /** The window's presentation mode, for the fields the View keeps read-only while presenting. */
    public PresentationMode presentation() {
        return presentation;
    }

    public StringBinding rolloutProperty() {
        return presentation.shown(rollout.getReadOnlyProperty());
    }

    public StringBinding descriptionProperty() {
        return presentation.shown(description.getReadOnlyProperty());
    }

    /** The one sentence shown when there is no current rollout; empty otherwise. */
    public StringBinding emptyProperty() {
        return presentation.shown(empty.getReadOnlyProperty());
    }

    /** A refusal or failure, in one sentence; empty when the last action went through. */
    public StringBinding errorProperty() {
        return presentation.shown(work.errorProperty());
    }

    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return work.busyProperty();
    }

    public BooleanBinding canPromoteProperty() {
        return canPromote;
    }

    public BooleanBinding canRollBackProperty() {
        return canRollBack;
    }

    /** A rollout is shown, nothing is being written and the window is not being presented. */
    public BooleanBinding canSignOffProperty() {
        return canSignOff;
    }

    private record Loaded(RolloutState state, String operator) {
    }
}
