package dev.leibniz.processor.numeric;

import dev.leibniz.Differentiable;

/** Parameters the value does not depend on (at all, or at the point evaluated). */
final class UnusedParameters {

    private UnusedParameters() {}

    /** x^2: (2x, 0). */
    @Differentiable
    static double ignoresY(double x, double y) {
        return x * x;
    }

    /** 4: (0, 0). */
    @Differentiable
    static double constant(double x, double y) {
        return 4.0;
    }

    /** y only decides the sign: (y &gt; 0 ? 1 : -1, 0). */
    @Differentiable
    static double yOnlyInCondition(double x, double y) {
        return y > 0 ? x : -x;
    }

    /** x &gt; 0: xy (y, x); otherwise x (1, 0). */
    @Differentiable
    static double yOnlyInOneBranch(double x, double y) {
        return x > 0 ? x * y : x;
    }

    /** t = y is overwritten before use: x^2, (2x, 0). */
    @Differentiable
    static double yOverwritten(double x, double y) {
        double t = y;
        t = x;
        return t * x;
    }
}
