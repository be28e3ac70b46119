package com.rolloutcontrolroom.services.chart;

/** Colour arithmetic for pixel assertions. */
public final class Pixels {

    private Pixels() {
    }

    /** {@code top} (with alpha) composited over an opaque {@code bottom}. */
    public static int over(int top, int bottom) {
        double alpha = (top >>> 24) / 255.0;
        int r = (int) Math.round(((top >> 16) & 0xFF) * alpha + ((bottom >> 16) & 0xFF) * (1 - alpha));
        int g = (int) Math.round(((top >> 8) & 0xFF) * alpha + ((bottom >> 8) & 0xFF) * (1 - alpha));
        int b = (int) Math.round((top & 0xFF) * alpha + (bottom & 0xFF) * (1 - alpha));
        return 0xFF000000 | r << 16 | g << 8 | b;
    }

    /** Sum of channel differences, ignoring alpha. */
    public static int distance(int a, int b) {
        return Math.abs(((a >> 16) & 0xFF) - ((b >> 16) & 0xFF)) + Math.abs(((a >> 8) & 0xFF) - ((b >> 8) & 0xFF))
                + Math.abs((a & 0xFF) - (b & 0xFF));
    }

    /** Dark and without a hue: the threshold's black, not the series' blue. */
    public static boolean isDarkGrey(int argb) {
        int r = (argb >> 16) & 0xFF;
        int g = (argb >> 8) & 0xFF;
        int b = argb & 0xFF;
        return luminance(argb) < 140 && Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) < 60;
    }

    public static double luminance(int argb) {
        return 0.299 * ((argb >> 16) & 0xFF) + 0.587 * ((argb >> 8) & 0xFF) + 0.114 * (argb & 0xFF);
    }
}
