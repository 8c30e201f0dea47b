package dev.leibniz.processor.calls;

import dev.leibniz.DerivativeOf;
import dev.leibniz.Differentiable;

/**
 * Plain methods (not {@code @Differentiable}) given derivatives by {@code @DerivativeOf} rules:
 * an array rule, a rule for two scalars returning {@code double[]}, and one mixing scalars, an
 * array and a constant.
 */
final class Reductions {

    private Reductions() {}

    /** log(sum of e^x[i]), with the maximum taken out so that nothing overflows. */
    static double logSumExp(double[] x) {
        double m = Double.NEGATIVE_INFINITY;
        for (double xi : x) {
            m = Math.max(m, xi);
        }
        double s = 0.0;
        for (double xi : x) {
            s += Math.exp(xi - m);
        }
        return m + Math.log(s);
    }

    /** Adds seed * softmax(x) into xBar. */
    @DerivativeOf("logSumExp")
    static void logSumExpPullback(double[] x, double seed, double[] xBar) {
        double lse = logSumExp(x);
        for (int i = 0; i < x.length; i++) {
            xBar[i] += seed * Math.exp(x[i] - lse);
        }
    }

    /** log(e^a + e^b) without overflow. */
    static double logAddExp(double a, double b) {
        double m = Math.max(a, b);
        return m + Math.log1p(Math.exp(-Math.abs(a - b)));
    }

    /** seed * (sigmoid(a - b), sigmoid(b - a)). */
    @DerivativeOf("logAddExp")
    static double[] logAddExpPullback(double a, double b, double seed) {
        double pa = StableSigmoid.stable(a - b);
        return new double[] {seed * pa, seed * (1.0 - pa)};
    }

    /** a v[k] + b^2: scalars around an array and an int that is a constant. */
    static double pick(double a, double[] v, int k, double b) {
        return a * v[k] + b * b;
    }

    /** Returns seed * (d/da, d/db) and adds seed * d/dv into vBar. */
    @DerivativeOf("pick")
    static double[] pickPullback(double a, double[] v, int k, double b, double seed,
            double[] vBar) {
        vBar[k] += seed * a;
        return new double[] {seed * v[k], seed * 2.0 * b};
    }

    /** t logSumExp(x) + logAddExp(t, x[0]) with the parameter array x. */
    @Differentiable
    static double scaledLogSumExp(double[] x, double t) {
        return t * logSumExp(x) + logAddExp(t, x[0]);
    }

    /** logSumExp of a local array: z[i] = w x[i]^2, so the rule adds into z's adjoint. */
    @Differentiable
    static double logSumExpOfLocal(double[] x, double w) {
        double[] z = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            z[i] = w * x[i] * x[i];
        }
        return logSumExp(z);
    }

    /** logAddExp in a loop: a smooth maximum of x[0], ..., x[n-1], times s. */
    @Differentiable
    static double smoothMax(double[] x, double s) {
        double acc = s * x[0];
        for (int i = 1; i < x.length; i++) {
            acc = logAddExp(acc, s * x[i]);
        }
        return acc;
    }

    /** {@link #smoothMax} with the call's result in a fresh local before it is assigned. */
    @Differentiable
    static double smoothMaxViaLocal(double[] x, double s) {
        double acc = s * x[0];
        for (int i = 1; i < x.length; i++) {
            double next = logAddExp(acc, s * x[i]);
            acc = next;
        }
        return acc;
    }

    /** Every pick(a, v, k, b) for k over v, summed. */
    @Differentiable
    static double picks(double a, double[] v, double b) {
        double s = 0.0;
        for (int k = 0; k < v.length; k++) {
            s += pick(a * k, v, k, b);
        }
        return s;
    }
}
