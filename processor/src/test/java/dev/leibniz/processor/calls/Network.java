package dev.leibniz.processor.calls;

import dev.leibniz.Differentiable;

/**
 * A two-layer sigmoid network whose loss is composed of calls into {@link Layers}: dense units,
 * activations and squared errors, called in loops, with the hidden layer in a local array that
 * is passed on to the second layer's dense units.
 */
final class Network {

    private Network() {}

    /**
     * h = sigmoid(W1 x + b1), o = sigmoid(W2 h + b2), loss = sum over k of (o[k] - t[k])^2.
     */
    @Differentiable
    static double loss(double[] x, double[][] w1, double[] b1, double[][] w2, double[] b2,
            double[] t) {
        double[] h = new double[w1.length];
        for (int j = 0; j < w1.length; j++) {
            h[j] = Layers.sigmoid(Layers.dense(w1, b1, x, j));
        }
        double total = 0.0;
        for (int k = 0; k < w2.length; k++) {
            double o = Layers.sigmoid(Layers.dense(w2, b2, h, k));
            total += Layers.squaredError(o, t[k]);
        }
        return total;
    }

    /**
     * The mean loss over two samples: {@link #loss} (a method of this class) called twice with
     * different arguments, three calls deep down to {@link Layers}.
     */
    @Differentiable
    static double meanLoss(double[] x1, double[] t1, double[] x2, double[] t2, double[][] w1,
            double[] b1, double[][] w2, double[] b2) {
        double first = loss(x1, w1, b1, w2, b2, t1);
        double second = loss(x2, w1, b1, w2, b2, t2);
        return 0.5 * (first + second);
    }
}
