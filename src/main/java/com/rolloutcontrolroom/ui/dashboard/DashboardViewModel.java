package com.rolloutcontrolroom.ui.dashboard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import com.rolloutcontrolroom.domain.health.HealthCheckRow;
import com.rolloutcontrolroom.domain.metrics.MetricKind;
import com.rolloutcontrolroom.domain.metrics.RateBucket;
import com.rolloutcontrolroom.domain.rollout.GateResult;
import com.rolloutcontrolroom.domain.rollout.GateStatus;
import com.rolloutcontrolroom.domain.rollout.PhaseGates;
import com.rolloutcontrolroom.domain.rollout.RolloutState;
import com.rolloutcontrolroom.domain.schedule.CheckpointLedger;
import com.rolloutcontrolroom.domain.schedule.LedgerEntry;
import com.rolloutcontrolroom.services.chart.ChartModel;
import com.rolloutcontrolroom.services.chart.ChartStyle;
import com.rolloutcontrolroom.services.query.FailureKind;
import com.rolloutcontrolroom.ui.common.BackgroundTask;
import com.rolloutcontrolroom.ui.common.CurrentRolloutModel;
import com.rolloutcontrolroom.ui.common.DialogService;
import com.rolloutcontrolroom.ui.common.EnvironmentChoice;
import com.rolloutcontrolroom.ui.common.FailureSentence;
import com.rolloutcontrolroom.ui.common.PresentationMode;
import com.rolloutcontrolroom.ui.common.TaskExecutor;

/**
 * The cutover dashboard of the window's current rollout: its phases, the current gate (the one judgement
 * {@link PhaseGates} makes for the Rollout screen and {@code status}), the next checkpoint counting down,
 * late and missed ones, both rates charted over the chosen range, the event breakdown and the latest
 * snapshot. Every text it exposes passes the one {@link PresentationMode}.
 */
public final class DashboardViewModel {

    /** Live events keep arriving during a cutover: keep the shared screen current without anyone clicking. */
    static final Duration AUTO_REFRESH = Duration.ofMinutes(1);
    static final Duration TICK = Duration.ofSeconds(1);

    private final DashboardSources sources;
    private final ObservableValue<String> currentRollout;
    private final TaskExecutor executor;
    private final Clock clock;
    private final PresentationMode presentation;
    private final EnvironmentChoice choice;
    private final RunNowViewModel runNow;
    private final ChartExportViewModel export;

    private final ReadOnlyBooleanWrapper noRollout = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final BooleanProperty autoRefresh = new SimpleBooleanProperty(true);
    private final ObjectProperty<ChartRange> range = new SimpleObjectProperty<>(ChartRange.THIS_PHASE);
    private final ReadOnlyStringWrapper emptyText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper database = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper gateTitle = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper gateWord = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<GateResult> gateResult = new ReadOnlyObjectWrapper<>();
    private final ObservableList<String> gateReasons = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper nextCheckpoint = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper countdown = new ReadOnlyStringWrapper("");
    private final ObservableList<String> callouts = FXCollections.observableArrayList();
    private final ObservableList<PhaseChip> phases = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<ChartModel> successChart = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ChartModel> reviewChart = new ReadOnlyObjectWrapper<>();
    private final ObservableList<HealthCheckRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper snapshot = new ReadOnlyStringWrapper("");
    private final BooleanProperty darkTheme = new SimpleBooleanProperty();
    private final ReadOnlyObjectWrapper<ChartStyle> chartStyle = new ReadOnlyObjectWrapper<>(ChartStyle.LIGHT);

    /** The rollout as last read, with when; null when none is current. */
    private RolloutState state;
    private Instant stateAt;
    /** The numbers as last read; null until read, and cleared when the rollout or the environment changes. */
    private CutoverData data;
    private LedgerEntry next;
    private TaskExecutor.RunningTask autoRefreshTimer;
    private boolean reloadAgain;
    /** The environment whose password was declined: the minute timer does not ask for it again. */
    private String declined;

    /** What the dashboard says while the window's rollouts are still being read, instead of "create one". */
    static final String READING_ROLLOUTS = "Reading the rollouts…";

    /**
     * @param currentRollout the window's current rollout: null until the rollouts were first read, "" when none is
     *        current ({@code CurrentRolloutModel.currentOnceRead()})
     */
    public DashboardViewModel(DashboardSources sources, ObservableValue<String> currentRollout, DialogService dialogs,
                              TaskExecutor executor, Clock clock, PresentationMode presentation) {
        this.sources = sources;
        this.currentRollout = currentRollout;
        this.executor = executor;
        this.clock = clock;
        this.presentation = presentation;
        this.choice = new EnvironmentChoice(sources.databases(), dialogs, executor);
        this.runNow = new RunNowViewModel(sources, choice, executor, presentation);
        this.export = new ChartExportViewModel(sources, dialogs, executor);
        autoRefresh.addListener((obs, was, on) -> scheduleAutoRefresh(on));
        currentRollout.addListener((obs, old, now) -> {
            if (!Objects.equals(old, now)) {
                clear(); // nothing of the previous rollout may stay on screen under the new one's name
                reload();
            }
        });
        range.addListener((obs, old, now) -> reload());
        presentation.onProperty().addListener((obs, was, on) -> {
            render();
            styleCharts();
        });
        darkTheme.addListener((obs, was, dark) -> styleCharts());
    }

    /** The first read, the one-second countdown and, while auto-refresh is on, a read every minute. */
    public void start() {
        reload();
        scheduleAutoRefresh(autoRefresh.get());
        executor.every(TICK, this::tick);
    }

    /** Reads the rollout and its numbers again (F5, Refresh, a checkpoint just written); asks for a password declined before. */
    public void reload() {
        declined = null;
        read();
    }

    private void scheduleAutoRefresh(boolean on) {
        if (autoRefreshTimer != null) {
            autoRefreshTimer.cancel();
            autoRefreshTimer = null;
        }
        if (on) {
            autoRefreshTimer = executor.every(AUTO_REFRESH, this::read);
        }
    }

    private void read() {
        String rollout = rolloutName();
        if (rollout == null) {
            clear();
            return;
        }
        if (busy.get()) {
            reloadAgain = true; // e.g. the range changed while a read was running
            return;
        }
        busy.set(true);
        executor.execute(BackgroundTask.of(() -> sources.rollouts().state(rollout))
                .onSuccess(read -> {
                    if (!rollout.equals(rolloutName())) {
                        finish();
                        return;
                    }
                    showState(rollout, read);
                })
                .onFailure(failure -> {
                    error.set("The rollout " + rollout + " could not be read: " + FailureSentence.of(failure));
                    finish();
                }));
    }

    private void showState(String rollout, Optional<RolloutState> read) {
        if (read.isEmpty()) {
            clear();
            emptyText.set("The rollout " + rollout + " is not in this journal: choose another in the window header.");
            render();
            finish();
            return;
        }
        state = read.get();
        stateAt = clock.instant();
        Optional<String> environment = WatchedEnvironment.of(state);
        if (data != null && !environment.map(data.environment()::equals).orElse(false)) {
            data = null; // another environment's numbers must not show under this one's name
        }
        noRollout.set(false);
        render();
        if (environment.isEmpty()) {
            status.set("The plan names no environment, so there are no numbers to chart.");
            finish();
        } else if (environment.get().equals(declined)) {
            finish();
        } else {
            String name = environment.get();
            choice.open(name, () -> readNumbers(state, name), sentence -> {
                declined = name;
                error.set(sentence);
                finish();
            });
        }
    }

    private void readNumbers(RolloutState read, String environment) {
        ChartRange chosen = range.get();
        Instant now = clock.instant();
        boolean[] passwordRejected = new boolean[1];
        executor.execute(BackgroundTask.of(() -> CutoverData.read(sources, read, environment, chosen, now))
                .onSuccess(numbers -> {
                    if (state == read) {
                        data = numbers;
                        error.set("");
                        render();
                    }
                })
                .onFailure(failure -> {
                    error.set("Could not read the database of " + environment + ": " + FailureSentence.of(failure));
                    passwordRejected[0] = FailureKind.in(failure) == FailureKind.PASSWORD;
                })
                .onFinished(() -> {
                    boolean asked = choice.askAgainIfRejected(environment, passwordRejected[0],
                            () -> readNumbers(read, environment), sentence -> {
                                declined = environment;
                                finish();
                            });
                    if (!asked) {
                        finish();
                    }
                }));
    }

    private void finish() {
        busy.set(false);
        if (reloadAgain) {
            reloadAgain = false;
            read();
        }
    }

    private void clear() {
        state = null;
        data = null;
        next = null;
        noRollout.set(true);
        emptyText.set(currentRollout.getValue() == null ? READING_ROLLOUTS : CurrentRolloutModel.NONE_CURRENT);
        render();
    }

    /** The current rollout's name; null while the rollouts are being read or when none is current. */
    private String rolloutName() {
        String name = currentRollout.getValue();
        return name == null || name.isEmpty() ? null : name;
    }

    /** Puts the last read state and numbers on screen, every text through the presentation mode. */
    private void render() {
        if (state == null) {
            List.of(title, database, status, gateTitle, gateWord, nextCheckpoint, countdown, snapshot).forEach(p -> p.set(""));
            gateResult.set(null);
            gateReasons.clear();
            callouts.clear();
            phases.clear();
            rows.clear();
            successChart.set(null);
            reviewChart.set(null);
            return;
        }
        CheckpointLedger ledger = CheckpointLedger.of(state, stateAt);
        GateStatus gate = PhaseGates.current(state, stateAt);
        title.set(state.rollout() + " · " + state.currentPhaseName());
        gateTitle.set(CutoverText.gateTitle(state));
        gateWord.set(CutoverText.verdictWord(gate));
        gateResult.set(gate.result());
        gateReasons.setAll(CutoverText.reasons(gate).stream().map(this::shown).toList());
        phases.setAll(PhaseChip.of(state, stateAt, this::shown));
        callouts.setAll(CutoverText.callouts(ledger).stream().map(this::shown).toList());
        next = ledger.next().orElse(null);
        nextCheckpoint.set(next == null ? "No checkpoint to come in this rollout's schedule." : CutoverText.checkpoint(next));
        tick();
        snapshot.set(CutoverText.latestSnapshot(state));
        renderNumbers(ledger);
    }

    private void renderNumbers(CheckpointLedger ledger) {
        if (data == null) {
            successChart.set(null);
            reviewChart.set(null);
            rows.clear();
            database.set(WatchedEnvironment.of(state).map(name -> "Reading " + name + "…").orElse(""));
            return;
        }
        Map<MetricKind, List<RateBucket>> series = data.series();
        successChart.set(CutoverCharts.success(state, ledger, data.window(), series.get(MetricKind.SUCCESS_RATE), this::shown));
        reviewChart.set(CutoverCharts.review(state, ledger, data.window(), series.get(MetricKind.MANUAL_REVIEW_RATE), this::shown));
        rows.setAll(data.rows());
        long events = data.rows().stream().mapToLong(HealthCheckRow::total).sum();
        // the status line is kept for what someone just did (Run now, Export): the update time goes with the environment
        database.set("Environment " + data.environment() + " · " + data.window().span() + " · updated "
                + CutoverText.WHEN.format(data.readAt()) + " · " + events + " coordinator events in this phase");
    }

    /** Every second: the countdown from the clock alone, no I/O. */
    private void tick() {
        countdown.set(next == null ? "" : Countdown.text(next.due(), clock.instant()));
    }

    /** The charts paint their own canvas: the window's theme, and larger type and contrast while presenting. */
    private void styleCharts() {
        ChartStyle style = darkTheme.get() ? ChartStyle.DARK : ChartStyle.LIGHT;
        chartStyle.set(presentation.isOn() ? style.presenting() : style);
    }

    private String shown(String raw) {
        return presentation.shown(raw);
    }

    public void runNow() {
        String rollout = rolloutName();
        Optional<String> environment = state == null ? Optional.empty() : WatchedEnvironment.of(state);
        if (rollout == null || environment.isEmpty()) {
            error.set(CurrentRolloutModel.NONE_CURRENT);
            return;
        }
        error.set("");
        runNow.run(environment.get(), rollout, status::set, this::reload);
    }

    public void cancelRun() {
        runNow.cancel();
    }

    public void exportSuccessChart() {
        export.export(successChart.get(), "success-rate", status::set);
    }

    public void exportReviewChart() {
        export.export(reviewChart.get(), "manual-review-rate", status::set);
    }

    public RunNowViewModel runNowModel() { return runNow; }
    /** Run now is under way: Cancel and the progress bar show. */
    public ReadOnlyBooleanProperty runningProperty() { return runNow.runningProperty(); }
    public javafx.beans.property.ReadOnlyDoubleProperty runProgressProperty() { return runNow.progressProperty(); }
    /** "3 of 11 queries". */
    public StringBinding runProgressTextProperty() { return runNow.progressTextProperty(); }
    /** Set by the View from the window's theme. */
    public BooleanProperty darkThemeProperty() { return darkTheme; }
    public ReadOnlyObjectProperty<ChartStyle> chartStyleProperty() { return chartStyle.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty noRolloutProperty() { return noRollout.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
    public BooleanProperty autoRefreshProperty() { return autoRefresh; }
    public ObjectProperty<ChartRange> rangeProperty() { return range; }
    public StringBinding emptyTextProperty() { return presentation.shown(emptyText.getReadOnlyProperty()); }
    public StringBinding titleProperty() { return presentation.shown(title.getReadOnlyProperty()); }
    /** Which environment the numbers are from, by name only: never its host, port or user. */
    public StringBinding databaseProperty() { return presentation.shown(database.getReadOnlyProperty()); }
    public StringBinding statusProperty() { return presentation.shown(status.getReadOnlyProperty()); }
    public StringBinding errorProperty() { return presentation.shown(error.getReadOnlyProperty()); }
    public StringBinding gateTitleProperty() { return presentation.shown(gateTitle.getReadOnlyProperty()); }
    /** "PASS", "NOT YET", "FAIL": the current gate's result, large. */
    public StringBinding gateWordProperty() { return presentation.shown(gateWord.getReadOnlyProperty()); }
    public ReadOnlyObjectProperty<GateResult> gateResultProperty() { return gateResult.getReadOnlyProperty(); }
    public ObservableList<String> gateReasons() { return gateReasons; }
    public StringBinding nextCheckpointProperty() { return presentation.shown(nextCheckpoint.getReadOnlyProperty()); }
    /** "in 1 h 12 min", "due now", "overdue by 7 min"; recomputed every second. */
    public StringBinding countdownProperty() { return presentation.shown(countdown.getReadOnlyProperty()); }
    /** Late, missed and failed checkpoints, one sentence each. */
    public ObservableList<String> callouts() { return callouts; }
    public ObservableList<PhaseChip> phases() { return phases; }
    public ReadOnlyObjectProperty<ChartModel> successChartProperty() { return successChart.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<ChartModel> reviewChartProperty() { return reviewChart.getReadOnlyProperty(); }
    /** The event breakdown over the current phase. */
    public ObservableList<HealthCheckRow> rows() { return rows; }
    public StringBinding snapshotProperty() { return presentation.shown(snapshot.getReadOnlyProperty()); }
}
