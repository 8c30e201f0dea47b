package dev.leibniz.processor.calls;

import dev.leibniz.Differentiable;

/** The building blocks of {@link Network}: a dense unit, an activation and a loss term. */
final class Layers {

    private Layers() {}

    /** Pre-activation of unit {@code j}: {@code b[j] + sum over i of w[j][i] x[i]}. */
    @Differentiable
    static double dense(double[][] w, double[] b, double[] x, int j) {
        double a = b[j];
        for (int i = 0; i < x.length; i++) {
            a += w[j][i] * x[i];
        }
        return a;
    }

    /** The logistic function. */
    @Differentiable
    static double sigmoid(double z) {
        return 1.0 / (1.0 + Math.exp(-z));
    }

    /** One output's squared error. */
    @Differentiable
    static double squaredError(double o, double t) {
        double e = o - t;
        return e * e;
    }
}
