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
