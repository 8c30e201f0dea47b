package dev.leibniz.processor.loops;

import dev.leibniz.Differentiable;

/** Softmax cross-entropy, computed stably with the max trick. */
final class Softmax {

    private Softmax() {}

    /**
     * -z[label] + m + log(sum over k of exp(z[k] - m)) with m = max z found in a loop: the
     * gradient is softmax(z) - onehot(label), whichever maximum is taken on a tie.
     */
    @Differentiable
    static double crossEntropy(double[] z, int label) {
        double m = z[0];
        for (int k = 1; k < z.length; k++) {
            if (z[k] > m) {
                m = z[k];
            }
        }
        double s = 0.0;
        for (int k = 0; k < z.length; k++) {
            s += Math.exp(z[k] - m);
        }
        return -z[label] + m + Math.log(s);
    }
}
