package dev.leibniz.processor.numeric;

import dev.leibniz.Differentiable;

/**
 * Arithmetic operators, compound assignment and reassignment of locals. The derivative each
 * method should have is written next to it.
 */
final class Operators {

    private Operators() {}

    @Differentiable
    static double add(double x, double y) {
        return x + y;
    }

    @Differentiable
    static double subtract(double x, double y) {
        return x - y;
    }

    @Differentiable
    static double multiply(double x, double y) {
        return x * y;
    }

    @Differentiable
    static double divide(double x, double y) {
        return x / y;
    }

    @Differentiable
    static double negate(double x) {
        return -x;
    }

    /** -xy + x: (1 - y, -x). */
    @Differentiable
    static double negations(double x, double y) {
        return -(x * y) - -x;
    }

    /** (x + y)(x - y) = x^2 - y^2: (2x, -2y). */
    @Differentiable
    static double parentheses(double x, double y) {
        return (x + y) * (x - y);
    }

    /** x - x: 0. */
    @Differentiable
    static double selfCancelling(double x) {
        return x - x;
    }

    /** x^2 / y + x - 1: (2x / y + 1, -x^2 / y^2). */
    @Differentiable
    static double compoundAssignment(double x, double y) {
        double r = x;
        r += y;
        r *= x;
        r -= y;
        r /= y;
        return r;
    }

    /** The right-hand side is one operand: 1 * (x + y) - (x - y) + xy = 2y + xy: (y, 2 + x). */
    @Differentiable
    static double compoundWithExpressions(double x, double y) {
        double r = 1.0;
        r *= x + y;
        r -= x - y;
        r += x * y;
        return r;
    }

    /** r = x; r *= r; r += r: 2x^2, derivative 4x. */
    @Differentiable
    static double compoundOnItself(double x) {
        double r = x;
        r *= r;
        r += r;
        return r;
    }

    /** b = x^2 y^2 + x survives reassigning a: x^2 y^3 + xy, gradient (2xy^3 + y, 3x^2 y^2 + x). */
    @Differentiable
    static double reassignment(double x, double y) {
        double a = x * y;
        a = a * a;
        a = a + x;
        double b = a;
        a = y;
        return b * a;
    }
}
