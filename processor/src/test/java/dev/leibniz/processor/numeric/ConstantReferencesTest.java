package dev.leibniz.processor.numeric;

import static dev.leibniz.processor.numeric.NumericChecks.assertDerivative;
import static dev.leibniz.processor.numeric.NumericChecks.assertGradient;
import static dev.leibniz.processor.numeric.NumericChecks.vector;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link ConstantReferences}: constants scale the derivative and are not differentiated. */
class ConstantReferencesTest {

    @ParameterizedTest
    @ValueSource(doubles = {-2.0, 0.5, 3.0})
    void mathPi(double x) {
        var g = ConstantReferencesGrad.mathPi(x);
        assertDerivative("Math.PI * x * x", ConstantReferences::mathPi, x, g.value(), g.x(),
                2.0 * 3.141592653589793 * x);
    }

    @ParameterizedTest
    @ValueSource(doubles = {-2.0, 0.0, 3.0})
    void mathE(double x) {
        var g = ConstantReferencesGrad.mathE(x);
        assertDerivative("Math.E * x - x", ConstantReferences::mathE, x, g.value(), g.x(),
                2.718281828459045 - 1.0);
    }

    @ParameterizedTest
    @CsvSource({"-2.0, 1.0", "0.5, -3.0", "3.0, 0.0"})
    void ownConstant(double x, double y) {
        var g = ConstantReferencesGrad.ownConstant(x, y);
        assertGradient("SCALE * x * x + ConstantReferences.SCALE * y",
                p -> ConstantReferences.ownConstant(p[0], p[1]), vector(x, y), g.value(),
                vector(g.x(), g.y()), vector(5.0 * x, 2.5));
    }

    @ParameterizedTest
    @ValueSource(doubles = {-2.0, 0.5, 3.0})
    void otherClassConstants(double x) {
        var g = ConstantReferencesGrad.otherClassConstants(x);
        assertDerivative("GRAVITY * x * x / 2 + DIMENSIONS * x",
                ConstantReferences::otherClassConstants, x, g.value(), g.x(), 9.81 * x + 4.0);
    }

    @ParameterizedTest
    @ValueSource(doubles = {-2.0, 0.0, 3.0})
    void computedConstant(double x) {
        var g = ConstantReferencesGrad.computedConstant(x);
        assertDerivative("ROOT_TWO * x", ConstantReferences::computedConstant, x, g.value(), g.x(),
                1.4142135623730951);
    }
}
