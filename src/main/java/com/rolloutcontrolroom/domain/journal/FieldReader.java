package com.rolloutcontrolroom.domain.journal;

import com.rolloutcontrolroom.domain.operator.Operator;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Typed access to a decoded canonical object; a wrong or missing field is a format error. */
final class FieldReader {

    private final Map<String, ?> fields;

    FieldReader(Map<String, ?> fields) {
        this.fields = fields;
    }

    private Object raw(String key) {
        if (!fields.containsKey(key)) {
            throw new IllegalArgumentException("Journal record has no field '" + key + "'.");
        }
        return fields.get(key);
    }

    private <T> T typed(String key, Class<T> type) {
        Object value = raw(key);
        if (!type.isInstance(value)) {
            throw new IllegalArgumentException("Journal record field '" + key + "' is not a " + type.getSimpleName() + ".");
        }
        return type.cast(value);
    }

    /** For a field added after records without it were written. */
    boolean has(String key) {
        return fields.containsKey(key);
    }

    String text(String key) {
        return typed(key, String.class);
    }

    String optionalText(String key) {
        return raw(key) == null ? null : text(key);
    }

    boolean flag(String key) {
        return typed(key, Boolean.class);
    }

    long number(String key) {
        return Long.parseLong(text(key));
    }

    Instant time(String key) {
        return JournalTime.parse(text(key));
    }

    Instant optionalTime(String key) {
        return raw(key) == null ? null : time(key);
    }

    Operator operator() {
        FieldReader op = object("operator");
        return new Operator(op.text("login"), op.text("displayName"));
    }

    FieldReader object(String key) {
        return new FieldReader(asMap(typed(key, Map.class)));
    }

    List<String> texts(String key) {
        return list(key, value -> (String) value);
    }

    <T> List<T> objects(String key, Function<FieldReader, T> decode) {
        return list(key, value -> decode.apply(new FieldReader(asMap(value))));
    }

    Map<String, String> textMap(String key) {
        Map<String, String> result = new LinkedHashMap<>();
        asMap(typed(key, Map.class)).forEach((name, value) -> result.put(name, (String) value));
        return result;
    }

    Map<String, BigDecimal> decimalMap(String key) {
        Map<String, BigDecimal> result = new LinkedHashMap<>();
        textMap(key).forEach((name, value) -> result.put(name, new BigDecimal(value)));
        return result;
    }

    /** A nested object kept as it is (a plan), for a reader that knows its shape. */
    @SuppressWarnings("unchecked")
    Map<String, Object> tree(String key) {
        return (Map<String, Object>) asMap(typed(key, Map.class));
    }

    Map<String, ?> all() {
        return fields;
    }

    private <T> List<T> list(String key, Function<Object, T> decode) {
        List<T> result = new ArrayList<>();
        for (Object value : typed(key, List.class)) {
            result.add(decode.apply(value));
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ?> asMap(Object value) {
        if (!(value instanceof Map)) {
            throw new IllegalArgumentException("Journal record holds a non-object where an object belongs.");
        }
        return (Map<String, ?>) value;
    }
}
