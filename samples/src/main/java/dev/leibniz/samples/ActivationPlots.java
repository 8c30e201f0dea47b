package dev.leibniz.samples;

import java.awt.Font;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleUnaryOperator;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler;

/**
 * Plots each activation of {@link Activations} and its derivative as the generated {@code
 * ActivationsGrad} computes it, on [&minus;4, 4], after checking that derivative against a
 * closed form and central differences at every plotted point.
 */
final class ActivationPlots {
    private ActivationPlots() {
    }

    /** The slope of the leaky ReLU plotted, PReLU's a held fixed. */
    static final double LEAK = 0.1;
    /**
     * Points on [&minus;4, 4], closer together near 0 where the kinks are; 0 is one of them, to
     * show the conventions there.
     */
    static final int POINTS = 161;

    /**
     * An activation: the plain method, the generated derivative, and the derivative by hand.
     *
     * @param name       the name shown
     * @param code       what the user writes for the derivative
     * @param function   the plain method
     * @param derivative the generated derivative
     * @param closedForm the derivative derived by hand
     */
    private record Activation(String name, String code, DoubleUnaryOperator function,
            DoubleUnaryOperator derivative, DoubleUnaryOperator closedForm) {
    }

    private static double sigma(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    private static List<Activation> activations() {
        return List.of(
                new Activation("sigmoid", "ActivationsGrad.sigmoid(z).z()", Activations::sigmoid,
                        z -> ActivationsGrad.sigmoid(z).z(), z -> sigma(z) * (1 - sigma(z))),
                new Activation("tanh", "ActivationsGrad.tanh(z).z()", Activations::tanh,
                        z -> ActivationsGrad.tanh(z).z(), z -> 1 - Math.tanh(z) * Math.tanh(z)),
                new Activation("ReLU", "ActivationsGrad.relu(z).z()", Activations::relu,
                        z -> ActivationsGrad.relu(z).z(), z -> z > 0 ? 1 : z < 0 ? 0 : 0.5),
                new Activation("leaky ReLU (PReLU, a = 0.1)", "ActivationsGrad.prelu(z, 0.1).z()",
                        z -> Activations.prelu(z, LEAK), z -> ActivationsGrad.prelu(z, LEAK).z(),
                        z -> z >= 0 ? 1 : LEAK),
                new Activation("ELU", "ActivationsGrad.elu(z).z()", Activations::elu,
                        z -> ActivationsGrad.elu(z).z(), z -> z > 0 ? 1 : Math.exp(z)),
                new Activation("SiLU", "ActivationsGrad.silu(z).z()", Activations::silu,
                        z -> ActivationsGrad.silu(z).z(),
                        z -> sigma(z) + z * sigma(z) * (1 - sigma(z))),
                new Activation("softplus", "ActivationsGrad.softplus(z).z()", Activations::softplus,
                        z -> ActivationsGrad.softplus(z).z(), ActivationPlots::sigma),
                new Activation("mish", "ActivationsGrad.mish(z).z()", Activations::mish,
                        z -> ActivationsGrad.mish(z).z(), z -> {
                            double t = Math.tanh(Math.log1p(Math.exp(z)));
                            return t + z * (1 - t * t) * sigma(z);
                        }),
                new Activation("squareplus (b = 4)", "ActivationsGrad.squareplus(z).z()",
                        Activations::squareplus, z -> ActivationsGrad.squareplus(z).z(),
                        z -> (1 + z / Math.sqrt(z * z + 4)) / 2),
                new Activation("GELU (tanh approximation)", "ActivationsGrad.gelu(z).z()",
                        Activations::gelu, z -> ActivationsGrad.gelu(z).z(), z -> {
                            double u = Activations.SQRT_2_OVER_PI * (z + 0.044715 * z * z * z);
                            double t = Math.tanh(u);
                            return 0.5 * (1 + t) + 0.5 * z * (1 - t * t)
                                    * Activations.SQRT_2_OVER_PI * (1 + 3 * 0.044715 * z * z);
                        }));
    }

    static void run(Checks checks, Path plots) {
        System.out.println("== Activations and their derivatives, each a @Differentiable method,"
                + " at " + POINTS + " points on [-4, 4]");
        System.out.printf(Locale.ROOT, "  %-27s %-35s %9s   %12s   %12s%n", "activation",
                "you write", "f'(0)", "vs closed", "vs central");
        double[] z = new double[POINTS];
        for (int i = 0; i < POINTS; i++) {
            double t = (i - (POINTS - 1) / 2) / ((POINTS - 1) / 2.0);
            z[i] = 4 * Math.sinh(1.5 * t) / Math.sinh(1.5);
        }
        List<XYChart> charts = new ArrayList<>();
        for (Activation a : activations()) {
            double[] f = new double[POINTS];
            double[] df = new double[POINTS];
            double closedErr = 0;
            double fdErr = 0;
            for (int i = 0; i < POINTS; i++) {
                f[i] = a.function().applyAsDouble(z[i]);
                df[i] = a.derivative().applyAsDouble(z[i]);
                double closed = a.closedForm().applyAsDouble(z[i]);
                closedErr = Math.max(closedErr, Math.abs(df[i] - closed) / (1 + Math.abs(closed)));
                if (z[i] != 0) { // a central difference across a kink says nothing
                    double fd = Checks.centralDifference(p -> a.function().applyAsDouble(p[0]),
                            new double[] {z[i]}, 0);
                    fdErr = Math.max(fdErr, Math.abs(df[i] - fd) / (1 + Math.abs(fd)));
                }
            }
            double atZero = df[(POINTS - 1) / 2];
            System.out.printf(Locale.ROOT, "  %-27s %-35s %9.4f   %12.1e   %12.1e%n", a.name(),
                    a.code(), atZero, closedErr, fdErr);
            checks.require(closedErr <= 1e-12, a.name() + ": derivative differs from the closed"
                    + " form by " + closedErr);
            checks.require(fdErr <= Checks.FD_TOLERANCE, a.name() + ": derivative differs from"
                    + " central differences by " + fdErr);
            charts.add(chart(a.name(), z, f, df, charts.isEmpty()));
        }
        // PReLU learns its slope: d prelu / da = z for z < 0, else 0.
        double slopeErr = 0;
        for (double v : z) {
            double slope = ActivationsGrad.prelu(v, LEAK).a();
            slopeErr = Math.max(slopeErr, Math.abs(slope - (v < 0 ? v : 0)));
        }
        System.out.printf(Locale.ROOT, "  PReLU's slope: ActivationsGrad.prelu(z, 0.1).a() = min(z, 0)"
                + " at every point, largest difference %.1e%n", slopeErr);
        checks.require(slopeErr == 0, "prelu: d/da differs from min(z, 0) by " + slopeErr);
        System.out.println("  errors are max |g - g_ref| / (1 + |g_ref|) over the points;"
                + " ReLU'(0) = 1/2 is the tie convention of max");
        System.out.println("  plot: " + Main.shown(Plots.save(charts, 2, 5, plots, "activations")));
        System.out.println();
    }

    private static XYChart chart(String name, double[] z, double[] f, double[] df,
            boolean legend) {
        XYChart chart = Plots.lineChart(name, "z", null, 240, 210);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        chart.getStyler().setLegendVisible(legend); // one legend says it for all ten panels
        chart.getStyler().setXAxisMin(-4.0);
        chart.getStyler().setXAxisMax(4.0);
        chart.getStyler().setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 11));
        chart.getStyler().setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        chart.getStyler().setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 9));
        chart.getStyler().setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 9));
        chart.getStyler().setYAxisMin(-1.5);
        chart.getStyler().setYAxisMax(4.0);
        Plots.line(chart, "f", z, f, Plots.COLOURS[0], 2f);
        Plots.line(chart, "f' (Leibniz)", z, df, Plots.COLOURS[1], 2f);
        return chart;
    }
}
