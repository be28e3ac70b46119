package com.rolloutcontrolroom.services.chart;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A chart as it is on screen, captured as values (model, style, size) on the FX thread, so a background
 * task can write it as a PNG later without reading any node.
 */
public record ChartExport(ChartModel model, ChartStyle style, int width, int height) {

    /** Blocking: run it in a background task. */
    public void writePng(Path file, double scale) throws IOException {
        new ChartPngExporter().write(model, style, width, height, scale, file);
    }
}
