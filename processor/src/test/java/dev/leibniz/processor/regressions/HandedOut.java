package dev.leibniz.processor.regressions;

import dev.leibniz.Differentiable;

/**
 * Methods whose result objects hand out arrays (gradients, a vector value) that a user may pass
 * back in as arguments of the next call with the same object: see {@link HandedOutTest}.
 */
final class HandedOut {
    private HandedOut() {}

    /** Rosenbrock: a fused loop whose reverse assigns the gradient's elements as it reads x. */
    @Differentiable
    static double rosenbrock(double[] x) {
        double sum = 0;
        for (int i = 0; i < x.length - 1; i++) {
            double a = x[i + 1] - x[i] * x[i];
            double b = 1 - x[i];
            sum += 100 * a * a + b * b;
        }
        return sum;
    }

    /** Two loops, a tape, and reloads of x in the reverse sweep. */
    @Differentiable
    static double twoPass(double[] x) {
        double m = 0;
        for (int i = 0; i < x.length; i++) {
            m = Math.max(m, x[i] * x[i]);
        }
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += Math.exp(x[i] - m) * x[i];
        }
        return s;
    }

    /** A square layer whose value lives in the result's workspace: applied again to its own value. */
    @Differentiable
    static double[] layer(double[] x) {
        double[] h = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double s = 0;
            for (int j = 0; j < x.length; j++) {
                s += Math.sin(i + 2 * j) * x[j];
            }
            h[i] = Math.tanh(s);
        }
        return h;
    }

    /** A matrix parameter: its gradient (or a row of it) passed back in. */
    @Differentiable
    static double bilinear(double[][] w, double[] x) {
        double s = 0;
        for (int i = 0; i < w.length; i++) {
            double z = 0;
            for (int j = 0; j < x.length; j++) {
                z += w[i][j] * x[j];
            }
            s += Math.sin(z) * x[i];
        }
        return s;
    }

    /** A procedure: what it writes must not be what it reads. */
    @Differentiable
    static void squares(double[] x, double c, double[] out) {
        for (int i = 0; i < x.length; i++) {
            out[i] = c * x[i] * x[i];
        }
    }

    /** A map with more outputs than inputs: its Jacobian's columns come from forward mode. */
    @Differentiable
    static double[] lift(double[] x) {
        double[] y = new double[2 * x.length];
        for (int i = 0; i < x.length; i++) {
            y[2 * i] = Math.sin(x[i]) * x[(i + 1) % x.length];
            y[2 * i + 1] = x[i] * x[i];
        }
        return y;
    }

    /** Fewer outputs than inputs: its Jacobian's rows are pullbacks, each reading x again. */
    @Differentiable
    static double[] fold(double[] x) {
        int n = x.length;
        double[] y = new double[2];
        for (int i = 0; i < n; i++) {
            y[0] += Math.sin(x[i]) * x[(i + 1) % n];
            y[1] += x[i] * x[i] * x[(i + 2) % n];
        }
        return y;
    }

    /** A float array: its float gradient passed back in. */
    @Differentiable
    static double floatCubes(float[] v) {
        double s = 0;
        for (int i = 0; i < v.length; i++) {
            s += v[i] * v[i] * v[i];
        }
        return s;
    }
}
