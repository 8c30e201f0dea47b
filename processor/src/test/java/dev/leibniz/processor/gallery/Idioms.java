package dev.leibniz.processor.gallery;

import dev.leibniz.Differentiable;
import dev.leibniz.Gradients;

/** Idioms of training code: stopped targets, recursion, labelled searches, in-place buffers. */
final class Idioms {

    private Idioms() {}

    /** Temporal-difference loss: the bootstrapped target is held fixed with stop. */
    @Differentiable
    static double tdLoss(double[] w, double[] s0, double[] s1, double r, double gamma) {
        double q0 = 0.0;
        double q1 = 0.0;
        for (int i = 0; i < w.length; i++) {
            q0 += w[i] * s0[i];
            q1 += w[i] * s1[i];
        }
        double target = r + gamma * Gradients.stop(q1);
        return (q0 - target) * (q0 - target);
    }

    /** A continued fraction by recursion: x + 1/(x + 1/(x + ...)). */
    @Differentiable
    static double continuedFraction(double x, int depth) {
        if (depth == 0) {
            return x;
        }
        return x + 1.0 / continuedFraction(x, depth - 1);
    }

    /** Box-Cox profile objective: pow with a differentiated exponent. */
    @Differentiable
    static double boxCox(double lambda, double[] y) {
        double s = 0.0;
        for (double v : y) {
            double t = (Math.pow(v, lambda) - 1.0) / lambda;
            s += t * t - (lambda - 1.0) * Math.log(v);
        }
        return s;
    }

    /** The first matrix entry whose scaled value passes 1, found with a labelled break. */
    @Differentiable
    static double labelledSearch(double[][] A, double a) {
        double found = 0.0;
        outer:
        for (int i = 0; i < A.length; i++) {
            for (int j = 0; j < A[i].length; j++) {
                if (A[i][j] * a > 1.0) {
                    found = A[i][j] * a * a;
                    break outer;
                }
            }
        }
        return found;
    }

    /** Total-variation denoising objective with a smoothed absolute difference. */
    @Differentiable
    static double totalVariation(double[] u, double[] f, double lambda) {
        double fit = 0.0;
        for (int i = 0; i < u.length; i++) {
            fit += 0.5 * (u[i] - f[i]) * (u[i] - f[i]);
        }
        double tv = 0.0;
        for (int i = 0; i + 1 < u.length; i++) {
            double d = u[i + 1] - u[i];
            tv += Math.sqrt(d * d + 1e-3);
        }
        return fit + lambda * tv;
    }

    /** exp(tA) of a 2x2 matrix by its Taylor series in local matrices; the sum of the entries. */
    @Differentiable
    static double matrixExponential(double[][] A, double t, int terms) {
        double[][] result = new double[2][2];
        double[][] term = new double[2][2];
        double[][] next = new double[2][2];
        for (int i = 0; i < 2; i++) {
            result[i][i] = 1.0;
            term[i][i] = 1.0;
        }
        for (int k = 1; k <= terms; k++) {
            for (int i = 0; i < 2; i++) {
                for (int j = 0; j < 2; j++) {
                    next[i][j] = 0.0;
                    for (int m = 0; m < 2; m++) {
                        next[i][j] += term[i][m] * A[m][j] * t / k;
                    }
                }
            }
            for (int i = 0; i < 2; i++) {
                for (int j = 0; j < 2; j++) {
                    term[i][j] = next[i][j];
                    result[i][j] += term[i][j];
                }
            }
        }
        return result[0][0] + result[0][1] + result[1][0] + result[1][1];
    }

    /** Masked attention weights: future positions skipped with continue, a running normaliser. */
    @Differentiable
    static double causalAttention(double[] scores, double[] values, int position) {
        double num = 0.0;
        double den = 0.0;
        for (int i = 0; i < scores.length; i++) {
            if (i > position) {
                continue;
            }
            double w = Math.exp(scores[i]);
            num += w * values[i];
            den += w;
        }
        return num / den;
    }

    /** Counters of every integer kind next to the differentiated values. */
    @Differentiable
    static double integerBookkeeping(double[] x, double scale) {
        long seen = 0;
        int kept = 0;
        double s = 0.0;
        for (int i = 0; i < x.length; i++) {
            seen++;
            if (x[i] * scale < 0) {
                continue;
            }
            kept += 1;
            s += x[i] * scale / kept;
        }
        return s * seen / x.length;
    }
}
