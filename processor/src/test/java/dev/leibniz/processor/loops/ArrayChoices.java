package dev.leibniz.processor.loops;

import dev.leibniz.Differentiable;

/** {@code c ? a : b} between arrays and rows, read afterwards (issue 9). */
final class ArrayChoices {
    private ArrayChoices() {}

    @Differentiable
    static double dot(double[] a, double[] c) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * c[i];
        }
        return s;
    }

    /** Two parameters chosen by the sign of a third. */
    @Differentiable
    static double pickOne(double[] a, double[] b, double x) {
        double[] r = x > 0 ? a : b;
        return dot(r, r) * x;
    }

    /** A row or a vector chosen in every iteration. */
    @Differentiable(wrt = {"w", "x"})
    static double pickRows(double[][] w, double[] x, int k) {
        double s = 0;
        for (int j = 0; j < w.length; j++) {
            var row = j % 2 == k ? w[j] : x;
            s += Math.tanh(dot(row, x)) + row[0] * row[0];
        }
        return s;
    }
}
