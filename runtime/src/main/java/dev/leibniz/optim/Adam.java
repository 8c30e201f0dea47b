package dev.leibniz.optim;

import java.util.Locale;

/**
 * Adam, as in Algorithm 1 of Kingma &amp; Ba, "Adam: A Method for Stochastic Optimization"
 * (ICLR 2015). With step size &alpha;, decay rates &beta;<sub>1</sub> and &beta;<sub>2</sub>, a
 * small &epsilon;, moments m and v that start at 0 and the parameter's step count t (1 on its
 * first step), each step does, for every element,
 *
 * <pre>
 *   m &larr; &beta;&#8321; m + (1 &minus; &beta;&#8321;) g
 *   v &larr; &beta;&#8322; v + (1 &minus; &beta;&#8322;) g&sup2;
 *   m&#770; = m / (1 &minus; &beta;&#8321;&#7511;)
 *   v&#770; = v / (1 &minus; &beta;&#8322;&#7511;)
 *   &theta; &larr; &theta; &minus; &alpha; m&#770; / (&radic;v&#770; + &epsilon;)
 * </pre>
 *
 * <p>The bias corrections undo the moments' start at 0: on the first step m&#770; = g and
 * v&#770; = g&sup2;, so the step is &alpha; g / (|g| + &epsilon;), about &alpha; in size. t
 * counts the steps of each parameter array separately; when every parameter is stepped once per
 * iteration, as in a training loop, that is the paper's t.
 */
public final class Adam implements Optimizer {

    private final double learningRate;
    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final ParameterStates states = new ParameterStates(2);

    /**
     * Adam with the paper's defaults &beta;<sub>1</sub> = 0.9, &beta;<sub>2</sub> = 0.999 and
     * &epsilon; = 1e-8.
     *
     * @param learningRate &alpha;, positive; the paper suggests 1e-3
     * @throws IllegalArgumentException if {@code learningRate} is not positive and finite
     */
    public Adam(double learningRate) {
        this(learningRate, 0.9, 0.999, 1e-8);
    }

    /**
     * Adam with step size &alpha;, decay rates &beta;<sub>1</sub>, &beta;<sub>2</sub> and &epsilon;.
     *
     * @param learningRate &alpha;, positive
     * @param beta1        &beta;<sub>1</sub>, the decay of the first moment, in [0, 1)
     * @param beta2        &beta;<sub>2</sub>, the decay of the second moment, in [0, 1)
     * @param epsilon      &epsilon;, non-negative
     * @throws IllegalArgumentException if a hyperparameter is out of range
     */
    public Adam(double learningRate, double beta1, double beta2, double epsilon) {
        this.learningRate = ParameterStates.checkPositive("learningRate", learningRate);
        this.beta1 = ParameterStates.checkDecay("beta1", beta1);
        this.beta2 = ParameterStates.checkDecay("beta2", beta2);
        this.epsilon = ParameterStates.checkEpsilon(epsilon);
    }

    /** {@inheritDoc} */
    @Override
    public void step(double[] parameter, double[] gradient) {
        ParameterStates.State state = states.advance(parameter, gradient);
        double[] m = state.averages[0];
        double[] v = state.averages[1];
        double correction1 = 1 - Math.pow(beta1, state.steps);
        double correction2 = 1 - Math.pow(beta2, state.steps);
        for (int i = 0; i < parameter.length; i++) {
            double g = gradient[i];
            m[i] = beta1 * m[i] + (1 - beta1) * g;
            v[i] = beta2 * v[i] + (1 - beta2) * g * g;
            double mHat = m[i] / correction1;
            double vHat = v[i] / correction2;
            parameter[i] -= learningRate * mHat / (Math.sqrt(vHat) + epsilon);
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
     * @return the name and hyperparameters, such as
     *         {@code Adam(lr=0.001, beta1=0.9, beta2=0.999, eps=1e-8)}
     */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Adam(lr=%s, beta1=%s, beta2=%s, eps=%s)", learningRate,
                beta1, beta2, epsilon);
    }
}
