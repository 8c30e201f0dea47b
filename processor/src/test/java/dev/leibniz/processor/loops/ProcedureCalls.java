package dev.leibniz.processor.loops;

import dev.leibniz.Differentiable;

/**
 * Procedures called from other differentiable methods, and arrays written after a call saw
 * them: the shapes of issue 9 that were errors before the call-site copies.
 */
final class ProcedureCalls {
    private ProcedureCalls() {}

    /** out = W x + b, written the usual way. */
    @Differentiable(wrt = {"w", "b", "x", "out"})
    static void affine(double[][] w, double[] b, double[] x, double[] out) {
        for (int j = 0; j < out.length; j++) {
            double z = b[j];
            for (int k = 0; k < x.length; k++) {
                z += w[j][k] * x[k];
            }
            out[j] = z;
        }
    }

    /** v = tanh(v), element by element: reads what it writes. */
    @Differentiable(wrt = "v")
    static void tanhInPlace(double[] v) {
        for (int j = 0; j < v.length; j++) {
            v[j] = Math.tanh(v[j]);
        }
    }

    /** The shape: affine into a buffer made once, then tanh over it, per sample. */
    @Differentiable(wrt = {"w", "b"})
    static double loss(double[][] w, double[] b, double[][] xs, double[] ys) {
        double[] h = new double[b.length];
        double l = 0;
        for (int n = 0; n < xs.length; n++) {
            affine(w, b, xs[n], h);
            tanhInPlace(h);
            double s = 0;
            for (int j = 0; j < h.length; j++) {
                s += h[j];
            }
            l += (s - ys[n]) * (s - ys[n]);
        }
        return l;
    }

    /** A buffer made in each iteration and filled by a procedure. */
    @Differentiable(wrt = {"w", "b"})
    static double perIteration(double[][] w, double[] b, double[][] xs) {
        double l = 0;
        for (int n = 0; n < xs.length; n++) {
            double[] h = new double[b.length];
            affine(w, b, xs[n], h);
            for (int j = 0; j < h.length; j++) {
                l += Math.tanh(h[j]) * h[j];
            }
        }
        return l;
    }

    @Differentiable
    static double dot(double[] a, double[] c) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * c[i];
        }
        return s;
    }

    /** A buffer made before the loop, refilled in every iteration after a call saw it. */
    @Differentiable
    static double refilled(double[] x) {
        double[] buf = new double[x.length];
        double s = 0;
        for (int r = 0; r < 3; r++) {
            for (int i = 0; i < x.length; i++) {
                buf[i] = Math.sin(x[i] * (r + 1));
            }
            s += dot(buf, x);
        }
        return s;
    }

    @Differentiable
    static double sum(double[] a) {
        return a[0] + a[1];
    }

    /** A buffer written after the call in the same iteration (an error before). */
    @Differentiable
    static double writtenAfterInTheIteration(double[] x) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            double[] t = new double[2];
            t[0] = x[i];
            s += sum(t) * t[1];
            t[1] = s;
            s += t[1] * x[i];
        }
        return s;
    }

    @Differentiable
    static double product(double[] v) {
        return v[0] * v[1];
    }

    /** A local array written after a call saw it, no loop (an error before). */
    @Differentiable
    static double writtenAfterTheCall(double x) {
        double[] a = new double[] {x, 2 * x};
        double y = product(a);
        a[0] = y;
        return y + a[0] * a[1];
    }

    @Differentiable(wrt = {"x", "out"})
    static void twice(double[] x, double[] out) {
        out[0] = 2 * x[0];
    }

    /** The simplest procedure call. */
    @Differentiable
    static double callsTwice(double[] x) {
        double[] y = new double[1];
        twice(x, y);
        return y[0] * y[0];
    }

    /** A procedure calling procedures on its own output, then changing it. */
    @Differentiable(wrt = {"w", "b", "x", "out"})
    static void layer(double[][] w, double[] b, double[] x, double[] out) {
        affine(w, b, x, out);
        tanhInPlace(out);
        out[0] = out[0] * 2;
    }

    /** Rows of a local matrix as a procedure's outputs. */
    @Differentiable(wrt = {"w", "b"})
    static double rowsAsOutputs(double[][] w, double[] b, double[][] xs) {
        double[][] hs = new double[xs.length][b.length];
        for (int n = 0; n < xs.length; n++) {
            layer(w, b, xs[n], hs[n]);
        }
        double s = 0;
        for (int n = 0; n < xs.length; n++) {
            for (int j = 0; j < b.length; j++) {
                s += hs[n][j] * hs[n][j];
            }
        }
        return s;
    }

    /** Two outputs, one read on entry. */
    @Differentiable(wrt = {"x", "total", "scaled"})
    static void accumulateAndScale(double[] x, double c, double[] total, double[] scaled) {
        for (int i = 0; i < x.length; i++) {
            total[i] += x[i] * x[i];
            scaled[i] = c * total[i];
        }
    }

    /** A running total updated by a procedure in a loop, and a procedure call in a branch. */
    @Differentiable(wrt = "x")
    static double runningTotals(double[] x, double c) {
        double[] total = new double[x.length];
        double[] scaled = new double[x.length];
        double s = 0;
        for (int r = 0; r < 3; r++) {
            accumulateAndScale(x, c, total, scaled);
            if (r != 1) {
                tanhInPlace(scaled);
            }
            s += scaled[r % x.length] * total[0];
        }
        return s;
    }

    /** A procedure that writes its output only through another procedure. */
    @Differentiable(wrt = {"x", "out"})
    static void squashed(double[] x, double[] out) {
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i];
        }
        tanhInPlace(out);
    }

    @Differentiable
    static double squashedSum(double[] x) {
        double[] y = new double[x.length];
        squashed(x, y);
        return sum(y);
    }

    /** A callee with an array of its own: its callers' forward sweeps must not allocate it. */
    @Differentiable
    static double withScratch(double[] x) {
        double[] t = new double[2];
        t[0] = x[0] * x[1];
        t[1] = t[0] + x[0];
        return t[0] * t[1];
    }

    @Differentiable
    static double callsWithScratch(double[] x) {
        double s = 0;
        for (int r = 0; r < 3; r++) {
            s += withScratch(x) * r;
        }
        return s + withScratch(x);
    }

    @Differentiable(wrt = {"x", "out"})
    static void procedureWithScratch(double[] x, double[] out) {
        double[] t = new double[2];
        t[0] = x[0] * x[1];
        out[0] = t[0] * t[0];
    }

    @Differentiable
    static double callsProcedureWithScratch(double[] x) {
        double[] y = new double[1];
        procedureWithScratch(x, y);
        return y[0];
    }
}
