package dev.leibniz.samples;

import dev.leibniz.DerivativeOf;
import dev.leibniz.Differentiable;

/**
 * The README's custom derivatives: a sigmoid that never overflows, and log-sum-exp, each with a
 * {@link DerivativeOf} rule that Leibniz uses wherever they are called.
 */
public final class StableFunctions {
    private StableFunctions() {
    }

    /**
     * σ(z), computed without overflow for any z.
     *
     * @param z the input
     * @return 1 / (1 + e^(−z))
     */
    public static double sigmoid(double z) {
        return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    }

    /**
     * The rule: seed · σ'(z) = seed · σ(z)(1 − σ(z)), finite everywhere.
     *
     * @param z    the input
     * @param seed the derivative of the result with respect to σ(z)
     * @return seed · σ'(z)
     */
    @DerivativeOf("sigmoid")
    public static double sigmoidPullback(double z, double seed) {
        double s = sigmoid(z);
        return seed * s * (1 - s);
    }

    /**
     * log Σ exp(x_i), shifted by the maximum so it never overflows.
     *
     * @param x the values
     * @return log-sum-exp of x
     */
    public static double logSumExp(double[] x) {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : x) {
            m = Math.max(m, v);
        }
        double s = 0;
        for (double v : x) {
            s += Math.exp(v - m);
        }
        return m + Math.log(s);
    }

    /**
     * The rule: adds seed · softmax(x) into the adjoint of x.
     *
     * @param x     the values
     * @param seed  the derivative of the result with respect to log-sum-exp
     * @param x_bar the adjoint of x, added to
     */
    @DerivativeOf("logSumExp")
    public static void logSumExpPullback(double[] x, double seed, double[] x_bar) {
        double lse = logSumExp(x);
        for (int i = 0; i < x.length; i++) {
            x_bar[i] += seed * Math.exp(x[i] - lse);
        }
    }

    /**
     * A logistic output: σ(w · x), through the sigmoid's rule.
     *
     * @param w the weight
     * @param x the input
     * @return σ(w x)
     */
    @Differentiable(wrt = "w")
    public static double logistic(double w, double x) {
        return sigmoid(w * x);
    }

    /**
     * A softmax cross-entropy loss, −z[label] + log Σ exp(z), through log-sum-exp's rule.
     *
     * @param z     the logits
     * @param label the true class
     * @return the loss
     */
    @Differentiable
    public static double crossEntropy(double[] z, int label) {
        return -z[label] + logSumExp(z);
    }
}
