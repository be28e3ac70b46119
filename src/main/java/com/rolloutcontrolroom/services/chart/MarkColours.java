package com.rolloutcontrolroom.services.chart;

import com.rolloutcontrolroom.services.chart.ChartModel.MarkKind;

/** The style's colour for each checkpoint verdict, in one place so the hover legend and the painter agree. */
public final class MarkColours {

    private MarkColours() {
    }

    public static int of(MarkKind kind, ChartStyle style) {
        return switch (kind) {
            case PASS -> style.pass();
            case WARN -> style.warn();
            case FAIL -> style.fail();
            case NO_DATA -> style.noData();
            case MISSED -> style.missed();
        };
    }
}
