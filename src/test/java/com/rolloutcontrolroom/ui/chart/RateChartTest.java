package com.rolloutcontrolroom.ui.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.robot.Motion;
import org.testfx.util.WaitForAsyncUtils;

import com.rolloutcontrolroom.services.chart.ChartGeometry;
import com.rolloutcontrolroom.services.chart.ChartModel;
import com.rolloutcontrolroom.services.chart.ChartModel.ChartPoint;
import com.rolloutcontrolroom.services.chart.ChartSamples;
import com.rolloutcontrolroom.services.chart.Pixels;
import com.rolloutcontrolroom.testsupport.FxWait;

/** The canvas chart in a real (headless) window: painted from its model, hovered with the mouse. */
@ExtendWith(ApplicationExtension.class)
class RateChartTest {

    private RateChart chart;

    @Start
    void start(Stage stage) {
        chart = new RateChart();
        chart.setChartStyle(ChartSamples.VIVID);
        // the window this test draws in, whatever an earlier test left on the shared stage (WindowMemory's minimum
        // size, a maximised window): the chart is then 800 x 300 once the window has taken the scene's size
        stage.setMaximized(false);
        stage.setMinWidth(0);
        stage.setMinHeight(0);
        stage.setScene(new Scene(new StackPane(chart), 800, 300));
        stage.sizeToScene();
        stage.show();
    }

    /**
     * Painted, and at the size this test's scene asked for: until the window has taken it, a resize may still come
     * and repaint with another geometry.
     */
    private boolean paintedAtTheScenesSize() {
        return chart.geometry().isPresent() && chart.getWidth() == 800 && chart.getHeight() == 300;
    }

    @Test
    void aModelPaintsItsRedBandOnTheCanvas(FxRobot robot) throws Exception {
        robot.interact(() -> chart.setModel(ChartSamples.twelveHours()));
        FxWait.until(10, this::paintedAtTheScenesSize);

        // the picture and the geometry it was painted with, read together on the FX thread: the stage may still be
        // taking the new scene's size (a previous test's window), and a resize repaints with another geometry
        Object[] painted = WaitForAsyncUtils.asyncFx(() -> {
            WritableImage image = chart.snapshot(null, null);
            return new Object[] {image, chart.geometry().orElseThrow()};
        }).get();
        WritableImage shot = (WritableImage) painted[0];
        ChartGeometry at = (ChartGeometry) painted[1];
        int x = (int) at.xOf(ChartSamples.hour(4.5));
        int red = shot.getPixelReader().getArgb(x, (int) at.yOf(87.5));
        int warning = shot.getPixelReader().getArgb(x, (int) at.yOf(92.5));

        assertThat(Pixels.distance(red, Pixels.over(ChartSamples.VIVID.redBand(), ChartSamples.VIVID.background()))).isLessThan(12);
        assertThat(Pixels.distance(warning, Pixels.over(ChartSamples.VIVID.warningBand(), ChartSamples.VIVID.background()))).isLessThan(12);
        assertThat(chart.getAccessibleText()).contains("Coordinator success rate", "98.0 %");
    }

    @Test
    void hoveringAPointOrAMarkerShowsItsWordsAndLeavingClearsThem(FxRobot robot) throws Exception {
        ChartModel model = ChartSamples.twelveHours();
        robot.interact(() -> chart.setModel(model));
        FxWait.until(10, this::paintedAtTheScenesSize);
        ChartGeometry at = chart.geometry().orElseThrow();

        robot.moveTo(chart, Pos.TOP_LEFT, new Point2D(at.xOf(ChartSamples.hour(7)) + 2, at.yOf(97)), Motion.DIRECT);
        ChartPoint seven = model.points().get(5);
        FxWait.until(10, () -> seven.describe().equals(chart.hoverTextProperty().get()));

        robot.moveTo(chart, Pos.TOP_LEFT, new Point2D(at.xOf(ChartSamples.hour(3)), at.stripCenterY()), Motion.DIRECT);
        FxWait.until(10, () -> "T+3h checkpoint · FAIL".equals(chart.hoverTextProperty().get()));
        assertThat(robot.lookup(".rate-chart-hover").queryLabeled().getText()).isEqualTo("T+3h checkpoint · FAIL");

        robot.moveTo(chart, Pos.TOP_LEFT, new Point2D(at.xOf(ChartSamples.hour(3.5)), at.yOf(97)), Motion.DIRECT);
        FxWait.until(10, () -> chart.hoverTextProperty().get().isEmpty());
    }

    @Test
    void tenThousandPointsAddNoNodes(FxRobot robot) throws Exception {
        robot.interact(() -> chart.setModel(hourly(10)));
        FxWait.until(10, this::paintedAtTheScenesSize);
        int withTen = WaitForAsyncUtils.asyncFx(() -> countNodes(chart)).get();

        robot.interact(() -> chart.setModel(hourly(10_000)));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(WaitForAsyncUtils.asyncFx(() -> countNodes(chart)).get()).isEqualTo(withTen).isLessThanOrEqualTo(6);
    }

    @Test
    void manyChangesInOnePulsePaintOnce(FxRobot robot) throws Exception {
        robot.interact(() -> chart.setModel(hourly(10)));
        FxWait.until(10, this::paintedAtTheScenesSize);
        int before = chart.paintCount();

        robot.interact(() -> {
            chart.setModel(hourly(20));
            chart.setChartStyle(ChartSamples.VIVID.presenting());
            chart.setModel(hourly(30));
        });
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(chart.paintCount() - before).isEqualTo(1);
    }

    @Test
    void withoutAModelItSaysNoDataYet(FxRobot robot) throws Exception {
        robot.interact(() -> chart.setModel(null));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(chart.getAccessibleText()).contains("No data yet");
        assertThat(chart.geometry()).isEmpty();
        assertThat(chart.toExport()).isEmpty();
    }

    private static ChartModel hourly(int count) {
        List<ChartPoint> points = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            points.add(new ChartPoint(ChartSamples.FROM.plus(Duration.ofHours(i)), 95 + i % 4, 100, "hour " + i));
        }
        return ChartSamples.withPoints(points, Duration.ofHours(1), ChartSamples.FROM.plus(Duration.ofHours(count)));
    }

    private static int countNodes(Node node) {
        int count = 1;
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                count += countNodes(child);
            }
        }
        return count;
    }
}
