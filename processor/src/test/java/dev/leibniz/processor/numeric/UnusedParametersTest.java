package dev.leibniz.processor.numeric;

import static dev.leibniz.processor.numeric.NumericChecks.assertEdge;
import static dev.leibniz.processor.numeric.NumericChecks.assertExactly;
import static dev.leibniz.processor.numeric.NumericChecks.assertGradient;
import static dev.leibniz.processor.numeric.NumericChecks.vector;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The gradient of a parameter the value does not depend on is exactly 0.0, through all three
 * entry points.
 */
class UnusedParametersTest {

    @ParameterizedTest
    @CsvSource({"1.5, -2.0", "-0.3, 4.0", "0.0, 0.0"})
    void unusedParameter(double x, double y) {
        var g = UnusedParametersGrad.ignoresY(x, y);
        assertGradient("x * x", p -> UnusedParameters.ignoresY(p[0], p[1]), vector(x, y),
                g.value(), vector(g.x(), g.y()), vector(2.0 * x, 0.0));
        assertExactly(0.0, g.y(), "d/dy of x * x");

        var into = new UnusedParametersGrad.IgnoresYGradient();
        UnusedParametersGrad.ignoresY(x, y, into);
        assertExactly(0.0, into.y(), "d/dy of x * x through into");
        UnusedParametersGrad.ignoresYPullback(x, y, -3.0, into);
        assertExactly(0.0, into.y(), "d/dy of x * x through the pullback");
    }

    @ParameterizedTest
    @CsvSource({"1.5, -2.0", "-0.3, 4.0"})
    void noParameterUsed(double x, double y) {
        var g = UnusedParametersGrad.constant(x, y);
        assertEdge("4.0", p -> UnusedParameters.constant(p[0], p[1]), vector(x, y), g.value(),
                vector(g.x(), g.y()), vector(0.0, 0.0));
        var into = new UnusedParametersGrad.ConstantGradient();
        assertExactly(4.0, UnusedParametersGrad.constantPullback(x, y, 2.0, into), "value");
        assertExactly(0.0, into.x(), "d/dx of 4.0 through the pullback");
        assertExactly(0.0, into.y(), "d/dy of 4.0 through the pullback");
    }

    @ParameterizedTest
    @CsvSource({"1.5, -2.0, -1.0", "-0.3, 4.0, 1.0", "2.0, 0.5, 1.0"})
    void parameterOnlyInACondition(double x, double y, double dx) {
        var g = UnusedParametersGrad.yOnlyInCondition(x, y);
        assertGradient("y > 0 ? x : -x", p -> UnusedParameters.yOnlyInCondition(p[0], p[1]),
                vector(x, y), g.value(), vector(g.x(), g.y()), vector(dx, 0.0));
    }

    @ParameterizedTest
    @CsvSource({"-1.5, -2.0", "-0.3, 4.0"})
    void parameterOnlyInTheUntakenBranch(double x, double y) {
        var g = UnusedParametersGrad.yOnlyInOneBranch(x, y);
        assertGradient("x > 0 ? x * y : x", p -> UnusedParameters.yOnlyInOneBranch(p[0], p[1]),
                vector(x, y), g.value(), vector(g.x(), g.y()), vector(1.0, 0.0));
    }

    @ParameterizedTest
    @CsvSource({"1.5, -2.0", "-0.3, 4.0"})
    void parameterOverwrittenBeforeUse(double x, double y) {
        var g = UnusedParametersGrad.yOverwritten(x, y);
        assertGradient("t = y; t = x; t * x", p -> UnusedParameters.yOverwritten(p[0], p[1]),
                vector(x, y), g.value(), vector(g.x(), g.y()), vector(2.0 * x, 0.0));
    }
}
