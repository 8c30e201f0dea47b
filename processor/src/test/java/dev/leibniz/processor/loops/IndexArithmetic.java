package dev.leibniz.processor.loops;

import dev.leibniz.Differentiable;

/** Element indices computed with int arithmetic: % / + - *. */
final class IndexArithmetic {

    private IndexArithmetic() {}

    /** Cyclic neighbours: sum of x[i] x[(i + 1) % n]: x[k + 1] + x[k - 1], cyclically. */
    @Differentiable
    static double cyclicNeighbours(double[] x) {
        int n = x.length;
        double s = 0.0;
        for (int i = 0; i < n; i++) {
            s += x[i] * x[(i + 1) % n];
        }
        return s;
    }

    /** Each element twice, by x[i / 2]: sum over i &lt; 2n of (i + 1) x[i / 2]^2. */
    @Differentiable
    static double halves(double[] x) {
        double s = 0.0;
        for (int i = 0; i < 2 * x.length; i++) {
            s += (i + 1) * x[i / 2] * x[i / 2];
        }
        return s;
    }

    /** Mirror: sum of (i + 1) x[i] x[n - 1 - i]: d/dx[k] = (n + 1) x[n - 1 - k]. */
    @Differentiable
    static double mirrored(double[] x) {
        int n = x.length;
        double s = 0.0;
        for (int i = 0; i < n; i++) {
            s += (i + 1) * x[i] * x[n - 1 - i];
        }
        return s;
    }

    /** Pairs by x[2 * i] x[2 * i + 1]: each element's partner. */
    @Differentiable
    static double pairProducts(double[] x) {
        double s = 0.0;
        for (int i = 0; i < x.length / 2; i++) {
            s += x[2 * i] * x[2 * i + 1];
        }
        return s;
    }
}
