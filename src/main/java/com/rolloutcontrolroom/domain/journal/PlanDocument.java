package com.rolloutcontrolroom.domain.journal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A plan tree inside a record: checked to be canonical-form material and frozen, so the record stays what was hashed. */
final class PlanDocument {

    private PlanDocument() {
    }

    static Map<String, Object> copy(Map<String, ?> plan) {
        CanonicalForm.encode(plan); // refuses numbers, nested types it cannot hash
        return freeze(plan);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> freeze(Map<String, ?> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((key, value) -> copy.put(key, frozen(value)));
        return Collections.unmodifiableMap(copy);
    }

    @SuppressWarnings("unchecked")
    private static Object frozen(Object value) {
        if (value instanceof Map<?, ?> map) {
            return freeze((Map<String, ?>) map);
        }
        if (value instanceof List<?> list) {
            return Collections.unmodifiableList(list.stream().map(PlanDocument::frozen).toList());
        }
        return value;
    }
}
