package com.rolloutcontrolroom.ui.common;

import java.util.Collection;

import org.kordamp.ikonli.IkonResolver;
import org.kordamp.ikonli.IkonResolverProvider;
import org.kordamp.ikonli.javafx.JavaFXFontLoader;

/**
 * The icons' font and the icons a frame shows, made ready off the FX thread: Ikonli's first icon finds its
 * handlers through the service loader, loads the font (a temporary copy of it on disk) and resolves the
 * icon's letter table, all on the thread that asks first. Ikonli keeps one resolver for all threads.
 */
public final class IconFont {

    private IconFont() {
    }

    /** Call once the toolkit is up (the font needs it), from any thread. */
    public static void resolve(Collection<String> iconLiterals) {
        IkonResolver resolver = IkonResolverProvider.getInstance(JavaFXFontLoader.getInstance());
        for (String literal : iconLiterals) {
            resolver.resolve(literal).resolve(literal);
        }
    }
}
