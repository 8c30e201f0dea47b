package dev.leibniz.processor.loops;

import dev.leibniz.Differentiable;

/** double[][] parameters of any shape, rows included, read through w[i].length. */
final class MatrixShapes {

    private MatrixShapes() {}

    /** Sum over rows i of (i + 1) times the sum of squares of row i: 2 (i + 1) w[i][j]. */
    @Differentiable
    static double rowWeightedSquares(double[][] w) {
        double s = 0.0;
        for (int i = 0; i < w.length; i++) {
            for (int j = 0; j < w[i].length; j++) {
                s += (i + 1) * w[i][j] * w[i][j];
            }
        }
        return s;
    }

    /** Column sums of a rectangular matrix, each squared: 2 (sum of column j) at every w[i][j]. */
    @Differentiable
    static double squaredColumnSums(double[][] w) {
        double[] c = new double[w[0].length];
        for (int i = 0; i < w.length; i++) {
            for (int j = 0; j < w[i].length; j++) {
                c[j] += w[i][j];
            }
        }
        double s = 0.0;
        for (int j = 0; j < c.length; j++) {
            s += c[j] * c[j];
        }
        return s;
    }
}
