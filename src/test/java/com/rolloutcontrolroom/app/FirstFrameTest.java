package com.rolloutcontrolroom.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * What follows a frame of the start (the selected screen after the frame, the demo database and the schedule after
 * the screen) runs once, on the FX thread, after that frame was laid out, and the steps are noted in order.
 */
@ExtendWith(ApplicationExtension.class)
class FirstFrameTest {

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @Test
    void theRestOfTheStartRunsOnceAfterTheFirstFrameNotBefore(FxRobot robot) throws Exception {
        AtomicBoolean laidOut = new AtomicBoolean();
        AtomicBoolean afterLayout = new AtomicBoolean();
        AtomicBoolean onFxThread = new AtomicBoolean();
        CountDownLatch ran = new CountDownLatch(2);
        robot.interact(() -> {
            Scene scene = new Scene(new Label("first frame"), 300, 200);
            scene.addPostLayoutPulseListener(() -> laidOut.set(true));
            FirstFrame.afterNextFrame(scene, "test-frame", () -> {
                afterLayout.set(laidOut.get());
                onFxThread.set(javafx.application.Platform.isFxApplicationThread());
                ran.countDown();
            });
            stage.setScene(scene);
            // the deferred work must not have run while the window is still being built
            assertThat(ran.getCount()).isEqualTo(2);
            stage.show();
        });
        // a second run would bring the count to zero
        assertThat(ran.await(3, TimeUnit.SECONDS)).isFalse();
        assertThat(ran.getCount()).isEqualTo(1);
        assertThat(afterLayout).isTrue();
        assertThat(onFxThread).isTrue();
    }
}
