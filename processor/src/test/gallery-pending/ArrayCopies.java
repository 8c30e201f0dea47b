package dev.leibniz.processor.gallery;

import dev.leibniz.Differentiable;

/** System.arraycopy of a parameter into a local array. */
final class ArrayCopies {

    private ArrayCopies() {}

    /** The sum of squares of a copy: the gradient is 2x. */
    @Differentiable
    static double arraycopySquares(double[] x) {
        int n = x.length;
        double[] y = new double[n];
        System.arraycopy(x, 0, y, 0, n);
        double s = 0.0;
        for (int i = 0; i < n; i++) {
            s += y[i] * y[i];
        }
        return s;
    }

    /** A shifted partial copy into a buffer that already holds other values, then updated. */
    @Differentiable
    static double arraycopyShifted(double[] x, double a) {
        double[] y = new double[x.length + 1];
        y[0] = a;
        System.arraycopy(x, 0, y, 1, x.length);
        double s = 0.0;
        for (int i = 0; i < y.length; i++) {
            y[i] *= a;
            s += y[i] * y[i] * (i + 1);
        }
        return s;
    }
}
