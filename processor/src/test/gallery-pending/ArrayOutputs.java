package dev.leibniz.processor.gallery;

import dev.leibniz.Differentiable;

/** A layer that returns its activations as double[], composed by a scalar loss (the contract's array outputs). */
final class ArrayOutputs {

    private ArrayOutputs() {}

    /** tanh(W x) as a fresh array. */
    @Differentiable
    static double[] tanhLayer(double[][] W, double[] x) {
        double[] out = new double[W.length];
        for (int i = 0; i < W.length; i++) {
            double z = 0.0;
            for (int j = 0; j < x.length; j++) {
                z += W[i][j] * x[j];
            }
            out[i] = Math.tanh(z);
        }
        return out;
    }

    /** Two layers composed through the array-valued method, then the squared norm. */
    @Differentiable
    static double twoLayerNorm(double[][] W1, double[][] W2, double[] x) {
        double[] h = tanhLayer(W1, x);
        double[] o = tanhLayer(W2, h);
        double s = 0.0;
        for (double v : o) {
            s += v * v;
        }
        return s;
    }
}
