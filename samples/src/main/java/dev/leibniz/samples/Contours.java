package dev.leibniz.samples;

import java.util.Arrays;
import java.util.function.DoubleBinaryOperator;

/**
 * Level sets of a function of two variables by marching squares, as line segments for a chart
 * that has no contour plot: each segment is two points followed by a NaN, which XChart draws
 * as a gap.
 */
final class Contours {
    private Contours() {
    }

    /**
     * The level set f = level on a grid over [x0, x1] &times; [y0, y1].
     *
     * @return {xs, ys}, segments separated by NaN
     */
    static double[][] level(DoubleBinaryOperator f, double level, double x0,
            double x1, double y0, double y1, int cells) {
        double dx = (x1 - x0) / cells;
        double dy = (y1 - y0) / cells;
        double[][] v = new double[cells + 1][cells + 1];
        for (int i = 0; i <= cells; i++) {
            for (int j = 0; j <= cells; j++) {
                v[i][j] = f.applyAsDouble(x0 + i * dx, y0 + j * dy) - level;
            }
        }
        double[] xs = new double[cells * cells * 6];
        double[] ys = new double[cells * cells * 6];
        int n = 0;
        double[] px = new double[4];
        double[] py = new double[4];
        for (int i = 0; i < cells; i++) {
            for (int j = 0; j < cells; j++) {
                // Corners counter-clockwise from (i, j); an edge is crossed where its ends differ
                // in sign, at the linearly interpolated point.
                double[] c = {v[i][j], v[i + 1][j], v[i + 1][j + 1], v[i][j + 1]};
                double[] cx = {x0 + i * dx, x0 + (i + 1) * dx, x0 + (i + 1) * dx, x0 + i * dx};
                double[] cy = {y0 + j * dy, y0 + j * dy, y0 + (j + 1) * dy, y0 + (j + 1) * dy};
                int k = 0;
                for (int e = 0; e < 4; e++) {
                    double a = c[e];
                    double b = c[(e + 1) % 4];
                    if ((a < 0) != (b < 0)) {
                        double t = a / (a - b);
                        px[k] = cx[e] + t * (cx[(e + 1) % 4] - cx[e]);
                        py[k] = cy[e] + t * (cy[(e + 1) % 4] - cy[e]);
                        k++;
                    }
                }
                // Two crossings: one segment. Four (a saddle cell): pair them in edge order,
                // an arbitrary but harmless choice at this resolution.
                for (int s = 0; s + 1 < k; s += 2) {
                    xs[n] = px[s];
                    ys[n++] = py[s];
                    xs[n] = px[s + 1];
                    ys[n++] = py[s + 1];
                    xs[n] = Double.NaN;
                    ys[n++] = Double.NaN;
                }
            }
        }
        return new double[][] {Arrays.copyOf(xs, n), Arrays.copyOf(ys, n)};
    }
}
