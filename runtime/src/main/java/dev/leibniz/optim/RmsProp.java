package dev.leibniz.optim;

import java.util.Locale;

/**
 * RMSProp (Tieleman &amp; Hinton, 2012, lecture 6.5). With learning rate &eta;, decay &rho;, a
 * small &epsilon; and a mean square s that starts at 0, each step does, for every element,
 *
 * <pre>
 *   s &larr; &rho; s + (1 &minus; &rho;) g&sup2;
 *   &theta; &larr; &theta; &minus; &eta; g / (&radic;s + &epsilon;)
 * </pre>
 *
 * <p>&epsilon; is added outside the square root, as PyTorch's {@code RMSprop} does (Keras adds it
 * inside). There is no bias correction and no momentum term.
 */
public final class RmsProp implements Optimizer {

    private final double learningRate;
    private final double decay;
    private final double epsilon;
    private final ParameterStates states = new ParameterStates(1);

    /**
     * RMSProp with &rho; = 0.9 and &epsilon; = 1e-8.
     *
     * @param learningRate &eta;, positive; 1e-3 is usual
     * @throws IllegalArgumentException if {@code learningRate} is not positive and finite
     */
    public RmsProp(double learningRate) {
        this(learningRate, 0.9, 1e-8);
    }

    /**
     * RMSProp with learning rate &eta;, decay &rho; and &epsilon;.
     *
     * @param learningRate &eta;, positive
     * @param decay        &rho;, in [0, 1)
     * @param epsilon      &epsilon;, non-negative
     * @throws IllegalArgumentException if a hyperparameter is out of range
     */
    public RmsProp(double learningRate, double decay, double epsilon) {
        this.learningRate = ParameterStates.checkPositive("learningRate", learningRate);
        this.decay = ParameterStates.checkDecay("decay", decay);
        this.epsilon = ParameterStates.checkEpsilon(epsilon);
    }

    /** {@inheritDoc} */
    @Override
    public void step(double[] parameter, double[] gradient) {
        double[] meanSquare = states.advance(parameter, gradient).averages[0];
        for (int i = 0; i < parameter.length; i++) {
            double g = gradient[i];
            meanSquare[i] = decay * meanSquare[i] + (1 - decay) * g * g;
            parameter[i] -= learningRate * g / (Math.sqrt(meanSquare[i]) + epsilon);
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
     * @return the name and hyperparameters, such as {@code RMSProp(lr=0.001, rho=0.9, eps=1e-8)}
     */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "RMSProp(lr=%s, rho=%s, eps=%s)", learningRate, decay,
                epsilon);
    }
}
