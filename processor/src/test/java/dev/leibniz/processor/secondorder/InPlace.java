package dev.leibniz.processor.secondorder;

import dev.leibniz.Differentiable;

/** Updates in place, whose adjoints scale themselves, in the shapes the second sweep differentiates again. */
final class InPlace {
    private InPlace() {}

    /** x^n by repeated products: s *= x reads the s it overwrites. */
    @Differentiable(wrt = "x")
    static double power(double x, int n) {
        double s = 1;
        for (int i = 0; i < n; i++) {
            s *= x;
        }
        return s;
    }

    /** exp(exp(...exp(x))), n times: the partial of s = exp(s) reads the result. */
    @Differentiable(wrt = "x")
    static double towerOfExp(double x, int n) {
        double s = x;
        for (int i = 0; i < n; i++) {
            s = Math.exp(s);
        }
        return s;
    }

    /** Σ w_i x_i² / (1 + x_i²) with a running quotient: a division in place and a stored element. */
    @Differentiable(wrt = "x")
    static double ratios(double[] x, double[] w) {
        double[] r = new double[x.length];
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            double q = x[i] * x[i];
            q /= 1 + x[i] * x[i];
            r[i] = w[i] * q;
            s += r[i];
        }
        return s;
    }

    /** Calls another method: its second sweep is not called yet, so this one keeps the adjoint of its tangent. */
    @Differentiable
    static double callsASquare(double x, double y) {
        return square(x * y) + x;
    }

    @Differentiable
    static double square(double z) {
        return z * z;
    }
}
