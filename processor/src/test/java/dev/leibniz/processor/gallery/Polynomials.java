package dev.leibniz.processor.gallery;

import dev.leibniz.Differentiable;

/** Polynomial evaluation and fitting, c[i] the coefficient of x^i. */
final class Polynomials {

    private Polynomials() {}

    /** Horner starting from the leading coefficient, the way Numerical Recipes writes it. */
    @Differentiable
    static double hornerFromLead(double[] c, double x) {
        int n = c.length;
        double p = c[n - 1];
        for (int i = n - 2; i >= 0; i--) {
            p = p * x + c[i];
        }
        return p;
    }

    /** Horner starting from zero, running over every coefficient. */
    @Differentiable
    static double hornerFromZero(double[] c, double x) {
        double p = 0.0;
        for (int i = c.length - 1; i >= 0; i--) {
            p = p * x + c[i];
        }
        return p;
    }

    /** The ascending sum with a running power. */
    @Differentiable
    static double ascendingPowers(double[] c, double x) {
        double s = 0.0;
        double pw = 1.0;
        for (int i = 0; i < c.length; i++) {
            s += c[i] * pw;
            pw *= x;
        }
        return s;
    }

    /** Horner for p and p' together: dp is updated from the old p before p moves on. */
    @Differentiable
    static double hornerWithDerivative(double[] c, double x) {
        double p = c[c.length - 1];
        double dp = 0.0;
        for (int i = c.length - 2; i >= 0; i--) {
            dp = dp * x + p;
            p = p * x + c[i];
        }
        return p + dp;
    }

    /** Chebyshev series by the three-term recurrence, with the terms shifted each step. */
    @Differentiable
    static double chebyshevSeries(double[] a, double x) {
        double t0 = 1.0;
        double t1 = x;
        double s = a[0] * t0 + a[1] * t1;
        for (int k = 2; k < a.length; k++) {
            double t2 = 2.0 * x * t1 - t0;
            s += a[k] * t2;
            t0 = t1;
            t1 = t2;
        }
        return s;
    }

    /** Clenshaw's algorithm for the same series, running backwards. */
    @Differentiable
    static double clenshaw(double[] a, double x) {
        double b1 = 0.0;
        double b2 = 0.0;
        for (int k = a.length - 1; k >= 1; k--) {
            double b = a[k] + 2.0 * x * b1 - b2;
            b2 = b1;
            b1 = b;
        }
        return a[0] + x * b1 - b2;
    }

    /** Least-squares polynomial fit: the sum of squared residuals, the model by Horner. */
    @Differentiable
    static double leastSquaresFit(double[] c, double[] xs, double[] ys) {
        double sse = 0.0;
        for (int i = 0; i < xs.length; i++) {
            double r = hornerFromLead(c, xs[i]) - ys[i];
            sse += r * r;
        }
        return sse;
    }

    /** The same fit with the model inlined and the residual summed over a descending Horner. */
    @Differentiable(wrt = "c")
    static double leastSquaresInline(double[] c, double[] xs, double[] ys) {
        double sse = 0.0;
        for (int i = 0; i < xs.length; i++) {
            double p = c[c.length - 1];
            for (int k = c.length - 2; k >= 0; k--) {
                p = p * xs[i] + c[k];
            }
            sse += (p - ys[i]) * (p - ys[i]);
        }
        return sse;
    }

    /** Horner in float. */
    @Differentiable
    static double hornerFloat(float[] c, float x) {
        float p = c[c.length - 1];
        for (int i = c.length - 2; i >= 0; i--) {
            p = p * x + c[i];
        }
        return p;
    }
}
