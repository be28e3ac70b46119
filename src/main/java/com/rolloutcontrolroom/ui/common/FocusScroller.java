package com.rolloutcontrolroom.ui.common;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;

/**
 * Scrolls a form so the control that takes the keyboard focus is in view. JavaFX does not do this
 * itself: on a short screen Tab would otherwise move into a field hidden under the status bar.
 */
public final class FocusScroller {

    private static final double MARGIN = 12;

    private FocusScroller() {
    }

    public static void install(ScrollPane pane) {
        pane.sceneProperty().addListener((obs, old, scene) -> watch(pane, scene));
        watch(pane, pane.getScene());
    }

    private static void watch(ScrollPane pane, Scene scene) {
        if (scene != null) {
            scene.focusOwnerProperty().addListener((obs, old, focused) -> reveal(pane, focused));
        }
    }

    /** Scrolls the least distance that shows the whole node, if it lies inside the pane's content. */
    public static void reveal(ScrollPane pane, Node node) {
        Node content = pane.getContent();
        if (node == null || content == null || pane.getScene() == null || !inside(content, node)) {
            return;
        }
        double contentHeight = content.getLayoutBounds().getHeight();
        double viewportHeight = pane.getViewportBounds().getHeight();
        double scrollable = contentHeight - viewportHeight;
        if (scrollable <= 0) {
            return;
        }
        Bounds bounds = content.sceneToLocal(node.localToScene(node.getLayoutBounds()));
        double top = (pane.getVvalue() - pane.getVmin()) / (pane.getVmax() - pane.getVmin()) * scrollable;
        double newTop = top;
        if (bounds.getMinY() < top) {
            newTop = bounds.getMinY() - MARGIN;
        } else if (bounds.getMaxY() > top + viewportHeight) {
            newTop = Math.min(bounds.getMinY() - MARGIN, bounds.getMaxY() - viewportHeight + MARGIN);
        }
        double fraction = Math.max(0, Math.min(1, newTop / scrollable));
        pane.setVvalue(pane.getVmin() + fraction * (pane.getVmax() - pane.getVmin()));
    }

    private static boolean inside(Node ancestor, Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == ancestor) {
                return true;
            }
        }
        return false;
    }
}
