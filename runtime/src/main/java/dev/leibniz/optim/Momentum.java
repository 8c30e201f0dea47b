package dev.leibniz.optim;

import java.util.Locale;

/**
 * Gradient descent with Polyak's heavy-ball momentum. With learning rate &eta;, momentum
 * coefficient &mu; and a velocity v that starts at 0, each step does, for every element,
 *
 * <pre>
 *   v &larr; &mu; v &minus; &eta; g
 *   &theta; &larr; &theta; + v
 * </pre>
 *
 * <p>which is Polyak's (1964) &theta;<sub>t+1</sub> = &theta;<sub>t</sub> &minus; &eta;
 * g<sub>t</sub> + &mu; (&theta;<sub>t</sub> &minus; &theta;<sub>t&minus;1</sub>), written as in
 * Sutskever et al. (2013), eq. 1&ndash;2. The gradient is taken at &theta;, not at a look-ahead
 * point (that would be Nesterov's variant). With &mu; = 0 it is {@link Sgd}.
 */
public final class Momentum implements Optimizer {

    private final double learningRate;
    private final double momentum;
    private final ParameterStates states = new ParameterStates(1);

    /**
     * Heavy-ball momentum with learning rate &eta; and momentum coefficient &mu;.
     *
     * @param learningRate &eta;, positive
     * @param momentum     &mu;, in [0, 1); 0.9 is usual
     * @throws IllegalArgumentException if a hyperparameter is out of range
     */
    public Momentum(double learningRate, double momentum) {
        this.learningRate = ParameterStates.checkPositive("learningRate", learningRate);
        this.momentum = ParameterStates.checkDecay("momentum", momentum);
    }

    /** {@inheritDoc} */
    @Override
    public void step(double[] parameter, double[] gradient) {
        double[] velocity = states.advance(parameter, gradient).averages[0];
        for (int i = 0; i < parameter.length; i++) {
            velocity[i] = momentum * velocity[i] - learningRate * gradient[i];
            parameter[i] += velocity[i];
        }
    }

    /** {@inheritDoc} */
    @Override
    public void reset() {
        states.clear();
    }

    /**
     * Describes the optimizer for logs.
     *
     * @return the name and hyperparameters, such as {@code Momentum(lr=0.01, mu=0.9)}
     */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Momentum(lr=%s, mu=%s)", learningRate, momentum);
    }
}
