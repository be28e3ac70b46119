package com.rolloutcontrolroom.testsupport;

import javafx.scene.Scene;
import javafx.stage.Stage;

import com.rolloutcontrolroom.app.ControlRoom;

/** The whole window of a test's {@link ControlRoom}, as the app shows it: its frame and theme, at the screen's corner. */
public final class RoomWindow {

    private RoomWindow() {
    }

    /** Shows the room's window at {@code width} x {@code height} in {@code stage} and starts the room; FX thread. */
    public static Scene show(Stage stage, ControlRoom room, int width, int height) {
        Scene scene = new Scene(room.mainView(), width, height);
        room.themeSwitcher().install(scene);
        stage.setScene(scene);
        stage.setX(0);
        stage.setY(0);
        stage.show();
        room.start();
        return scene;
    }
}
