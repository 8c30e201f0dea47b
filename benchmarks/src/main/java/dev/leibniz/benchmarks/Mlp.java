package dev.leibniz.benchmarks;

import dev.leibniz.Differentiable;

/**
 * The mean softmax cross-entropy of a one-hidden-layer tanh network over a batch, written as
 * plain loops, the way a user writes a first network. {@code w1} is hidden × inputs, {@code w2}
 * classes × hidden (a row per unit); {@code x} holds one input per row, {@code labels} the
 * class of each.
 */
final class Mlp {
    private Mlp() {}

    @Differentiable(wrt = {"w1", "b1", "w2", "b2"})
    static double loss(double[][] w1, double[] b1, double[][] w2, double[] b2, double[][] x,
            int[] labels) {
        int hidden = b1.length;
        int classes = b2.length;
        double total = 0;
        for (int s = 0; s < x.length; s++) {
            double[] h = new double[hidden];
            for (int j = 0; j < hidden; j++) {
                double a = b1[j];
                for (int i = 0; i < x[s].length; i++) {
                    a += w1[j][i] * x[s][i];
                }
                h[j] = Math.tanh(a);
            }
            double[] logits = new double[classes];
            double max = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < classes; k++) {
                double a = b2[k];
                for (int j = 0; j < hidden; j++) {
                    a += w2[k][j] * h[j];
                }
                logits[k] = a;
                max = Math.max(max, a);
            }
            double sum = 0;
            for (int k = 0; k < classes; k++) {
                sum += Math.exp(logits[k] - max);
            }
            total += max + Math.log(sum) - logits[labels[s]];
        }
        return total / x.length;
    }
}
