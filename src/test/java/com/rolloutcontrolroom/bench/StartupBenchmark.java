package com.rolloutcontrolroom.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * Time from process start to the first laid-out frame: the app against the minimal JavaFX window
 * ({@link MinimalWindow}) on the same JVM, run side by side and alternated, so a change of load on the
 * machine hits every candidate alike. Needs a display (Xvfb will do).
 *
 * <pre>
 * xvfb-run -a ./mvnw -q -Pbench verify -Dbench=startup [-Dstartup.runs=10] [-Dstartup.cold=true]
 *     [-Dstartup.installed=/opt/rollout-control-room] [-Dstartup.variant="-XX:+VerifySharedSpaces"]
 *     [-Dstartup.baseline=/tmp/before.jar]
 * </pre>
 *
 * <p>Warm runs reuse one data folder and the operating system's file cache. Cold runs
 * ({@code -Dstartup.cold=true}) drop the page cache before every run (root only: writes
 * {@code /proc/sys/vm/drop_caches}) and give the app a fresh data folder, as on the first start after a
 * reboot. With {@code -Dstartup.installed=DIR} (an installed package's folder) the installed launcher and
 * the minimal window on the installed runtime join the rotation. With {@code -Dstartup.variant=OPTIONS} each app
 * also runs a second time in the rotation with those JVM options added, so a change that is an option (or a
 * system property the app reads, such as {@code -Dcontrolroom.noPreload=true}) is measured against the app
 * without it, alternated; with {@code -Dstartup.baseline=JAR} another build of the jar (a copy made before a change)
 * runs in the rotation too, so a change of code is measured against the code before it. The clock is the wall clock of this
 * machine: the parent notes it just before starting the process, the child prints it at its first frame.
 */
public final class StartupBenchmark {

    private static final int RUNS = Integer.getInteger("startup.runs", 10);
    private static final boolean COLD = Boolean.getBoolean("startup.cold");
    private static final String INSTALLED = System.getProperty("startup.installed", "");
    private static final String VARIANT = System.getProperty("startup.variant", "").trim();
    private static final String BASELINE = System.getProperty("startup.baseline", "").trim();
    private static final String FIRST_FRAME = "first-frame-epoch-ms=";
    private static final String FIRST_FRAME_CPU = "first-frame-cpu-ms=";
    private static final java.util.regex.Pattern STEP = java.util.regex.Pattern.compile("step-(.+)-ms=(\\d+)");
    private static final String APP_PROPERTIES = "-Dcontrolroom.printStartup=true -Dcontrolroom.exitAfterFirstFrame=true";

    private StartupBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of("target", "control-room.jar");
        Path testClasses = Path.of("target", "test-classes");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("Build the jar first: ./mvnw -q -DskipTests package");
        }
        Path warmHome = Files.createTempDirectory("startup-bench-home");
        Map<String, Candidate> candidates = new LinkedHashMap<>();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        candidates.put("minimal window, jar's JVM", new Candidate(List.of(java, "-cp",
                jar + File.pathSeparator + testClasses, MinimalWindow.class.getName()), false));
        List<String> appJar = new ArrayList<>(List.of(java));
        appJar.addAll(List.of(APP_PROPERTIES.split(" ")));
        appJar.addAll(List.of("-jar", jar.toString(), "--demo"));
        candidates.put("app, java -jar", new Candidate(appJar, true));
        if (!VARIANT.isEmpty()) {
            List<String> variant = new ArrayList<>(List.of(java));
            variant.addAll(List.of(VARIANT.split("\\s+")));
            variant.addAll(appJar.subList(1, appJar.size()));
            candidates.put("app, java -jar " + VARIANT, new Candidate(variant, true));
        }
        if (!BASELINE.isEmpty()) {
            List<String> baseline = new ArrayList<>(appJar);
            baseline.set(baseline.indexOf(jar.toString()), BASELINE);
            candidates.put("app, baseline jar", new Candidate(baseline, true));
        }
        if (!INSTALLED.isEmpty()) {
            Path installed = Path.of(INSTALLED);
            Path runtimeJava = installed.resolve("lib/runtime/bin/java");
            if (Files.isExecutable(runtimeJava)) {
                candidates.put("minimal window, installed runtime", new Candidate(List.of(runtimeJava.toString(), "-cp",
                        testClasses.toString(), MinimalWindow.class.getName()), false));
            }
            try (var launchers = Files.list(installed.resolve("bin"))) {
                Path launcher = launchers.filter(Files::isExecutable).findFirst()
                        .orElseThrow(() -> new IllegalStateException("No launcher in " + installed.resolve("bin")));
                candidates.put("app, installed launcher", new Candidate(List.of(launcher.toString(), "--demo"), true)
                        .withToolOptions(APP_PROPERTIES));
                if (!VARIANT.isEmpty()) {
                    candidates.put("app, installed " + VARIANT, new Candidate(List.of(launcher.toString(), "--demo"), true)
                            .withToolOptions(APP_PROPERTIES + " " + VARIANT));
                }
            }
        }
        System.out.printf(Locale.ROOT, "%d %s runs each, alternated%s%n", RUNS, COLD ? "cold" : "warm",
                COLD ? " (page cache dropped before every run, fresh data folder)" : "");
        for (Candidate candidate : candidates.values()) {
            candidate.run(warmHome); // one unmeasured start fills the data folder and caches the demo's binaries
        }
        Map<String, List<Sample>> results = new LinkedHashMap<>();
        candidates.keySet().forEach(name -> results.put(name, new ArrayList<>()));
        for (int i = 0; i < RUNS; i++) {
            for (Map.Entry<String, Candidate> candidate : candidates.entrySet()) {
                Path home = COLD ? Files.createTempDirectory("startup-bench-cold") : warmHome;
                if (COLD) {
                    dropPageCache();
                }
                candidate.getValue().run(home).ifPresent(results.get(candidate.getKey())::add);
            }
        }
        List<Sample> floorSamples = results.values().iterator().next();
        long floor = median(floorSamples.stream().map(Sample::wallMs).toList());
        long floorCpu = median(floorSamples.stream().map(Sample::cpuMs).toList());
        System.out.println("first frame after process start (wall clock), and the CPU time the process spent until then");
        for (Map.Entry<String, List<Sample>> result : results.entrySet()) {
            List<Long> times = result.getValue().stream().map(Sample::wallMs).toList();
            long median = median(times);
            long cpu = median(result.getValue().stream().map(Sample::cpuMs).toList());
            System.out.printf(Locale.ROOT, "%-44s median %5d ms (%.2fx)  min %5d  max %5d  n=%d   CPU median %5d ms (%.2fx)%n",
                    result.getKey(), median, median / (double) floor, times.stream().mapToLong(Long::longValue).min().orElse(0),
                    times.stream().mapToLong(Long::longValue).max().orElse(0), times.size(), cpu, cpu / (double) floorCpu);
            printSteps(result.getValue());
        }
    }

    /** The app's own steps (after JVM start, medians), where the time before its first frame goes. */
    private static void printSteps(List<Sample> samples) {
        Map<String, List<Long>> steps = new LinkedHashMap<>();
        samples.forEach(sample -> sample.steps().forEach((name, ms) -> steps.computeIfAbsent(name, n -> new ArrayList<>()).add(ms)));
        steps.forEach((name, values) -> System.out.printf(Locale.ROOT, "    %-20s %5d ms after JVM start%n", name, median(values)));
    }

    private static void dropPageCache() throws IOException, InterruptedException {
        new ProcessBuilder("sync").inheritIO().start().waitFor();
        Files.writeString(Path.of("/proc/sys/vm/drop_caches"), "3");
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        if (sorted.isEmpty()) {
            return 0;
        }
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    /** One command to start; the app's ones get a data folder. */
    private record Candidate(List<String> command, boolean app, String toolOptions) {

        Candidate(List<String> command, boolean app) {
            this(command, app, "");
        }

        Candidate withToolOptions(String options) {
            return new Candidate(command, app, options);
        }

        Optional<Sample> run(Path home) throws IOException, InterruptedException {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().put("CONTROL_ROOM_HOME", home.toString());
            if (!toolOptions.isEmpty()) {
                builder.environment().put("JAVA_TOOL_OPTIONS", toolOptions);
            }
            long started = System.currentTimeMillis();
            Process process = builder.start();
            OptionalLong firstFrame = OptionalLong.empty();
            long cpu = -1;
            Map<String, Long> steps = new LinkedHashMap<>();
            List<String> output = new ArrayList<>();
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.startsWith(FIRST_FRAME)) {
                        firstFrame = OptionalLong.of(Long.parseLong(line.substring(FIRST_FRAME.length()).trim()) - started);
                    } else if (line.startsWith(FIRST_FRAME_CPU)) {
                        cpu = Long.parseLong(line.substring(FIRST_FRAME_CPU.length()).trim());
                    } else if (STEP.matcher(line).matches()) {
                        java.util.regex.Matcher step = STEP.matcher(line);
                        step.matches();
                        steps.put(step.group(1), Long.parseLong(step.group(2)));
                    } else if (output.size() < 40) {
                        output.add(line);
                    }
                }
            }
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            if (firstFrame.isEmpty()) {
                System.out.println("no first frame from " + command + ":\n  " + String.join("\n  ", output));
            }
            return firstFrame.isPresent() ? Optional.of(new Sample(firstFrame.getAsLong(), cpu, steps)) : Optional.empty();
        }
    }

    /** One start: milliseconds from process start to the first frame, and the process's CPU time until then. */
    private record Sample(long wallMs, long cpuMs, Map<String, Long> steps) {
    }
}
