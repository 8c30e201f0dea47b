package dev.leibniz.processor.calls;

import dev.leibniz.Differentiable;

/** Differentiable methods that call themselves. */
final class Recursion {

    private Recursion() {}

    /** x^n = x * x^(n-1), x^0 = 1. */
    @Differentiable
    static double pow(double x, int n) {
        if (n == 0) {
            return 1.0;
        }
        return x * pow(x, n - 1);
    }

    /** The sum of x[j]^2 over j >= i, recursively along the index. */
    @Differentiable
    static double sumOfSquaresFrom(double[] x, int i) {
        if (i == x.length) {
            return 0.0;
        }
        return x[i] * x[i] + sumOfSquaresFrom(x, i + 1);
    }

    /** Chebyshev's T_n(x) = 2x T_(n-1)(x) - T_(n-2)(x): two recursive calls per level. */
    @Differentiable
    static double chebyshev(double x, int n) {
        if (n == 0) {
            return 1.0;
        }
        if (n == 1) {
            return x;
        }
        return 2.0 * x * chebyshev(x, n - 1) - chebyshev(x, n - 2);
    }

    /** Horner's rule for c[0] + c[1] x + ... recursively: c[i] + x * horner(c, x, i + 1). */
    @Differentiable
    static double horner(double[] c, double x, int i) {
        if (i == c.length - 1) {
            return c[i];
        }
        return c[i] + x * horner(c, x, i + 1);
    }

    /** Two methods calling each other: up(x, n) = x down(x, n - 1), down(x, n) = 2x up(x, n - 1), so up = 2^⌊n/2⌋ xⁿ. */
    @Differentiable(wrt = "x")
    static double up(double x, int n) {
        if (n == 0) {
            return 1.0;
        }
        return x * down(x, n - 1);
    }

    /** The other half of {@link #up}. */
    @Differentiable(wrt = "x")
    static double down(double x, int n) {
        if (n == 0) {
            return 1.0;
        }
        return 2.0 * x * up(x, n - 1);
    }
}
