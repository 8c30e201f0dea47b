package dev.leibniz.processor.secondorder;

import dev.leibniz.Differentiable;

/**
 * double[]-valued methods with no more inputs than outputs, whose Jacobians run forward mode: all
 * columns in one sweep of the tangent program along several directions (VectorTangent), or, where
 * a tangent goes through a call, one tangent sweep per column.
 */
final class JacobianColumns {
    private JacobianColumns() {}

    /** tanh(Ax + b) with respect to x alone: diag(1 − tanh²(Ax + b)) A. */
    @Differentiable(wrt = {"x"})
    static double[] tanhLayer(double[][] a, double[] x, double[] b) {
        double[] y = new double[b.length];
        for (int i = 0; i < b.length; i++) {
            double z = b[i];
            for (int k = 0; k < x.length; k++) {
                z += a[i][k] * x[k];
            }
            y[i] = Math.tanh(z);
        }
        return y;
    }

    /** A running value carried from element to element, through a branch, and its square at the end. */
    @Differentiable
    static double[] prefix(double[] x, double s) {
        double[] y = new double[x.length + 1];
        double acc = s;
        for (int i = 0; i < x.length; i++) {
            if (x[i] > 0) {
                acc = acc + s * x[i];
            } else {
                acc = acc * Math.exp(x[i]);
            }
            y[i] = acc;
        }
        y[x.length] = acc * acc;
        return y;
    }

    /** An array made in every iteration, holding tangents of its own. */
    @Differentiable
    static double[] pairs(double[] x) {
        double[] y = new double[2 * x.length];
        for (int i = 0; i < x.length; i++) {
            double[] t = new double[2];
            t[0] = x[i] * x[(i + 1) % x.length];
            t[1] = Math.sin(t[0]) + x[i];
            y[2 * i] = t[0] * t[1];
            y[2 * i + 1] = t[1] / (1 + x[i] * x[i]);
        }
        return y;
    }

    /** A variable assigned again in the iteration, after a tangent read its first value. */
    @Differentiable
    static double[] reassigned(double[] x) {
        int n = x.length;
        double[] y = new double[2 * n];
        for (int i = 0; i < n; i++) {
            int j = i;
            double t = x[j] * x[j];
            y[j] = Math.sin(t);
            j = (j + 1) % n;
            t = t * x[j];
            y[n + i] = Math.cos(t);
        }
        return y;
    }

    /** Returns a parameter itself on one branch: its Jacobian there is the identity. */
    @Differentiable
    static double[] sameOrSquared(double[] a, boolean square) {
        if (!square) {
            return a;
        }
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] * a[i];
        }
        return out;
    }

    /**
     * A planar arm's forward kinematics as a robotics course writes it: joint i turns by
     * theta[i] relative to the link before, so the angle is a running sum; the result holds the
     * (x, y) of every joint, so 2n outputs for n angles.
     */
    @Differentiable(wrt = {"theta"})
    static double[] arm(double[] theta, double[] lengths) {
        double[] joints = new double[2 * theta.length];
        double angle = 0;
        double x = 0;
        double y = 0;
        for (int i = 0; i < theta.length; i++) {
            angle += theta[i];
            x += lengths[i] * Math.cos(angle);
            y += lengths[i] * Math.sin(angle);
            joints[2 * i] = x;
            joints[2 * i + 1] = y;
        }
        return joints;
    }

    /** The tangent goes through a call of a double[]-valued method: its tangent program runs once per direction. */
    @Differentiable
    static double[] viaCall(double r, double t) {
        double[] p = ClosedForms.polar(r, t);
        return new double[] {p[0] * p[1], p[0] + t, Math.exp(p[1])};
    }

    /** Two outputs from n inputs: the reverse-mode Jacobian, one row per output. */
    @Differentiable
    static double[] moments(double[] x) {
        double s = 0;
        double q = 0;
        for (int i = 0; i < x.length; i++) {
            s += x[i];
            q += x[i] * x[i];
        }
        return new double[] {s / x.length, q / x.length};
    }
}
