package com.rolloutcontrolroom.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.rolloutcontrolroom.Main;
import com.rolloutcontrolroom.services.home.AppHome;

/**
 * The jar's entry point in a child JVM, as a user's shell starts it: with its real logging set-up,
 * on a data folder, and with no display whatever the machine has (on Linux JavaFX then opens no window).
 */
public final class MainProcess {

    private MainProcess() {
    }

    /** @param tmpdir the child's {@code java.io.tmpdir} (where read commands log), or null for the default */
    public static Result run(Path home, Path tmpdir, String... args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java));
        if (tmpdir != null) {
            command.add("-Djava.io.tmpdir=" + tmpdir);
        }
        if (Runtime.version().feature() >= 22) {
            command.add("--enable-native-access=ALL-UNNAMED"); // what the jar's manifest and the package's launcher say
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove("DISPLAY");
        builder.environment().remove("WAYLAND_DISPLAY");
        builder.environment().put(AppHome.HOME_VARIABLE, home.toString());
        Process child = builder.start();
        child.getOutputStream().close();
        CompletableFuture<String> stdout = CompletableFuture.supplyAsync(() -> readAll(child, false));
        CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> readAll(child, true));
        if (!child.waitFor(60, TimeUnit.SECONDS)) {
            child.destroyForcibly();
            throw new AssertionError("control-room " + String.join(" ", args) + " did not exit within 60 s");
        }
        return new Result(child.exitValue(), stdout.get(10, TimeUnit.SECONDS), stderr.get(10, TimeUnit.SECONDS));
    }

    private static String readAll(Process child, boolean errorStream) {
        try {
            return new String((errorStream ? child.getErrorStream() : child.getInputStream()).readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public record Result(int exitCode, String stdout, String stderr) {
        public List<String> stderrLines() {
            return stderr.lines().toList();
        }
    }
}
