package com.rolloutcontrolroom.ui.dashboard;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import com.rolloutcontrolroom.domain.metrics.MetricWindow;
import com.rolloutcontrolroom.domain.gate.CheckpointJudge;
import com.rolloutcontrolroom.domain.gate.CheckpointJudgement;
import com.rolloutcontrolroom.domain.gate.Verdict;
import com.rolloutcontrolroom.domain.health.HealthCheckResult;
import com.rolloutcontrolroom.domain.health.HealthCheckRow;
import com.rolloutcontrolroom.services.db.Database;
import com.rolloutcontrolroom.services.db.EnvironmentDatabases;
import com.rolloutcontrolroom.domain.metrics.HourlyRate;
import com.rolloutcontrolroom.domain.metrics.MetricKind;
import com.rolloutcontrolroom.domain.metrics.Rate;
import com.rolloutcontrolroom.services.health.HealthCheckService;
import com.rolloutcontrolroom.services.query.FailureKind;
import com.rolloutcontrolroom.services.query.WindowMetrics;
import com.rolloutcontrolroom.services.query.WindowMetricsReader;
import com.rolloutcontrolroom.ui.common.BackgroundTask;
import com.rolloutcontrolroom.ui.common.DialogService;
import com.rolloutcontrolroom.ui.common.EnvironmentChoice;
import com.rolloutcontrolroom.ui.common.RoleWarning;
import com.rolloutcontrolroom.ui.common.TaskExecutor;

/**
 * The quick health check of the environment's coordinator, refreshed on demand and every minute.
 * An environment whose password no store holds, or whose stored one PostgreSQL rejects, is asked
 * for it once through the same {@link EnvironmentChoice} as the Queries screen.
 */
public final class DashboardViewModel {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss z", Locale.ROOT);

    /** The gates ask for rates sustained over 48 hours: the charts show that span. */
    private static final Duration TREND = Duration.ofHours(48);

    private final EnvironmentDatabases databases;
    private final HealthCheckService healthCheck;
    private final WindowMetricsReader metrics;
    private final Clock clock;
    private final TaskExecutor executor;
    private final EnvironmentChoice choice;
    private final ZoneId zone;

    private final ObservableList<HealthCheckRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper database = new ReadOnlyStringWrapper("Connecting to demo…");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Not run yet.");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    /** Empty unless the environment's role can do more than read (found on its first connection). */
    private final ReadOnlyStringWrapper roleWarning = new ReadOnlyStringWrapper("");
    /** Live events keep arriving during a cutover: keep the shared screen current without anyone clicking. */
    static final Duration AUTO_REFRESH = Duration.ofMinutes(1);
    private final BooleanProperty autoRefresh = new SimpleBooleanProperty(true);
    private TaskExecutor.RunningTask autoRefreshTimer;
    private final MetricTile successRate = new MetricTile(MetricKind.SUCCESS_RATE, "gate: at least 97 %", new BigDecimal("97"));
    private final MetricTile manualReviewRate = new MetricTile(MetricKind.MANUAL_REVIEW_RATE, "gate: below 1 %", BigDecimal.ONE);

    /** The judge {@code run} and every snapshot use, over the same measures: one verdict everywhere. */
    private final CheckpointJudge judge = CheckpointJudge.runbook();
    /** Null until the first numbers of the chosen environment are in. */
    private final ReadOnlyObjectWrapper<Verdict> verdict = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper verdictReasons = new ReadOnlyStringWrapper("");
    private final ObjectProperty<String> environment;
    private boolean refreshAgain;
    /** The environment whose password was declined (or could not be read): the timer does not ask again every minute. */
    private String declined;

    public DashboardViewModel(EnvironmentDatabases databases, HealthCheckService healthCheck, WindowMetricsReader metrics,
                              DialogService dialogs, TaskExecutor executor, Clock clock) {
        this.databases = databases;
        this.choice = new EnvironmentChoice(databases, dialogs, executor);
        this.environment = choice.environmentProperty();
        this.healthCheck = healthCheck;
        this.metrics = metrics;
        this.clock = clock;
        this.executor = executor;
        // "Z" reads poorly on a shared screen; say UTC
        this.zone = clock.getZone().equals(java.time.ZoneOffset.UTC) ? ZoneId.of("UTC") : clock.getZone();
        autoRefresh.addListener((obs, was, on) -> scheduleAutoRefresh(on));
        environment.addListener((obs, old, now) -> {
            if (now != null && !now.equals(old)) {
                switchTo(now);
            }
        });
    }

    /** Lists the environments, starts the first refresh and, while auto-refresh is on, one every minute. */
    public void start() {
        refreshEnvironments();
        refresh();
        scheduleAutoRefresh(autoRefresh.get());
    }

    /** Re-reads the environment names (profiles are a file), e.g. when the screen is shown again. */
    public void refreshEnvironments() {
        choice.refresh(error::set);
    }

    /** Nothing of the previous environment may stay on screen under the new one's name. */
    private void switchTo(String name) {
        rows.clear();
        successRate.reset();
        manualReviewRate.reset();
        verdict.set(null);
        verdictReasons.set("");
        roleWarning.set("");
        database.set("Connecting to " + name + "…");
        refresh();
    }

    private void scheduleAutoRefresh(boolean on) {
        if (autoRefreshTimer != null) {
            autoRefreshTimer.cancel();
            autoRefreshTimer = null;
        }
        if (on) {
            autoRefreshTimer = executor.every(AUTO_REFRESH, this::refreshUnlessDeclined);
        }
    }

    public ObservableList<String> environments() {
        return choice.environments();
    }

    public ObjectProperty<String> environmentProperty() {
        return environment;
    }

    public BooleanProperty autoRefreshProperty() {
        return autoRefresh;
    }

    /** Runs the check off the FX thread, asking first for a password no store holds; ignored while a run is in flight. */
    public void refresh() {
        declined = null; // someone asked for it: a password declined before may be asked for again
        runCheck();
    }

    /** For the timer, and a refresh queued while a password dialog was open: no one asked, so do not ask again. */
    private void refreshUnlessDeclined() {
        if (!Objects.equals(declined, environment.get())) {
            runCheck();
        }
    }

    private void runCheck() {
        String name = environment.get();
        if (name == null) {
            return; // the environment list is being replaced; it sets one again
        }
        if (busy.get()) {
            refreshAgain = true; // e.g. the environment changed while a refresh was running
            return;
        }
        busy.set(true);
        error.set("");
        status.set("Running the quick health check…");
        choice.open(name, () -> check(name), sentence -> {
            declined = name;
            showStopped(sentence);
            finish();
        });
    }

    private void check(String name) {
        error.set("");
        boolean[] passwordRejected = new boolean[1];
        executor.execute(BackgroundTask.of(() -> connectAndRun(name))
                .onSuccess(outcome -> {
                    if (name.equals(environment.get())) {
                        show(outcome);
                    }
                })
                .onFailure(failure -> {
                    showFailure(failure);
                    passwordRejected[0] = FailureKind.in(failure) == FailureKind.PASSWORD && name.equals(environment.get());
                })
                .onFinished(() -> {
                    boolean asked = choice.askAgainIfRejected(name, passwordRejected[0], () -> check(name), sentence -> {
                        declined = name;
                        finish();
                    });
                    if (!asked) {
                        finish();
                    }
                }));
    }

    private void finish() {
        busy.set(false);
        if (refreshAgain) {
            refreshAgain = false;
            refreshUnlessDeclined();
        }
    }

    private Outcome connectAndRun(String name) throws Exception {
        Database connected = databases.database(name);
        HealthCheckResult result = healthCheck.run(connected);
        Instant until = Instant.now(clock);
        return new Outcome(connected.target().describe(), RoleWarning.of(connected.roleWarnings()), result,
                metrics.read(connected, until.minus(MetricWindow.RUNBOOK), until),
                metrics.hourly(connected, until.minus(TREND), until), until);
    }

    private void show(Outcome outcome) {
        database.set("Reading " + outcome.database());
        roleWarning.set(outcome.roleWarning());
        HealthCheckResult result = outcome.result();
        rows.setAll(result.rows());
        Map<MetricKind, Rate> rates = outcome.window().rates();
        successRate.show(rates.get(MetricKind.SUCCESS_RATE), outcome.trends().get(MetricKind.SUCCESS_RATE), outcome.until());
        manualReviewRate.show(rates.get(MetricKind.MANUAL_REVIEW_RATE), outcome.trends().get(MetricKind.MANUAL_REVIEW_RATE),
                outcome.until());
        showVerdict(outcome);
        NumberFormat count = NumberFormat.getIntegerInstance(Locale.ROOT);
        status.set(result.rows().isEmpty()
                ? "No coordinator events in the " + MetricWindow.LAST_IN_WORDS + " (updated " + TIME.format(result.finishedAt().atZone(zone)) + ")."
                : "Updated " + TIME.format(result.finishedAt().atZone(zone))
                        + " · " + result.rows().size() + " event types · "
                        + count.format(result.totalEvents()) + " events · "
                        + result.took().toMillis() + " ms");
    }

    /**
     * The runbook's bands applied to the tiles' window: the rates and the alarm counts come from the
     * metric queries a run records, over the same [until - 6 h, until), so a run at that moment says the same.
     */
    private void showVerdict(Outcome outcome) {
        CheckpointJudgement judgement = judge.judge(outcome.window().evidence());
        verdict.set(judgement.verdict());
        verdictReasons.set(String.join("\n", judgement.reasons()));
    }

    private void showFailure(Throwable failure) {
        showStopped(FailureMessage.of(failure));
    }

    private void showStopped(String sentence) {
        status.set("The health check did not run.");
        if (rows.isEmpty()) {
            database.set("No database reachable.");
        }
        error.set(sentence);
    }

    public ObservableList<HealthCheckRow> rows() {
        return rows;
    }

    public String sql() {
        return healthCheck.sql();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty databaseProperty() {
        return database.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty roleWarningProperty() {
        return roleWarning.getReadOnlyProperty();
    }

    /** The verdict on the last 6 hours; null while there is nothing to judge. */
    public ReadOnlyObjectProperty<Verdict> verdictProperty() {
        return verdict.getReadOnlyProperty();
    }

    /** One reason per line, the most serious first. */
    public ReadOnlyStringProperty verdictReasonsProperty() {
        return verdictReasons.getReadOnlyProperty();
    }

    public MetricTile successRate() {
        return successRate;
    }

    public MetricTile manualReviewRate() {
        return manualReviewRate;
    }

    private record Outcome(String database, String roleWarning, HealthCheckResult result, WindowMetrics window,
                           Map<MetricKind, List<HourlyRate>> trends, Instant until) {
    }
}
