package com.rolloutcontrolroom.services.chart;

import static com.rolloutcontrolroom.services.chart.ChartSamples.VIVID;
import static com.rolloutcontrolroom.services.chart.ChartSamples.hour;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Paints the sample chart into a real Java2D image and reads its pixels back. */
class ChartPainterTest {

    private static final int WIDTH = 800;
    private static final int HEIGHT = 300;

    private BufferedImage image;
    private ChartGeometry at;

    @BeforeEach
    void paint() {
        image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_ARGB);
        var graphics = image.createGraphics();
        at = new ChartPainter(new Java2dPen(graphics)).paint(ChartSamples.twelveHours(), VIVID, WIDTH, HEIGHT);
        graphics.dispose();
    }

    @Test
    void theRedBandTheWarningBandAndTheRestOfThePlotAreTintedApart() {
        int red = Pixels.over(VIVID.redBand(), VIVID.background());
        int warning = Pixels.over(VIVID.warningBand(), VIVID.background());

        assertThat(share(row(at.yOf(87.5)), red)).as("inside the red band").isGreaterThan(0.8);
        assertThat(share(row(at.yOf(92.5)), warning)).as("inside the warning band").isGreaterThan(0.8);
        assertThat(share(row(at.yOf(96.5)), VIVID.background())).as("above both bands").isGreaterThan(0.8);
        assertThat(red).isNotEqualTo(warning);
    }

    @Test
    void theThresholdLinesAreDashedAcrossThePlotAtTheirValues() {
        List<Integer> lineRows = new ArrayList<>();
        for (int y = (int) at.plotTop() + 1; y < at.plotBottom() - 1; y++) {
            int dark = 0;
            List<Integer> row = row(y);
            for (int argb : row) {
                dark += Pixels.isDarkGrey(argb) ? 1 : 0;
            }
            if (dark > row.size() * 0.3) {
                lineRows.add(y);
            }
        }
        assertThat(lineRows).isNotEmpty().allSatisfy(y -> assertThat(Math.min(Math.abs(y - at.yOf(90)), Math.abs(y - at.yOf(95))))
                .as("row %d is on the 90 %% line (y %.1f) or the 95 %% line (y %.1f)", y, at.yOf(90), at.yOf(95)).isLessThanOrEqualTo(1.0));
        assertThat(lineRows).anySatisfy(y -> assertThat(Math.abs(y - at.yOf(90))).isLessThanOrEqualTo(1.0));
        // dashed: along the 90 % line some columns are dark and some are not
        int y90 = (int) Math.round(at.yOf(90) - 0.5);
        long darkColumns = row(y90).stream().filter(Pixels::isDarkGrey).count();
        assertThat(darkColumns).isLessThan(row(y90).size() * 9L / 10);
    }

    @Test
    void quietHoursAreAGapInTheSeriesNotALine() {
        assertThat(seriesPixels(at.xOf(hour(2)) + 4, at.xOf(hour(5)) - 4)).as("between 02:00 and 05:00").isZero();
        assertThat(seriesPixels(at.xOf(hour(0)) + 4, at.xOf(hour(1)) - 4)).as("between 00:00 and 01:00").isPositive();
        assertThat(seriesPixels(at.xOf(hour(5)) + 4, at.xOf(hour(6)) - 4)).as("between 05:00 and 06:00").isPositive();
    }

    @Test
    void aFailMarkerIsFilledInTheFailColourAndAMissedOneIsHollow() {
        int stripY = (int) at.stripCenterY();
        assertThat(Pixels.distance(pixel(at.xOf(hour(3)), stripY), VIVID.fail())).as("FAIL centre").isLessThan(20);
        assertThat(Pixels.distance(pixel(at.xOf(hour(10.5)), stripY), VIVID.pass())).as("PASS centre").isLessThan(20);
        double missed = at.xOf(hour(9));
        assertThat(Pixels.distance(pixel(missed, stripY), VIVID.background())).as("MISSED centre").isLessThan(20);
        int ring = 0;
        for (int dx = -(int) at.markerRadius() - 1; dx <= at.markerRadius() + 1; dx++) {
            ring += Pixels.distance(pixel(missed + dx, stripY), VIVID.missed()) < 90 ? 1 : 0;
        }
        assertThat(ring).as("MISSED ring pixels across its centre row").isGreaterThanOrEqualTo(2);
    }

    @Test
    void theValueAxisMapsBothWays() {
        assertThat(at.valueAt(at.yOf(90))).isCloseTo(90, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(at.instantAt(at.xOf(hour(7)))).isEqualTo(hour(7));
        assertThat(at.yOf(100)).isCloseTo(at.plotTop(), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(at.yOf(80)).isCloseTo(at.plotBottom(), org.assertj.core.data.Offset.offset(1e-9));
    }

    private long seriesPixels(double fromX, double toX) {
        long count = 0;
        for (int x = (int) Math.ceil(fromX); x <= toX; x++) {
            for (int y = (int) at.plotTop(); y < at.plotBottom(); y++) {
                count += Pixels.distance(image.getRGB(x, y), VIVID.series()) < 120 ? 1 : 0;
            }
        }
        return count;
    }

    private int pixel(double x, double y) {
        return image.getRGB((int) Math.floor(x), (int) Math.floor(y));
    }

    /** A row of plot pixels, leaving the right end where threshold labels are. */
    private List<Integer> row(double y) {
        List<Integer> row = new ArrayList<>();
        for (int x = (int) at.plotLeft() + 2; x < at.plotRight() - 120; x++) {
            row.add(image.getRGB(x, (int) Math.floor(y)));
        }
        return row;
    }

    private static double share(List<Integer> row, int expected) {
        return row.stream().filter(argb -> Pixels.distance(argb, expected) < 12).count() / (double) row.size();
    }
}
