package dev.leibniz.optim;

/**
 * A first-order optimizer: updates a parameter in place from the gradient of the loss with
 * respect to it.
 *
 * <p>State (running averages, step counts) is kept per parameter array, keyed by the array's
 * identity, as the {@linkplain dev.leibniz.optim package description} explains. Call {@code
 * step} once per parameter per iteration, always with the same array for the same parameter.
 */
public interface Optimizer {

    /**
     * Takes one step: updates every element of {@code parameter} in place from the element of
     * {@code gradient} at the same index, by the implementation's update rule.
     *
     * @param parameter the parameter, updated in place; its identity keys the optimizer's state
     * @param gradient  the gradient of the loss with respect to {@code parameter}, same length;
     *                  read only
     * @throws IllegalArgumentException if the lengths differ
     */
    void step(double[] parameter, double[] gradient);

    /**
     * Takes one step on a matrix parameter, row by row: {@code step(parameter[i], gradient[i])}
     * for every row {@code i}. Each row keeps its own state, so the rows must be distinct arrays.
     *
     * @param parameter the parameter, updated in place; rows may differ in length
     * @param gradient  the gradient, of the same shape; read only
     * @throws IllegalArgumentException if the shapes differ
     */
    default void step(double[][] parameter, double[][] gradient) {
        if (parameter.length != gradient.length) {
            throw new IllegalArgumentException("parameter has " + parameter.length
                    + " rows but gradient has " + gradient.length);
        }
        for (int i = 0; i < parameter.length; i++) {
            step(parameter[i], gradient[i]);
        }
    }

    /**
     * Forgets the state of every parameter, as if no step had been taken, and drops the
     * references to them. The hyperparameters stay.
     */
    void reset();
}
