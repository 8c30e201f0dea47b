package dev.leibniz.processor.numeric;

import static dev.leibniz.processor.numeric.NumericChecks.vector;

/** Hand-written closed-form gradients of {@link CompositeFunctions}. */
final class CompositeDerivatives {

    private CompositeDerivatives() {}

    /** d/dx of MML 5.14: (2x + 2x exp(x^2)) (1 / (2 sqrt(c)) - sin(c)), c = x^2 + exp(x^2). */
    static double mml514(double x) {
        double c = x * x + Math.exp(x * x);
        return (2.0 * x + 2.0 * x * Math.exp(x * x)) * (1.0 / (2.0 * Math.sqrt(c)) - Math.sin(c));
    }

    /** The gradient of x^2 + 2xy + y^3: (2x + 2y, 2x + 3y^2). */
    static double[] polynomial(double x, double y) {
        return vector(2.0 * x + 2.0 * y, 2.0 * x + 3.0 * y * y);
    }

    /** The gradient of exp(-x^2) sin(yz) + log1p(y^2) / (1 + z^2). */
    static double[] wave(double x, double y, double z) {
        double gauss = Math.exp(-x * x);
        double q = 1.0 + z * z;
        return vector(
                -2.0 * x * gauss * Math.sin(y * z),
                gauss * z * Math.cos(y * z) + 2.0 * y / (1.0 + y * y) / q,
                gauss * y * Math.cos(y * z) - Math.log1p(y * y) * 2.0 * z / (q * q));
    }
}
