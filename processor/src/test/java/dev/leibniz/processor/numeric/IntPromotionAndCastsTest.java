package dev.leibniz.processor.numeric;

import static dev.leibniz.processor.numeric.NumericChecks.assertDerivative;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link IntPromotionAndCasts}: ints take part in values but are never differentiated. */
class IntPromotionAndCastsTest {

    @ParameterizedTest
    @ValueSource(doubles = {-4.0, 0.0, 1.25})
    void intLiterals(double x) {
        var g = IntPromotionAndCastsGrad.intLiterals(x);
        assertDerivative("2 * x + x * 3 - 1", IntPromotionAndCasts::intLiterals, x, g.value(),
                g.x(), 5.0);
    }

    @ParameterizedTest
    @ValueSource(doubles = {-4.0, 0.5, 1.25})
    void intLocal(double x) {
        var g = IntPromotionAndCastsGrad.intLocal(x);
        assertDerivative("int n = 3; n * x * x", IntPromotionAndCasts::intLocal, x, g.value(),
                g.x(), 6.0 * x);
    }

    @ParameterizedTest
    @ValueSource(doubles = {-4.0, 0.0, 1.25})
    void intArithmetic(double x) {
        var g = IntPromotionAndCastsGrad.intArithmetic(x);
        assertDerivative("int arithmetic", IntPromotionAndCasts::intArithmetic, x, g.value(),
                g.x(), 5.0);
    }

    @ParameterizedTest
    @CsvSource({"1.5, -2", "-3.0, 4", "0.5, 0", "2.0, 7"})
    void intParameter(double x, int n) {
        var g = IntPromotionAndCastsGrad.intParameter(x, n);
        assertDerivative("n * x + n", t -> IntPromotionAndCasts.intParameter(t, n), x, g.value(),
                g.x(), n);
    }

    @ParameterizedTest
    @ValueSource(doubles = {-4.0, 0.0, 1.25})
    void intDivisionHappensBeforePromotion(double x) {
        var g = IntPromotionAndCastsGrad.intDivisionBeforePromotion(x);
        assertDerivative("(7 / 2) * x", IntPromotionAndCasts::intDivisionBeforePromotion, x,
                g.value(), g.x(), 3.0);
    }

    @ParameterizedTest
    @ValueSource(doubles = {-2.0, 0.5, 3.0})
    void promotionInDivision(double x) {
        var g = IntPromotionAndCastsGrad.promotionInDivision(x);
        assertDerivative("x / 2 + 1 / x", IntPromotionAndCasts::promotionInDivision, x, g.value(),
                g.x(), 0.5 - 1.0 / (x * x));
    }

    @ParameterizedTest
    @CsvSource({"1.5, 3", "-3.0, 1", "0.5, -6"})
    void castIntToDouble(double x, int n) {
        var g = IntPromotionAndCastsGrad.castIntToDouble(x, n);
        assertDerivative("(double) n / 4 * x", t -> IntPromotionAndCasts.castIntToDouble(t, n), x,
                g.value(), g.x(), n / 4.0);
    }

    @ParameterizedTest
    @ValueSource(doubles = {-1.5, 0.4, 2.7})
    void castDoubleToInt(double x) {
        var g = IntPromotionAndCastsGrad.castDoubleToInt(x);
        assertDerivative("int k = (int) x; k * x", IntPromotionAndCasts::castDoubleToInt, x,
                g.value(), g.x(), (int) x);
    }
}
