package dev.leibniz.processor.loops;

import dev.leibniz.Differentiable;

/** Newton's iteration for a square root: a loop whose trip count depends on the data. */
final class NewtonSqrt {

    private NewtonSqrt() {}

    /** sqrt(a) by Newton from r = a, to a relative residual of 1e-12: d/da = 1 / (2 sqrt(a)). */
    @Differentiable
    static double newtonSqrt(double a) {
        double r = a;
        while (Math.abs(r * r - a) > 1e-12 * a) {
            r = 0.5 * (r + a / r);
        }
        return r;
    }
}
