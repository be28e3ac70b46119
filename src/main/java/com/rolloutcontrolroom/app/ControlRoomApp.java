package com.rolloutcontrolroom.app;

import com.rolloutcontrolroom.services.home.AppHome;
import com.rolloutcontrolroom.services.home.Workspace;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;

import javafx.application.Application;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.rolloutcontrolroom.services.credentials.KeychainCredentialStore;
import com.rolloutcontrolroom.services.credentials.SessionFallbackCredentialStore;
import com.rolloutcontrolroom.services.demo.DemoOptions;
import com.rolloutcontrolroom.services.environment.DemoEnvironment;
import com.rolloutcontrolroom.services.journal.KeychainJournalKeys;
import com.rolloutcontrolroom.services.settings.DisplayPreferences;
import com.rolloutcontrolroom.services.settings.SettingsFile;
import com.rolloutcontrolroom.ui.common.BackgroundTask;
import com.rolloutcontrolroom.ui.common.FxTaskExecutor;
import com.rolloutcontrolroom.ui.common.IconFont;
import com.rolloutcontrolroom.ui.common.TaskExecutor;
import com.rolloutcontrolroom.ui.common.Theme;
import com.rolloutcontrolroom.ui.main.MainView;
import com.rolloutcontrolroom.ui.main.WindowMemory;

/**
 * The desktop front end. The window is shown before any I/O; the demo database starts in the
 * background and the dashboard fills in when it is ready.
 */
public final class ControlRoomApp extends Application {

    private static final Logger LOG = LoggerFactory.getLogger(ControlRoomApp.class);

    private TaskExecutor executor;
    private DemoEnvironment demo;
    private KeychainCredentialStore keychain;
    private ControlRoom room;

    private AppHome home;
    private DisplayPreferences display;
    private String savedTheme;
    private Optional<DisplayPreferences.WindowBounds> savedWindow = Optional.empty();
    private WindowMemory windowMemory;
    private String settingsDamage;

    /** What the window needs first from disk, read while the toolkit starts (see {@link #launch}). */
    private static final AtomicReference<CompletableFuture<WindowStart>> EARLY = new AtomicReference<>();

    /**
     * Opens the window. The little I/O it needs first (the data folder, the settings file, and with it loading
     * Jackson) runs on another core while JavaFX starts its toolkit, instead of after it.
     */
    public static void launch(String[] args) {
        FirstFrame.step("launch");
        if (!Boolean.getBoolean("controlroom.noPreload")) {
            ClassPreloader.startInBackground();
        }
        EARLY.set(CompletableFuture.supplyAsync(WindowStart::read));
        Application.launch(ControlRoomApp.class, args);
    }

    /** Runs on the launcher thread before the FX thread starts. */
    @Override
    public void init() {
        FirstFrame.step("init");
        CompletableFuture<WindowStart> early = EARLY.getAndSet(null);
        WindowStart first;
        try {
            first = early != null ? early.join() : WindowStart.read();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        home = first.home();
        display = first.display();
        // a damaged settings file must not keep the app from opening: defaults, and the status bar says so
        savedTheme = first.theme();
        savedWindow = first.window();
        settingsDamage = first.damage();
        // the icons' font and handlers load on another core while the FX thread builds the services and the frame;
        // a failure here costs only that: the frame's first icon then loads them itself
        CompletableFuture.runAsync(() -> IconFont.resolve(MainView.icons())).exceptionally(failure -> {
            LOG.warn("The frame's icons could not be made ready ahead of it", failure);
            return null;
        });
    }

    /** The data folder and the display settings, as the window's first frame needs them. */
    private record WindowStart(AppHome home, DisplayPreferences display, String theme,
                               Optional<DisplayPreferences.WindowBounds> window, String damage) {

        static WindowStart read() {
            AppHome home = AppHome.fromEnvironment().ensureExists();
            SettingsFile settings = new SettingsFile(home.root().resolve("settings.json"));
            DisplayPreferences display = new DisplayPreferences(settings);
            return new WindowStart(home, display, display.theme(), display.window(), settings.damage().orElse(null));
        }
    }

    @Override
    public void start(Stage stage) {
        FirstFrame.step("fx-started");
        executor = new FxTaskExecutor();
        demo = new DemoEnvironment(home.demoDatabase(), DemoOptions.remembered());
        keychain = new KeychainCredentialStore(KeychainCredentialStore.DEFAULT_TIMEOUT);
        room = new ControlRoom(home, demo, new SessionFallbackCredentialStore(keychain), executor, Clock.systemDefaultZone(),
                FirstScreen.fromSystemProperty(), new KeychainJournalKeys(keychain),
                Workspace.forDesktop(getParameters().getRaw(), home), demo);

        FirstFrame.step("services-built");
        // -Dcontrolroom.theme=dark|light wins for this session; otherwise the theme chosen last time
        String theme = System.getProperty("controlroom.theme", savedTheme);
        room.themeSwitcher().themeProperty().set("dark".equalsIgnoreCase(theme) ? Theme.DARK : Theme.LIGHT);
        room.themeSwitcher().applyUserAgentStylesheet();
        FirstFrame.step("theme-applied");
        Parent frameRoot = room.mainFrameOnly();
        FirstFrame.step("frame-built");
        // the stage's bounds come from WindowMemory: where it was, if still on a screen, else fitted to the primary one
        Scene scene = new Scene(frameRoot);
        FirstFrame.step("scene-built");
        room.themeSwitcher().install(scene);
        FirstFrame.step("views-built");
        // -Dcontrolroom.presenting=true opens the window already presenting (a screen shared from the first frame);
        // the mode itself is never remembered
        room.presentation().onProperty().set(Boolean.getBoolean("controlroom.presenting"));
        room.themeSwitcher().themeProperty().addListener((obs, old, chosen) -> executor.execute(
                BackgroundTask.ofRunnable(() -> display.rememberTheme(chosen.name()))));
        room.mainViewModel().showNotice(settingsDamage);
        stage.titleProperty().bind(room.mainViewModel().windowTitleProperty());
        stage.setScene(scene);
        windowMemory = new WindowMemory(display, executor, javafx.util.Duration.seconds(1));
        windowMemory.restore(stage, savedWindow);
        // the frame is drawn first, the selected screen at the next pulse, then the rest of the start
        FirstFrame.afterNextFrame(scene, "first-frame", () -> {
            room.showSelectedScreen();
            FirstFrame.afterNextFrame(scene, "screen-frame", () -> {
                if (FirstFrame.drawn()) {
                    return;
                }
                // the demo database starts now, not while the window is built and drawn: both want the CPU
                room.start();
                room.keepSchedule();
            });
        });
        FirstFrame.step("show-called");
        stage.show();
        FirstFrame.step("show-returned");
    }

    @Override
    public void stop() {
        // read on the FX thread, written on the shutdown thread before anything else closes
        DisplayPreferences.WindowBounds lastBounds = windowMemory == null ? null : windowMemory.current();
        // waiting for work in flight, closing the journal (a last fsync) and stopping PostgreSQL take a
        // moment: all off the FX thread, each step even if the one before failed; the JVM waits for this thread
        Thread shutdown = new Thread(() -> {
            if (lastBounds != null) {
                windowMemory.saveNow(lastBounds);
            }
            try {
                executor.close();
            } finally {
                try {
                    if (room != null) {
                        room.close();
                    }
                } finally {
                    try {
                        keychain.close();
                    } finally {
                        demo.close();
                    }
                }
            }
        }, "shutdown");
        shutdown.setDaemon(false);
        shutdown.start();
    }
}
