package dev.leibniz.processor.testing;

/**
 * Hand-written backpropagation through a 2-layer sigmoid network with a squared-error loss
 * (loops.Mlp#squaredError and calls.Network#loss), in plain loops: the reference for both.
 */
public final class MlpBackprop {

    private MlpBackprop() {}

    /** The gradient with respect to every parameter of the network. */
    public record Gradient(double[] x, double[][] w1, double[] b1, double[][] w2, double[] b2,
            double[] t) {}

    private static double sigmoid(double a) {
        return 1.0 / (1.0 + Math.exp(-a));
    }

    public static Gradient of(double[] x, double[][] w1, double[] b1, double[][] w2, double[] b2,
            double[] t) {
        int nIn = x.length;
        int nHidden = w1.length;
        int nOut = w2.length;
        // Forward.
        double[] h = new double[nHidden];
        for (int j = 0; j < nHidden; j++) {
            double a = b1[j];
            for (int i = 0; i < nIn; i++) {
                a += w1[j][i] * x[i];
            }
            h[j] = sigmoid(a);
        }
        double[] o = new double[nOut];
        for (int k = 0; k < nOut; k++) {
            double a = b2[k];
            for (int j = 0; j < nHidden; j++) {
                a += w2[k][j] * h[j];
            }
            o[k] = sigmoid(a);
        }
        // Backward: dL/do = 2 (o - t), sigmoid' = s (1 - s).
        double[] dt = new double[nOut];
        double[] delta2 = new double[nOut];
        for (int k = 0; k < nOut; k++) {
            double dOut = 2.0 * (o[k] - t[k]);
            dt[k] = -dOut;
            delta2[k] = dOut * o[k] * (1.0 - o[k]);
        }
        double[][] dw2 = new double[nOut][nHidden];
        double[] db2 = delta2.clone();
        double[] dh = new double[nHidden];
        for (int k = 0; k < nOut; k++) {
            for (int j = 0; j < nHidden; j++) {
                dw2[k][j] = delta2[k] * h[j];
                dh[j] += w2[k][j] * delta2[k];
            }
        }
        double[] delta1 = new double[nHidden];
        for (int j = 0; j < nHidden; j++) {
            delta1[j] = dh[j] * h[j] * (1.0 - h[j]);
        }
        double[][] dw1 = new double[nHidden][nIn];
        double[] db1 = delta1.clone();
        double[] dx = new double[nIn];
        for (int j = 0; j < nHidden; j++) {
            for (int i = 0; i < nIn; i++) {
                dw1[j][i] = delta1[j] * x[i];
                dx[i] += w1[j][i] * delta1[j];
            }
        }
        return new Gradient(dx, dw1, db1, dw2, db2, dt);
    }
}
