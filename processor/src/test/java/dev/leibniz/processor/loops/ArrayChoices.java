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

    /** A choice passed straight to a call. */
    @Differentiable
    static double choiceAsArgument(double[] x, double[] h, boolean c) {
        return dot(h, c ? x : h);
    }

    /** Copies of rows: clone, copyOf, arraycopy. */
    @Differentiable
    static double rowCopies(double[][] m) {
        double[] z = m[0].clone();
        z[1] = z[0] * z[1];
        double[] y = java.util.Arrays.copyOf(m[1], 3);
        double[] w = new double[2];
        System.arraycopy(m[1], 0, w, 0, 2);
        w[0] *= w[1];
        return z[1] * z[0] + y[2] + y[0] * y[1] + w[0];
    }
}
