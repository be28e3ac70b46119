package com.rolloutcontrolroom.services.chart;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Writes a chart as a PNG, painted from its model (not a screenshot of a node), so it runs off the
 * FX thread and without a window: the Dashboard's export and the evidence bundle use this one.
 */
public final class ChartPngExporter {

    /** Blocking: paints and writes the file (replaced atomically). */
    public void write(ChartModel model, ChartStyle style, int width, int height, Path file) throws IOException {
        write(model, style, width, height, 1, file);
    }

    /**
     * Blocking. {@code scale} 2 gives a HiDPI image of twice the pixels with the same layout. The PNG is
     * written to a temporary file beside the target and then moved over it, so a failed write (a full disk, a
     * read-only folder) leaves the previous file as it was and never a half-written one.
     */
    public void write(ChartModel model, ChartStyle style, int width, int height, double scale, Path file) throws IOException {
        if (width < 1 || height < 1 || !(scale > 0)) {
            throw new IllegalArgumentException("A chart image needs a positive width, height and scale.");
        }
        BufferedImage image = paint(model, style, width, height, scale);
        Path target = file.toAbsolutePath();
        Path temporary = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
        try {
            if (!ImageIO.write(image, "png", temporary.toFile())) {
                throw new IOException("No PNG writer is available in this Java runtime.");
            }
            moveOver(temporary, target);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /**
     * The PNG's bytes, for callers that embed the chart (the verification report). The same model, style
     * and size give the same bytes: no time, no metadata beyond the image.
     */
    public byte[] png(ChartModel model, ChartStyle style, int width, int height, double scale) throws IOException {
        if (width < 1 || height < 1 || !(scale > 0)) {
            throw new IllegalArgumentException("A chart image needs a positive width, height and scale.");
        }
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("png");
        if (!writers.hasNext()) {
            throw new IOException("No PNG writer is available in this Java runtime.");
        }
        ImageWriter writer = writers.next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        // in memory: no cache file in the temporary folder
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(paint(model, style, width, height, scale));
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** The painted image, for callers that embed it rather than write it. */
    public BufferedImage paint(ChartModel model, ChartStyle style, int width, int height, double scale) {
        BufferedImage image = new BufferedImage((int) Math.round(width * scale), (int) Math.round(height * scale),
                BufferedImage.TYPE_INT_ARGB);
        Graphics2D graphics = image.createGraphics();
        try {
            graphics.scale(scale, scale);
            new ChartPainter(new Java2dPen(graphics)).paint(model, style, width, height);
        } finally {
            graphics.dispose();
        }
        return image;
    }

    private static void moveOver(Path temporary, Path target) throws IOException {
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException notAtomic) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
