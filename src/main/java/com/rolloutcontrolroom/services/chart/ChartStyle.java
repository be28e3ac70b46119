package com.rolloutcontrolroom.services.chart;

/**
 * Colours (0xAARRGGBB) and sizes a chart is painted with; one per theme, and a larger, higher-contrast
 * variant for presentation mode. Toolkit-free so the PNG looks like the screen.
 */
public record ChartStyle(int background, int text, int grid, int series, int threshold, int warningBand, int redBand,
                         int boundary, int pass, int warn, int fail, int noData, int missed,
                         double fontSize, double lineWidth) {

    public static final ChartStyle LIGHT = new ChartStyle(0xFFFFFFFF, 0xFF1F2328, 0xFFD0D7DE, 0xFF0969DA, 0xFF57606A,
            0x40D4A72C, 0x40CF222E, 0xFF8250DF, 0xFF1A7F37, 0xFFBF8700, 0xFFCF222E, 0xFF8C959F, 0xFF6E7781, 12, 2);

    public static final ChartStyle DARK = new ChartStyle(0xFF0D1117, 0xFFE6EDF3, 0xFF30363D, 0xFF58A6FF, 0xFF8B949E,
            0x40D29922, 0x40F85149, 0xFFBC8CFF, 0xFF3FB950, 0xFFD29922, 0xFFF85149, 0xFF6E7681, 0xFF8B949E, 12, 2);

    /** For a shared screen: larger type, thicker lines, stronger bands. */
    public ChartStyle presenting() {
        return new ChartStyle(background, text, grid, series, text, (warningBand & 0x00FFFFFF) | 0x66000000,
                (redBand & 0x00FFFFFF) | 0x66000000, boundary, pass, warn, fail, noData, missed, fontSize * 1.4, lineWidth * 1.75);
    }
}
