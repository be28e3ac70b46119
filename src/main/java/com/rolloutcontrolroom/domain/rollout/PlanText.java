package com.rolloutcontrolroom.domain.rollout;

import java.util.List;

/** Checks shared by the plan's records; a violation is a {@link PlanFormatException} naming the field. */
final class PlanText {

    private PlanText() {
    }

    static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new PlanFormatException(field, "is missing or empty; give it a value");
        }
        return value.strip();
    }

    static List<String> items(List<String> values, String field) {
        if (values == null) {
            return List.of();
        }
        for (int i = 0; i < values.size(); i++) {
            required(values.get(i), field + "[" + i + "]");
        }
        return values.stream().map(String::strip).toList();
    }
}
