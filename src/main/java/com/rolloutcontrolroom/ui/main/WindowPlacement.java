package com.rolloutcontrolroom.ui.main;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import javafx.geometry.Rectangle2D;

import com.rolloutcontrolroom.services.settings.DisplayPreferences.WindowBounds;

/**
 * Where the window opens, from where it was and the screens there are now. All in the toolkit's logical
 * pixels (JavaFX scales them on a HiDPI screen), with visual bounds, i.e. without task bars and docks.
 */
public final class WindowPlacement {

    static final double MIN_WIDTH = 900;
    static final double MIN_HEIGHT = 600;
    /** The first start fills a laptop's or a 1080p screen (it is shared during cutover), and stays a window on a larger one. */
    static final double FIRST_WIDTH = 1920;
    static final double FIRST_HEIGHT = 1200;

    /** The window's bounds, whether to maximise it, and the minimum size, never more than its screen. */
    public record Placement(Rectangle2D bounds, boolean maximized, double minWidth, double minHeight) {
    }

    private WindowPlacement() {
    }

    /**
     * The saved bounds when at least half of the window would still be on one of the screens (moved and shrunk
     * to fit that screen); otherwise the saved size centred on the primary screen; on first start a size that
     * fits the primary screen, centred.
     */
    public static Placement of(Optional<WindowBounds> saved, List<Rectangle2D> screens, Rectangle2D primary) {
        if (saved.isEmpty()) {
            return centred(FIRST_WIDTH, FIRST_HEIGHT, primary, false);
        }
        WindowBounds window = saved.get();
        Rectangle2D wanted = new Rectangle2D(window.x(), window.y(), window.width(), window.height());
        Optional<Rectangle2D> mostOverlapped = screens.stream().max(Comparator.comparingDouble(screen -> overlap(wanted, screen)));
        if (mostOverlapped.isPresent() && mostlyVisible(wanted, mostOverlapped.get())) {
            return inside(wanted, mostOverlapped.get(), window.maximized());
        }
        return centred(window.width(), window.height(), primary, window.maximized());
    }

    /** Half of the window on the screen, or half of the screen under a window bigger than it. */
    private static boolean mostlyVisible(Rectangle2D window, Rectangle2D screen) {
        double area = Math.min(window.getWidth() * window.getHeight(), screen.getWidth() * screen.getHeight());
        return overlap(window, screen) >= 0.5 * area;
    }

    private static double overlap(Rectangle2D a, Rectangle2D b) {
        double width = Math.min(a.getMaxX(), b.getMaxX()) - Math.max(a.getMinX(), b.getMinX());
        double height = Math.min(a.getMaxY(), b.getMaxY()) - Math.max(a.getMinY(), b.getMinY());
        return width <= 0 || height <= 0 ? 0 : width * height;
    }

    private static Placement inside(Rectangle2D wanted, Rectangle2D screen, boolean maximized) {
        double width = size(wanted.getWidth(), MIN_WIDTH, screen.getWidth());
        double height = size(wanted.getHeight(), MIN_HEIGHT, screen.getHeight());
        double x = Math.max(screen.getMinX(), Math.min(wanted.getMinX(), screen.getMaxX() - width));
        double y = Math.max(screen.getMinY(), Math.min(wanted.getMinY(), screen.getMaxY() - height));
        return new Placement(new Rectangle2D(x, y, width, height), maximized,
                Math.min(MIN_WIDTH, screen.getWidth()), Math.min(MIN_HEIGHT, screen.getHeight()));
    }

    private static Placement centred(double wantedWidth, double wantedHeight, Rectangle2D screen, boolean maximized) {
        double width = size(wantedWidth, MIN_WIDTH, screen.getWidth());
        double height = size(wantedHeight, MIN_HEIGHT, screen.getHeight());
        return new Placement(new Rectangle2D(screen.getMinX() + (screen.getWidth() - width) / 2,
                screen.getMinY() + (screen.getHeight() - height) / 2, width, height), maximized,
                Math.min(MIN_WIDTH, screen.getWidth()), Math.min(MIN_HEIGHT, screen.getHeight()));
    }

    /** At least the minimum, at most the screen; the screen wins when it is smaller than the minimum. */
    private static double size(double wanted, double minimum, double screen) {
        return Math.min(screen, Math.max(wanted, minimum));
    }
}
