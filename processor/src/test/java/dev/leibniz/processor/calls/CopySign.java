package dev.leibniz.processor.calls;

import dev.leibniz.DerivativeOf;
import dev.leibniz.Differentiable;

/**
 * A rule for {@link Math#copySign(double, double)}, which Leibniz's table of elementary
 * derivatives does not have: copySign(m, s) = |m| sign(s), so d/dm = sign(m) sign(s) and
 * d/ds = 0 wherever s is not 0.
 */
final class CopySign {

    private CopySign() {}

    /** seed * (sign(m) sign(s), 0), the signs taken as copySign does (of the sign bit). */
    @DerivativeOf(value = "copySign", of = Math.class)
    static double[] copySignPullback(double magnitude, double sign, double seed) {
        double d = Math.copySign(1.0, magnitude) * Math.copySign(1.0, sign);
        return new double[] {seed * d, 0.0};
    }

    /** copySign(x^2, y) + x y. */
    @Differentiable
    static double signedSquare(double x, double y) {
        return Math.copySign(x * x, y) + x * y;
    }
}
