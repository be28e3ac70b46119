package com.rolloutcontrolroom.ui.dashboard;

import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

/** Draws the phase chips in a row that wraps; the current one is emphasised by its style. View-side code only. */
final class PhaseStrip {

    private PhaseStrip() {
    }

    static void bind(FlowPane strip, ObservableList<PhaseChip> chips) {
        Runnable redraw = () -> strip.getChildren().setAll(chips.stream().map(PhaseStrip::chip).toList());
        chips.addListener((ListChangeListener<PhaseChip>) change -> redraw.run());
        redraw.run();
    }

    private static VBox chip(PhaseChip chip) {
        Label name = new Label(chip.name());
        name.getStyleClass().add("phase-chip-name");
        // stage and times on one line: at 1366×768 the strip must leave room for the charts
        String words = Character.toUpperCase(chip.stage().charAt(0)) + chip.stage().substring(1)
                + (chip.times().isEmpty() ? "" : " · " + chip.times());
        Label stage = new Label(words);
        VBox box = new VBox(name, stage);
        box.getStyleClass().addAll("phase-chip", "phase-chip-" + chip.stage());
        box.setId("phase-chip-" + chip.name().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-"));
        return box;
    }
}
