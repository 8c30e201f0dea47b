package dev.leibniz.optim;

import java.util.Locale;

/**
 * Plain gradient descent with a constant learning rate &eta;:
 *
 * <pre>
 *   &theta; &larr; &theta; &minus; &eta; g
 * </pre>
 *
 * <p>for every element, where g is the gradient. It keeps no state.
 */
public final class Sgd implements Optimizer {

    private final double learningRate;

    /**
     * Gradient descent with learning rate &eta;.
     *
     * @param learningRate &eta;, positive
     * @throws IllegalArgumentException if {@code learningRate} is not positive and finite
     */
    public Sgd(double learningRate) {
        this.learningRate = ParameterStates.checkPositive("learningRate", learningRate);
    }

    /** {@inheritDoc} */
    @Override
    public void step(double[] parameter, double[] gradient) {
        ParameterStates.checkLengths(parameter, gradient);
        for (int i = 0; i < parameter.length; i++) {
            parameter[i] -= learningRate * gradient[i];
        }
    }

    /** Does nothing: plain gradient descent has no state. */
    @Override
    public void reset() {
    }

    /**
     * Describes the optimizer for logs.
     *
     * @return the name and hyperparameters, such as {@code SGD(lr=0.1)}
     */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "SGD(lr=%s)", learningRate);
    }
}
