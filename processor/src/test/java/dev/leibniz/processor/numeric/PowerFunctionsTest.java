package dev.leibniz.processor.numeric;

import static dev.leibniz.processor.numeric.NumericChecks.assertDerivative;
import static dev.leibniz.processor.numeric.NumericChecks.assertEdgeDerivative;
import static dev.leibniz.processor.numeric.NumericChecks.assertGradient;
import static dev.leibniz.processor.numeric.NumericChecks.vector;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * pow(u, c) with constant c is exact at u = 0 and u &lt; 0, pow(x, 0.5) behaves like sqrt, and
 * sqrt'(0) = +Infinity, not clamped.
 */
class PowerFunctionsTest {

    /** d/dx x^3 = 3 x^2, exactly representable at these points. */
    @ParameterizedTest
    @CsvSource({"0.0, 0.0", "-1.0, 3.0", "-2.0, 12.0", "0.5, 0.75"})
    void cubeIsExactAtZeroAndBelow(double x, double expected) {
        var a = PowerFunctionsGrad.cube(x);
        assertEdgeDerivative("pow(x, 3)", PowerFunctions::cube, x, a.value(), a.x(), expected);
        var b = PowerFunctionsGrad.cubeDoubleExponent(x);
        assertEdgeDerivative("pow(x, 3.0)", PowerFunctions::cubeDoubleExponent, x, b.value(),
                b.x(), expected);
        var c = PowerFunctionsGrad.strictCube(x);
        assertEdgeDerivative("StrictMath.pow(x, 3)", PowerFunctions::strictCube, x, c.value(),
                c.x(), expected);
        var d = PowerFunctionsGrad.cubeConstantExponent(x);
        assertEdgeDerivative("pow(x, THREE)", PowerFunctions::cubeConstantExponent, x, d.value(),
                d.x(), expected);
    }

    @ParameterizedTest
    @ValueSource(doubles = {-2.5, -0.7, 1.3, 4.0})
    void cubeAtRegularPoints(double x) {
        double expected = 3.0 * x * x;
        var a = PowerFunctionsGrad.cube(x);
        assertDerivative("pow(x, 3)", PowerFunctions::cube, x, a.value(), a.x(), expected);
        var b = PowerFunctionsGrad.cubeDoubleExponent(x);
        assertDerivative("pow(x, 3.0)", PowerFunctions::cubeDoubleExponent, x, b.value(), b.x(),
                expected);
        var c = PowerFunctionsGrad.strictCube(x);
        assertDerivative("StrictMath.pow(x, 3)", PowerFunctions::strictCube, x, c.value(), c.x(),
                expected);
        var d = PowerFunctionsGrad.cubeConstantExponent(x);
        assertDerivative("pow(x, THREE)", PowerFunctions::cubeConstantExponent, x, d.value(),
                d.x(), expected);
    }

    /** d/dx (x - 1)^3 = 3 (x - 1)^2: u = 0 at x = 1, u &lt; 0 below. */
    @ParameterizedTest
    @CsvSource({"1.0, 0.0", "0.0, 3.0", "-1.0, 12.0", "3.0, 12.0"})
    void cubeOfAnExpressionIsExactAtZeroAndBelow(double x, double expected) {
        var g = PowerFunctionsGrad.cubeOfShift(x);
        assertEdgeDerivative("pow(x - 1, 3)", PowerFunctions::cubeOfShift, x, g.value(), g.x(),
                expected);
    }

    @ParameterizedTest
    @CsvSource({"-2.0, -4.0", "0.0, 0.0", "3.0, 6.0", "-0.25, -0.5"})
    void squareIsExactAtZeroAndBelow(double x, double expected) {
        var g = PowerFunctionsGrad.square(x);
        assertEdgeDerivative("pow(x, 2)", PowerFunctions::square, x, g.value(), g.x(), expected);
    }

    @ParameterizedTest
    @ValueSource(doubles = {-2.0, 0.7, 3.0})
    void squareAgreesWithCentralDifferences(double x) {
        var g = PowerFunctionsGrad.square(x);
        assertDerivative("pow(x, 2)", PowerFunctions::square, x, g.value(), g.x(), 2.0 * x);
    }

    /** d/dx x^-2 = -2 x^-3. */
    @ParameterizedTest
    @CsvSource({"-1.0, 2.0", "-2.0, 0.25", "0.5, -16.0"})
    void inverseSquareIsExactBelowZero(double x, double expected) {
        var g = PowerFunctionsGrad.inverseSquare(x);
        assertEdgeDerivative("pow(x, -2)", PowerFunctions::inverseSquare, x, g.value(), g.x(),
                expected);
    }

    @ParameterizedTest
    @ValueSource(doubles = {-3.0, 0.4, 5.0})
    void inverseSquareAgreesWithCentralDifferences(double x) {
        var g = PowerFunctionsGrad.inverseSquare(x);
        assertDerivative("pow(x, -2)", PowerFunctions::inverseSquare, x, g.value(), g.x(),
                -2.0 / (x * x * x));
    }

    /** pow(x, 0) is the constant 1 (also at 0), so its derivative is 0 everywhere, not 0 * inf. */
    @ParameterizedTest
    @ValueSource(doubles = {0.0, -1.0, 2.0})
    void zerothPowerHasDerivativeZeroIncludingAtZero(double x) {
        var g = PowerFunctionsGrad.zerothPower(x);
        assertEdgeDerivative("pow(x, 0)", PowerFunctions::zerothPower, x, g.value(), g.x(), 0.0);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.01, 2.0, 4.0, 100.0})
    void powHalfBehavesLikeSqrt(double x) {
        double expected = 0.5 / Math.sqrt(x);
        var half = PowerFunctionsGrad.powHalf(x);
        assertDerivative("pow(x, 0.5)", PowerFunctions::powHalf, x, half.value(), half.x(),
                expected);
        var sqrt = PowerFunctionsGrad.sqrt(x);
        assertDerivative("Math.sqrt", PowerFunctions::sqrt, x, sqrt.value(), sqrt.x(), expected);
        var strict = PowerFunctionsGrad.strictSqrt(x);
        assertDerivative("StrictMath.sqrt", PowerFunctions::strictSqrt, x, strict.value(),
                strict.x(), expected);
    }

    @Test
    void sqrtAtZeroIsPositiveInfinity() {
        var sqrt = PowerFunctionsGrad.sqrt(0.0);
        assertEdgeDerivative("Math.sqrt", PowerFunctions::sqrt, 0.0, sqrt.value(), sqrt.x(),
                Double.POSITIVE_INFINITY);
        var strict = PowerFunctionsGrad.strictSqrt(0.0);
        assertEdgeDerivative("StrictMath.sqrt", PowerFunctions::strictSqrt, 0.0, strict.value(),
                strict.x(), Double.POSITIVE_INFINITY);
        var half = PowerFunctionsGrad.powHalf(0.0);
        assertEdgeDerivative("pow(x, 0.5)", PowerFunctions::powHalf, 0.0, half.value(), half.x(),
                Double.POSITIVE_INFINITY);
    }

    /** d/dx x^n = n x^(n-1) with an int parameter as exponent. */
    @ParameterizedTest
    @CsvSource({"-1.0, 3, 3.0", "0.0, 3, 0.0", "-2.0, 2, -4.0", "0.5, 3, 0.75", "-2.0, -1, -0.25"})
    void intParameterExponentIsExactAtZeroAndBelow(double x, int n, double expected) {
        var g = PowerFunctionsGrad.powIntParameter(x, n);
        assertEdgeDerivative("pow(x, n)", t -> PowerFunctions.powIntParameter(t, n), x, g.value(),
                g.x(), expected);
    }

    @ParameterizedTest
    @CsvSource({"1.7, 3", "-0.6, 4", "2.5, -2"})
    void intParameterExponentAgreesWithCentralDifferences(double x, int n) {
        var g = PowerFunctionsGrad.powIntParameter(x, n);
        assertGradient("pow(x, n)", p -> PowerFunctions.powIntParameter(p[0], n), vector(x),
                g.value(), vector(g.x()), vector(n * Math.pow(x, n - 1)));
    }
}
