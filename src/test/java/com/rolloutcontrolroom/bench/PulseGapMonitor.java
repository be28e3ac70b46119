package com.rolloutcontrolroom.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;

/**
 * How long the FX thread was unavailable, two ways: the gap between consecutive pulses (an
 * AnimationTimer, which also keeps a pulse requested every frame, so at 60 Hz the floor is about
 * 17 ms), and the wait of a {@code Platform.runLater} probe posted every 5 ms (what a background
 * task's callback waits before it runs).
 */
final class PulseGapMonitor {

    /** One scenario's figures, in milliseconds. */
    record Gaps(int pulses, double maxPulseGap, double p99PulseGap, int probes, double maxProbeWait, double p99ProbeWait) {
    }

    private final List<Long> pulseGaps = new ArrayList<>();
    private final List<Long> probeWaits = Collections.synchronizedList(new ArrayList<>());
    /** With -Dbench.stacks=true: where the FX thread was while a probe waited over 30 ms (first frames of the app's code). */
    private static final boolean STACKS = Boolean.getBoolean("bench.stacks");
    private final java.util.Map<String, Integer> stalledAt = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong lastRan = new java.util.concurrent.atomic.AtomicLong();
    private ScheduledExecutorService prober;
    private AnimationTimer timer;

    /** From any thread but the FX thread. */
    void start() throws Exception {
        pulseGaps.clear();
        probeWaits.clear();
        stalledAt.clear();
        lastRan.set(System.nanoTime());
        onFx(() -> {
            timer = new AnimationTimer() {
                private long last = -1;

                @Override
                public void handle(long now) {
                    if (last > 0) {
                        pulseGaps.add(now - last);
                    }
                    last = now;
                }
            };
            timer.start();
            return null;
        });
        prober = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "pulse-probe");
            thread.setDaemon(true);
            return thread;
        });
        prober.scheduleAtFixedRate(() -> {
            long posted = System.nanoTime();
            Platform.runLater(() -> {
                long ran = System.nanoTime();
                lastRan.set(ran);
                probeWaits.add(ran - posted);
            });
            if (STACKS && posted - lastRan.get() > 30_000_000L) {
                sampleFxThread();
            }
        }, 0, 5, TimeUnit.MILLISECONDS);
    }

    Gaps stop() throws Exception {
        prober.shutdownNow();
        return onFx(() -> {
            timer.stop();
            List<Long> pulses = new ArrayList<>(pulseGaps);
            List<Long> probes;
            synchronized (probeWaits) {
                probes = new ArrayList<>(probeWaits);
            }
            return new Gaps(pulses.size(), max(pulses), percentile(pulses, 0.99), probes.size(), max(probes), percentile(probes, 0.99));
        });
    }

    /** Where the FX thread stalled, sample counts by the first frames of the app's own code; empty unless -Dbench.stacks=true. */
    java.util.Map<String, Integer> stalls() {
        return new java.util.TreeMap<>(stalledAt);
    }

    private void sampleFxThread() {
        Thread.getAllStackTraces().forEach((thread, stack) -> {
            if (thread.getName().equals("JavaFX Application Thread")) {
                stalledAt.merge(where(stack), 1, Integer::sum);
            } else if (thread.getName().startsWith("QuantumRenderer") && stack.length > 0) {
                // the pulse waits for the renderer's previous frame; where it is says what costs the paint
                String at = java.util.Arrays.stream(stack).limit(12).map(f -> f.getClassName().replaceAll(".*\\.", "") + "." + f.getMethodName())
                        .filter(f -> f.contains("NG") || f.contains("render") || f.contains("Text") || f.contains("present"))
                        .limit(3).reduce((a, b) -> a + " < " + b).orElse(stack[0].getClassName().replaceAll(".*\\.", "") + "." + stack[0].getMethodName());
                stalledAt.merge("renderer: " + at, 1, Integer::sum);
            }
        });
    }

    /** The app's own frames if any (the code that asked for the work), else which part of the pulse it was. */
    private static String where(StackTraceElement[] stack) {
        String app = java.util.Arrays.stream(stack).filter(frame -> frame.getClassName().startsWith("com.rolloutcontrolroom")
                        && !frame.getClassName().contains(".bench."))
                .limit(2).map(frame -> frame.getClassName().replaceAll(".*\\.", "") + "." + frame.getMethodName() + ":" + frame.getLineNumber())
                .reduce((a, b) -> a + " < " + b).orElse("");
        if (!app.isEmpty()) {
            return app;
        }
        for (StackTraceElement frame : stack) {
            String method = frame.getMethodName();
            if (method.equals("doCSSPass")) {
                return "pulse: CSS";
            }
            if (method.equals("doLayoutPass")) {
                return "pulse: layout";
            }
            if (method.equals("synchronizeSceneNodes") || method.equals("synchronizeSceneProperties")) {
                return "pulse: sync to the renderer";
            }
        }
        return stack.length == 0 ? "?" : "toolkit: " + stack[0].getClassName().replaceAll(".*\\.", "") + "." + stack[0].getMethodName();
    }

    static <T> T onFx(java.util.concurrent.Callable<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(2, TimeUnit.MINUTES);
    }

    private static double max(List<Long> nanos) {
        return nanos.stream().mapToLong(Long::longValue).max().orElse(0) / 1e6;
    }

    private static double percentile(List<Long> nanos, double p) {
        if (nanos.isEmpty()) {
            return 0;
        }
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1)) / 1e6;
    }
}
