package com.rolloutcontrolroom.ui.dashboard;

import java.text.NumberFormat;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import com.rolloutcontrolroom.domain.health.HealthCheckResult;
import com.rolloutcontrolroom.domain.health.HealthCheckRow;
import com.rolloutcontrolroom.services.db.Database;
import com.rolloutcontrolroom.services.db.DatabaseProvider;
import com.rolloutcontrolroom.services.health.HealthCheckService;
import com.rolloutcontrolroom.ui.common.BackgroundTask;
import com.rolloutcontrolroom.ui.common.TaskExecutor;

/** The quick health check of the environment's coordinator, refreshed on demand. */
public final class DashboardViewModel {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss z", Locale.ROOT);

    private final DatabaseProvider databases;
    private final HealthCheckService healthCheck;
    private final TaskExecutor executor;
    private final ZoneId zone;

    private final ObservableList<HealthCheckRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper database = new ReadOnlyStringWrapper("Connecting to the demo database…");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Not run yet.");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");

    public DashboardViewModel(DatabaseProvider databases, HealthCheckService healthCheck, TaskExecutor executor, Clock clock) {
        this.databases = databases;
        this.healthCheck = healthCheck;
        this.executor = executor;
        // "Z" reads poorly on a shared screen; say UTC
        this.zone = clock.getZone().equals(java.time.ZoneOffset.UTC) ? ZoneId.of("UTC") : clock.getZone();
    }

    /** Runs the check off the FX thread; ignored while a run is in flight. */
    public void refresh() {
        if (busy.get()) {
            return;
        }
        busy.set(true);
        error.set("");
        status.set("Running the quick health check…");
        executor.execute(BackgroundTask.of(this::connectAndRun)
                .onSuccess(this::show)
                .onFailure(this::showFailure)
                .onFinished(() -> busy.set(false)));
    }

    private Outcome connectAndRun() throws Exception {
        Database connected = databases.database();
        return new Outcome(connected.target().describe(), healthCheck.run(connected));
    }

    private void show(Outcome outcome) {
        database.set("Reading " + outcome.database());
        HealthCheckResult result = outcome.result();
        rows.setAll(result.rows());
        NumberFormat count = NumberFormat.getIntegerInstance(Locale.ROOT);
        status.set(result.rows().isEmpty()
                ? "No coordinator events in the last 6 hours (updated " + TIME.format(result.finishedAt().atZone(zone)) + ")."
                : "Updated " + TIME.format(result.finishedAt().atZone(zone))
                        + " · " + result.rows().size() + " event types · "
                        + count.format(result.totalEvents()) + " events · "
                        + result.took().toMillis() + " ms");
    }

    private void showFailure(Throwable failure) {
        status.set("The health check did not run.");
        if (rows.isEmpty()) {
            database.set("No database reachable.");
        }
        error.set(FailureMessage.of(failure));
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

    private record Outcome(String database, HealthCheckResult result) {
    }
}
