package com.rolloutcontrolroom;

import java.util.concurrent.atomic.AtomicBoolean;

import com.rolloutcontrolroom.services.home.AppHome;
import com.rolloutcontrolroom.services.home.NativeLibraryFolders;
import com.rolloutcontrolroom.app.ControlRoomApp;
import com.rolloutcontrolroom.app.LogSetup;
import com.rolloutcontrolroom.cli.ControlRoomCli;

/**
 * Entry point of the jar. It does not extend {@code Application} so that {@code java -jar} works
 * with JavaFX on the class path.
 */
public final class Main {

    static final String NO_DISPLAY = "No display to open the window on; set DISPLAY, or use a command such as"
            + " `run` or `journal verify` (see --help).";

    private Main() {
    }

    public static void main(String[] args) {
        // the folder is created (and logging set up) once the command is known: read commands create nothing
        AppHome home = AppHome.fromEnvironment();
        AtomicBoolean desktopOpened = new AtomicBoolean();
        int exitCode = ControlRoomCli.execute(args, home, () -> {
            desktopOpened.set(true);
            launchDesktop(args);
        }, Main::prepareFolders);
        if (exitCode != 0 || !desktopOpened.get()) {
            System.exit(exitCode);
        }
        // after the window closes, let the demo shutdown thread finish stopping PostgreSQL
    }

    /** Once the command is known: logging, and the app's own folders for the native code it unpacks. */
    private static void prepareFolders(AppHome home, boolean readsOnly) {
        LogSetup.configure(home, readsOnly);
        NativeLibraryFolders.useCacheFolder(home, readsOnly, System.getProperties());
    }

    private static void launchDesktop(String[] args) {
        try {
            ControlRoomApp.launch(args);
        } catch (UnsupportedOperationException e) {
            // GTK's "Unable to open DISPLAY": say what to do about it instead
            if (String.valueOf(e.getMessage()).contains("DISPLAY")) {
                throw new IllegalStateException(NO_DISPLAY, e);
            }
            throw e;
        }
    }
}
