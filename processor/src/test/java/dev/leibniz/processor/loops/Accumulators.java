package dev.leibniz.processor.loops;

import dev.leibniz.Differentiable;

/** Values carried through a loop: divisors, quotients, branches, recurrences. */
final class Accumulators {

    private Accumulators() {}

    /** (sum of x^2) / (sum of x), the divisor accumulated in the loop. */
    @Differentiable
    static double ratioOfSums(double[] x) {
        double d = 0.0;
        double y = 0.0;
        for (int i = 0; i < x.length; i++) {
            d += x[i];
            y += x[i] * x[i];
        }
        return y / d;
    }

    /** c divided by every x[i] in turn, by s /= x[i]. */
    @Differentiable
    static double repeatedDivision(double c, double[] x) {
        double s = c;
        for (int i = 0; i < x.length; i++) {
            s /= x[i];
        }
        return s;
    }

    /** Sum of Huber losses of x[i] - y[i]: a branch on every iteration. */
    @Differentiable
    static double huber(double[] x, double[] y, double delta) {
        double s = 0.0;
        for (int i = 0; i < x.length; i++) {
            double r = x[i] - y[i];
            if (Math.abs(r) <= delta) {
                s += 0.5 * r * r;
            } else {
                s += delta * (Math.abs(r) - 0.5 * delta);
            }
        }
        return s;
    }

    /** The logistic map r = mu r (1 - r), applied steps times to r0. */
    @Differentiable
    static double logisticMap(double r0, double mu, int steps) {
        double r = r0;
        for (int k = 0; k < steps; k++) {
            r = mu * r * (1.0 - r);
        }
        return r;
    }
}
