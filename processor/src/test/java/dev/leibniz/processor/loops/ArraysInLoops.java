package dev.leibniz.processor.loops;

import dev.leibniz.Differentiable;

/** Arrays made inside loops, as a per-sample hidden layer is: each iteration gets a fresh one. */
final class ArraysInLoops {
    private ArraysInLoops() {}

    /** A one-hidden-layer network's squared error, the hidden activations in a new array per sample. */
    @Differentiable
    static double perSampleHidden(double[][] w1, double[] b1, double[] w2, double[][] xs, double[] ys) {
        double loss = 0;
        for (int r = 0; r < xs.length; r++) {
            double[] h = new double[b1.length];
            for (int j = 0; j < b1.length; j++) {
                double z = b1[j];
                for (int k = 0; k < xs[r].length; k++) {
                    z += w1[j][k] * xs[r][k];
                }
                h[j] = Math.tanh(z);
            }
            double out = 0;
            for (int j = 0; j < h.length; j++) {
                out += w2[j] * h[j];
            }
            double d = out - ys[r];
            loss += d * d;
        }
        return loss;
    }

    /** Initialised and matrix arrays two loops deep; elements never written stay zero. */
    @Differentiable
    static double nested(double[] x) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            for (int t = 0; t < 2; t++) {
                double[] buf = {x[i], x[i] * t, 1.0};
                double[][] m = new double[2][2];
                m[1][1] = buf[1] * buf[0];
                s += buf[0] * buf[1] + m[1][1] + m[0][0];
            }
        }
        return s;
    }

    @Differentiable
    static double copiesInALoop(double[] x) {
        double s = 0;
        for (int i = 0; i < 3; i++) {
            double[] y = x.clone();
            y[i] *= 2;
            for (double v : y) {
                s += v * v * (i + 1);
            }
        }
        return s;
    }

    @Differentiable
    static double logSumExp(double[] x) {
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

    /** ADBench GMM's shape: a per-point buffer filled, then handed to logsumexp. */
    @Differentiable
    static double mixtureLogLikelihood(double[] means, double[] data) {
        double lse = 0;
        for (int n = 0; n < data.length; n++) {
            double[] mainTerm = new double[means.length];
            for (int k = 0; k < means.length; k++) {
                double d = data[n] - means[k];
                mainTerm[k] = -0.5 * d * d;
            }
            lse += logSumExp(mainTerm);
        }
        return lse;
    }

    /** An array whose size grows with the loop: the reverse sweep keeps each iteration's size. */
    @Differentiable
    static double growing(double[] x) {
        double s = 0;
        int n = 1;
        for (int i = 0; i < x.length; i++) {
            double[] t = new double[n];
            for (int j = 0; j < n; j++) {
                t[j] = x[(i + j) % x.length] * (j + 1);
            }
            for (int j = 0; j < n; j++) {
                s += t[j] * t[j] * x[i];
            }
            n++;
        }
        return s;
    }

    /** A clone of an array made in the same iteration. */
    @Differentiable
    static double cloneInLoop(double[] x, int steps) {
        double s = 0;
        for (int t = 0; t < steps; t++) {
            double[] d = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                d[i] = Math.sin(x[i] * (t + 1));
            }
            double[] e = d.clone();
            e[0] = e[0] * d[1];
            s += e[0] + e[1] * e[1];
        }
        return s;
    }
}
