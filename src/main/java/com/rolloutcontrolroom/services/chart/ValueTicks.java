package com.rolloutcontrolroom.services.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A few round percentages on the value axis (4 to 6 of them), e.g. 90 %, 92 %, … for a zoomed-in rate. */
record ValueTicks(List<Double> values, int decimals) {

    private static final double[] NICE = {1, 2, 2.5, 5, 10};

    static ValueTicks of(double min, double max) {
        double rough = (max - min) / 5;
        double magnitude = Math.pow(10, Math.floor(Math.log10(rough)));
        double step = magnitude * 10;
        for (double nice : NICE) {
            if (nice * magnitude >= rough) {
                step = nice * magnitude;
                break;
            }
        }
        List<Double> values = new ArrayList<>();
        for (double value = Math.ceil(min / step - 1e-9) * step; value <= max + step * 1e-9; value += step) {
            values.add(Math.round(value / step) * step);
        }
        return new ValueTicks(List.copyOf(values), decimalsOf(step));
    }

    private static int decimalsOf(double step) {
        int decimals = 0;
        while (decimals < 4 && Math.abs(step * Math.pow(10, decimals) - Math.round(step * Math.pow(10, decimals))) > 1e-6) {
            decimals++;
        }
        return decimals;
    }

    String label(double value) {
        return String.format(Locale.ROOT, "%." + decimals + "f %%", value);
    }
}
