package dev.leibniz.processor.loops;

import dev.leibniz.Differentiable;

/** Rows of matrices as people use them: call arguments, for-each over rows, read-only aliases. */
final class Rows {
    private Rows() {}

    @Differentiable
    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    @Differentiable
    static double tanhLayerSum(double[][] w, double[] x) {
        double s = 0;
        for (int j = 0; j < w.length; j++) {
            s += Math.tanh(dot(w[j], x));
        }
        return s;
    }

    @Differentiable
    static double squaredPredictions(double[][] xs, double[] w) {
        double s = 0;
        for (double[] row : xs) {
            double z = 0;
            for (int k = 0; k < row.length; k++) {
                z += row[k] * w[k];
            }
            s += z * z;
        }
        return s;
    }

    @Differentiable
    static double firstAndLast(double[][] xs, double[] w) {
        double[] first = xs[0];
        double[] last = xs[xs.length - 1];
        return dot(first, w) * dot(last, w) + first[1] * last[0];
    }

    @Differentiable(wrt = "w")
    static double constantRows(double[][] xs, double[] w) {
        double s = 0;
        for (int r = 0; r < xs.length; r++) {
            double[] row = xs[r];
            s += dot(row, w) * dot(row, w);
        }
        return s;
    }

    @Differentiable
    static double rowsOfALocalMatrix(double[] x) {
        double[][] h = new double[2][3];
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 3; j++) {
                h[i][j] = x[j] * (i + 1);
            }
        }
        double s = 0;
        for (int i = 0; i < 2; i++) {
            s += dot(h[i], h[i]);
        }
        return s;
    }

    @Differentiable
    static double rowInABranch(double[][] xs, double[] w, boolean useFirst) {
        double s = w[0];
        if (useFirst) {
            double[] row = xs[0];
            s = dot(row, w) * row[0];
        }
        return s;
    }
}
