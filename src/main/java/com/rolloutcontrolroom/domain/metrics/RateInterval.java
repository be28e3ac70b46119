package com.rolloutcontrolroom.domain.metrics;

import java.math.BigDecimal;

/**
 * Where a rate's true value lies with 95 % confidence, in percent with two decimals: how much 2 of 3
 * says next to 2,000 of 3,000.
 */
public record RateInterval(BigDecimal low, BigDecimal high) {

    /** "95 % CI 96.61–98.24 %". */
    public String describe() {
        return "95 % CI " + low.toPlainString() + "–" + high.toPlainString() + " %";
    }
}
