package com.rolloutcontrolroom.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rolloutcontrolroom.services.home.AppHome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A failed write leaves no half file: neither a new one, nor a damaged old one, nor a temporary one. */
class OutputFileTest {

    @TempDir
    Path dir;

    private final AppHome home = new AppHome(Path.of("no-data-folder-here"));

    private String[] filesInDir() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(path -> path.getFileName().toString()).sorted().toArray(String[]::new);
        }
    }

    @Test
    void aWriteThatFailsHalfwayLeavesNoFileBehind() throws IOException {
        Path target = dir.resolve("export.jsonl");
        OutputFile output = OutputFile.checked(target, false, home);
        assertThatThrownBy(() -> output.write(writer -> {
            writer.write("{\"journal\":{}}\n".repeat(10_000));
            writer.flush();
            throw new IOException("No space left on device");
        })).hasMessage("No space left on device");
        assertThat(filesInDir()).isEmpty();
    }

    @Test
    void aReplacementThatFailsKeepsTheOldFileWhole() throws IOException {
        Path target = Files.writeString(dir.resolve("export.jsonl"), "the complete export of yesterday\n");
        OutputFile output = OutputFile.checked(target, true, home);
        assertThatThrownBy(() -> output.write(writer -> {
            writer.write("half of today");
            throw new UncheckedIOException(new IOException("the journal could not be read"));
        })).isInstanceOf(UncheckedIOException.class);
        assertThat(Files.readString(target)).isEqualTo("the complete export of yesterday\n");
        assertThat(filesInDir()).containsExactly("export.jsonl");

        assertThat(output.write(writer -> {
            writer.write("today\n");
            return 1;
        })).isEqualTo(1);
        assertThat(Files.readString(target)).isEqualTo("today\n");
        assertThat(filesInDir()).containsExactly("export.jsonl");
    }

    @Test
    void aFileThatAppearedWhileWritingIsNotReplacedWithoutForce() throws IOException {
        Path target = dir.resolve("export.jsonl");
        OutputFile output = OutputFile.checked(target, false, home);
        assertThatThrownBy(() -> output.write(writer -> {
            Files.writeString(target, "someone else's file");
            writer.write("ours");
            return 1;
        })).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already exists");
        assertThat(Files.readString(target)).isEqualTo("someone else's file");
        assertThat(filesInDir()).containsExactly("export.jsonl");
    }

    @Test
    void bytesAreWrittenExactlyAndReplaceOnlyWithForce() throws IOException {
        Path target = dir.resolve("chart.png");
        byte[] png = new byte[70_000];
        for (int i = 0; i < png.length; i++) {
            png[i] = (byte) (i * 31);
        }
        assertThat(OutputFile.checked(target, false, home).write(png)).isEqualTo(png.length);
        assertThat(Files.readAllBytes(target)).isEqualTo(png);
        assertThat(filesInDir()).containsExactly("chart.png");

        assertThatThrownBy(() -> OutputFile.checked(target, false, home)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("already exists");
        OutputFile.checked(target, true, home).write(new byte[] {1, 2, 3});
        assertThat(Files.readAllBytes(target)).containsExactly(1, 2, 3);
    }
}
