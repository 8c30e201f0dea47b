package dev.leibniz.samples;

import dev.leibniz.Differentiable;

/**
 * Example 5.14 of <i>Mathematics for Machine Learning</i> (Deisenroth, Faisal and Ong), the
 * book's introduction to reverse-mode differentiation:
 *
 * <pre>
 *   f(x) = sqrt(x<sup>2</sup> + exp(x<sup>2</sup>)) + cos(x<sup>2</sup> + exp(x<sup>2</sup>))
 * </pre>
 *
 * <p>The book breaks the expression into intermediate variables
 *
 * <pre>
 *   a = x<sup>2</sup>,  b = exp(a),  c = a + b,  d = sqrt(c),  e = cos(c),  f = d + e
 * </pre>
 *
 * <p>and walks the chain rule backwards through them: &part;f/&part;d = &part;f/&part;e = 1,
 * &part;f/&part;c = 1 / (2 sqrt(c)) &minus; sin(c), &part;f/&part;a = &part;f/&part;c (1 + exp(a)),
 * and finally
 *
 * <pre>
 *   df/dx = 2x (1 + exp(x<sup>2</sup>)) (1 / (2 sqrt(x<sup>2</sup> + exp(x<sup>2</sup>)))
 *           &minus; sin(x<sup>2</sup> + exp(x<sup>2</sup>))).
 * </pre>
 *
 * <p>That backward sweep is exactly what Leibniz generates. The function is written twice, once
 * as a single expression and once with the book's intermediate variables; both must give the
 * same value and the same derivative, because the generated adjoint code does not depend on how
 * the computation is spelled.
 */
public final class Mml514 {

    private Mml514() {
    }

    /**
     * Evaluates f(x) as one expression.
     *
     * @param x the point
     * @return sqrt(x<sup>2</sup> + exp(x<sup>2</sup>)) + cos(x<sup>2</sup> + exp(x<sup>2</sup>))
     */
    @Differentiable
    public static double oneExpression(double x) {
        return Math.sqrt(x * x + Math.exp(x * x)) + Math.cos(x * x + Math.exp(x * x));
    }

    /**
     * Evaluates f(x) through the book's intermediate variables a to f.
     *
     * @param x the point
     * @return sqrt(x<sup>2</sup> + exp(x<sup>2</sup>)) + cos(x<sup>2</sup> + exp(x<sup>2</sup>))
     */
    @Differentiable
    public static double intermediateVariables(double x) {
        double a = x * x;
        double b = Math.exp(a);
        double c = a + b;
        double d = Math.sqrt(c);
        double e = Math.cos(c);
        double f = d + e;
        return f;
    }

    /**
     * The derivative worked out by hand in the book, for comparison with the generated one.
     *
     * @param x the point
     * @return df/dx at x
     */
    public static double closedFormDerivative(double x) {
        double c = x * x + Math.exp(x * x);
        return 2 * x * (1 + Math.exp(x * x)) * (1 / (2 * Math.sqrt(c)) - Math.sin(c));
    }
}
