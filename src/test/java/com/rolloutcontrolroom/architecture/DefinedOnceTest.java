package com.rolloutcontrolroom.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The demo environment's name and the runbook's six-hour window are each written once in the
 * product code: a second copy is how a screen comes to judge a different window than {@code run}.
 * Tests may keep their literals, and an example of interval syntax ("now - 6 hours") is no window.
 */
class DefinedOnceTest {

    private static final Path MAIN = Path.of("src", "main", "java");

    @Test
    void theDemoEnvironmentNameIsWrittenOnce() {
        assertThat(linesMatching(Pattern.compile("\"demo\"")))
                .containsExactly("com/rolloutcontrolroom/domain/environment/EnvironmentProfile.java");
    }

    @Test
    void theSixHourWindowIsWrittenOnce() {
        assertThat(linesMatching(Pattern.compile("ofHours\\(6\\)|PT6H|last 6 h")))
                .containsExactly("com/rolloutcontrolroom/domain/metrics/MetricWindow.java");
    }

    /** The files whose code (not comment) lines match, one entry per line that does. */
    private static List<String> linesMatching(Pattern pattern) {
        try (Stream<Path> files = Files.walk(MAIN)) {
            return files.filter(file -> file.toString().endsWith(".java"))
                    .flatMap(file -> codeLines(file).filter(line -> pattern.matcher(line).find())
                            .map(line -> MAIN.relativize(file).toString().replace('\\', '/')))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Stream<String> codeLines(Path file) {
        try {
            return Files.readAllLines(file).stream().map(String::strip)
                    .filter(line -> !line.startsWith("*") && !line.startsWith("/*") && !line.startsWith("//"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
