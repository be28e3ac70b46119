package com.rolloutcontrolroom.ui.main;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;

import javafx.scene.Parent;

/** Builds each screen's view once, on first visit, and keeps it so its state survives navigation. */
public final class ScreenViews {

    private final Function<Screen, Parent> loader;
    private final Map<Screen, Parent> loaded = new EnumMap<>(Screen.class);

    public ScreenViews(Function<Screen, Parent> loader) {
        this.loader = loader;
    }

    public Parent viewFor(Screen screen) {
        return loaded.computeIfAbsent(screen, loader);
    }
}
