package com.rolloutcontrolroom.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import javafx.geometry.Rectangle2D;

import org.junit.jupiter.api.Test;

import com.rolloutcontrolroom.services.settings.DisplayPreferences.WindowBounds;
import com.rolloutcontrolroom.ui.main.WindowPlacement.Placement;

/** Where the window opens: plain geometry, no toolkit (bounds in logical pixels, visual bounds without the task bar). */
class WindowPlacementTest {

    /** 1366x768 with a 40-pixel task bar at the bottom. */
    private static final Rectangle2D LAPTOP = new Rectangle2D(0, 0, 1366, 728);
    private static final Rectangle2D FULL_HD = new Rectangle2D(0, 0, 1920, 1040);
    /** A second monitor to the right of the first. */
    private static final Rectangle2D RIGHT = new Rectangle2D(1920, 0, 2560, 1400);

    @Test
    void theFirstStartFillsASmallLaptopsScreenAndTheMinimumSizeFitsOnIt() {
        Placement placement = WindowPlacement.of(Optional.empty(), List.of(LAPTOP), LAPTOP);
        assertThat(placement.bounds()).isEqualTo(new Rectangle2D(0, 0, 1366, 728));
        assertThat(placement.minWidth()).isEqualTo(900);
        assertThat(placement.minHeight()).isEqualTo(600);
        assertThat(placement.maximized()).isFalse();
    }

    @Test
    void theFirstStartFillsA1080pScreenAndIsCentredAtTheDefaultSizeOnALargerOne() {
        Placement placement = WindowPlacement.of(Optional.empty(), List.of(FULL_HD), FULL_HD);
        assertThat(placement.bounds()).isEqualTo(new Rectangle2D(0, 0, 1920, 1040));
        Placement onTheRight = WindowPlacement.of(Optional.empty(), List.of(RIGHT), RIGHT);
        assertThat(onTheRight.bounds()).isEqualTo(new Rectangle2D(1920 + 320, 100, 1920, 1200));
    }

    @Test
    void boundsStillOnASecondScreenAreKeptAsTheyWere() {
        WindowBounds saved = new WindowBounds(2100, 100, 1600, 1000, true);
        Placement placement = WindowPlacement.of(Optional.of(saved), List.of(FULL_HD, RIGHT), FULL_HD);
        assertThat(placement.bounds()).isEqualTo(new Rectangle2D(2100, 100, 1600, 1000));
        assertThat(placement.maximized()).isTrue();
    }

    @Test
    void boundsOnAScreenThatIsGoneAreCentredOnThePrimaryScreen() {
        WindowBounds onTheUnpluggedMonitor = new WindowBounds(2100, 100, 1200, 800, false);
        Placement placement = WindowPlacement.of(Optional.of(onTheUnpluggedMonitor), List.of(FULL_HD), FULL_HD);
        assertThat(placement.bounds()).isEqualTo(new Rectangle2D(360, 120, 1200, 800));
    }

    @Test
    void aWindowMostlyOffTheEdgeIsCentredAndOneMostlyOnIsMovedInside() {
        WindowBounds mostlyOff = new WindowBounds(1500, 100, 1200, 800, false); // 420 of 1200 pixels across on screen
        assertThat(WindowPlacement.of(Optional.of(mostlyOff), List.of(FULL_HD), FULL_HD).bounds())
                .isEqualTo(new Rectangle2D(360, 120, 1200, 800));
        WindowBounds mostlyOn = new WindowBounds(1000, -50, 1200, 800, false); // 920 across, 750 down
        assertThat(WindowPlacement.of(Optional.of(mostlyOn), List.of(FULL_HD), FULL_HD).bounds())
                .isEqualTo(new Rectangle2D(720, 0, 1200, 800));
    }

    @Test
    void aWindowBiggerThanItsScreenIsClampedToIt() {
        WindowBounds fromABiggerMonitor = new WindowBounds(0, 0, 2560, 1400, false);
        Placement placement = WindowPlacement.of(Optional.of(fromABiggerMonitor), List.of(LAPTOP), LAPTOP);
        assertThat(placement.bounds()).isEqualTo(LAPTOP);
    }

    @Test
    void onAScreenSmallerThanTheMinimumTheScreenWins() {
        // 1280x800 at 175 %: about 731x457 logical pixels
        Rectangle2D scaled = new Rectangle2D(0, 0, 731, 434);
        Placement placement = WindowPlacement.of(Optional.empty(), List.of(scaled), scaled);
        assertThat(placement.bounds()).isEqualTo(scaled);
        assertThat(placement.minWidth()).isEqualTo(731);
        assertThat(placement.minHeight()).isEqualTo(434);
        WindowBounds tooSmall = new WindowBounds(10, 10, 300, 200, false);
        assertThat(WindowPlacement.of(Optional.of(tooSmall), List.of(FULL_HD), FULL_HD).bounds())
                .as("never smaller than the minimum").isEqualTo(new Rectangle2D(10, 10, 900, 600));
    }
}
