package com.rolloutcontrolroom.services.demo;

/**
 * Spreads a steady rate over whole steps with fractional carry: step {@code k} gets
 * {@code floor(rate*(k+1)) - floor(rate*k)}. Any n consecutive steps then hold floor or ceil of
 * {@code n*rate}, and each step is computed on its own, so generating an hour never depends on having
 * generated the hours before it.
 */
final class HourlyQuota {

    private HourlyQuota() {
    }

    /** Count for step {@code step} of a rate of {@code numerator/denominator} per step. */
    static int countAt(long step, long numerator, long denominator) {
        return (int) (countBefore(step + 1, numerator, denominator) - countBefore(step, numerator, denominator));
    }

    /** Total over steps [0, step) (negative steps count backwards). */
    static long countBefore(long step, long numerator, long denominator) {
        return Math.floorDiv(numerator * step, denominator);
    }
}
