package com.rolloutcontrolroom.app;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The window's first frames: each step of the start is noted, logged when the start is over, and printed for
 * the start-up benchmark with {@code -Dcontrolroom.printStartup=true}; with
 * {@code -Dcontrolroom.exitAfterFirstFrame=true} the app exits there, as the benchmark's runs do. Work started
 * earlier than a frame (the demo database, the first reads) would compete with laying out and drawing it for
 * the same cores.
 */
final class FirstFrame {

    private static final Logger LOG = LoggerFactory.getLogger(FirstFrame.class);
    /** The wall clock at the end of each step of the start, in order; made relative to the JVM's start when logged. */
    private static final Map<String, Long> STEPS = Collections.synchronizedMap(new LinkedHashMap<>());
    private static volatile long firstFrameEpochMs;
    private static volatile long firstFrameCpuMs = -1;

    private FirstFrame() {
    }

    /** Notes the moment a step of the start ends. */
    static void step(String name) {
        // the JVM's start is asked for only when the steps are logged: the management classes it loads cost the
        // first step (before the toolkit starts) about 10 ms
        STEPS.put(name, System.currentTimeMillis());
    }

    /**
     * Notes the next laid-out frame as step {@code name}, then runs {@code afterDrawn} on the FX thread at the
     * pulse after it, which begins once that frame is drawn.
     */
    static void afterNextFrame(Scene scene, String name, Runnable afterDrawn) {
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            if (firstFrameEpochMs == 0) {
                firstFrameEpochMs = System.currentTimeMillis();
                // the CPU time spent until then, which a busy machine changes less than the wall-clock time
                firstFrameCpuMs = ProcessHandle.current().info().totalCpuDuration().map(Duration::toMillis).orElse(-1L);
            }
            step(name);
            new AnimationTimer() {
                @Override
                public void handle(long now) {
                    stop();
                    afterDrawn.run();
                }
            }.start();
        };
        scene.addPostLayoutPulseListener(once[0]);
    }

    /**
     * The window is drawn: logs the steps, prints them for the benchmark, and says whether the app is to exit
     * now (the benchmark's runs close at once, as a user would, and start nothing more).
     */
    static boolean drawn() {
        Map<String, Long> steps;
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        synchronized (STEPS) {
            steps = new LinkedHashMap<>();
            STEPS.forEach((name, epochMs) -> steps.put(name, epochMs - jvmStart));
        }
        LOG.info("Start-up steps, in ms after JVM start: {}", steps);
        if (Boolean.getBoolean("controlroom.printStartup")) {
            steps.forEach((name, ms) -> System.out.println("step-" + name + "-ms=" + ms));
            System.out.println("first-frame-epoch-ms=" + firstFrameEpochMs);
            System.out.println("first-frame-cpu-ms=" + firstFrameCpuMs);
        }
        if (Boolean.getBoolean("controlroom.exitAfterFirstFrame")) {
            Platform.runLater(Platform::exit);
            return true;
        }
        return false;
    }
}
