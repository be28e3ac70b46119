package com.rolloutcontrolroom.services.report;

import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The verification report of one rollout, rendered from its journal: the markdown, the HTML made from it,
 * and the chart PNGs both refer to.
 *
 * @param charts PNG bytes by their path relative to the report ({@code charts/success-rate.png}), sorted by path;
 *               whoever writes the report out puts each file at that path beside report.md and report.html
 */
public record ReportFiles(String markdown, String html, SortedMap<String, byte[]> charts) {

    public static final String MARKDOWN_NAME = "report.md";
    public static final String HTML_NAME = "report.html";

    public ReportFiles {
        TreeMap<String, byte[]> copy = new TreeMap<>();
        charts.forEach((path, png) -> copy.put(path, png.clone()));
        charts = Collections.unmodifiableSortedMap(copy);
    }

    public ReportFiles(String markdown, String html, Map<String, byte[]> charts) {
        this(markdown, html, new TreeMap<>(charts));
    }

    /** A copy of one chart's bytes; the map's arrays are this record's own. */
    public byte[] chart(String path) {
        byte[] png = charts.get(path);
        if (png == null) {
            throw new IllegalArgumentException("The report has no chart " + path + "; it has " + charts.keySet() + ".");
        }
        return png.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ReportFiles that && markdown.equals(that.markdown) && html.equals(that.html)
                && charts.keySet().equals(that.charts.keySet())
                && charts.entrySet().stream().allMatch(e -> Arrays.equals(e.getValue(), that.charts.get(e.getKey())));
    }

    @Override
    public int hashCode() {
        return markdown.hashCode() * 31 + html.hashCode();
    }

    @Override
    public String toString() {
        return "ReportFiles[" + markdown.length() + " chars of markdown, " + html.length() + " of HTML, charts " + charts.keySet() + "]";
    }
}
