package com.rolloutcontrolroom.domain.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Wilson 95 % interval of a rate, against the closed form written out here (Newcombe 1998, method 3:
 * (2np + z² ± z·√(z² + 4npq)) / 2(n + z²)), which is not the form the product computes it with.
 */
class RateIntervalTest {

    private static final double Z = 1.959964;

    @ParameterizedTest(name = "{0} of {1} -> {2}..{3}")
    @CsvSource({
            // the textbook case: 81 of 263 (30.80 %) lies between 25.53 % and 36.62 %
            "81, 263, 25.53, 36.62",
            // none, and all: the interval touches 0 % or 100 % and never crosses it
            "0, 10, 0.00, 27.75", "10, 10, 72.25, 100.00", "0, 1, 0.00, 79.35", "1, 1, 20.65, 100.00",
            "19399, 20000, 96.75, 97.22"})
    void theIntervalIsWilsons(long matching, long total, String low, String high) {
        RateInterval interval = new Rate(matching, total).wilson95().orElseThrow();

        assertThat(interval).isEqualTo(new RateInterval(new BigDecimal(low), new BigDecimal(high)));
        assertThat(interval.low()).isEqualTo(newcombe(matching, total, -1));
        assertThat(interval.high()).isEqualTo(newcombe(matching, total, +1));
    }

    @Test
    void aLargeSampleHasANarrowIntervalAroundItsRateAndASmallOneAWideOne() {
        RateInterval large = new Rate(97_520, 100_000).wilson95().orElseThrow();
        RateInterval small = new Rate(39, 40).wilson95().orElseThrow();
        assertThat(large.high().subtract(large.low())).isLessThan(new BigDecimal("0.2"));
        assertThat(small.high().subtract(small.low())).isGreaterThan(new BigDecimal("10"));
        assertThat(new Rate(1203, 1234).wilson95()).contains(new RateInterval(newcombe(1203, 1234, -1), newcombe(1203, 1234, +1)));
    }

    @Test
    void noEventsHaveNoInterval() {
        assertThat(new Rate(0, 0).wilson95()).isEmpty();
    }

    @Test
    void aRateIsDescribedWithItsCountAndItsInterval() {
        assertThat(new Rate(1203, 1234).describeWithInterval("coordinator events"))
                .isEqualTo("97.49 % of 1,234 coordinator events (95 % CI 96.46–98.22 %)");
        assertThat(new Rate(0, 0).describeWithInterval("coordinator events")).isEqualTo("no coordinator events");
    }

    private static BigDecimal newcombe(long x, long n, int sign) {
        double p = (double) x / n;
        double bound = (2 * n * p + Z * Z + sign * Z * Math.sqrt(Z * Z + 4 * n * p * (1 - p))) / (2 * (n + Z * Z));
        return BigDecimal.valueOf(Math.min(1, Math.max(0, bound)) * 100).setScale(2, RoundingMode.HALF_UP);
    }
}
