package dev.leibniz.processor.loops;

import dev.leibniz.Differentiable;

/** A two-layer sigmoid network with a squared-error loss. */
final class Mlp {

    private Mlp() {}

    /**
     * h = sigmoid(W1 x + b1), o = sigmoid(W2 h + b2), loss = sum over k of (o[k] - t[k])^2. The
     * activations live in local arrays allocated before the loops.
     */
    @Differentiable
    static double squaredError(double[] x, double[][] w1, double[] b1, double[][] w2,
            double[] b2, double[] t) {
        double[] h = new double[w1.length];
        double[] o = new double[w2.length];
        for (int j = 0; j < w1.length; j++) {
            double a1 = b1[j];
            for (int i = 0; i < x.length; i++) {
                a1 += w1[j][i] * x[i];
            }
            h[j] = 1.0 / (1.0 + Math.exp(-a1));
        }
        for (int k = 0; k < w2.length; k++) {
            double a2 = b2[k];
            for (int j = 0; j < h.length; j++) {
                a2 += w2[k][j] * h[j];
            }
            o[k] = 1.0 / (1.0 + Math.exp(-a2));
        }
        double loss = 0.0;
        for (int k = 0; k < o.length; k++) {
            double e = o[k] - t[k];
            loss += e * e;
        }
        return loss;
    }
}
