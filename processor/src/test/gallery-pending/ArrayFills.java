package dev.leibniz.processor.gallery;

import dev.leibniz.Differentiable;

/** Arrays.fill with a differentiated value. */
final class ArrayFills {

    private ArrayFills() {}

    /** A buffer filled with a, then sum of y[i] x[i]^2: d/da = sum of x^2. */
    @Differentiable
    static double fillThenWeigh(double a, double[] x) {
        double[] y = new double[x.length];
        java.util.Arrays.fill(y, a);
        double s = 0.0;
        for (int i = 0; i < x.length; i++) {
            s += y[i] * x[i] * x[i];
        }
        return s;
    }
}
