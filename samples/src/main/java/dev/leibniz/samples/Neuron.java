package dev.leibniz.samples;

import dev.leibniz.Differentiable;

/**
 * A single sigmoid neuron with two inputs:
 *
 * <pre>
 *   z = w<sub>1</sub>x<sub>1</sub> + w<sub>2</sub>x<sub>2</sub> + b,     y = &sigma;(z) = 1 / (1 + exp(&minus;z))
 * </pre>
 *
 * <p>Because &sigma;'(z) = &sigma;(z)(1 &minus; &sigma;(z)) = y(1 &minus; y), the chain rule gives
 *
 * <pre>
 *   &part;y/&part;w<sub>i</sub> = y(1 &minus; y) x<sub>i</sub>,   &part;y/&part;b = y(1 &minus; y),
 *   &part;y/&part;x<sub>i</sub> = y(1 &minus; y) w<sub>i</sub>.
 * </pre>
 *
 * <p>The derivatives with respect to the weights and the bias are what training needs; the ones
 * with respect to the inputs are what backpropagation passes on to the layer below. Leibniz
 * differentiates every {@code double} parameter, so the generated {@code NeuronGrad.output}
 * returns all five. To train against a loss L(y), pass &part;L/&part;y as the seed of
 * {@code NeuronGrad.outputPullback}: it returns the five partials of L in one backward sweep.
 */
public final class Neuron {

    private Neuron() {
    }

    /**
     * Evaluates the neuron's output.
     *
     * @param w1 the weight of the first input
     * @param w2 the weight of the second input
     * @param b  the bias
     * @param x1 the first input
     * @param x2 the second input
     * @return 1 / (1 + exp(&minus;(w<sub>1</sub>x<sub>1</sub> + w<sub>2</sub>x<sub>2</sub> + b)))
     */
    @Differentiable
    public static double output(double w1, double w2, double b, double x1, double x2) {
        double z = w1 * x1 + w2 * x2 + b;
        return 1 / (1 + Math.exp(-z));
    }
}
