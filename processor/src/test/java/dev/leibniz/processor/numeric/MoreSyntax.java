package dev.leibniz.processor.numeric;

import static java.lang.Math.exp;
import static java.lang.Math.sin;

import dev.leibniz.Differentiable;

/** Syntax beyond the basics: static imports of Math, remainder, increments, logging calls. */
final class MoreSyntax {
    private MoreSyntax() {}

    /** sin(x) exp(y): (cos(x) exp(y), sin(x) exp(y)). */
    @Differentiable
    static double staticImports(double x, double y) {
        return sin(x) * exp(y);
    }

    /** x % y for 0 &lt; x / y: (1, -trunc(x / y)). */
    @Differentiable
    static double remainder(double x, double y) {
        double r = x;
        r %= y;
        return r;
    }

    /** (x + 1) * (y - 1) through ++ and --: (y - 1, x + 1). */
    @Differentiable
    static double increments(double x, double y) {
        x++;
        --y;
        return x * y;
    }

    /** A call whose result is not differentiated is kept and does not disturb the gradient. */
    @Differentiable
    static double sideCall(double x) {
        String label = String.valueOf(x);
        System.identityHashCode(label);
        return x * x;
    }

    /** var with an inferred double type: x^2 + 3x, derivative 2x + 3. */
    @Differentiable
    static double inferredLocal(double x) {
        var squared = x * x;
        var linear = 3 * x;
        return squared + linear;
    }
}
