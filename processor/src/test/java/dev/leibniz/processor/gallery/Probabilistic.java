package dev.leibniz.processor.gallery;

import dev.leibniz.Differentiable;

/** Probabilistic models: HMM forward algorithm, Gaussian process evidence, soft k-means. */
final class Probabilistic {

    private Probabilistic() {}

    /**
     * HMM log-likelihood by the forward algorithm in log space: alpha in a buffer, the next
     * step in a second buffer, each entry a log-sum-exp over the previous states.
     */
    @Differentiable
    static double hmmForward(double[] logPi, double[][] logA, double[][] logB, int[] obs) {
        int k = logPi.length;
        double[] alpha = new double[k];
        double[] next = new double[k];
        for (int s = 0; s < k; s++) {
            alpha[s] = logPi[s] + logB[s][obs[0]];
        }
        for (int t = 1; t < obs.length; t++) {
            for (int j = 0; j < k; j++) {
                double m = Double.NEGATIVE_INFINITY;
                for (int i = 0; i < k; i++) {
                    m = Math.max(m, alpha[i] + logA[i][j]);
                }
                double sum = 0.0;
                for (int i = 0; i < k; i++) {
                    sum += Math.exp(alpha[i] + logA[i][j] - m);
                }
                next[j] = m + Math.log(sum) + logB[j][obs[t]];
            }
            for (int j = 0; j < k; j++) {
                alpha[j] = next[j];
            }
        }
        double m = alpha[0];
        for (int s = 1; s < k; s++) {
            m = Math.max(m, alpha[s]);
        }
        double sum = 0.0;
        for (int s = 0; s < k; s++) {
            sum += Math.exp(alpha[s] - m);
        }
        return m + Math.log(sum);
    }

    /**
     * Negative log marginal likelihood of a 1-D Gaussian process with a squared-exponential
     * kernel: kernel matrix, Cholesky, two triangular solves and the log determinant.
     */
    @Differentiable(wrt = {"logLength", "logSignal", "logNoise"})
    static double gpNegLogLikelihood(double logLength, double logSignal, double logNoise, double[] xs,
            double[] ys) {
        int n = xs.length;
        double len = Math.exp(logLength);
        double sig2 = Math.exp(2.0 * logSignal);
        double noise2 = Math.exp(2.0 * logNoise);
        double[][] K = new double[n][n];
        double[][] L = new double[n][n];
        double[] alpha = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double d = (xs[i] - xs[j]) / len;
                K[i][j] = sig2 * Math.exp(-0.5 * d * d);
            }
            K[i][i] += noise2;
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double s = K[i][j];
                for (int q = 0; q < j; q++) {
                    s -= L[i][q] * L[j][q];
                }
                L[i][j] = i == j ? Math.sqrt(s) : s / L[j][j];
            }
        }
        for (int i = 0; i < n; i++) {
            double s = ys[i];
            for (int q = 0; q < i; q++) {
                s -= L[i][q] * alpha[q];
            }
            alpha[i] = s / L[i][i];
        }
        double fit = 0.0;
        double logDet = 0.0;
        for (int i = 0; i < n; i++) {
            fit += alpha[i] * alpha[i];
            logDet += Math.log(L[i][i]);
        }
        return 0.5 * fit + logDet + 0.5 * n * Math.log(2.0 * Math.PI);
    }

    /** Soft k-means objective: responsibilities by softmax of negative squared distances. */
    @Differentiable
    static double softKMeans(double[] centres, double[] data, double beta) {
        double total = 0.0;
        double[] resp = new double[centres.length];
        for (double x : data) {
            double norm = 0.0;
            for (int c = 0; c < centres.length; c++) {
                double d = x - centres[c];
                resp[c] = Math.exp(-beta * d * d);
                norm += resp[c];
            }
            for (int c = 0; c < centres.length; c++) {
                double d = x - centres[c];
                total += resp[c] / norm * d * d;
            }
        }
        return total;
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
