package com.rolloutcontrolroom.ui.rollout;

import java.util.List;

import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The timeline: one card per phase, left to right, coloured and labelled by status (a shared screen may be greyscale). */
final class PhaseCards {

    private PhaseCards() {
    }

    static void bind(HBox timeline, ObservableList<PhaseCard> cards) {
        cards.addListener((ListChangeListener<PhaseCard>) change -> rebuild(timeline, cards));
        rebuild(timeline, cards);
    }

    private static void rebuild(HBox timeline, List<PhaseCard> cards) {
        timeline.getChildren().clear();
        for (int i = 0; i < cards.size(); i++) {
            timeline.getChildren().add(card(cards.get(i), "rollout-phase-" + i));
        }
    }

    private static Node card(PhaseCard phase, String id) {
        Label status = label(phase.status().label(), "phase-status");
        status.setId(id + "-status");
        Label name = label(phase.name(), "phase-name");
        name.setId(id + "-name");
        Label started = label("Started " + phase.started(), "phase-time");
        started.setId(id + "-started");
        Label ended = label("Ended " + phase.ended(), "phase-time");
        ended.setId(id + "-ended");
        VBox card = new VBox(3, status, name, started, ended, label(phase.duration(), "phase-time"),
                label(phase.minimum(), "phase-time"));
        card.setId(id);
        card.getStyleClass().addAll("phase-card", phase.styleClass());
        // equal widths: six phases share the row whatever their names
        card.setPrefWidth(0);
        card.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(card, Priority.ALWAYS);
        return card;
    }

    private static Label label(String text, String styleClass) {
        Label label = new Label(text);
        label.getStyleClass().add(styleClass);
        label.setWrapText(true);
        label.setMnemonicParsing(false);
        return label;
    }
}
