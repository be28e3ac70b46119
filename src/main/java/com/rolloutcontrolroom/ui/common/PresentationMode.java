package com.rolloutcontrolroom.ui.common;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.beans.value.ObservableValue;

import com.rolloutcontrolroom.domain.redact.Redactor;

/**
 * The window is being shared: ViewModels pass the text they make through {@link #shown}, so
 * hosts, users, paths and secrets never reach the screen, however deep the sentence was built.
 * Never remembered: every start shows everything until it is turned on again.
 * FX thread only, like every bound property.
 */
public final class PresentationMode {

    private final BooleanProperty on = new SimpleBooleanProperty(false);
    // made when the mode is first on: compiling its patterns is work most starts never need
    private final ObjectProperty<Lazy<Redactor>> redactor = new SimpleObjectProperty<>(Lazy.of(() -> Redactor.knowing(List.of())));
    // one binding kept here: a fresh one per caller would be referenced only weakly by on/redactor, and its
    // listeners would stop hearing the mode whenever the garbage collector took it
    private final ObjectBinding<Redactor> redactorInUse = Bindings.createObjectBinding(() -> on.get() ? redactor.get().get() : null,
            on, redactor);

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
        List<String> words = new java.util.ArrayList<>(knownWords); // a copy: the caller may change its own
        redactor.set(Lazy.of(() -> Redactor.knowing(words)));
    }

    /** As {@link #learn(Collection)}, each word with its kind, so its token says what was hidden. */
    public void learn(Map<String, Redactor.Sensitive> knownWords) {
        Map<String, Redactor.Sensitive> words = new java.util.LinkedHashMap<>(knownWords);
        redactor.set(Lazy.of(() -> Redactor.knowing(words)));
    }

    /** The text as it may be shown now. */
    public String shown(String raw) {
        return on.get() ? redactor.get().get().redact(raw) : raw;
    }

    /** A binding that follows both the raw text and the mode. */
    public StringBinding shown(ObservableStringValue raw) {
        return Bindings.createStringBinding(() -> shown(raw.get()), raw, on, redactor);
    }

    /** A binding of any value's text (a number, a choice), following the value and the mode. */
    public StringBinding shownText(ObservableValue<?> raw) {
        return Bindings.createStringBinding(() -> raw.getValue() == null ? null : shown(String.valueOf(raw.getValue())), raw, on, redactor);
    }

    /** Changes when the mode or what it knows changes: lists and tables re-render their cells on it. */
    public ObservableValue<Redactor> redactorInUseProperty() {
        return redactorInUse;
    }
}
