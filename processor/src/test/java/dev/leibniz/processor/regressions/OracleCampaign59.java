package dev.leibniz.processor.regressions;

import dev.leibniz.Differentiable;

/**
 * A wrong Hessian the random-program oracle found (seed 59), reduced: pow's partial in its base
 * was guarded by {@code b == 0 ? 0 : b a^(b-1)}, whose derivative in b is 0 at b = 0, so
 * ∂²/∂a∂b of a^b came out 0 there instead of 1/a (one order of the mixed partials only).
 */
final class OracleCampaign59 {
    private OracleCampaign59() {}

    @Differentiable
    static double power(double a, double b) {
        return Math.pow(a, b);
    }

    /** The oracle's shape: an exponent that is 0 where a weight is (tanh(0) = 0), as at initialisation. */
    @Differentiable
    static double gatedPower(double c, double w) {
        return Math.pow((3 - c) * (3 - c) + 1.5, 0.5 * Math.tanh(w));
    }
}
