package dev.leibniz.processor.gallery;

import dev.leibniz.Differentiable;

/** Counts summed into an int with += from an int[]: the companion must stay lint-clean. */
final class DirichletCounts {

    private DirichletCounts() {}

    /** Dirichlet-multinomial style log-likelihood with log-gamma by Stirling's series. */
    @Differentiable
    static double stirlingLogLikelihood(double[] alpha, int[] counts) {
        double a0 = 0.0;
        int n = 0;
        double ll = 0.0;
        for (int k = 0; k < alpha.length; k++) {
            a0 += alpha[k];
            n += counts[k];
            ll += logGamma(alpha[k] + counts[k]) - logGamma(alpha[k]);
        }
        return ll + logGamma(a0) - logGamma(a0 + n);
    }

    /** log Gamma(x) for x > 0: shift up to 7 by recurrence, then Stirling's series. */
    @Differentiable
    static double logGamma(double x) {
        double shift = 0.0;
        double z = x;
        while (z < 7.0) {
            shift -= Math.log(z);
            z += 1.0;
        }
        double inv = 1.0 / z;
        double inv2 = inv * inv;
        double series = inv * (1.0 / 12 - inv2 * (1.0 / 360 - inv2 / 1260));
        return shift + (z - 0.5) * Math.log(z) - z + 0.5 * Math.log(2 * Math.PI) + series;
    }
}
