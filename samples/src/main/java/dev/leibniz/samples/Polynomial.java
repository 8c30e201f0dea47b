package dev.leibniz.samples;

import dev.leibniz.Differentiable;

/**
 * The smallest worked example: the polynomial
 *
 * <pre>
 *   f(x, y) = x<sup>2</sup> + 2xy + y<sup>3</sup>
 * </pre>
 *
 * <p>Its partial derivatives are easy to write down by hand,
 *
 * <pre>
 *   &part;f/&part;x = 2x + 2y,        &part;f/&part;y = 2x + 3y<sup>2</sup>,
 * </pre>
 *
 * <p>so at the point (1, 2) the value is 1 + 4 + 8 = 13 and the gradient is (6, 14).
 * Leibniz derives the same gradient at compile time: the processor writes
 * {@code PolynomialGrad}, whose {@code f(x, y)} returns the value together with
 * {@code x()} = &part;f/&part;x and {@code y()} = &part;f/&part;y.
 */
public final class Polynomial {

    private Polynomial() {
    }

    /**
     * Evaluates f(x, y) = x<sup>2</sup> + 2xy + y<sup>3</sup>.
     *
     * @param x the first variable
     * @param y the second variable
     * @return x<sup>2</sup> + 2xy + y<sup>3</sup>
     */
    @Differentiable
    public static double f(double x, double y) {
        return x * x + 2 * x * y + y * y * y;
    }
}
