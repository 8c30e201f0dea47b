package dev.leibniz.processor.gallery;

import dev.leibniz.Differentiable;

/** Array-valued layers called per sample, inside the loop over the data (issue 9's "inside a sample loop"). */
final class ArrayOutputsInLoops {

    private ArrayOutputsInLoops() {}

    @Differentiable
    static double[] tanhLayer(double[][] W, double[] x) {
        double[] out = new double[W.length];
        for (int i = 0; i < W.length; i++) {
            double z = 0.0;
            for (int j = 0; j < x.length; j++) {
                z += W[i][j] * x[j];
            }
            out[i] = Math.tanh(z);
        }
        return out;
    }

    @Differentiable
    static double perSampleLayers(double[][] W1, double[][] W2, double[][] X) {
        double s = 0.0;
        for (double[] x : X) {
            double[] h = tanhLayer(W1, x);
            double[] o = tanhLayer(W2, h);
            for (double v : o) {
                s += v * v;
            }
        }
        return s;
    }
}
