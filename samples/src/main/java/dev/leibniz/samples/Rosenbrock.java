package dev.leibniz.samples;

import dev.leibniz.Differentiable;

/**
 * The Rosenbrock function, a classic test of optimizers: a curved, nearly flat valley whose
 * minimum at (1, 1) is easy to find and slow to reach.
 */
public final class Rosenbrock {
    private Rosenbrock() {
    }

    /**
     * Evaluates f at a point.
     *
     * @param p the point (x, y)
     * @return (1 &minus; x)&sup2; + 100 (y &minus; x&sup2;)&sup2;
     */
    @Differentiable
    public static double f(double[] p) {
        double x = p[0];
        double y = p[1];
        return (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x);
    }
}
