package dev.leibniz.processor.numeric;

import static dev.leibniz.processor.numeric.NumericChecks.assertDerivative;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link IntegralValues}: found by the random-program oracle. */
class IntegralValuesTest {

    @ParameterizedTest
    @ValueSource(doubles = {1.3, 1.7, -2.2})
    void roundedThenDivided(double x) {
        var g = IntegralValuesGrad.roundedThenDivided(x);
        assertDerivative("round(x) / 4 * x", IntegralValues::roundedThenDivided, x, g.value(), g.x(),
                Math.round(x) / 4.0);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.5, -3.0})
    void reassignedFromAnInt(double x) {
        var g = IntegralValuesGrad.reassignedFromAnInt(x);
        assertDerivative("2.5 x", IntegralValues::reassignedFromAnInt, x, g.value(), g.x(), 2.5);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.5, -3.0})
    void castBack(double x) {
        var g = IntegralValuesGrad.castBack(x);
        assertDerivative("2 x + 0.5", IntegralValues::castBack, x, g.value(), g.x(), 2.0);
    }
}
