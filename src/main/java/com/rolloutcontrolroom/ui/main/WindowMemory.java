package com.rolloutcontrolroom.ui.main;

import java.util.List;
import java.util.Optional;

import javafx.animation.PauseTransition;
import javafx.beans.InvalidationListener;
import javafx.geometry.Rectangle2D;
import javafx.stage.Stage;
import javafx.util.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.rolloutcontrolroom.services.settings.DisplayPreferences;
import com.rolloutcontrolroom.services.settings.DisplayPreferences.WindowBounds;
import com.rolloutcontrolroom.ui.common.BackgroundTask;
import com.rolloutcontrolroom.ui.common.TaskExecutor;

/**
 * Opens the window where it was (if that is still on a screen) and remembers where it is: a moment after it
 * stops moving or resizing, written off the FX thread. The app writes {@link #current()} once more as it closes.
 */
public final class WindowMemory {

    private static final Logger LOG = LoggerFactory.getLogger(WindowMemory.class);

    private final DisplayPreferences display;
    private final TaskExecutor executor;
    private final PauseTransition quiet;
    private Stage stage;
    private Rectangle2D normal;

    public WindowMemory(DisplayPreferences display, TaskExecutor executor, Duration debounce) {
        this.display = display;
        this.executor = executor;
        this.quiet = new PauseTransition(debounce);
        quiet.setOnFinished(event -> save(current()));
    }

    /** Before the stage is shown: its bounds from {@code saved} (read off the FX thread) and the screens there are now. */
    public void restore(Stage stage, Optional<WindowBounds> saved) {
        this.stage = stage;
        List<Rectangle2D> screens = javafx.stage.Screen.getScreens().stream().map(javafx.stage.Screen::getVisualBounds).toList();
        WindowPlacement.Placement placement = WindowPlacement.of(saved, screens, javafx.stage.Screen.getPrimary().getVisualBounds());
        stage.setMinWidth(placement.minWidth());
        stage.setMinHeight(placement.minHeight());
        stage.setX(placement.bounds().getMinX());
        stage.setY(placement.bounds().getMinY());
        stage.setWidth(placement.bounds().getWidth());
        stage.setHeight(placement.bounds().getHeight());
        stage.setMaximized(placement.maximized());
        normal = placement.bounds();
        InvalidationListener moved = observable -> {
            // maximised bounds are the screen's; the ones to come back to are the last normal ones
            if (!stage.isMaximized() && !stage.isIconified()) {
                normal = new Rectangle2D(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
            }
            quiet.playFromStart();
        };
        for (var property : List.of(stage.xProperty(), stage.yProperty(), stage.widthProperty(), stage.heightProperty())) {
            property.addListener(moved);
        }
        stage.maximizedProperty().addListener(observable -> quiet.playFromStart());
    }

    /** Where the window is now, as it should open next time; FX thread. */
    public WindowBounds current() {
        return new WindowBounds(normal.getMinX(), normal.getMinY(), normal.getWidth(), normal.getHeight(), stage.isMaximized());
    }

    /** Blocking: for the app's shutdown thread; a damaged settings file is left as it is. */
    public void saveNow(WindowBounds bounds) {
        try {
            display.rememberWindow(bounds);
        } catch (RuntimeException e) {
            LOG.warn("The window's size and position were not remembered: {}", e.getMessage());
        }
    }

    private void save(WindowBounds bounds) {
        executor.execute(BackgroundTask.ofRunnable(() -> saveNow(bounds)));
    }
}
