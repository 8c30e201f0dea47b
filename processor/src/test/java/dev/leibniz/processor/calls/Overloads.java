package dev.leibniz.processor.calls;

import dev.leibniz.Differentiable;

/** Overloaded differentiable methods, each with its own result type. */
final class Overloads {

    private Overloads() {}

    /** a^2: result type {@code FDoubleGradient}. */
    @Differentiable
    static double f(double a) {
        return a * a;
    }

    /** a * sum of v[i]^2: result type {@code FDoubleDoubleArrayGradient}. */
    @Differentiable
    static double f(double a, double[] v) {
        double s = 0.0;
        for (int i = 0; i < v.length; i++) {
            s += v[i] * v[i];
        }
        return a * s;
    }

    /** x^3, same arity as the next one: result type {@code HDoubleGradient}. */
    @Differentiable
    static double h(double x) {
        return x * x * x;
    }

    /** sum of x[i]^3: result type {@code HDoubleArrayGradient}. */
    @Differentiable
    static double h(double[] x) {
        double s = 0.0;
        for (int i = 0; i < x.length; i++) {
            s += x[i] * x[i] * x[i];
        }
        return s;
    }

    /** Both overloads of f and both of h called from one method. */
    @Differentiable
    static double both(double a, double[] v) {
        double first = f(a) + f(a, v);
        return first + h(a) * h(v) + h(2.0 * a);
    }
}
