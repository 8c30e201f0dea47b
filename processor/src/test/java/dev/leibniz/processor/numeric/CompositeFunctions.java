package dev.leibniz.processor.numeric;

import dev.leibniz.Differentiable;

/**
 * Composite functions: MML (Deisenroth, Faisal, Ong) Example 5.14 as one expression and with the
 * book's intermediate variables, a polynomial in two variables, and one in three variables.
 */
final class CompositeFunctions {

    private CompositeFunctions() {}

    /** f(x) = sqrt(x^2 + exp(x^2)) + cos(x^2 + exp(x^2)). */
    @Differentiable
    static double mml514(double x) {
        return Math.sqrt(x * x + Math.exp(x * x)) + Math.cos(x * x + Math.exp(x * x));
    }

    /** The same f through a = x^2, b = exp(a), c = a + b, d = sqrt(c), e = cos(c), f = d + e. */
    @Differentiable
    static double mml514Stepwise(double x) {
        double a = x * x;
        double b = Math.exp(a);
        double c = a + b;
        double d = Math.sqrt(c);
        double e = Math.cos(c);
        double f = d + e;
        return f;
    }

    /** x^2 + 2xy + y^3. */
    @Differentiable
    static double polynomial(double x, double y) {
        return x * x + 2 * x * y + y * y * y;
    }

    /** x^2 + 2xy + y^3 with pow. */
    @Differentiable
    static double polynomialWithPow(double x, double y) {
        return Math.pow(x, 2) + 2 * x * y + Math.pow(y, 3);
    }

    /** exp(-x^2) sin(yz) + log1p(y^2) / (1 + z^2). */
    @Differentiable
    static double wave(double x, double y, double z) {
        return Math.exp(-x * x) * Math.sin(y * z) + Math.log1p(y * y) / (1 + z * z);
    }
}
