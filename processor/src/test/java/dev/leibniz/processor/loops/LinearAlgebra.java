package dev.leibniz.processor.loops;

import dev.leibniz.Differentiable;

/** Dot, matrix-vector and matrix-matrix products, each reduced to a scalar. */
final class LinearAlgebra {

    private LinearAlgebra() {}

    /** x . y: d/dx = y, d/dy = x. */
    @Differentiable
    static double dot(double[] x, double[] y) {
        double s = 0.0;
        for (int i = 0; i < x.length; i++) {
            s += x[i] * y[i];
        }
        return s;
    }

    /** c . (A x): d/dc = A x, d/dA = c x^T, d/dx = A^T c. */
    @Differentiable
    static double weightedMatVec(double[] c, double[][] a, double[] x) {
        double[] v = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[i].length; j++) {
                v[i] += a[i][j] * x[j];
            }
        }
        double s = 0.0;
        for (int i = 0; i < v.length; i++) {
            s += c[i] * v[i];
        }
        return s;
    }

    /** ||A x||^2: d/dA = 2 (A x) x^T, d/dx = 2 A^T (A x). */
    @Differentiable
    static double squaredMatVec(double[][] a, double[] x) {
        double[] v = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            double t = 0.0;
            for (int j = 0; j < x.length; j++) {
                t += a[i][j] * x[j];
            }
            v[i] = t;
        }
        double s = 0.0;
        for (int i = 0; i < v.length; i++) {
            s += v[i] * v[i];
        }
        return s;
    }

    /** ||A B||_F^2: d/dA = 2 (A B) B^T, d/dB = 2 A^T (A B). */
    @Differentiable
    static double squaredMatMat(double[][] a, double[][] b) {
        double[][] c = new double[a.length][b[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < b[0].length; j++) {
                for (int k = 0; k < b.length; k++) {
                    c[i][j] += a[i][k] * b[k][j];
                }
            }
        }
        double s = 0.0;
        for (int i = 0; i < c.length; i++) {
            for (int j = 0; j < c[i].length; j++) {
                s += c[i][j] * c[i][j];
            }
        }
        return s;
    }

    /** sum of W .* (A B), W constant: d/dA = W B^T, d/dB = A^T W. */
    @Differentiable(wrt = {"a", "b"})
    static double weightedMatMat(double[][] w, double[][] a, double[][] b) {
        double s = 0.0;
        for (int i = 0; i < w.length; i++) {
            for (int j = 0; j < w[i].length; j++) {
                double cij = 0.0;
                for (int k = 0; k < b.length; k++) {
                    cij += a[i][k] * b[k][j];
                }
                s += w[i][j] * cij;
            }
        }
        return s;
    }
}
