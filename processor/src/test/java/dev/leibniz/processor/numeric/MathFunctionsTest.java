package dev.leibniz.processor.numeric;

import static dev.leibniz.processor.numeric.NumericChecks.assertDerivative;
import static dev.leibniz.processor.numeric.NumericChecks.assertGradient;
import static dev.leibniz.processor.numeric.NumericChecks.vector;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The generated gradients of the smooth {@code Math} functions ({@link MathFunctions}) against
 * hand-written closed forms and central differences, at points spread over each domain.
 */
class MathFunctionsTest {

    @ParameterizedTest
    @ValueSource(doubles = {-2.5, -0.4, 0.7, 3.0, 10.0})
    void sin(double x) {
        var g = MathFunctionsGrad.sin(x);
        assertDerivative("Math.sin", MathFunctions::sin, x, g.value(), g.x(),
                Math.cos(x));
    }

    @ParameterizedTest
    @ValueSource(doubles = {-2.5, -0.4, 0.7, 3.0, 10.0})
    void cos(double x) {
        var g = MathFunctionsGrad.cos(x);
        assertDerivative("Math.cos", MathFunctions::cos, x, g.value(), g.x(),
                -Math.sin(x));
    }

    @ParameterizedTest
    @ValueSource(doubles = {-1.2, -0.3, 0.5, 1.3})
    void tan(double x) {
        var g = MathFunctionsGrad.tan(x);
        assertDerivative("Math.tan", MathFunctions::tan, x, g.value(), g.x(),
                1.0 / (Math.cos(x) * Math.cos(x)));
    }

    @ParameterizedTest
    @ValueSource(doubles = {-0.9, -0.2, 0.4, 0.95})
    void asin(double x) {
        var g = MathFunctionsGrad.asin(x);
        assertDerivative("Math.asin", MathFunctions::asin, x, g.value(), g.x(),
                1.0 / Math.sqrt(1.0 - x * x));
    }

    @ParameterizedTest
    @ValueSource(doubles = {-0.9, -0.2, 0.4, 0.95})
    void acos(double x) {
        var g = MathFunctionsGrad.acos(x);
        assertDerivative("Math.acos", MathFunctions::acos, x, g.value(), g.x(),
                -1.0 / Math.sqrt(1.0 - x * x));
    }

    @ParameterizedTest
    @ValueSource(doubles = {-5.0, -0.5, 0.3, 2.0, 40.0})
    void atan(double x) {
        var g = MathFunctionsGrad.atan(x);
        assertDerivative("Math.atan", MathFunctions::atan, x, g.value(), g.x(),
                1.0 / (1.0 + x * x));
    }

    @ParameterizedTest
    @ValueSource(doubles = {-3.0, -0.5, 0.8, 4.0})
    void sinh(double x) {
        var g = MathFunctionsGrad.sinh(x);
        assertDerivative("Math.sinh", MathFunctions::sinh, x, g.value(), g.x(),
                Math.cosh(x));
    }

    @ParameterizedTest
    @ValueSource(doubles = {-3.0, -0.5, 0.8, 4.0})
    void cosh(double x) {
        var g = MathFunctionsGrad.cosh(x);
        assertDerivative("Math.cosh", MathFunctions::cosh, x, g.value(), g.x(),
                Math.sinh(x));
    }

    @ParameterizedTest
    @ValueSource(doubles = {-2.0, -0.3, 0.6, 3.0})
    void tanh(double x) {
        var g = MathFunctionsGrad.tanh(x);
        assertDerivative("Math.tanh", MathFunctions::tanh, x, g.value(), g.x(),
                1.0 / (Math.cosh(x) * Math.cosh(x)));
    }

    @ParameterizedTest
    @ValueSource(doubles = {-3.0, -0.5, 0.0, 1.5, 5.0})
    void exp(double x) {
        var g = MathFunctionsGrad.exp(x);
        assertDerivative("Math.exp", MathFunctions::exp, x, g.value(), g.x(),
                Math.exp(x));
    }

    @ParameterizedTest
    @ValueSource(doubles = {-2.0, -1e-3, 0.0, 0.5, 3.0})
    void expm1(double x) {
        var g = MathFunctionsGrad.expm1(x);
        assertDerivative("Math.expm1", MathFunctions::expm1, x, g.value(), g.x(),
                Math.exp(x));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.01, 0.5, 2.0, 100.0})
    void log(double x) {
        var g = MathFunctionsGrad.log(x);
        assertDerivative("Math.log", MathFunctions::log, x, g.value(), g.x(),
                1.0 / x);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.01, 0.5, 2.0, 100.0})
    void log10(double x) {
        var g = MathFunctionsGrad.log10(x);
        assertDerivative("Math.log10", MathFunctions::log10, x, g.value(), g.x(),
                1.0 / (x * Math.log(10.0)));
    }

    @ParameterizedTest
    @ValueSource(doubles = {-0.9, -0.1, 0.0, 1.0, 50.0})
    void log1p(double x) {
        var g = MathFunctionsGrad.log1p(x);
        assertDerivative("Math.log1p", MathFunctions::log1p, x, g.value(), g.x(),
                1.0 / (1.0 + x));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.01, 0.5, 2.0, 100.0})
    void sqrt(double x) {
        var g = MathFunctionsGrad.sqrt(x);
        assertDerivative("Math.sqrt", MathFunctions::sqrt, x, g.value(), g.x(),
                0.5 / Math.sqrt(x));
    }

    @ParameterizedTest
    @ValueSource(doubles = {-8.0, -0.5, 0.3, 27.0})
    void cbrt(double x) {
        var g = MathFunctionsGrad.cbrt(x);
        assertDerivative("Math.cbrt", MathFunctions::cbrt, x, g.value(), g.x(),
                1.0 / (3.0 * Math.cbrt(x) * Math.cbrt(x)));
    }

    @ParameterizedTest
    @ValueSource(doubles = {-180.0, -1.0, 0.5, 90.0, 1000.0})
    void toRadians(double x) {
        var g = MathFunctionsGrad.toRadians(x);
        assertDerivative("Math.toRadians", MathFunctions::toRadians, x, g.value(), g.x(),
                Math.PI / 180.0);
    }

    @ParameterizedTest
    @ValueSource(doubles = {-3.0, -0.01, 0.5, 2.0})
    void toDegrees(double x) {
        var g = MathFunctionsGrad.toDegrees(x);
        assertDerivative("Math.toDegrees", MathFunctions::toDegrees, x, g.value(), g.x(),
                180.0 / Math.PI);
    }

    @ParameterizedTest
    @CsvSource({"1.0, 2.0", "-1.5, 0.5", "0.3, -2.0", "-2.0, -1.0", "4.0, 0.01"})
    void atan2(double y, double x) {
        var g = MathFunctionsGrad.atan2(y, x);
        double r2 = x * x + y * y;
        assertGradient("Math.atan2", p -> MathFunctions.atan2(p[0], p[1]),
                vector(y, x), g.value(),
                vector(g.y(), g.x()), vector(x / r2, -y / r2));
    }

    @ParameterizedTest
    @CsvSource({"0.5, 2.5", "2.0, -1.5", "3.0, 0.7", "1.5, 3.0", "10.0, 0.3"})
    void pow(double x, double y) {
        var g = MathFunctionsGrad.pow(x, y);
        assertGradient("Math.pow", p -> MathFunctions.pow(p[0], p[1]),
                vector(x, y), g.value(),
                vector(g.x(), g.y()),
                vector(y * Math.pow(x, y - 1.0), Math.pow(x, y) * Math.log(x)));
    }

    @ParameterizedTest
    @CsvSource({"3.0, 4.0", "-1.0, 2.0", "0.5, -0.2", "-5.0, -12.0"})
    void hypot(double x, double y) {
        var g = MathFunctionsGrad.hypot(x, y);
        double r = Math.sqrt(x * x + y * y);
        assertGradient("Math.hypot", p -> MathFunctions.hypot(p[0], p[1]),
                vector(x, y), g.value(),
                vector(g.x(), g.y()), vector(x / r, y / r));
    }

    @ParameterizedTest
    @CsvSource({"1.5, -2.0, 0.5", "-0.3, 4.0, 10.0", "2.0, 3.0, -6.0"})
    void fma(double a, double b, double c) {
        var g = MathFunctionsGrad.fma(a, b, c);
        assertGradient("Math.fma", p -> MathFunctions.fma(p[0], p[1], p[2]),
                vector(a, b, c), g.value(),
                vector(g.a(), g.b(), g.c()), vector(b, a, 1.0));
    }
}
