package com.rolloutcontrolroom.app;

import java.lang.management.ManagementFactory;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The window's first frame: logged (and printed for the start-up benchmark with
 * {@code -Dcontrolroom.printStartup=true}), and the moment the rest of the start may begin. Work started
 * earlier (the demo database, the first reads) would compete with laying out and drawing that frame for
 * the same cores.
 */
final class FirstFrame {

    private static final Logger LOG = LoggerFactory.getLogger(FirstFrame.class);
    /** Milliseconds after JVM start at each named step of the start, for the benchmark's breakdown. */
    private static final java.util.Map<String, Long> STEPS = java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>());

    private FirstFrame() {
    }

    /** Notes the moment a step of the start ends; printed with the first frame's time for the start-up benchmark. */
    static void step(String name) {
        STEPS.put(name, sinceJvmStart());
    }

    private static long sinceJvmStart() {
        return System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    }

    /** Runs {@code afterDrawn} on the FX thread at the pulse after the first one, which begins once that frame is drawn. */
    static void then(Scene scene, Runnable afterDrawn) {
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            report();
            if (Boolean.getBoolean("controlroom.exitAfterFirstFrame")) {
                // the start-up benchmark's runs close at once, as a user would, and start nothing more
                Platform.runLater(Platform::exit);
                return;
            }
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

    private static void report() {
        long sinceJvmStart = sinceJvmStart();
        STEPS.put("first-frame", sinceJvmStart);
        LOG.info("First frame laid out {} ms after JVM start", sinceJvmStart);
        if (Boolean.getBoolean("controlroom.printStartup")) {
            STEPS.forEach((name, ms) -> System.out.println("step-" + name + "-ms=" + ms));
            System.out.println("window-shown-ms=" + sinceJvmStart);
            System.out.println("first-frame-epoch-ms=" + System.currentTimeMillis());
            // the CPU time spent until then, which a busy machine changes less than the wall-clock time
            System.out.println("first-frame-cpu-ms=" + ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toMillis).orElse(-1L));
        }
    }
}
