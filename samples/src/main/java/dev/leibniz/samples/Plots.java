package dev.leibniz.samples;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The few XChart calls the samples share: a plain line chart, and writing charts as PNG. */
final class Plots {
    private Plots() {
    }

    /** One colour per optimizer or per curve, readable on white and in grey. */
    static final Color[] COLOURS = {
        new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0xff7f0e),
        new Color(0x9467bd), new Color(0x8c564b)};

    /** A line chart without markers, legend inside the plot. */
    static XYChart lineChart(String title, String xLabel, String yLabel, int width, int height) {
        XYChart chart = new XYChartBuilder().width(width).height(height).title(title)
                .xAxisTitle(xLabel).yAxisTitle(yLabel).build();
        XYStyler styler = chart.getStyler();
        styler.setLegendPosition(Styler.LegendPosition.InsideNE);
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotGridLinesColor(new Color(0xe0e0e0));
        styler.setLegendBorderColor(new Color(0xc0c0c0));
        styler.setChartTitleBoxVisible(false);
        styler.setPlotBorderVisible(false);
        return chart;
    }

    /** Adds a line in the given colour and width, without markers. */
    static XYSeries line(XYChart chart, String name, double[] x, double[] y, Color colour,
            float width) {
        XYSeries series = chart.addSeries(name, x, y);
        series.setMarker(SeriesMarkers.NONE);
        series.setLineColor(colour);
        series.setLineStyle(new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        return series;
    }

    /** Writes charts side by side (or in a grid) into one PNG, creating the folder. */
    static Path save(List<XYChart> charts, int rows, int columns, Path folder, String name) {
        try {
            Files.createDirectories(folder);
            Path file = folder.resolve(name + ".png");
            // XChart appends ".png" itself.
            BitmapEncoder.saveBitmap(charts, rows, columns, folder.resolve(name).toString(),
                    BitmapEncoder.BitmapFormat.PNG);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write plot " + name, e);
        }
    }
}
