package dev.leibniz.processor.loops;

import dev.leibniz.Differentiable;

/** double[]-valued methods: the companion holds their vector-Jacobian product (the contract's array outputs). */
final class VectorValued {
    private VectorValued() {}

    @Differentiable
    static double[] affineTanh(double[][] w, double[] b, double[] x) {
        double[] out = new double[b.length];
        for (int j = 0; j < b.length; j++) {
            double z = b[j];
            for (int k = 0; k < x.length; k++) {
                z += w[j][k] * x[k];
            }
            out[j] = Math.tanh(z);
        }
        return out;
    }

    @Differentiable
    static double[] softmax(double[] z) {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : z) {
            m = Math.max(m, v);
        }
        double[] e = new double[z.length];
        double s = 0;
        for (int i = 0; i < z.length; i++) {
            e[i] = Math.exp(z[i] - m);
            s += e[i];
        }
        for (int i = 0; i < z.length; i++) {
            e[i] /= s;
        }
        return e;
    }

    @Differentiable
    static double[] pick(double[] a, double[] b, boolean first) {
        if (first) {
            return a;
        }
        return b;
    }

    /** A two-layer network written with a layer method, as the issue asks. */
    @Differentiable
    static double twoLayers(double[][] w1, double[] b1, double[][] w2, double[] b2, double[] x) {
        double[] h = affineTanh(w1, b1, x);
        double[] o = affineTanh(w2, b2, h);
        double s = 0;
        for (double v : o) {
            s += v * v;
        }
        return s;
    }

    @Differentiable
    static double layerInABranch(double[][] w, double[] b, double[] x, boolean use) {
        double s = x[0];
        if (use) {
            double[] h = affineTanh(w, b, x);
            s = h[0] * h[1];
        }
        return s;
    }

    /** Layers called per sample, inside the loop over the data, with a branch around one of them. */
    @Differentiable
    static double perSample(double[][] w1, double[] b1, double[][] w2, double[] b2, double[][] xs) {
        double s = 0;
        for (int r = 0; r < xs.length; r++) {
            double[] h = affineTanh(w1, b1, xs[r]);
            if (r % 2 == 0) {
                double[] o = affineTanh(w2, b2, h);
                s += o[0] * o[1];
            } else {
                s += h[0];
            }
        }
        return s;
    }

    /** Writing into an array a layer made is fine: it is not the caller's. */
    @Differentiable
    static double writtenAfterALayer(double[][] w, double[] b, double[] x) {
        double[] h = affineTanh(w, b, x);
        h[0] *= 2.0;
        h[1] += h[0] * x[0];
        return h[0] * h[1];
    }

    /** Polar to Cartesian, returning the array it creates, as the sample would be written. */
    @Differentiable
    static double[] polar(double r, double t) {
        return new double[] {r * Math.cos(t), r * Math.sin(t)};
    }

    /** Returning a call's array, or a new one, from inside a branch. */
    @Differentiable
    static double[] polarOrSquares(double r, double t) {
        double result = r + 1; // the returned arrays get a name of their own beside this one
        if (r > 0) {
            return polar(result, t);
        }
        return new double[] {result, t * t, 0};
    }
}
