package com.rolloutcontrolroom.services.deploy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one child process: exactly the environment given, standard input written at once and closed,
 * standard output and error read line by line as they come, each line through {@code scrub} before
 * anyone (listener, result, log) sees it. A timeout or a {@link Cancellation} ends the whole process
 * tree, children first, so a CLI's helper processes cannot keep the pipes (and this runner) open.
 */
public final class ProcessRunner {

    private static final Logger LOG = LoggerFactory.getLogger(ProcessRunner.class);
    /** After the process ends, how long its output may still take to drain. */
    private static final Duration DRAIN = Duration.ofSeconds(5);

    /**
     * @param environment the child's whole environment; nothing of this process's is added
     * @param stdin       written and closed right after the start; null closes standard input empty
     */
    public record Request(List<String> command, Path workingDirectory, Map<String, String> environment, String stdin,
                          Duration timeout) {
        public Request {
            command = List.copyOf(command);
            environment = Map.copyOf(environment);
        }
    }

    /**
     * @param exitCode null when the process did not end by itself (timed out or cancelled)
     * @param stdout   the standard output lines alone (a deploy prints its URL there), scrubbed
     * @param lines    every line of both streams in the order read, scrubbed
     */
    public record Result(Integer exitCode, List<String> stdout, List<String> lines, boolean timedOut, boolean cancelled) {
        public Result {
            stdout = List.copyOf(stdout);
            lines = List.copyOf(lines);
        }
    }

    /** A line as it arrives; called from the runner's reader threads. */
    @FunctionalInterface
    public interface LineListener {
        void line(String line);
    }

    /** @throws IOException when the process cannot be started at all (the executable is missing) */
    public Result run(Request request, UnaryOperator<String> scrub, LineListener listener, Cancellation cancellation)
            throws IOException {
        ProcessBuilder builder = new ProcessBuilder(request.command()).directory(request.workingDirectory().toFile());
        builder.environment().clear();
        builder.environment().putAll(request.environment());
        List<String> stdout = Collections.synchronizedList(new ArrayList<>());
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        Process process = builder.start();
        cancellation.attach(process);
        Thread out = reader(process.getInputStream(), true, scrub, listener, stdout, lines);
        Thread err = reader(process.getErrorStream(), false, scrub, listener, stdout, lines);
        writeInput(process, request.stdin());
        boolean timedOut = false;
        try {
            if (!process.waitFor(request.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
                timedOut = !cancellation.isCancelled();
                destroyTree(process);
            }
            out.join(DRAIN.toMillis());
            err.join(DRAIN.toMillis());
        } catch (InterruptedException e) {
            destroyTree(process);
            Thread.currentThread().interrupt();
            return new Result(null, stdout, lines, false, true);
        } finally {
            cancellation.detach();
        }
        boolean cancelled = cancellation.isCancelled();
        Integer exit = timedOut || cancelled ? null : process.exitValue();
        return new Result(exit, stdout, lines, timedOut, cancelled);
    }

    /** Ends the process and everything it started: the children first, while they can still be found. */
    static void destroyTree(Process process) {
        process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(DRAIN.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void writeInput(Process process, String stdin) {
        try (OutputStream in = process.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            // a child that exits before reading closes its end; what it printed says why
            LOG.debug("Standard input of the child not fully written: {}", e.getMessage());
        }
    }

    private static Thread reader(InputStream stream, boolean isStdout, UnaryOperator<String> scrub, LineListener listener,
                                 List<String> stdout, List<String> lines) {
        Thread thread = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                String raw;
                while ((raw = reader.readLine()) != null) {
                    String line = scrub.apply(raw);
                    if (line.isBlank()) {
                        continue;
                    }
                    if (isStdout) {
                        stdout.add(line);
                    }
                    lines.add(line);
                    listener.line(line);
                }
            } catch (IOException e) {
                // the stream closes when the process tree is destroyed
                LOG.debug("Child output stream closed: {}", e.getMessage());
            }
        }, isStdout ? "child-stdout" : "child-stderr");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
