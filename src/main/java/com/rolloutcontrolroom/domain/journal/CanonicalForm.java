package com.rolloutcontrolroom.domain.journal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Writes the bytes a record's hash is computed over (see docs/journal-format.md). Hand-written
 * rather than delegated to a JSON library so that no library upgrade or default can ever change
 * them: compact JSON, keys sorted by Unicode code point, only strings, booleans, null, arrays and
 * objects (numbers are decimal strings), UTF-8, minimal escaping.
 */
public final class CanonicalForm {

    /** Code-point order equals UTF-8 byte order, which any other language can reproduce. */
    static final Comparator<String> KEY_ORDER = (a, b) -> {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    };

    private CanonicalForm() {
    }

    public static byte[] encode(Map<String, ?> object) {
        StringBuilder out = new StringBuilder(256);
        writeValue(out, object);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void writeValue(StringBuilder out, Object value) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Boolean flag) {
            out.append(flag ? "true" : "false");
        } else if (value instanceof String text) {
            writeString(out, text);
        } else if (value instanceof Map<?, ?> map) {
            writeObject(out, map);
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                writeValue(out, list.get(i));
            }
            out.append(']');
        } else {
            // numbers included: a double's text differs between libraries, a decimal string does not
            throw new IllegalArgumentException("Canonical form has no " + value.getClass().getSimpleName()
                    + " values; convert it to a string first.");
        }
    }

    private static void writeObject(StringBuilder out, Map<?, ?> map) {
        List<String> keys = new ArrayList<>();
        for (Object key : map.keySet()) {
            keys.add((String) key);
        }
        keys.sort(KEY_ORDER);
        out.append('{');
        for (int i = 0; i < keys.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            writeString(out, keys.get(i));
            out.append(':');
            writeValue(out, map.get(keys.get(i)));
        }
        out.append('}');
    }

    private static void writeString(StringBuilder out, String text) {
        out.append('"');
        // plain characters are copied in runs: a snapshot's rows text is tens of kilobytes
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\' && !Character.isSurrogate(c)) {
                continue;
            }
            out.append(text, run, i);
            if (Character.isSurrogate(c)) {
                boolean paired = Character.isHighSurrogate(c) && i + 1 < text.length()
                        && Character.isLowSurrogate(text.charAt(i + 1));
                if (!paired) {
                    throw new IllegalArgumentException("Text contains a broken Unicode character at position " + i
                            + "; retype it.");
                }
                out.append(c).append(text.charAt(++i));
            } else if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else {
                out.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
            }
            run = i + 1;
        }
        out.append(text, run, text.length());
        out.append('"');
    }
}
