package com.rolloutcontrolroom.ui.dashboard;

import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;

import com.rolloutcontrolroom.services.chart.ChartModel;
import com.rolloutcontrolroom.services.chart.ChartStyle;
import com.rolloutcontrolroom.ui.common.BackgroundTask;
import com.rolloutcontrolroom.ui.common.DialogService;
import com.rolloutcontrolroom.ui.common.FailureSentence;
import com.rolloutcontrolroom.ui.common.TaskExecutor;

/** Saves a chart as a PNG through the one exporter the evidence bundle uses; writing the file is off the FX thread. */
final class ChartExportViewModel {

    static final int WIDTH = 1600;
    static final int HEIGHT = 600;

    private final DashboardSources sources;
    private final DialogService dialogs;
    private final TaskExecutor executor;

    ChartExportViewModel(DashboardSources sources, DialogService dialogs, TaskExecutor executor) {
        this.sources = sources;
        this.dialogs = dialogs;
        this.executor = executor;
    }

    /** @param said gets one sentence: where it was saved, or why not */
    void export(ChartModel model, String suggestedName, Consumer<String> said) {
        if (model == null) {
            said.accept("There is no chart to export yet: wait for the numbers, or pick another range.");
            return;
        }
        dialogs.chooseFileToSave("Export chart as PNG", suggestedName.toLowerCase(Locale.ROOT) + ".png", "png")
                .ifPresent(file -> write(model, file, said));
    }

    private void write(ChartModel model, Path file, Consumer<String> said) {
        executor.execute(BackgroundTask.ofRunnable(() -> sources.exporter().write(model, ChartStyle.LIGHT, WIDTH, HEIGHT, file))
                .onSuccess(done -> said.accept("Saved the chart as " + file.getFileName() + "."))
                .onFailure(failure -> said.accept("The chart could not be saved: " + FailureSentence.of(failure))));
    }
}
