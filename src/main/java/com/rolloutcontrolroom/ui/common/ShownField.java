package com.rolloutcontrolroom.ui.common;

import javafx.beans.property.StringProperty;
import javafx.scene.control.TextInputControl;

/**
 * An editable field that, while presenting, shows its value redacted and cannot be edited, so a
 * shared screen neither reveals the value nor lets the mask be saved over it.
 */
public final class ShownField {

    private ShownField() {
    }

    public static void bind(TextInputControl field, StringProperty value, PresentationMode presentation) {
        follow(field, value, presentation, presentation.isOn());
        presentation.onProperty().addListener((obs, old, on) -> follow(field, value, presentation, on));
    }

    private static void follow(TextInputControl field, StringProperty value, PresentationMode presentation, boolean on) {
        field.textProperty().unbindBidirectional(value);
        field.textProperty().unbind();
        if (on) {
            field.textProperty().bind(presentation.shown(value));
        } else {
            field.textProperty().bindBidirectional(value);
        }
        field.setEditable(!on);
    }
}
