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

    private FirstFrame() {
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
        long sinceJvmStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        LOG.info("First frame laid out {} ms after JVM start", sinceJvmStart);
        if (Boolean.getBoolean("controlroom.printStartup")) {
            System.out.println("window-shown-ms=" + sinceJvmStart);
            System.out.println("first-frame-epoch-ms=" + System.currentTimeMillis());
            // the CPU time spent until then, which a busy machine changes less than the wall-clock time
            System.out.println("first-frame-cpu-ms=" + ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toMillis).orElse(-1L));
        }
    }
}
