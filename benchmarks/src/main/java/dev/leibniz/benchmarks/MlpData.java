package dev.leibniz.benchmarks;

import java.util.Random;

/**
 * Synthetic MLP data from a fixed seed: weights scaled by 1/√fan-in, inputs uniform in
 * [0, 1) (like pixel intensities), labels uniform over the classes.
 */
final class MlpData {
    final double[][] w1;
    final double[] b1;
    final double[][] w2;
    final double[] b2;
    final double[][] x;
    final int[] labels;

    private MlpData(double[][] w1, double[] b1, double[][] w2, double[] b2, double[][] x,
            int[] labels) {
        this.w1 = w1;
        this.b1 = b1;
        this.w2 = w2;
        this.b2 = b2;
        this.x = x;
        this.labels = labels;
    }

    static MlpData random(int inputs, int hidden, int classes, int batch, long seed) {
        Random r = new Random(seed);
        double[][] w1 = matrix(r, hidden, inputs, 1 / Math.sqrt(inputs));
        double[] b1 = matrix(r, 1, hidden, 0.1)[0];
        double[][] w2 = matrix(r, classes, hidden, 1 / Math.sqrt(hidden));
        double[] b2 = matrix(r, 1, classes, 0.1)[0];
        double[][] x = new double[batch][inputs];
        int[] labels = new int[batch];
        for (int s = 0; s < batch; s++) {
            for (int i = 0; i < inputs; i++) {
                x[s][i] = r.nextDouble();
            }
            labels[s] = r.nextInt(classes);
        }
        return new MlpData(w1, b1, w2, b2, x, labels);
    }

    private static double[][] matrix(Random r, int rows, int cols, double scale) {
        double[][] m = new double[rows][cols];
        for (double[] row : m) {
            for (int i = 0; i < cols; i++) {
                row[i] = scale * r.nextGaussian();
            }
        }
        return m;
    }
}
