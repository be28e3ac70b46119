package com.rolloutcontrolroom;

import javafx.application.Application;

import com.rolloutcontrolroom.app.AppHome;
import com.rolloutcontrolroom.app.ControlRoomApp;
import com.rolloutcontrolroom.app.LogSetup;
import com.rolloutcontrolroom.cli.ControlRoomCli;

/**
 * Entry point of the jar. It does not extend {@code Application} so that {@code java -jar} works
 * with JavaFX on the class path.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        AppHome home = AppHome.fromEnvironment().ensureExists();
        LogSetup.configure(home);
        boolean[] desktopOpened = {false};
        int exitCode = ControlRoomCli.create(home, () -> {
            desktopOpened[0] = true;
            Application.launch(ControlRoomApp.class, args);
        }).execute(args);
        if (!desktopOpened[0]) {
            System.exit(exitCode);
        }
        // after the window closes, let the demo shutdown thread finish stopping PostgreSQL
    }
}
