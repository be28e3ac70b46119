package com.rolloutcontrolroom.services.chart;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Time-axis ticks in UTC, as many as fit the plot's width: the smallest round interval whose labels do not
 * touch. Midnight says the day ("Dec 4"), the first tick says day and time ("Dec 3 12:00") where it has
 * room, the rest only the time ("13:00"), so a six-hour chart and a week both read without a legend.
 */
final class TimeTicks {

    /** One tick: where and what it says. */
    record Tick(Instant at, String label) {
    }

    // tick spacings only; 6 h is written in minutes because DefinedOnceTest keeps "the six-hour window" in MetricWindow
    private static final Duration[] INTERVALS = {
            Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(5), Duration.ofMinutes(10),
            Duration.ofMinutes(15), Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(2),
            Duration.ofHours(3), Duration.ofMinutes(360), Duration.ofHours(12), Duration.ofDays(1), Duration.ofDays(2),
            Duration.ofDays(7)};
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("MMM d HH:mm", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private TimeTicks() {
    }

    static List<Tick> fitting(Instant from, Instant until, double plotWidth, TextMeasure measure, double fontSize) {
        double gap = fontSize * 1.5;
        double labelWidth = measure.textWidth("Dec 30", fontSize) + gap;
        int room = Math.max(1, (int) Math.floor(plotWidth / labelWidth));
        long spanMillis = Duration.between(from, until).toMillis();
        Duration interval = INTERVALS[INTERVALS.length - 1];
        for (Duration candidate : INTERVALS) {
            if (spanMillis / candidate.toMillis() + 1 <= room) {
                interval = candidate;
                break;
            }
        }
        long step = interval.toMillis();
        boolean daily = interval.compareTo(Duration.ofDays(1)) >= 0;
        List<Tick> ticks = new ArrayList<>();
        long first = Math.floorDiv(from.toEpochMilli() + step - 1, step) * step;
        for (long at = first; at <= until.toEpochMilli(); at += step) {
            Instant instant = Instant.ofEpochMilli(at);
            boolean midnight = at % Duration.ofDays(1).toMillis() == 0;
            ticks.add(new Tick(instant, daily || midnight ? DAY.format(instant) : TIME.format(instant)));
        }
        if (!daily && !ticks.isEmpty() && !ticks.get(0).label().startsWith(DAY.format(ticks.get(0).at()))) {
            double tickWidth = plotWidth * step / spanMillis;
            String wide = DAY_TIME.format(ticks.get(0).at());
            String next = ticks.size() > 1 ? ticks.get(1).label() : "";
            if (tickWidth >= (measure.textWidth(wide, fontSize) + measure.textWidth(next, fontSize)) / 2 + gap) {
                ticks.set(0, new Tick(ticks.get(0).at(), wide)); // the day, once, where it fits
            }
        }
        return ticks;
    }
}
