package com.rolloutcontrolroom.domain.query;

import java.util.Objects;

/** A named parameter a query declares with {@code -- param: name type = default}. */
public record QueryParameter(String name, ParameterType type, String defaultValue) {

    public QueryParameter {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(defaultValue, "defaultValue");
    }
}
