package com.rolloutcontrolroom.services.chart;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes a chart as a PNG, painted from its model (not a screenshot of a node), so it runs off the
 * FX thread and without a window: the Dashboard's export and the evidence bundle use this one.
 */
public final class ChartPngExporter {

    /** Blocking: paints and writes the file (replaced atomically). */
    public void write(ChartModel model, ChartStyle style, int width, int height, Path file) throws IOException {
        throw new UnsupportedOperationException("not yet");
    }
}
