package com.rolloutcontrolroom.ui.common;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A part of the window built at its first use and kept: a screen's ViewModel is built when the screen first
 * opens, the presentation mode's patterns when it is first turned on, not at every start.
 */
public final class Lazy<T> implements Supplier<T> {

    private Supplier<? extends T> maker;
    private T value;

    private Lazy(Supplier<? extends T> maker) {
        this.maker = maker;
    }

    public static <T> Lazy<T> of(Supplier<? extends T> maker) {
        return new Lazy<>(maker);
    }

    @Override
    public synchronized T get() {
        if (maker != null) {
            value = maker.get();
            maker = null; // only once it is built: a maker that failed is tried again at the next use
        }
        return value;
    }

    /** Gives the part to {@code action} if it was built; one not built yet reads everything afresh when it is. */
    public void ifBuilt(Consumer<? super T> action) {
        T built;
        synchronized (this) {
            built = maker == null ? value : null;
        }
        if (built != null) {
            action.accept(built);
        }
    }
}
