package dev.leibniz.processor.gallery;

import dev.leibniz.Differentiable;

/** Instance methods reading fields, and gallery methods calling each other. */
final class Models {

    final double[] weights;
    final double temperature;

    Models(double[] weights, double temperature) {
        this.weights = weights;
        this.temperature = temperature;
    }

    /** Weighted softplus score of x against the model's weights (fields are constants). */
    @Differentiable
    double score(double[] x) {
        double z = 0.0;
        for (int i = 0; i < weights.length; i++) {
            z += weights[i] * x[i];
        }
        return NeuralLayers.softplus(z / temperature);
    }

    /** The loss of the fixed model at an input, through the instance method above. */
    @Differentiable
    double scoreLoss(double[] x, double target) {
        double s = score(x);
        return (s - target) * (s - target);
    }

    /** Ridge-penalised distance to the model's weights, only x differentiated; a field array read in a loop. */
    @Differentiable(wrt = "x")
    double anchoredDistance(double[] x, double lambda) {
        double d = 0.0;
        double r = 0.0;
        for (int i = 0; i < x.length; i++) {
            double diff = x[i] - weights[i];
            d += diff * diff / temperature;
            r += x[i] * x[i];
        }
        return Math.sqrt(d + 1e-9) + lambda * r;
    }

    /** out = x[xOff ..] - c[cOff ..] over d entries: a helper that fills its output, BLAS style. */
    @Differentiable
    static void difference(int d, double[] x, int xOff, double[] c, int cOff, double[] out) {
        for (int i = 0; i < d; i++) {
            out[i] = x[xOff + i] - c[cOff + i];
        }
    }

    /** The squared norm of the first d entries of v. */
    @Differentiable
    static double squaredNorm(int d, double[] v) {
        double s = 0.0;
        for (int i = 0; i < d; i++) {
            s += v[i] * v[i];
        }
        return s;
    }

    /**
     * Soft k-means: for each point (d numbers each, one after another), minus the log of the sum
     * over the k centres of exp(-squared distance). One scratch buffer for the differences, as
     * ADBench's GMM has it: the reverse sweep computes it again rather than keeping copies.
     */
    @Differentiable(wrt = "centres")
    static double softKMeans(double[] points, double[] centres, int d, int k) {
        double[] diff = new double[d];
        int n = points.length / d;
        double total = 0.0;
        for (int p = 0; p < n; p++) {
            double s = 0.0;
            for (int j = 0; j < k; j++) {
                difference(d, points, p * d, centres, j * d, diff);
                s += Math.exp(-squaredNorm(d, diff));
            }
            total -= Math.log(s);
        }
        return total;
    }

    /** A polynomial fit's loss plus a log-sum-exp penalty: calls into two other fixtures. */
    @Differentiable
    static double penalisedFit(double[] c, double[] xs, double[] ys, double lambda) {
        return Polynomials.leastSquaresFit(c, xs, ys) + lambda * NeuralLayers.logSumExp(c);
    }

    /** An Euler step calling a differentiable right-hand side inside the loop. */
    @Differentiable
    static double eulerWithCalls(double y0, double k, double dt, int steps) {
        double y = y0;
        for (int s = 0; s < steps; s++) {
            y = y + dt * rhs(y, k);
        }
        return y;
    }

    /** Right-hand side of a logistic-like ODE. */
    @Differentiable
    static double rhs(double y, double k) {
        return k * y * (1.0 - y) - NeuralLayers.softplus(y - 2.0);
    }
}
