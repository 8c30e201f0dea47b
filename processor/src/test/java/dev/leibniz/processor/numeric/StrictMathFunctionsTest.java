package dev.leibniz.processor.numeric;

import static dev.leibniz.processor.numeric.NumericChecks.assertDerivative;
import static dev.leibniz.processor.numeric.NumericChecks.assertGradient;
import static dev.leibniz.processor.numeric.NumericChecks.vector;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The generated gradients of the smooth {@code StrictMath} functions
 * ({@link StrictMathFunctions}) against hand-written closed forms and central differences, at
 * points spread over each domain.
 */
class StrictMathFunctionsTest {

    @ParameterizedTest
    @ValueSource(doubles = {-2.5, -0.4, 0.7, 3.0, 10.0})
    void sin(double x) {
        var g = StrictMathFunctionsGrad.sin(x);
        assertDerivative("StrictMath.sin", StrictMathFunctions::sin, x, g.value(), g.x(),
                StrictMath.cos(x));
    }

    @ParameterizedTest
    @ValueSource(doubles = {-2.5, -0.4, 0.7, 3.0, 10.0})
    void cos(double x) {
        var g = StrictMathFunctionsGrad.cos(x);
        assertDerivative("StrictMath.cos", StrictMathFunctions::cos, x, g.value(), g.x(),
                -StrictMath.sin(x));
    }

    @ParameterizedTest
    @ValueSource(doubles = {-1.2, -0.3, 0.5, 1.3})
    void tan(double x) {
        var g = StrictMathFunctionsGrad.tan(x);
        assertDerivative("StrictMath.tan", StrictMathFunctions::tan, x, g.value(), g.x(),
                1.0 / (StrictMath.cos(x) * StrictMath.cos(x)));
    }

    @ParameterizedTest
    @ValueSource(doubles = {-0.9, -0.2, 0.4, 0.95})
    void asin(double x) {
        var g = StrictMathFunctionsGrad.asin(x);
        assertDerivative("StrictMath.asin", StrictMathFunctions::asin, x, g.value(), g.x(),
                1.0 / StrictMath.sqrt(1.0 - x * x));
    }

    @ParameterizedTest
    @ValueSource(doubles = {-0.9, -0.2, 0.4, 0.95})
    void acos(double x) {
        var g = StrictMathFunctionsGrad.acos(x);
        assertDerivative("StrictMath.acos", StrictMathFunctions::acos, x, g.value(), g.x(),
                -1.0 / StrictMath.sqrt(1.0 - x * x));
    }

    @ParameterizedTest
    @ValueSource(doubles = {-5.0, -0.5, 0.3, 2.0, 40.0})
    void atan(double x) {
        var g = StrictMathFunctionsGrad.atan(x);
        assertDerivative("StrictMath.atan", StrictMathFunctions::atan, x, g.value(), g.x(),
                1.0 / (1.0 + x * x));
    }

    @ParameterizedTest
    @ValueSource(doubles = {-3.0, -0.5, 0.8, 4.0})
    void sinh(double x) {
        var g = StrictMathFunctionsGrad.sinh(x);
        assertDerivative("StrictMath.sinh", StrictMathFunctions::sinh, x, g.value(), g.x(),
                StrictMath.cosh(x));
    }

    @ParameterizedTest
    @ValueSource(doubles = {-3.0, -0.5, 0.8, 4.0})
    void cosh(double x) {
        var g = StrictMathFunctionsGrad.cosh(x);
        assertDerivative("StrictMath.cosh", StrictMathFunctions::cosh, x, g.value(), g.x(),
                StrictMath.sinh(x));
    }

    @ParameterizedTest
    @ValueSource(doubles = {-2.0, -0.3, 0.6, 3.0})
    void tanh(double x) {
        var g = StrictMathFunctionsGrad.tanh(x);
        assertDerivative("StrictMath.tanh", StrictMathFunctions::tanh, x, g.value(), g.x(),
                1.0 / (StrictMath.cosh(x) * StrictMath.cosh(x)));
    }

    @ParameterizedTest
    @ValueSource(doubles = {-3.0, -0.5, 0.0, 1.5, 5.0})
    void exp(double x) {
        var g = StrictMathFunctionsGrad.exp(x);
        assertDerivative("StrictMath.exp", StrictMathFunctions::exp, x, g.value(), g.x(),
                StrictMath.exp(x));
    }

    @ParameterizedTest
    @ValueSource(doubles = {-2.0, -1e-3, 0.0, 0.5, 3.0})
    void expm1(double x) {
        var g = StrictMathFunctionsGrad.expm1(x);
        assertDerivative("StrictMath.expm1", StrictMathFunctions::expm1, x, g.value(), g.x(),
                StrictMath.exp(x));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.01, 0.5, 2.0, 100.0})
    void log(double x) {
        var g = StrictMathFunctionsGrad.log(x);
        assertDerivative("StrictMath.log", StrictMathFunctions::log, x, g.value(), g.x(),
                1.0 / x);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.01, 0.5, 2.0, 100.0})
    void log10(double x) {
        var g = StrictMathFunctionsGrad.log10(x);
        assertDerivative("StrictMath.log10", StrictMathFunctions::log10, x, g.value(), g.x(),
                1.0 / (x * StrictMath.log(10.0)));
    }

    @ParameterizedTest
    @ValueSource(doubles = {-0.9, -0.1, 0.0, 1.0, 50.0})
    void log1p(double x) {
        var g = StrictMathFunctionsGrad.log1p(x);
        assertDerivative("StrictMath.log1p", StrictMathFunctions::log1p, x, g.value(), g.x(),
                1.0 / (1.0 + x));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.01, 0.5, 2.0, 100.0})
    void sqrt(double x) {
        var g = StrictMathFunctionsGrad.sqrt(x);
        assertDerivative("StrictMath.sqrt", StrictMathFunctions::sqrt, x, g.value(), g.x(),
                0.5 / StrictMath.sqrt(x));
    }

    @ParameterizedTest
    @ValueSource(doubles = {-8.0, -0.5, 0.3, 27.0})
    void cbrt(double x) {
        var g = StrictMathFunctionsGrad.cbrt(x);
        assertDerivative("StrictMath.cbrt", StrictMathFunctions::cbrt, x, g.value(), g.x(),
                1.0 / (3.0 * StrictMath.cbrt(x) * StrictMath.cbrt(x)));
    }

    @ParameterizedTest
    @ValueSource(doubles = {-180.0, -1.0, 0.5, 90.0, 1000.0})
    void toRadians(double x) {
        var g = StrictMathFunctionsGrad.toRadians(x);
        assertDerivative("StrictMath.toRadians", StrictMathFunctions::toRadians, x, g.value(),
                g.x(),
                StrictMath.PI / 180.0);
    }

    @ParameterizedTest
    @ValueSource(doubles = {-3.0, -0.01, 0.5, 2.0})
    void toDegrees(double x) {
        var g = StrictMathFunctionsGrad.toDegrees(x);
        assertDerivative("StrictMath.toDegrees", StrictMathFunctions::toDegrees, x, g.value(),
                g.x(),
                180.0 / StrictMath.PI);
    }

    @ParameterizedTest
    @CsvSource({"1.0, 2.0", "-1.5, 0.5", "0.3, -2.0", "-2.0, -1.0", "4.0, 0.01"})
    void atan2(double y, double x) {
        var g = StrictMathFunctionsGrad.atan2(y, x);
        double r2 = x * x + y * y;
        assertGradient("StrictMath.atan2", p -> StrictMathFunctions.atan2(p[0], p[1]),
                vector(y, x), g.value(),
                vector(g.y(), g.x()), vector(x / r2, -y / r2));
    }

    @ParameterizedTest
    @CsvSource({"0.5, 2.5", "2.0, -1.5", "3.0, 0.7", "1.5, 3.0", "10.0, 0.3"})
    void pow(double x, double y) {
        var g = StrictMathFunctionsGrad.pow(x, y);
        assertGradient("StrictMath.pow", p -> StrictMathFunctions.pow(p[0], p[1]),
                vector(x, y), g.value(),
                vector(g.x(), g.y()),
                vector(y * StrictMath.pow(x, y - 1.0), StrictMath.pow(x, y) * StrictMath.log(x)));
    }

    @ParameterizedTest
    @CsvSource({"3.0, 4.0", "-1.0, 2.0", "0.5, -0.2", "-5.0, -12.0"})
    void hypot(double x, double y) {
        var g = StrictMathFunctionsGrad.hypot(x, y);
        double r = StrictMath.sqrt(x * x + y * y);
        assertGradient("StrictMath.hypot", p -> StrictMathFunctions.hypot(p[0], p[1]),
                vector(x, y), g.value(),
                vector(g.x(), g.y()), vector(x / r, y / r));
    }

    @ParameterizedTest
    @CsvSource({"1.5, -2.0, 0.5", "-0.3, 4.0, 10.0", "2.0, 3.0, -6.0"})
    void fma(double a, double b, double c) {
        var g = StrictMathFunctionsGrad.fma(a, b, c);
        assertGradient("StrictMath.fma", p -> StrictMathFunctions.fma(p[0], p[1], p[2]),
                vector(a, b, c), g.value(),
                vector(g.a(), g.b(), g.c()), vector(b, a, 1.0));
    }
}
