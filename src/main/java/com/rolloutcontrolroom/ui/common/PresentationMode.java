package com.rolloutcontrolroom.ui.common;

import java.util.Collection;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableStringValue;

import com.rolloutcontrolroom.domain.redact.Redactor;

/**
 * The window is being shared: ViewModels pass the text they make through {@link #shown}, so
 * hosts, users, paths and secrets never reach the screen, however deep the sentence was built.
 * FX thread only, like every bound property.
 */
public final class PresentationMode {

    private final BooleanProperty on = new SimpleBooleanProperty(false);
    private final ObjectProperty<Redactor> redactor = new SimpleObjectProperty<>(Redactor.knowing(java.util.List.of()));

    public BooleanProperty onProperty() {
        return on;
    }

    public boolean isOn() {
        return on.get();
    }

    public void toggle() {
        on.set(!on.get());
    }

    /** Learns what is sensitive here (read off the FX thread, handed over on it): the profiles' hosts, users, databases. */
    public void learn(Collection<String> knownWords) {
        redactor.set(Redactor.knowing(knownWords));
    }

    /** The text as it may be shown now. */
    public String shown(String raw) {
        return on.get() ? redactor.get().redact(raw) : raw;
    }

    /** A binding that follows both the raw text and the mode. */
    public StringBinding shown(ObservableStringValue raw) {
        return Bindings.createStringBinding(() -> shown(raw.get()), raw, on, redactor);
    }
}
