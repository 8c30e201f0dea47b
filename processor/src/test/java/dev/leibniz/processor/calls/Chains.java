package dev.leibniz.processor.calls;

import dev.leibniz.Differentiable;

/**
 * Calls between differentiable methods: in the same class and into {@link Helpers}, four
 * levels deep, one callee several times with different arguments, and calls inside loops with
 * parameter and local arrays passed along.
 */
final class Chains {

    private Chains() {}

    /** Depth 1: x sin x. */
    @Differentiable
    static double inner(double x) {
        return Math.sin(x) * x;
    }

    /** Depth 2: inner(x y) + y^2. */
    @Differentiable
    static double middle(double x, double y) {
        return inner(x * y) + y * y;
    }

    /** Depth 3: middle called twice, with different (and swapped) arguments. */
    @Differentiable
    static double outer(double x, double y) {
        return middle(x, y) * middle(y, 2.0 * x);
    }

    /** Depth 4, and a call into another class: exp(outer(x, y) / 10) + z (z - x)^3. */
    @Differentiable
    static double top(double x, double y, double z) {
        double o = outer(x, y);
        return Math.exp(0.1 * o) + z * Helpers.cube(z - x);
    }

    /** The same callee three times in one expression, each with another argument. */
    @Differentiable
    static double threeTimes(double x, double y) {
        return inner(x) + inner(y) * inner(x - y);
    }

    /** A call in a loop whose result feeds the next iteration's argument. */
    @Differentiable
    static double iterated(double x, int n) {
        double y = x;
        for (int k = 0; k < n; k++) {
            y = inner(y) + 0.5 * x;
        }
        return y;
    }

    /** A call whose result is assigned to its own argument in a loop: y = inner(y). */
    @Differentiable
    static double selfAssignedInLoop(double x, int n) {
        double y = x;
        for (int k = 0; k < n; k++) {
            y = inner(y);
        }
        return y;
    }

    /** The same without a loop: y = inner(y) twice, straight-line. */
    @Differentiable
    static double selfAssignedTwice(double x) {
        double y = x;
        y = inner(y);
        y = inner(y);
        return y;
    }

    /**
     * Calls in a loop: {@code dot(x, y)} with parameter arrays on every iteration, and
     * {@code inner} of an element: {@code sum over i of dot(x, y) inner(s x[i])}.
     */
    @Differentiable
    static double loopOfCalls(double[] x, double[] y, double s) {
        double acc = 0.0;
        for (int i = 0; i < x.length; i++) {
            acc += Helpers.dot(x, y) * inner(s * x[i]);
        }
        return acc;
    }

    /**
     * A local array, filled first and then passed to calls in a loop:
     * {@code sum over k < 3 of dot(c x^2, x) / (k + 1)} and {@code weightedSquares(sq, c)}, whose
     * {@code w} is not differentiated there (c then reaches the result through sq only).
     */
    @Differentiable
    static double localArrayArgument(double[] x, double c) {
        double[] sq = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            sq[i] = c * x[i] * x[i];
        }
        double total = 0.0;
        for (int k = 0; k < 3; k++) {
            total += Helpers.dot(sq, x) / (k + 1);
        }
        return total + Helpers.weightedSquares(sq, 2.0);
    }
}
