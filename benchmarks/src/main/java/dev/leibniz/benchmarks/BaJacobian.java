package dev.leibniz.benchmarks;

/**
 * ADBench's BA Jacobian over an instance, in its sparse layout: for observation i, the 2×15
 * block of the two reprojection residuals (11 camera, 3 point and 1 weight columns, row by
 * row) at {@code 30 i}, and the weight residual's derivative at {@code 30 p + i}. Assembled
 * by each peer: one generated pullback per residual row, the hand-written adjoint,
 * Hipparchus forward mode and central differences.
 */
final class BaJacobian {
    static final double[] ROW0 = {1, 0};
    static final double[] ROW1 = {0, 1};

    final int p;
    final double[][] cams;
    final double[][] xs;
    final double[] w;
    final int[] obs;
    final double[][] feats;

    BaJacobian(AdbenchData.BaInput in) {
        p = in.p();
        cams = new double[in.n()][];
        for (int i = 0; i < in.n(); i++) {
            cams[i] = java.util.Arrays.copyOfRange(in.cams(), i * Ba.NCAMPARAMS,
                    (i + 1) * Ba.NCAMPARAMS);
        }
        xs = new double[in.m()][];
        for (int i = 0; i < in.m(); i++) {
            xs[i] = java.util.Arrays.copyOfRange(in.x(), 3 * i, 3 * i + 3);
        }
        w = in.w().clone();
        obs = in.obs().clone();
        feats = new double[p][];
        for (int i = 0; i < p; i++) {
            feats[i] = java.util.Arrays.copyOfRange(in.feats(), 2 * i, 2 * i + 2);
        }
    }

    /** The number of Jacobian entries. */
    int size() {
        return 31 * p;
    }

    /** The residuals: reprojection errors into reproj (2p), weight errors into wErr (p). */
    double objective(double[] reproj, double[] wErr) {
        double sum = 0;
        for (int i = 0; i < p; i++) {
            double[] e = Ba.reprojError(cams[obs[2 * i]], xs[obs[2 * i + 1]], w[i], feats[i]);
            reproj[2 * i] = e[0];
            reproj[2 * i + 1] = e[1];
            wErr[i] = Ba.zachWeightError(w[i]);
            sum += e[0];
        }
        return sum;
    }

    private static void copy(BaGrad.ReprojErrorGradient g, double[] j, int off) {
        System.arraycopy(g.cam(), 0, j, off, Ba.NCAMPARAMS);
        System.arraycopy(g.x(), 0, j, off + Ba.NCAMPARAMS, 3);
        j[off + 14] = g.w();
    }

    /** One generated pullback per residual row, into reused result objects. */
    void generated(double[] j, BaGrad.ReprojErrorGradient into,
            BaGrad.ZachWeightErrorGradient wInto) {
        for (int i = 0; i < p; i++) {
            double[] cam = cams[obs[2 * i]];
            double[] x = xs[obs[2 * i + 1]];
            BaGrad.reprojErrorPullback(cam, x, w[i], feats[i], ROW0, into);
            copy(into, j, 30 * i);
            BaGrad.reprojErrorPullback(cam, x, w[i], feats[i], ROW1, into);
            copy(into, j, 30 * i + 15);
            BaGrad.zachWeightError(w[i], wInto);
            j[30 * p + i] = wInto.w();
        }
    }

    /** The same with a new result object for every call (the allocating use). */
    void generatedFresh(double[] j) {
        for (int i = 0; i < p; i++) {
            double[] cam = cams[obs[2 * i]];
            double[] x = xs[obs[2 * i + 1]];
            var row0 = new BaGrad.ReprojErrorGradient();
            BaGrad.reprojErrorPullback(cam, x, w[i], feats[i], ROW0, row0);
            copy(row0, j, 30 * i);
            var row1 = new BaGrad.ReprojErrorGradient();
            BaGrad.reprojErrorPullback(cam, x, w[i], feats[i], ROW1, row1);
            copy(row1, j, 30 * i + 15);
            j[30 * p + i] = BaGrad.zachWeightError(w[i]).w();
        }
    }

    /** The hand-written adjoint: one forward pass, two reverse passes per observation. */
    void hand(double[] j, BaAdjoint a) {
        for (int i = 0; i < p; i++) {
            a.forward(cams[obs[2 * i]], xs[obs[2 * i + 1]], w[i], feats[i]);
            a.reverse(1, 0, j, 30 * i);
            a.reverse(0, 1, j, 30 * i + 15);
            j[30 * p + i] = -2 * w[i];
        }
    }

    /** Hipparchus forward mode, 15 free parameters per observation. */
    void hipparchus(double[] j) {
        for (int i = 0; i < p; i++) {
            Forward.reprojError(cams[obs[2 * i]], xs[obs[2 * i + 1]], w[i], feats[i], j, 30 * i);
            var wv = org.hipparchus.analysis.differentiation.Gradient.variable(1, 0, w[i]);
            j[30 * p + i] = wv.multiply(wv).negate().add(1).getPartialDerivative(0);
        }
    }

    /** Central differences: 2 × 15 evaluations of the residuals per observation. */
    void centralDifferences(double[] j, double[] camBuf, double[] xBuf) {
        for (int i = 0; i < p; i++) {
            System.arraycopy(cams[obs[2 * i]], 0, camBuf, 0, Ba.NCAMPARAMS);
            System.arraycopy(xs[obs[2 * i + 1]], 0, xBuf, 0, 3);
            double wi = w[i];
            double[] feat = feats[i];
            for (int c = 0; c < 15; c++) {
                double[] arr = c < 11 ? camBuf : xBuf;
                int idx = c < 11 ? c : c - 11;
                double v = c < 14 ? arr[idx] : wi;
                double h = 1e-6 * Math.max(1.0, Math.abs(v));
                double[] plus;
                double[] minus;
                if (c < 14) {
                    arr[idx] = v + h;
                    plus = Ba.reprojError(camBuf, xBuf, wi, feat);
                    arr[idx] = v - h;
                    minus = Ba.reprojError(camBuf, xBuf, wi, feat);
                    arr[idx] = v;
                } else {
                    plus = Ba.reprojError(camBuf, xBuf, v + h, feat);
                    minus = Ba.reprojError(camBuf, xBuf, v - h, feat);
                }
                double step = (v + h) - (v - h);
                j[30 * i + c] = (plus[0] - minus[0]) / step;
                j[30 * i + 15 + c] = (plus[1] - minus[1]) / step;
            }
            double h = 1e-6 * Math.max(1.0, Math.abs(wi));
            j[30 * p + i] = (Ba.zachWeightError(wi + h) - Ba.zachWeightError(wi - h))
                    / ((wi + h) - (wi - h));
        }
    }
}
