package dev.leibniz.processor.gallery;

import dev.leibniz.Differentiable;

/**
 * Parameters copied into locals (scalars started from elements, local arrays filled by loop)
 * and then updated, and variables reassigned from every kind of source.
 */
final class Copies {

    private Copies() {}

    /** A loop local started from an element and then updated. */
    @Differentiable
    static double elementThenUpdate(double[] b, double c) {
        double s = 0.0;
        for (int j = 0; j < b.length; j++) {
            double z = b[j];
            z += c;
            s += z * z;
        }
        return s;
    }

    /** The parameter array copied into a local array by loop, the copy updated in place. */
    @Differentiable
    static double copyByLoopThenScale(double[] x, double a) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = x[i];
        }
        for (int i = 0; i < y.length; i++) {
            y[i] *= a;
            y[i] += x[i] * x[i];
        }
        double s = 0.0;
        for (double v : y) {
            s += v * v;
        }
        return s;
    }

    /** A matrix copied row by row into a local matrix, then a symmetric update. */
    @Differentiable
    static double copyMatrixThenSymmetrise(double[][] A) {
        int n = A.length;
        double[][] S = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                S[i][j] = A[i][j];
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                double avg = 0.5 * (S[i][j] + S[j][i]);
                S[i][j] = avg;
                S[j][i] = avg;
            }
        }
        double f = 0.0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                f += S[i][j] * S[i][j] * (i + 2 * j + 1);
            }
        }
        return f;
    }

    /** One variable reassigned in turn from a parameter, an element, a constant and a call. */
    @Differentiable
    static double reassignedFromEverything(double p, double[] x) {
        double s = 0.0;
        double v;
        for (int i = 0; i < x.length; i++) {
            if (i % 4 == 0) {
                v = p;
            } else if (i % 4 == 1) {
                v = x[i];
            } else if (i % 4 == 2) {
                v = 2.5;
            } else {
                v = Math.sin(x[i] * p);
            }
            v = v * x[i] + p;
            s += v * v;
        }
        return s;
    }

    /** The element local is rebound to the previous element when a condition holds. */
    @Differentiable
    static double elementRebound(double[] x, double k) {
        double s = 0.0;
        for (int i = 1; i < x.length; i++) {
            double z = x[i];
            if (z < x[i - 1]) {
                z = x[i - 1];
            }
            z = z * k;
            s += z * z * z;
        }
        return s;
    }

    /** An inner loop updates a local of the outer loop, which then updates the result. */
    @Differentiable
    static double innerUpdatesOuter(double[] x, double a) {
        double s = 0.0;
        double carry = a;
        for (int i = 0; i < x.length; i++) {
            double t = x[i];
            for (int j = 0; j < 3; j++) {
                t = t * a + carry;
                carry += 0.1 * t;
            }
            s += t;
        }
        return s + carry;
    }

    /** A prefix-sum buffer filled from the parameter, then read out in reverse order. */
    @Differentiable
    static double prefixSums(double[] x) {
        int n = x.length;
        double[] c = new double[n];
        c[0] = x[0];
        for (int i = 1; i < n; i++) {
            c[i] = c[i - 1] + x[i];
        }
        double s = 0.0;
        for (int i = n - 1; i >= 0; i--) {
            s = s * 0.5 + Math.exp(-c[i]);
        }
        return s;
    }

    /** A swap of two locals through a temporary, every iteration. */
    @Differentiable
    static double swapEachStep(double a, double b, int steps) {
        double u = a;
        double w = b;
        for (int i = 0; i < steps; i++) {
            double tmp = u;
            u = w;
            w = tmp + 0.5 * u * w;
        }
        return u * 3.0 + w;
    }
}
