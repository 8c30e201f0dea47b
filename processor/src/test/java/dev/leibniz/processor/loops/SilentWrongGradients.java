package dev.leibniz.processor.loops;

import dev.leibniz.Differentiable;

/**
 * Issue 8's silently wrong gradients: loop locals that start as an array element and are then
 * updated (the reverse sweep reloaded the element instead of the updated value), and active
 * variables overwritten in a loop by a value that does not depend on the inputs (their old
 * adjoint was never reset). Each is written the way people write it.
 */
final class SilentWrongGradients {
    private SilentWrongGradients() {}

    @Differentiable
    static double shiftedSquares(double[] b, double c) {
        double s = 0;
        for (int j = 0; j < b.length; j++) {
            double z = b[j];
            z += c;
            s += z * z;
        }
        return s;
    }

    @Differentiable(wrt = "c")
    static double shiftedSquaresConstantB(double[] b, double c) {
        double s = 0;
        for (int j = 0; j < b.length; j++) {
            double z = b[j];
            z += c;
            s += z * z;
        }
        return s;
    }

    static double activation(double z) {
        return Math.tanh(z);
    }

    @Differentiable
    static double act(double z) {
        return z / (1 + Math.abs(z));
    }

    /** A dense layer as people write it: the accumulator starts at the bias. */
    @Differentiable
    static double denseRelu(double[][] w, double[] b1, double[] x) {
        double out = 0;
        for (int j = 0; j < b1.length; j++) {
            double z = b1[j];
            for (int k = 0; k < x.length; k++) {
                z += w[j][k] * x[k];
            }
            out += Math.max(0, z);
        }
        return out;
    }

    @Differentiable
    static double denseTanh(double[][] w, double[] b1, double[] x) {
        double out = 0;
        for (int j = 0; j < b1.length; j++) {
            double z = b1[j];
            for (int k = 0; k < x.length; k++) {
                z += w[j][k] * x[k];
            }
            out += Math.tanh(z) * (j + 1);
        }
        return out;
    }

    @Differentiable
    static double denseCall(double[][] w, double[] b1, double[] x) {
        double out = 0;
        for (int j = 0; j < b1.length; j++) {
            double z = b1[j];
            for (int k = 0; k < x.length; k++) {
                z += w[j][k] * x[k];
            }
            out += act(z) * (j + 1);
        }
        return out;
    }

    /** Horner's rule from the leading coefficient. */
    @Differentiable
    static double horner(double[] c, double x) {
        int n = c.length;
        double p = c[n - 1];
        for (int i = n - 2; i >= 0; i--) {
            p = p * x + c[i];
        }
        return p;
    }

    @Differentiable(wrt = "x")
    static double hornerConstantCoefficients(double[] c, double x) {
        int n = c.length;
        double p = c[n - 1];
        for (int i = n - 2; i >= 0; i--) {
            p = p * x + c[i];
        }
        return p;
    }

    /** Explicit Euler for a damped oscillator, its state read from init[0], init[1]. */
    @Differentiable
    static double euler(double[] init, double k, double dt) {
        double pos = init[0];
        double vel = init[1];
        for (int t = 0; t < 20; t++) {
            double acc = -k * pos - 0.1 * vel;
            pos += dt * vel;
            vel += dt * acc;
        }
        return pos * pos + vel;
    }

    /** The last observation wins: dy/da is 0 once the loop has run. */
    @Differentiable(wrt = "a")
    static double lastObservation(double a, double[] obs) {
        double y = a;
        for (int t = 0; t < obs.length; t++) {
            y = obs[t];
        }
        return y;
    }

    @Differentiable
    static double lastOfIntArray(double a, int[] obs) {
        double y = a;
        for (int t = 0; t < obs.length; t++) {
            y = obs[t];
        }
        return y * y;
    }

    @Differentiable
    static double lastOfConstantLocalArray(double a) {
        double[] table = {1.5, -2.0, 0.25};
        double y = a;
        double s = 0;
        for (int t = 0; t < table.length; t++) {
            s += y * y;
            y = table[t];
        }
        return s + y;
    }

    /** Teacher forcing: each step predicts from the observed value, not its own prediction. */
    @Differentiable(wrt = {"a", "k"})
    static double teacherForcing(double a, double k, double[] obs) {
        double y = a;
        double loss = 0;
        for (int t = 0; t < obs.length; t++) {
            y = y * k;
            loss += (y - obs[t]) * (y - obs[t]);
            y = obs[t];
        }
        return loss;
    }
}
