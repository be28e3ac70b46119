package com.rolloutcontrolroom.services.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChartPngExporterTest {

    @TempDir
    Path folder;

    private final ChartPngExporter exporter = new ChartPngExporter();

    @Test
    void writesAReadablePngOfTheRequestedSizeHeadless() throws IOException {
        assertThat(GraphicsEnvironment.isHeadless()).as("runs as the CLI does, without a display").isTrue();
        Path file = folder.resolve("success-rate.png");

        exporter.write(ChartSamples.twelveHours(), ChartStyle.DARK, 640, 320, file);

        BufferedImage read = ImageIO.read(file.toFile());
        assertThat(read.getWidth()).isEqualTo(640);
        assertThat(read.getHeight()).isEqualTo(320);
        assertThat(read.getRGB(2, 2) | 0xFF000000).as("painted with the dark background").isEqualTo(ChartStyle.DARK.background());
        assertThat(siblings()).containsExactly(file);
    }

    @Test
    void pngBytesAreTheSameImageAsTheFileAndTheSameEveryTime() throws IOException {
        byte[] first = exporter.png(ChartSamples.twelveHours(), ChartStyle.LIGHT, 640, 320, 1);
        byte[] second = exporter.png(ChartSamples.twelveHours(), ChartStyle.LIGHT, 640, 320, 1);
        Path file = folder.resolve("same.png");
        exporter.write(ChartSamples.twelveHours(), ChartStyle.LIGHT, 640, 320, file);

        assertThat(second).as("no time or other varying metadata in the PNG").isEqualTo(first);
        BufferedImage fromBytes = ImageIO.read(new ByteArrayInputStream(first));
        BufferedImage fromFile = ImageIO.read(file.toFile());
        assertThat(fromBytes.getWidth()).isEqualTo(640);
        assertThat(fromBytes.getHeight()).isEqualTo(320);
        for (int x = 0; x < 640; x += 7) {
            for (int y = 0; y < 320; y += 5) {
                assertThat(fromBytes.getRGB(x, y)).isEqualTo(fromFile.getRGB(x, y));
            }
        }
        assertThat(siblings()).as("nothing written beside the file, no cache file").containsExactly(file);
        assertThatThrownBy(() -> exporter.png(ChartSamples.twelveHours(), ChartStyle.LIGHT, 0, 320, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aScaleOfTwoGivesTwiceThePixels() throws IOException {
        Path file = folder.resolve("hidpi.png");

        exporter.write(ChartSamples.twelveHours(), ChartStyle.LIGHT, 640, 320, 2, file);

        BufferedImage read = ImageIO.read(file.toFile());
        assertThat(read.getWidth()).isEqualTo(1280);
        assertThat(read.getHeight()).isEqualTo(640);
    }

    @Test
    void replacesAnExistingFile() throws IOException {
        Path file = folder.resolve("chart.png");
        Files.writeString(file, "an older export");

        exporter.write(ChartSamples.twelveHours(), ChartStyle.LIGHT, 300, 200, file);

        assertThat(ImageIO.read(file.toFile()).getWidth()).isEqualTo(300);
        assertThat(siblings()).containsExactly(file);
    }

    @Test
    void aDirectoryInTheWayFailsAndStaysAsItWasWithNoTemporaryLeftBehind() throws IOException {
        Path inTheWay = Files.createDirectory(folder.resolve("chart.png"));
        Files.writeString(inTheWay.resolve("keep.txt"), "kept");

        assertThatThrownBy(() -> exporter.write(ChartSamples.twelveHours(), ChartStyle.LIGHT, 300, 200, inTheWay))
                .isInstanceOf(IOException.class);

        assertThat(inTheWay.resolve("keep.txt")).hasContent("kept");
        assertThat(siblings()).containsExactly(inTheWay);
    }

    private java.util.List<Path> siblings() throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.toList();
        }
    }
}
