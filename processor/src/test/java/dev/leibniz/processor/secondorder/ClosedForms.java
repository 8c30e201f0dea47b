package dev.leibniz.processor.secondorder;

import dev.leibniz.DerivativeOf;
import dev.leibniz.Differentiable;

/** The functions whose Jacobians, Hessians and Laplacians issue 11 gives in closed form. */
final class ClosedForms {
    private ClosedForms() {}

    /** x² + 2xy + y³: Hessian [[2, 2], [2, 6y]]. */
    @Differentiable
    static double cubic(double x, double y) {
        return x * x + 2 * x * y + y * y * y;
    }

    /** sin(xy): fxx = −y² sin(xy), fxy = cos(xy) − xy sin(xy), fyy = −x² sin(xy). */
    @Differentiable
    static double sinProduct(double x, double y) {
        return Math.sin(x * y);
    }

    /** (−2x₁ + x₂, x₁ + x₂): Jacobian [[−2, 1], [1, 1]]. */
    @Differentiable
    static double[] linear(double[] x) {
        double[] y = new double[2];
        y[0] = -2 * x[0] + x[1];
        y[1] = x[0] + x[1];
        return y;
    }

    /** Ax, with A constant: Jacobian A. */
    @Differentiable(wrt = "x")
    static double[] times(double[][] A, double[] x) {
        double[] y = new double[A.length];
        for (int i = 0; i < A.length; i++) {
            double s = 0;
            for (int k = 0; k < x.length; k++) {
                s += A[i][k] * x[k];
            }
            y[i] = s;
        }
        return y;
    }

    /** tanh(Ax + b): Jacobian diag(1 − tanh²(Ax + b)) A. */
    @Differentiable(wrt = "x")
    static double[] tanhLayer(double[][] A, double[] x, double[] b) {
        double[] y = new double[A.length];
        for (int i = 0; i < A.length; i++) {
            double z = b[i];
            for (int k = 0; k < x.length; k++) {
                z += A[i][k] * x[k];
            }
            y[i] = Math.tanh(z);
        }
        return y;
    }

    /** x²y + y: Laplacian 2y. */
    @Differentiable
    static double laplacianExample(double x, double y) {
        return x * x * y + y;
    }

    /** xᵀBx, with B constant: Hessian B + Bᵀ. */
    @Differentiable(wrt = "x")
    static double quadraticForm(double[][] B, double[] x) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < x.length; j++) {
                s += x[i] * B[i][j] * x[j];
            }
        }
        return s;
    }

    /** Rosenbrock in n dimensions. */
    @Differentiable
    static double rosenbrock(double[] x) {
        double s = 0;
        for (int i = 0; i + 1 < x.length; i++) {
            double a = x[i + 1] - x[i] * x[i];
            double b = 1 - x[i];
            s += 100 * a * a + b * b;
        }
        return s;
    }

    /** The polar-to-Cartesian map (r, θ) ↦ (r cos θ, r sin θ): Jacobian determinant r. */
    @Differentiable
    static double[] polar(double r, double theta) {
        double[] p = new double[2];
        p[0] = r * Math.cos(theta);
        p[1] = r * Math.sin(theta);
        return p;
    }

    /** The kinks: abs, max, min have second derivative 0 away from ties. */
    @Differentiable
    static double kinks(double x, double y) {
        return Math.abs(x) * y + Math.max(x, y) * x + Math.min(x * x, y);
    }

    static double softplus(double z) {
        return Math.log1p(Math.exp(z));
    }

    /** A first-order rule: forward mode derives the tangent from it; second order cannot. */
    @DerivativeOf("softplus")
    static double softplusPullback(double z, double seed) {
        return seed / (1 + Math.exp(-z));
    }

    static double weighted(double[] w, double x) {
        return w[0] * x + w[1] * x * x;
    }

    /** A rule with an array parameter: it adds seed · ∂f/∂w into the array, returns seed · ∂f/∂x. */
    @DerivativeOf("weighted")
    static double weightedPullback(double[] w, double x, double seed, double[] wBar) {
        wBar[0] += seed * x;
        wBar[1] += seed * x * x;
        return seed * (w[0] + 2 * w[1] * x);
    }

    /** softplus(x w₀) + weighted(w, x): both rules on one path. */
    @Differentiable
    static double viaRules(double x, double[] w) {
        return softplus(x * w[0]) + weighted(w, x);
    }
}
