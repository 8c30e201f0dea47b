package dev.leibniz.processor.numeric;

import static dev.leibniz.processor.numeric.NumericChecks.assertDerivative;
import static dev.leibniz.processor.numeric.NumericChecks.assertGradient;
import static dev.leibniz.processor.numeric.NumericChecks.vector;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link Operators}: arithmetic, compound assignment and reassignment. */
class OperatorsTest {

    @ParameterizedTest
    @CsvSource({"1.5, -2.0", "-0.3, 4.0", "2.0, 0.5", "-7.0, -3.0"})
    void add(double x, double y) {
        var g = OperatorsGrad.add(x, y);
        assertGradient("x + y", p -> Operators.add(p[0], p[1]), vector(x, y), g.value(),
                vector(g.x(), g.y()), vector(1.0, 1.0));
    }

    @ParameterizedTest
    @CsvSource({"1.5, -2.0", "-0.3, 4.0", "2.0, 0.5", "-7.0, -3.0"})
    void subtract(double x, double y) {
        var g = OperatorsGrad.subtract(x, y);
        assertGradient("x - y", p -> Operators.subtract(p[0], p[1]), vector(x, y), g.value(),
                vector(g.x(), g.y()), vector(1.0, -1.0));
    }

    @ParameterizedTest
    @CsvSource({"1.5, -2.0", "-0.3, 4.0", "2.0, 0.5", "-7.0, -3.0"})
    void multiply(double x, double y) {
        var g = OperatorsGrad.multiply(x, y);
        assertGradient("x * y", p -> Operators.multiply(p[0], p[1]), vector(x, y), g.value(),
                vector(g.x(), g.y()), vector(y, x));
    }

    @ParameterizedTest
    @CsvSource({"1.5, -2.0", "-0.3, 4.0", "2.0, 0.5", "-7.0, -3.0"})
    void divide(double x, double y) {
        var g = OperatorsGrad.divide(x, y);
        assertGradient("x / y", p -> Operators.divide(p[0], p[1]), vector(x, y), g.value(),
                vector(g.x(), g.y()), vector(1.0 / y, -x / (y * y)));
    }

    @ParameterizedTest
    @ValueSource(doubles = {-2.0, 0.0, 3.5})
    void negate(double x) {
        var g = OperatorsGrad.negate(x);
        assertDerivative("-x", Operators::negate, x, g.value(), g.x(), -1.0);
    }

    @ParameterizedTest
    @CsvSource({"1.5, -2.0", "-0.3, 4.0", "2.0, 0.5", "-7.0, -3.0"})
    void negations(double x, double y) {
        var g = OperatorsGrad.negations(x, y);
        assertGradient("-(x * y) - -x", p -> Operators.negations(p[0], p[1]), vector(x, y),
                g.value(), vector(g.x(), g.y()), vector(1.0 - y, -x));
    }

    @ParameterizedTest
    @CsvSource({"1.5, -2.0", "-0.3, 4.0", "2.0, 0.5", "-7.0, -3.0"})
    void parentheses(double x, double y) {
        var g = OperatorsGrad.parentheses(x, y);
        assertGradient("(x + y) * (x - y)", p -> Operators.parentheses(p[0], p[1]), vector(x, y),
                g.value(), vector(g.x(), g.y()), vector(2.0 * x, -2.0 * y));
    }

    @ParameterizedTest
    @ValueSource(doubles = {-1.0, 0.0, 2.5})
    void selfCancelling(double x) {
        var g = OperatorsGrad.selfCancelling(x);
        assertDerivative("x - x", Operators::selfCancelling, x, g.value(), g.x(), 0.0);
    }

    @ParameterizedTest
    @CsvSource({"1.5, -2.0", "-0.3, 4.0", "2.0, 0.5", "-7.0, -3.0"})
    void compoundAssignment(double x, double y) {
        var g = OperatorsGrad.compoundAssignment(x, y);
        assertGradient("+= *= -= /=", p -> Operators.compoundAssignment(p[0], p[1]), vector(x, y),
                g.value(), vector(g.x(), g.y()), vector(2.0 * x / y + 1.0, -x * x / (y * y)));
    }

    @ParameterizedTest
    @CsvSource({"1.5, -2.0", "-0.3, 4.0", "2.0, 0.5", "-7.0, -3.0"})
    void compoundAssignmentWithExpressions(double x, double y) {
        var g = OperatorsGrad.compoundWithExpressions(x, y);
        assertGradient("r *= x + y; r -= x - y; r += x * y",
                p -> Operators.compoundWithExpressions(p[0], p[1]), vector(x, y), g.value(),
                vector(g.x(), g.y()), vector(y, 2.0 + x));
    }

    @ParameterizedTest
    @ValueSource(doubles = {-1.5, 0.5, 3.0})
    void compoundAssignmentOfAVariableWithItself(double x) {
        var g = OperatorsGrad.compoundOnItself(x);
        assertDerivative("r *= r; r += r", Operators::compoundOnItself, x, g.value(), g.x(),
                4.0 * x);
    }

    @ParameterizedTest
    @CsvSource({"1.5, -2.0", "-0.3, 4.0", "2.0, 0.5", "-7.0, -3.0"})
    void reassignment(double x, double y) {
        var g = OperatorsGrad.reassignment(x, y);
        assertGradient("reassignment", p -> Operators.reassignment(p[0], p[1]), vector(x, y),
                g.value(), vector(g.x(), g.y()),
                vector(2.0 * x * y * y * y + y, 3.0 * x * x * y * y + x));
    }
}
