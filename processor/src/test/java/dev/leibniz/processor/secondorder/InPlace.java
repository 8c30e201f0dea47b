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

    /** Calls another method: the reverse sweep's pullback becomes the callee's second sweep. */
    @Differentiable
    static double callsASquare(double x, double y) {
        return square(x * y) + x;
    }

    /** y := a·y + x, reading y on entry. */
    @Differentiable
    static void axpy(double a, double[] x, double[] y) {
        for (int i = 0; i < y.length; i++) {
            y[i] = a * y[i] + x[i];
        }
    }

    /** Σ over steps of |v|², v := β·v + g: a procedure in a loop, recorded and replayed, reading its output on entry. */
    @Differentiable
    static double momentum(double[] g, double beta, int steps) {
        double[] v = new double[g.length];
        double travelled = 0.0;
        for (int t = 0; t < steps; t++) {
            axpy(beta, g, v);
            for (int i = 0; i < v.length; i++) {
                travelled += v[i] * v[i];
            }
        }
        return travelled;
    }

    /**
     * |v|² after steps of v := β·v + g: the replayed call is the sweep's only record, so the sweep keeps no tape of its
     * own (its second sweep keeps one, for what each call finds in v).
     */
    @Differentiable
    static double momentumEnd(double[] g, double beta, int steps) {
        double[] v = new double[g.length];
        for (int t = 0; t < steps; t++) {
            axpy(beta, g, v);
        }
        double s = 0;
        for (int i = 0; i < v.length; i++) {
            s += v[i] * v[i];
        }
        return s;
    }

    /** x²y² where x³ > 1/2, else xy²: a branch decided by a helper's value, which the sweep decides again. */
    @Differentiable
    static double decidedByAHelper(double x, double y) {
        double s = x * y;
        if (square(x) * x > 0.5) {
            s = s * x;
        }
        return s * y;
    }

    /** Σ softplus(w·x_s) over rows: a scalar helper called in a loop. */
    @Differentiable(wrt = "w")
    static double softplusLoss(double[] w, double[][] xs) {
        double loss = 0;
        for (double[] x : xs) {
            double z = 0;
            for (int i = 0; i < w.length; i++) {
                z += w[i] * x[i];
            }
            loss += softplus(z);
        }
        return loss;
    }

    /** Σ x_i³ over floats: the tangents of float values are floats, rounded like them. */
    @Differentiable
    static double cubes(float[] x) {
        float s = 0;
        for (int i = 0; i < x.length; i++) {
            s += x[i] * x[i] * x[i];
        }
        return s;
    }

    @Differentiable
    static double softplus(double z) {
        return Math.log1p(Math.exp(z));
    }

    @Differentiable
    static double square(double z) {
        return z * z;
    }
}
