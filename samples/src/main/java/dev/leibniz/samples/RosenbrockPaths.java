package dev.leibniz.samples;

import dev.leibniz.optim.Adam;
import dev.leibniz.optim.Momentum;
import dev.leibniz.optim.Optimizer;
import dev.leibniz.optim.Sgd;
import java.awt.Color;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Minimises the Rosenbrock function from (&minus;1.2, 1) with plain gradient descent, momentum
 * and Adam, fed by the generated {@code RosenbrockGrad}, and draws their paths over its level
 * sets.
 */
final class RosenbrockPaths {
    private RosenbrockPaths() {
    }

    static final double[] START = {-1.2, 1.0};
    static final int STEPS = 3000;

    static void run(Checks checks, Path plots) {
        double[] p = START.clone();
        RosenbrockGrad.FGradient g = RosenbrockGrad.f(p);
        double x = p[0];
        double y = p[1];
        checks.report(new Checks.Example("Rosenbrock function", "f(x, y) = (1 - x)^2 + 100 (y - x^2)^2",
                        "RosenbrockGrad.f(p, into); into.p()", "f", List.of("x", "y"), p.clone(),
                        Rosenbrock::f),
                g.value(), g.p().clone(),
                new double[] {-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)});
        System.out.println("  closed form: df/dx = -2(1 - x) - 400 x (y - x^2), df/dy = 200 (y - x^2)");

        List<Optimizer> optimizers = List.of(new Adam(2e-2), new Momentum(1e-3, 0.9),
                new Sgd(1e-3));
        List<String> labels = List.of("Adam", "momentum", "gradient descent");
        // Drawn widest first, so that paths along the same valley stay visible.
        float[] widths = {5f, 2.5f, 2f};
        Color[] colours = {Plots.COLOURS[3], Plots.COLOURS[1], Plots.COLOURS[0]};
        XYChart chart = Plots.lineChart("Rosenbrock: " + STEPS + " steps from (-1.2, 1), level sets in grey", "x", "y",
                600, 450);
        chart.getStyler().setXAxisMin(-2.0);
        chart.getStyler().setXAxisMax(2.0);
        chart.getStyler().setYAxisMin(-1.0);
        chart.getStyler().setYAxisMax(3.0);
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideSE);
        drawLevels(chart);
        System.out.printf(Locale.ROOT, "  %-50s %-24s %12s%n", "optimizer", "ends at", "f");
        for (int o = 0; o < optimizers.size(); o++) {
            Optimizer optimizer = optimizers.get(o);
            double[][] path = descend(optimizer, g);
            double[] end = {path[0][STEPS], path[1][STEPS]};
            double fEnd = Rosenbrock.f(end);
            System.out.printf(Locale.ROOT, "  %-50s (%9.6f, %9.6f)   %12.3e%n", optimizer, end[0],
                    end[1], fEnd);
            checks.require(fEnd < 0.02 * Rosenbrock.f(START), "Rosenbrock: " + optimizer
                    + " only reached f = " + fEnd);
            Plots.line(chart, labels.get(o), path[0], path[1], colours[o], widths[o]);
            XYSeries last = chart.addSeries(labels.get(o) + " end", new double[] {end[0]},
                    new double[] {end[1]});
            last.setMarker(SeriesMarkers.CIRCLE);
            last.setMarkerColor(colours[o]);
            last.setShowInLegend(false);
        }
        XYSeries minimum = chart.addSeries("minimum (1, 1)", new double[] {1}, new double[] {1});
        minimum.setMarker(SeriesMarkers.DIAMOND);
        minimum.setMarkerColor(Color.BLACK);
        minimum.setLineColor(Color.BLACK);
        System.out.println("  plot: " + Main.shown(Plots.save(List.of(chart), 1, 1, plots, "rosenbrock")));
        System.out.println();
    }

    /** The points visited, {xs, ys}, starting at {@link #START}; one result object throughout. */
    private static double[][] descend(Optimizer optimizer, RosenbrockGrad.FGradient into) {
        double[] p = START.clone();
        double[][] path = new double[2][STEPS + 1];
        path[0][0] = p[0];
        path[1][0] = p[1];
        for (int t = 1; t <= STEPS; t++) {
            RosenbrockGrad.f(p, into);
            optimizer.step(p, into.p());
            path[0][t] = p[0];
            path[1][t] = p[1];
        }
        return path;
    }

    /** Level sets at f = 10^(k/2), k = -1..6 (0.3, 1, 3, ..., 1000), in grey. */
    private static void drawLevels(XYChart chart) {
        for (int k = -1; k <= 6; k++) {
            double level = Math.pow(10, k / 2.0);
            double[][] segments = Contours.level((x, y) -> Rosenbrock.f(new double[] {x, y}),
                    level, -2, 2, -1, 3, 200);
            XYSeries series = Plots.line(chart, "f = " + level, segments[0], segments[1],
                    new Color(0xb0b0b0), 1f);
            series.setShowInLegend(false);
        }
    }
}
