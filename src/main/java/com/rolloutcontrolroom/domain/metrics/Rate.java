package com.rolloutcontrolroom.domain.metrics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * A share of events, always with the count it was taken over, so 2 of 3 is never read as if it
 * were 2,000 of 3,000. With no events there is no rate at all (not 0 %, not 100 %).
 */
public record Rate(long matching, long total) {

    /** The normal quantile of a two-sided 95 % interval. */
    private static final double Z_95 = 1.959964;

    public Rate {
        if (matching < 0 || total < 0) {
            throw new IllegalArgumentException("counts must not be negative: " + matching + " of " + total);
        }
    }

    public boolean hasData() {
        return total > 0;
    }

    /** Percent with two decimals, rounded half up, as PostgreSQL's ROUND does for these values. */
    public Optional<BigDecimal> percent() {
        if (total == 0) {
            return Optional.empty();
        }
        return Optional.of(BigDecimal.valueOf(matching).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(total), 2, RoundingMode.HALF_UP));
    }

    /**
     * The exact share against a line in percent, from the counts: 19,399 of 20,000 is under 97 % although it
     * shows as 97.00 %, so no verdict may be taken from the rounded figure.
     */
    public int comparePercentTo(BigDecimal percentLine) {
        if (total == 0) {
            throw new IllegalStateException("No events: there is no rate to compare.");
        }
        return BigDecimal.valueOf(matching).multiply(BigDecimal.valueOf(100))
                .compareTo(percentLine.multiply(BigDecimal.valueOf(total)));
    }

    /** Whether the two-decimal figure reads as the line while the counts are on the other side of it. */
    public boolean roundsOnto(BigDecimal percentLine) {
        return percent().map(p -> p.compareTo(percentLine) == 0).orElse(false) && comparePercentTo(percentLine) != 0;
    }

    /**
     * The Wilson score interval at 95 %, which stays inside 0–100 % and is honest at 0 of n and n of n,
     * where the textbook p ± z·se interval collapses to a point. Empty with no events.
     */
    public Optional<RateInterval> wilson95() {
        if (total == 0) {
            return Optional.empty();
        }
        double n = total;
        double p = matching / n;
        double z2 = Z_95 * Z_95;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double halfWidth = Z_95 / (1 + z2 / n) * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        return Optional.of(new RateInterval(percentOf(centre - halfWidth), percentOf(centre + halfWidth)));
    }

    private static BigDecimal percentOf(double share) {
        // clamped: at 0 of n and n of n the bound is 0 or 1 up to floating-point noise
        return BigDecimal.valueOf(Math.min(1, Math.max(0, share)) * 100).setScale(2, RoundingMode.HALF_UP);
    }

    /** "97.52 % of 1,234 events (95 % CI 96.61–98.24 %)" or "no events". */
    public String describeWithInterval(String unit) {
        return describe(unit) + wilson95().map(interval -> " (" + interval.describe() + ")").orElse("");
    }

    /** "97.52 % of 1,234 events" or "no events". */
    public String describe(String unit) {
        NumberFormat count = NumberFormat.getIntegerInstance(Locale.ROOT);
        return percent().map(p -> p.toPlainString() + " % of " + count.format(total) + " " + unit)
                .orElse("no " + unit);
    }
}
