package com.rolloutcontrolroom.ui.queries;

import com.rolloutcontrolroom.ui.common.FailureSentence;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

import com.rolloutcontrolroom.services.query.SnapshotCsv;
import com.rolloutcontrolroom.services.query.SnapshotJson;
import com.rolloutcontrolroom.services.query.SuiteRun;
import com.rolloutcontrolroom.ui.common.BackgroundTask;
import com.rolloutcontrolroom.ui.common.DialogService;
import com.rolloutcontrolroom.ui.common.TaskExecutor;

/** Saves the last run as CSV (long form) or JSON (the documented run shape), written off the FX thread. */
public final class RunExportViewModel {

    private static final DateTimeFormatter FILE_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final DialogService dialogs;
    private final TaskExecutor executor;
    private final SnapshotCsv csv;
    private final SnapshotJson json;

    private final ObjectProperty<SuiteRun> lastRun = new SimpleObjectProperty<>();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final BooleanBinding canExport = Bindings.createBooleanBinding(() -> lastRun.get() != null && !busy.get(), lastRun, busy);

    public RunExportViewModel(DialogService dialogs, TaskExecutor executor, SnapshotCsv csv, SnapshotJson json) {
        this.dialogs = dialogs;
        this.executor = executor;
        this.csv = csv;
        this.json = json;
        lastRun.addListener((obs, old, now) -> {
            message.set("");
            error.set("");
        });
    }

    public void exportCsv() {
        SuiteRun run = lastRun.get();
        if (run != null) {
            dialogs.chooseFileToSave("Export the run as CSV", suggestedName(run, "csv"), "csv").ifPresent(file -> write(file, run, false));
        }
    }

    public void exportJson() {
        SuiteRun run = lastRun.get();
        if (run != null) {
            dialogs.chooseFileToSave("Export the run as JSON", suggestedName(run, "json"), "json").ifPresent(file -> write(file, run, true));
        }
    }

    private void write(Path file, SuiteRun run, boolean asJson) {
        message.set("");
        error.set("");
        busy.set(true);
        executor.execute(BackgroundTask.ofRunnable(() -> {
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                if (asJson) {
                    out.write(json.runJson(run));
                } else {
                    csv.write(run, out);
                }
            }
        }).onSuccess(done -> message.set("Exported to " + file + "."))
                .onFailure(failure -> error.set("Could not export to " + file + ": " + FailureSentence.of(failure)))
                .onFinished(() -> busy.set(false)));
    }

    static String suggestedName(SuiteRun run, String extension) {
        return "snapshot-" + run.environment() + "-" + run.querySet() + "-" + FILE_STAMP.format(run.startedAt()) + "." + extension;
    }

    /** The run to export; the screen sets it when a run finishes. */
    public ObjectProperty<SuiteRun> lastRunProperty() { return lastRun; }
    public BooleanBinding canExportBinding() { return canExport; }
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
    public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }
}
