package dev.leibniz.samples;

import dev.leibniz.Differentiable;

/**
 * L2-regularised logistic regression, written as a user would: the mean binary cross-entropy of
 * &sigma;(w &middot; x + b) against labels in {0, 1}, plus (&lambda;/2)&Vert;w&Vert;&sup2;.
 *
 * <p>Its gradient in closed form is &part;L/&part;w = (1/N) &Sigma;<sub>n</sub> (&sigma;(z<sub>n</sub>)
 * &minus; y<sub>n</sub>) x<sub>n</sub> + &lambda; w and &part;L/&part;b = (1/N) &Sigma;<sub>n</sub>
 * (&sigma;(z<sub>n</sub>) &minus; y<sub>n</sub>), which the sample checks.
 */
public final class LogisticRegression {
    private LogisticRegression() {
    }

    /**
     * The cross-entropy of one example, written through softplus so that it never overflows:
     * &minus;y log &sigma;(z) &minus; (1 &minus; y) log(1 &minus; &sigma;(z)) = softplus(z)
     * &minus; y z.
     *
     * @param z the logit w &middot; x + b
     * @param y the label, 0 or 1
     * @return the loss of this example
     */
    @Differentiable(wrt = "z")
    public static double crossEntropy(double z, double y) {
        double softplus = Math.max(z, 0.0) + Math.log1p(Math.exp(-Math.abs(z)));
        return softplus - y * z;
    }

    /**
     * The training loss.
     *
     * @param w      the weights, one per feature
     * @param b      the bias
     * @param xs     the examples, one per row
     * @param ys     the labels, 0 or 1
     * @param lambda the L2 coefficient &lambda;
     * @return (1/N) &Sigma; crossEntropy(w &middot; x<sub>n</sub> + b, y<sub>n</sub>) + (&lambda;/2)
     *         &Vert;w&Vert;&sup2;
     */
    @Differentiable(wrt = {"w", "b"})
    public static double loss(double[] w, double b, double[][] xs, double[] ys, double lambda) {
        double total = 0;
        for (int n = 0; n < xs.length; n++) {
            double z = b;
            for (int d = 0; d < w.length; d++) {
                z += w[d] * xs[n][d];
            }
            total += crossEntropy(z, ys[n]);
        }
        double penalty = 0;
        for (int d = 0; d < w.length; d++) {
            penalty += w[d] * w[d];
        }
        return total / xs.length + 0.5 * lambda * penalty;
    }

    /**
     * The probability of class 1. Plain Java, not differentiated.
     *
     * @param w the weights
     * @param b the bias
     * @param x one example
     * @return &sigma;(w &middot; x + b)
     */
    public static double probability(double[] w, double b, double[] x) {
        double z = b;
        for (int d = 0; d < w.length; d++) {
            z += w[d] * x[d];
        }
        return 1 / (1 + Math.exp(-z));
    }
}
