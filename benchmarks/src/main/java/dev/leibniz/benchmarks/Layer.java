package dev.leibniz.benchmarks;

import dev.leibniz.Differentiable;

/** A dense tanh layer as a map of its input: what a forward-mode Jacobian (few inputs, many outputs) is for. */
final class Layer {
    private Layer() {}

    /** tanh(A x + b), differentiated with respect to x alone. */
    @Differentiable(wrt = {"x"})
    static double[] tanhLayer(double[][] a, double[] x, double[] b) {
        double[] y = new double[b.length];
        for (int i = 0; i < b.length; i++) {
            double z = b[i];
            for (int k = 0; k < x.length; k++) {
                z += a[i][k] * x[k];
            }
            y[i] = Math.tanh(z);
        }
        return y;
    }
}
