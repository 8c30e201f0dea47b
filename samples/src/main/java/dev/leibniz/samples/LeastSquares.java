package dev.leibniz.samples;

import dev.leibniz.Differentiable;

/**
 * Linear least squares, MML Example 5.11: L(θ) = ‖y − Φθ‖², whose gradient is
 * ∇L = −2 Φᵀ (y − Φθ). Written with loops over the arrays, as a user would; Leibniz
 * differentiates it with respect to θ only.
 */
public final class LeastSquares {
    private LeastSquares() {
    }

    /**
     * The squared error of the linear model Φθ against the targets y.
     *
     * @param theta the parameters
     * @param phi   the design matrix, one row per observation
     * @param y     the targets
     * @return ‖y − Φθ‖²
     */
    @Differentiable(wrt = "theta")
    public static double loss(double[] theta, double[][] phi, double[] y) {
        double l = 0;
        for (int n = 0; n < y.length; n++) {
            double prediction = 0;
            for (int d = 0; d < theta.length; d++) {
                prediction += phi[n][d] * theta[d];
            }
            double residual = y[n] - prediction;
            l += residual * residual;
        }
        return l;
    }
}
