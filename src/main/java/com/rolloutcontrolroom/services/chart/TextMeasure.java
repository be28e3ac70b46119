package com.rolloutcontrolroom.services.chart;

/** How wide a text is drawn; the layout needs it to fit tick labels and keep phase labels apart. */
@FunctionalInterface
public interface TextMeasure {

    double textWidth(String text, double fontSize);
}
