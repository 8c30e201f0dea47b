package dev.leibniz.processor.gallery;

import dev.leibniz.Differentiable;

/** The enhanced for over the rows of a matrix, the way most people loop over a data set. */
final class MatrixRows {

    private MatrixRows() {}

    /** Sum over samples of the squared linear prediction. */
    @Differentiable
    static double rowsSquaredPrediction(double[][] X, double[] w) {
        double s = 0.0;
        for (double[] row : X) {
            double z = 0.0;
            for (int j = 0; j < w.length; j++) {
                z += row[j] * w[j];
            }
            s += z * z;
        }
        return s;
    }
}
