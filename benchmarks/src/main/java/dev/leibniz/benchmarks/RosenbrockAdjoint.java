package dev.leibniz.benchmarks;

/** Rosenbrock's gradient by hand: one pass, nothing stored, each x[i] touched twice. */
final class RosenbrockAdjoint {
    private RosenbrockAdjoint() {}

    /** Writes the gradient into g (the length of x) and returns the value. */
    static double gradient(double[] x, double[] g) {
        int n = x.length;
        double sum = 0;
        double carry = 0; // 200 a of the previous term: its share of ∂/∂x[i]
        for (int i = 0; i < n - 1; i++) {
            double xi = x[i];
            double a = x[i + 1] - xi * xi;
            double b = 1 - xi;
            sum += 100 * a * a + b * b;
            g[i] = carry - 400 * a * xi - 2 * b;
            carry = 200 * a;
        }
        if (n > 0) {
            g[n - 1] = carry;
        }
        return sum;
    }
}
