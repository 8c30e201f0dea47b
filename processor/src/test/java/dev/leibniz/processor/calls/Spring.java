package dev.leibniz.processor.calls;

import dev.leibniz.Differentiable;

/**
 * Instance methods: the companion takes the receiver first, and the fields read through it
 * ({@code mass}, {@code stiffness}) are constants to the derivative.
 */
final class Spring {

    final double mass;
    final double stiffness;

    Spring(double mass, double stiffness) {
        this.mass = mass;
        this.stiffness = stiffness;
    }

    /** m v^2 / 2, the field read by its simple name. */
    @Differentiable
    double kinetic(double v) {
        return 0.5 * mass * v * v;
    }

    /** k x^2 / 2, the field read through {@code this}. */
    @Differentiable
    double potential(double x) {
        return 0.5 * this.stiffness * x * x;
    }

    /** Both, one called through {@code this} and one without a qualifier. */
    @Differentiable
    double energy(double x, double v) {
        return this.kinetic(v) + potential(x);
    }

    /** The discrete action sum over i of (kinetic(v[i]) - potential(x[i])) dt: calls in a loop. */
    @Differentiable
    double action(double[] xs, double[] vs, double dt) {
        double s = 0.0;
        for (int i = 0; i < xs.length; i++) {
            s += (kinetic(vs[i]) - this.potential(xs[i])) * dt;
        }
        return s;
    }

    /** A static method calling instance methods on two receivers passed as parameters. */
    @Differentiable
    static double pairEnergy(Spring a, Spring b, double x, double v) {
        return a.energy(x, v) + b.energy(v, x);
    }
}
