package com.rolloutcontrolroom.domain.redact;

import java.util.Collection;
import java.util.List;

/**
 * Takes out of a sentence what must not reach a shared screen: host names, IP addresses, ports,
 * database and user names, URLs, file-system paths and secrets. Pure text in, text out; the one
 * place this is decided ({@code PresentationMode} applies it wherever the app makes text).
 */
public final class Redactor {

    private final List<String> knownWords;

    private Redactor(List<String> knownWords) {
        this.knownWords = List.copyOf(knownWords);
    }

    /**
     * @param knownWords what is sensitive here although no pattern can tell: the profiles' hosts,
     *        database and user names, the OS login, the data folder
     */
    public static Redactor knowing(Collection<String> knownWords) {
        return new Redactor(List.copyOf(knownWords));
    }

    public String redact(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String word : knownWords) {
            if (word != null && !word.isBlank()) {
                out = out.replace(word, "[hidden]");
            }
        }
        return out;
    }
}
