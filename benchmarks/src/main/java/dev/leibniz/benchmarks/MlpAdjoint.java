package dev.leibniz.benchmarks;

/**
 * Backpropagation through {@link Mlp#loss} by hand, the textbook way: per sample a forward
 * pass keeping h and the softmax, then δ₂ = (softmax − onehot)/B and δ₁ = (W₂ᵀδ₂)(1 − h²).
 * The buffers live in a {@link Work} reused between calls, so a warm call allocates nothing.
 */
final class MlpAdjoint {
    private MlpAdjoint() {}

    /** Reusable buffers. */
    static final class Work {
        double[] h = new double[0];
        double[] p = new double[0];
        double[] dh = new double[0];

        void ensure(int hidden, int classes) {
            if (h.length != hidden) {
                h = new double[hidden];
                dh = new double[hidden];
            }
            if (p.length != classes) {
                p = new double[classes];
            }
        }
    }

    /** Writes the gradient into the g arrays (shapes of the parameters), returns the loss. */
    static double gradient(double[][] w1, double[] b1, double[][] w2, double[] b2, double[][] x,
            int[] labels, double[][] gw1, double[] gb1, double[][] gw2, double[] gb2, Work work) {
        int hidden = b1.length;
        int classes = b2.length;
        int batch = x.length;
        work.ensure(hidden, classes);
        double[] h = work.h;
        double[] p = work.p;
        double[] dh = work.dh;
        for (double[] row : gw1) {
            java.util.Arrays.fill(row, 0.0);
        }
        for (double[] row : gw2) {
            java.util.Arrays.fill(row, 0.0);
        }
        java.util.Arrays.fill(gb1, 0.0);
        java.util.Arrays.fill(gb2, 0.0);
        double invBatch = 1.0 / batch;
        double total = 0;
        for (int s = 0; s < batch; s++) {
            double[] xs = x[s];
            for (int j = 0; j < hidden; j++) {
                double[] wj = w1[j];
                double a = b1[j];
                for (int i = 0; i < xs.length; i++) {
                    a += wj[i] * xs[i];
                }
                h[j] = Math.tanh(a);
            }
            double max = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < classes; k++) {
                double[] wk = w2[k];
                double a = b2[k];
                for (int j = 0; j < hidden; j++) {
                    a += wk[j] * h[j];
                }
                p[k] = a;
                max = Math.max(max, a);
            }
            int label = labels[s];
            double picked = p[label];
            double sum = 0;
            for (int k = 0; k < classes; k++) {
                double e = Math.exp(p[k] - max);
                p[k] = e;
                sum += e;
            }
            total += max + Math.log(sum) - picked;
            // δ₂ = (softmax − onehot) / B, into gb2 and gw2; δ₂ᵀW₂ into dh.
            java.util.Arrays.fill(dh, 0.0);
            double inv = 1.0 / sum;
            for (int k = 0; k < classes; k++) {
                double delta = (p[k] * inv - (k == label ? 1.0 : 0.0)) * invBatch;
                gb2[k] += delta;
                double[] gk = gw2[k];
                double[] wk = w2[k];
                for (int j = 0; j < hidden; j++) {
                    gk[j] += delta * h[j];
                    dh[j] += delta * wk[j];
                }
            }
            for (int j = 0; j < hidden; j++) {
                double delta = dh[j] * (1 - h[j] * h[j]);
                gb1[j] += delta;
                double[] gj = gw1[j];
                for (int i = 0; i < xs.length; i++) {
                    gj[i] += delta * xs[i];
                }
            }
        }
        return total * invBatch;
    }
}
