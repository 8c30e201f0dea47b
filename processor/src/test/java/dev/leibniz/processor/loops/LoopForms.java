package dev.leibniz.processor.loops;

import dev.leibniz.Differentiable;

/** Every loop statement: for with any step and direction, enhanced for, while, do-while. */
final class LoopForms {

    private LoopForms() {}

    /** Step 2: sum of x[i]^2 over even i: 2 x[i] at even i, 0 at odd i. */
    @Differentiable
    static double evenSquares(double[] x) {
        double s = 0.0;
        for (int i = 0; i < x.length; i += 2) {
            s += x[i] * x[i];
        }
        return s;
    }

    /**
     * Horner's rule, counting down: c[0] + c[1] t + ... + c[n-1] t^(n-1). d/dc[i] = t^i,
     * d/dt = sum of i c[i] t^(i-1).
     */
    @Differentiable
    static double horner(double[] c, double t) {
        double p = 0.0;
        for (int i = c.length - 1; i >= 0; i--) {
            p = p * t + c[i];
        }
        return p;
    }

    /** Enhanced for: sum of v sin(v): sin(v) + v cos(v). */
    @Differentiable
    static double enhancedFor(double[] x) {
        double s = 0.0;
        for (double v : x) {
            s += v * Math.sin(v);
        }
        return s;
    }

    /** While: sum of (i + 1) exp(x[i]): (i + 1) exp(x[i]). */
    @Differentiable
    static double whileLoop(double[] x) {
        double s = 0.0;
        int i = 0;
        while (i < x.length) {
            s += (i + 1) * Math.exp(x[i]);
            i++;
        }
        return s;
    }

    /** Do-while: the Euclidean norm: x / ||x||. */
    @Differentiable
    static double doWhileNorm(double[] x) {
        double s = 0.0;
        int i = 0;
        do {
            s += x[i] * x[i];
            i++;
        } while (i < x.length);
        return Math.sqrt(s);
    }

    /** Nested: x^T A x: d/dA = x x^T, d/dx = (A + A^T) x. */
    @Differentiable
    static double quadraticForm(double[][] a, double[] x) {
        double s = 0.0;
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < x.length; j++) {
                s += x[i] * a[i][j] * x[j];
            }
        }
        return s;
    }

    /** Nested with an inner bound on the outer index: sum over i &lt; j of (x[i] - x[j])^2. */
    @Differentiable
    static double pairwiseSquares(double[] x) {
        double s = 0.0;
        for (int i = 0; i < x.length; i++) {
            for (int j = i + 1; j < x.length; j++) {
                double d = x[i] - x[j];
                s += d * d;
            }
        }
        return s;
    }
}
