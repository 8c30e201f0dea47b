package dev.leibniz.processor.loops;

import dev.leibniz.Differentiable;

/** The Rosenbrock function in any number of dimensions. */
final class Rosenbrock {

    private Rosenbrock() {}

    /** Sum over i &lt; n - 1 of 100 (x[i+1] - x[i]^2)^2 + (1 - x[i])^2. */
    @Differentiable
    static double rosenbrock(double[] x) {
        double s = 0.0;
        for (int i = 0; i < x.length - 1; i++) {
            double a = x[i + 1] - x[i] * x[i];
            double b = 1.0 - x[i];
            s += 100.0 * a * a + b * b;
        }
        return s;
    }
}
