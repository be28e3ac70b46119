package com.rolloutcontrolroom.bench;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/**
 * The start-up floor: the smallest JavaFX window (one label) on the same JVM and class path as the app.
 * Prints the wall-clock instant of its first laid-out frame, as the app does with
 * {@code -Dcontrolroom.printStartup=true}, and exits.
 */
public final class MinimalWindow {

    private MinimalWindow() {
    }

    public static void main(String[] args) {
        // launched through a class that is not an Application, as the app's Main does, so JavaFX may sit on the class path
        Application.launch(Window.class, args);
    }

    /** The window itself. */
    public static final class Window extends Application {

        @Override
        public void start(Stage stage) {
            long jvmStart = java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
            // the same steps as the app's, for the benchmark's breakdown
            System.out.println("step-fx-started-ms=" + (System.currentTimeMillis() - jvmStart));
            Scene scene = new Scene(new Label("Rollout Control Room"), 1366, 768);
            Runnable[] once = new Runnable[1];
            once[0] = () -> {
                scene.removePostLayoutPulseListener(once[0]);
                System.out.println("step-first-frame-ms=" + (System.currentTimeMillis() - jvmStart));
                System.out.println("first-frame-epoch-ms=" + System.currentTimeMillis());
                // the CPU time spent until then, which a busy machine changes less than the wall-clock time
                System.out.println("first-frame-cpu-ms=" + ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toMillis).orElse(-1L));
                Platform.runLater(Platform::exit);
            };
            scene.addPostLayoutPulseListener(once[0]);
            stage.setScene(scene);
            stage.show();
        }
    }
}
