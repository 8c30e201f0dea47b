package dev.leibniz.benchmarks;

import dev.leibniz.Differentiable;

/** The extended Rosenbrock function, as a user would write it. */
final class Rosenbrock {
    private Rosenbrock() {}

    /** Σ 100 (x[i+1] − x[i]²)² + (1 − x[i])², over i = 0 … n−2. */
    @Differentiable
    static double rosenbrock(double[] x) {
        double sum = 0;
        for (int i = 0; i < x.length - 1; i++) {
            double a = x[i + 1] - x[i] * x[i];
            double b = 1 - x[i];
            sum += 100 * a * a + b * b;
        }
        return sum;
    }
}
