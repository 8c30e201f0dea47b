package dev.leibniz.processor.calls;

import dev.leibniz.Differentiable;

/** Differentiable methods that {@link Chains} calls from another class. */
final class Helpers {

    private Helpers() {}

    /** u^3. */
    @Differentiable
    static double cube(double u) {
        return u * u * u;
    }

    /** The dot product of two vectors of the same length. */
    @Differentiable
    static double dot(double[] a, double[] b) {
        double s = 0.0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** {@code w * sum of v[i]^2}, differentiated with respect to {@code v} only. */
    @Differentiable(wrt = "v")
    static double weightedSquares(double[] v, double w) {
        double s = 0.0;
        for (double vi : v) {
            s += vi * vi;
        }
        return w * s;
    }
}
