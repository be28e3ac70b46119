package com.rolloutcontrolroom.services.demo;

/** Builds the small flat JSON objects the demo puts in {@code context}; values are our own, never user input. */
final class JsonContext {

    private JsonContext() {
    }

    /** {@code of("reason", "x", "attempt", 2)} gives {@code {"reason":"x","attempt":2}}. */
    static String of(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("keys and values must pair up");
        }
        StringBuilder json = new StringBuilder("{");
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (i > 0) {
                json.append(',');
            }
            json.append(quote(keysAndValues[i].toString())).append(':');
            Object value = keysAndValues[i + 1];
            json.append(value instanceof Number || value instanceof Boolean ? value.toString() : quote(value.toString()));
        }
        return json.append('}').toString();
    }

    private static String quote(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
