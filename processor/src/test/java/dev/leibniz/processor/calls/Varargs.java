package dev.leibniz.processor.calls;

import dev.leibniz.Differentiable;

/** {@code double...} parameters, and calls that pass them separate numbers, some or none. */
final class Varargs {
    private Varargs() {}

    @Differentiable
    static double sumOfSquares(double... xs) {
        double s = 0;
        for (double v : xs) {
            s += v * v;
        }
        return s;
    }

    @Differentiable
    static double weighted(double w, double... xs) {
        double s = 0;
        for (int i = 0; i < xs.length; i++) {
            s += w * xs[i] * (i + 1);
        }
        return s;
    }

    @Differentiable
    static double caller(double a, double b) {
        double t = sumOfSquares(a, b, a * b) + weighted(a, b, 2.0);
        for (int i = 0; i < 3; i++) {
            t += sumOfSquares(a * i, b);
        }
        double[] both = {a, b};
        return t + sumOfSquares() + weighted(b) + sumOfSquares(both);
    }
}
