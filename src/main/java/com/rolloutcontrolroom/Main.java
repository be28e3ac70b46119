package com.rolloutcontrolroom;

import java.util.concurrent.atomic.AtomicBoolean;

import javafx.application.Application;

import com.rolloutcontrolroom.services.home.AppHome;
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
        AtomicBoolean desktopOpened = new AtomicBoolean();
        int exitCode = ControlRoomCli.create(home, () -> {
            desktopOpened.set(true);
            Application.launch(ControlRoomApp.class, args);
        }).execute(args);
        if (!desktopOpened.get()) {
            System.exit(exitCode);
        }
        // after the window closes, let the demo shutdown thread finish stopping PostgreSQL
    }
}
