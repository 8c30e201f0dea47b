package dev.leibniz.processor.calls;

import dev.leibniz.DerivativeOf;
import dev.leibniz.Differentiable;

/**
 * A sigmoid whose own (naive) derivative is NaN far left, and a {@code @DerivativeOf} rule that
 * computes it stably; and a straight-through quantizer whose rule deliberately differs from the
 * method's own derivative, so a caller shows which of the two was used.
 */
final class StableSigmoid {

    private StableSigmoid() {}

    /**
     * 1 / (1 + e^-x). Right at x = -800: e^800 overflows to infinity and the value is 0. The
     * naive adjoint of that step is (-0) * infinity = NaN.
     */
    @Differentiable
    static double sigmoid(double x) {
        return 1.0 / (1.0 + Math.exp(-x));
    }

    /** The sigmoid without overflow: e^x / (1 + e^x) for x below 0. */
    static double stable(double x) {
        if (x >= 0.0) {
            return 1.0 / (1.0 + Math.exp(-x));
        }
        double e = Math.exp(x);
        return e / (1.0 + e);
    }

    /** seed * s (1 - s), with s computed without overflow: 0 or tiny far left, never NaN. */
    @DerivativeOf("sigmoid")
    static double sigmoidPullback(double x, double seed) {
        double s = stable(x);
        return seed * s * (1.0 - s);
    }

    /** A caller: 2 sigmoid(x y) + 0.5, differentiated through the rule. */
    @Differentiable
    static double activation(double x, double y) {
        return 2.0 * sigmoid(x * y) + 0.5;
    }

    /** Rounds down to a multiple of 1/4; its own derivative is 0 everywhere (floor). */
    @Differentiable
    static double quantize(double x) {
        return Math.floor(4.0 * x) / 4.0;
    }

    /** The straight-through estimator: pretends quantize is the identity. */
    @DerivativeOf("quantize")
    static double quantizePullback(double x, double seed) {
        return seed;
    }

    /** A caller: x quantize(x). With the rule the derivative is quantize(x) + x. */
    @Differentiable
    static double quantizedProduct(double x) {
        return x * quantize(x);
    }
}
