package com.rolloutcontrolroom.services.evidence;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A rendered report: markdown, HTML, and the charts it shows by file name ({@code success-rate.png}).
 */
public record RenderedReport(String markdown, String html, Map<String, byte[]> charts) {

    public RenderedReport {
        charts = Collections.unmodifiableMap(new TreeMap<>(charts));
    }
}
