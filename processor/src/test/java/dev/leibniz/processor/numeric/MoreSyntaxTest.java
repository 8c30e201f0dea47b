package dev.leibniz.processor.numeric;

import static dev.leibniz.processor.numeric.NumericChecks.assertDerivative;
import static dev.leibniz.processor.numeric.NumericChecks.assertGradient;
import static dev.leibniz.processor.numeric.NumericChecks.vector;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link MoreSyntax}. */
class MoreSyntaxTest {

    @ParameterizedTest
    @CsvSource({"0.3, -0.5", "-1.2, 0.8", "2.5, 0.1"})
    void staticImports(double x, double y) {
        var g = MoreSyntaxGrad.staticImports(x, y);
        assertGradient("sin(x) exp(y)", p -> MoreSyntax.staticImports(p[0], p[1]), vector(x, y), g.value(),
                vector(g.x(), g.y()), vector(Math.cos(x) * Math.exp(y), Math.sin(x) * Math.exp(y)));
    }

    @ParameterizedTest
    @CsvSource({"7.3, 2.0", "5.5, 1.5", "-7.3, 2.0"})
    void remainder(double x, double y) {
        var g = MoreSyntaxGrad.remainder(x, y);
        double quotient = (long) (x / y);
        assertGradient("x % y", p -> MoreSyntax.remainder(p[0], p[1]), vector(x, y), g.value(),
                vector(g.x(), g.y()), vector(1.0, -quotient));
    }

    @ParameterizedTest
    @CsvSource({"0.5, 2.0", "-3.0, 0.25"})
    void increments(double x, double y) {
        var g = MoreSyntaxGrad.increments(x, y);
        assertGradient("(x + 1)(y - 1)", p -> MoreSyntax.increments(p[0], p[1]), vector(x, y), g.value(),
                vector(g.x(), g.y()), vector(y - 1, x + 1));
    }

    @ParameterizedTest
    @ValueSource(doubles = {-1.5, 0.25, 3.0})
    void sideCall(double x) {
        var g = MoreSyntaxGrad.sideCall(x);
        assertDerivative("x^2 with a side call", MoreSyntax::sideCall, x, g.value(), g.x(), 2 * x);
    }

    @ParameterizedTest
    @ValueSource(doubles = {-2.5, 0.25, 3.0})
    void inferredLocal(double x) {
        var g = MoreSyntaxGrad.inferredLocal(x);
        assertDerivative("x^2 + 3x with var", MoreSyntax::inferredLocal, x, g.value(), g.x(), 2 * x + 3);
    }
}
