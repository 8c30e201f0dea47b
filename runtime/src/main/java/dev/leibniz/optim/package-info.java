/**
 * First-order optimizers that consume the gradients Leibniz generates: {@link
 * dev.leibniz.optim.Sgd}, {@link dev.leibniz.optim.Momentum} (heavy ball), {@link
 * dev.leibniz.optim.RmsProp} and {@link dev.leibniz.optim.Adam}.
 *
 * <p>Each implements {@link dev.leibniz.optim.Optimizer}: one call to {@code step(parameter,
 * gradient)} updates the parameter array in place, as the optimizer's textbook update rule says.
 * A training loop hands each parameter array with the gradient array of the same shape that a
 * generated {@code into} overload filled:
 *
 * <pre>{@code
 * Optimizer adam = new Adam(1e-3);
 * NetGrad.LossGradient g = new NetGrad.LossGradient();
 * for (int t = 0; t < steps; t++) {
 *     NetGrad.loss(w1, b1, w2, b2, xs, labels, g);
 *     adam.step(w1, g.w1());   // double[][]
 *     adam.step(b1, g.b1());   // double[]
 *     adam.step(w2, g.w2());
 *     adam.step(b2, g.b2());
 * }
 * }</pre>
 *
 * <p><b>Why state is keyed by the parameter array's identity.</b> Momentum, RMSProp and Adam
 * keep running averages of the same shape as each parameter, and Adam counts the steps each
 * parameter has taken. The optimizer keeps that state in a table keyed by the identity of the
 * parameter array ({@code ==}, not {@code equals}), created on the first {@code step} for that
 * array. This makes the call site a single line per parameter, with nothing to register and no
 * state objects to carry around, and it cannot mix up two parameters, because each array is its
 * own key. The costs are written down where they bite: a parameter must keep being updated in
 * the same array (update it in place, as {@code step} does, and do not replace it with a copy);
 * the table holds a strong reference to each parameter until {@link
 * dev.leibniz.optim.Optimizer#reset()}; and the optimizers are not thread-safe. A {@code
 * double[][]} parameter is stepped row by row, each row its own key, so its rows must be
 * distinct arrays. After the first step of a parameter, a step allocates nothing.
 *
 * <p>The package has no dependencies beyond {@code java.base}.
 */
package dev.leibniz.optim;
