package dev.leibniz.processor.gallery;

import dev.leibniz.Differentiable;

/** A row of a weight matrix passed to a differentiable helper, as layer code is factored. */
final class RowArguments {

    private RowArguments() {}

    @Differentiable
    static double dot(double[] a, double[] b) {
        double s = 0.0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** sum of tanh(W[j] . x), each unit through the helper. */
    @Differentiable
    static double rowsThroughCall(double[][] W, double[] x) {
        double s = 0.0;
        for (int j = 0; j < W.length; j++) {
            double z = dot(W[j], x);
            s += Math.tanh(z);
        }
        return s;
    }
}
