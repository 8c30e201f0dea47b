package dev.leibniz.processor.loops;

import dev.leibniz.Differentiable;

/** MML Example 5.11: the least-squares loss, differentiated with respect to theta only. */
final class LeastSquares {

    private LeastSquares() {}

    /** L(theta) = ||y - Phi theta||^2: dL/dtheta = -2 (y - Phi theta)^T Phi. */
    @Differentiable(wrt = "theta")
    static double loss(double[][] phi, double[] y, double[] theta) {
        double l = 0.0;
        for (int n = 0; n < y.length; n++) {
            double prediction = 0.0;
            for (int d = 0; d < theta.length; d++) {
                prediction += phi[n][d] * theta[d];
            }
            double e = y[n] - prediction;
            l += e * e;
        }
        return l;
    }
}
