package com.rolloutcontrolroom.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.rolloutcontrolroom.domain.metrics.MetricWindow;
import com.rolloutcontrolroom.domain.query.QueryDefinition;

/**
 * The psql side of the query benchmark: the same statements the app sends for a full suite (the
 * suite's queries, then the metric queries over the same window), parameters written in as
 * literals, in one {@code psql -X -f} process per run: its start, its connect and the statements
 * run one after another in autocommit, the rows discarded.
 */
final class PsqlSuite {

    private final String url;
    private final Path script;

    PsqlSuite(String url, List<QueryDefinition> queries, Instant now) throws IOException {
        this.url = url;
        this.script = script(queries, now);
    }

    /** Runs the script with psql's own per-statement timing on; returns each statement's "Time:" in ms. */
    List<Double> run() throws IOException, InterruptedException {
        Process process = new ProcessBuilder("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", url, "-c", "\\timing on", "-f",
                script.toString(), "-o", "/dev/null").redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("psql failed: " + output);
        }
        return output.lines().filter(l -> l.startsWith("Time: ")).map(l -> Double.parseDouble(l.substring(6, l.indexOf(" ms")))).toList();
    }

    private static Path script(List<QueryDefinition> queries, Instant now) throws IOException {
        Instant since = now.minus(MetricWindow.RUNBOOK);
        Map<String, String> window = Map.of("since", "'" + since + "'::timestamptz",
                "until", "'" + since.plus(Duration.ofHours(6)) + "'::timestamptz");
        StringBuilder script = new StringBuilder();
        for (QueryDefinition query : queries) {
            String sql = query.sql();
            for (var parameter : query.parameters()) {
                String literal = window.getOrDefault(parameter.name(), "'" + parameter.defaultValue() + "'");
                sql = sql.replace(":" + parameter.name(), literal);
            }
            script.append(sql).append(";\n");
        }
        Path file = Files.createTempFile("suite", ".sql");
        file.toFile().deleteOnExit();
        Files.writeString(file, script.toString());
        return file;
    }
}
