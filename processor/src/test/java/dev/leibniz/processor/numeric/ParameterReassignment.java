package dev.leibniz.processor.numeric;

import dev.leibniz.Differentiable;

/** Parameters are local variables too: assigning one must not lose the input's gradient. */
final class ParameterReassignment {

    private ParameterReassignment() {}

    /** (xy + y)^2: (2 (xy + y) y, 2 (xy + y)(x + 1)). */
    @Differentiable
    static double assignParameter(double x, double y) {
        x = x * y;
        x = x + y;
        return x * x;
    }

    /** (xy + x)^2: (2 (xy + x)(y + 1), 2 (xy + x) x). */
    @Differentiable
    static double compoundAssignParameter(double x, double y) {
        y *= x;
        y += x;
        return y * y;
    }
}
