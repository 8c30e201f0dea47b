package dev.leibniz.processor.numeric;

import static dev.leibniz.processor.numeric.NumericChecks.assertDerivative;
import static dev.leibniz.processor.numeric.NumericChecks.assertEdge;
import static dev.leibniz.processor.numeric.NumericChecks.assertEdgeDerivative;
import static dev.leibniz.processor.numeric.NumericChecks.assertGradient;
import static dev.leibniz.processor.numeric.NumericChecks.vector;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * abs, max, min and the step functions: the ordinary derivative away from kinks and jumps, and
 * the contract's numbers on them (abs'(0) = 0, half to each argument of a tied max or min, 0 for
 * floor, ceil, rint, round and signum).
 */
class NonSmoothFunctionsTest {

    @ParameterizedTest
    @ValueSource(doubles = {-3.0, -0.5, 0.25, 7.0})
    void absAwayFromZero(double x) {
        double expected = x > 0 ? 1.0 : -1.0;
        var m = NonSmoothFunctionsGrad.abs(x);
        assertDerivative("Math.abs", NonSmoothFunctions::abs, x, m.value(), m.x(), expected);
        var s = NonSmoothFunctionsGrad.strictAbs(x);
        assertDerivative("StrictMath.abs", NonSmoothFunctions::strictAbs, x, s.value(), s.x(),
                expected);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, -0.0})
    void absAtZeroHasDerivativeZero(double x) {
        var m = NonSmoothFunctionsGrad.abs(x);
        assertEdgeDerivative("Math.abs", NonSmoothFunctions::abs, x, m.value(), m.x(), 0.0);
        var s = NonSmoothFunctionsGrad.strictAbs(x);
        assertEdgeDerivative("StrictMath.abs", NonSmoothFunctions::strictAbs, x, s.value(), s.x(),
                0.0);
    }

    @ParameterizedTest
    @ValueSource(doubles = {-2.0, 0.0, 3.5})
    void absOfVanishingDifferenceHasGradientZero(double t) {
        var g = NonSmoothFunctionsGrad.absOfDifference(t, t);
        assertEdge("abs(x - y)", p -> NonSmoothFunctions.absOfDifference(p[0], p[1]), vector(t, t),
                g.value(), vector(g.x(), g.y()), vector(0.0, 0.0));
    }

    @ParameterizedTest
    @CsvSource({"1.0, 2.0", "3.0, -1.0", "-2.0, -5.0", "-0.5, 0.5"})
    void maxAwayFromATie(double x, double y) {
        double[] expected = x > y ? vector(1.0, 0.0) : vector(0.0, 1.0);
        var m = NonSmoothFunctionsGrad.max(x, y);
        assertGradient("Math.max", p -> NonSmoothFunctions.max(p[0], p[1]), vector(x, y),
                m.value(), vector(m.x(), m.y()), expected);
        var s = NonSmoothFunctionsGrad.strictMax(x, y);
        assertGradient("StrictMath.max", p -> NonSmoothFunctions.strictMax(p[0], p[1]),
                vector(x, y), s.value(), vector(s.x(), s.y()), expected);
    }

    @ParameterizedTest
    @CsvSource({"1.0, 2.0", "3.0, -1.0", "-2.0, -5.0", "-0.5, 0.5"})
    void minAwayFromATie(double x, double y) {
        double[] expected = x < y ? vector(1.0, 0.0) : vector(0.0, 1.0);
        var m = NonSmoothFunctionsGrad.min(x, y);
        assertGradient("Math.min", p -> NonSmoothFunctions.min(p[0], p[1]), vector(x, y),
                m.value(), vector(m.x(), m.y()), expected);
        var s = NonSmoothFunctionsGrad.strictMin(x, y);
        assertGradient("StrictMath.min", p -> NonSmoothFunctions.strictMin(p[0], p[1]),
                vector(x, y), s.value(), vector(s.x(), s.y()), expected);
    }

    @ParameterizedTest
    @ValueSource(doubles = {1.5, 0.0, -3.0})
    void maxAtATieGivesEachArgumentHalf(double t) {
        var m = NonSmoothFunctionsGrad.max(t, t);
        assertEdge("Math.max", p -> NonSmoothFunctions.max(p[0], p[1]), vector(t, t), m.value(),
                vector(m.x(), m.y()), vector(0.5, 0.5));
        var s = NonSmoothFunctionsGrad.strictMax(t, t);
        assertEdge("StrictMath.max", p -> NonSmoothFunctions.strictMax(p[0], p[1]), vector(t, t),
                s.value(), vector(s.x(), s.y()), vector(0.5, 0.5));
    }

    @ParameterizedTest
    @ValueSource(doubles = {1.5, 0.0, -3.0})
    void minAtATieGivesEachArgumentHalf(double t) {
        var m = NonSmoothFunctionsGrad.min(t, t);
        assertEdge("Math.min", p -> NonSmoothFunctions.min(p[0], p[1]), vector(t, t), m.value(),
                vector(m.x(), m.y()), vector(0.5, 0.5));
        var s = NonSmoothFunctionsGrad.strictMin(t, t);
        assertEdge("StrictMath.min", p -> NonSmoothFunctions.strictMin(p[0], p[1]), vector(t, t),
                s.value(), vector(s.x(), s.y()), vector(0.5, 0.5));
    }

    /** max(x, x) = x: the two halves add up to 1. */
    @ParameterizedTest
    @ValueSource(doubles = {-2.0, 0.0, 3.5})
    void maxAndMinOfTheSameVariableHaveDerivativeOne(double x) {
        var max = NonSmoothFunctionsGrad.maxOfSame(x);
        assertEdgeDerivative("max(x, x)", NonSmoothFunctions::maxOfSame, x, max.value(), max.x(),
                1.0);
        var min = NonSmoothFunctionsGrad.minOfSame(x);
        assertEdgeDerivative("min(x, x)", NonSmoothFunctions::minOfSame, x, min.value(), min.x(),
                1.0);
    }

    @Test
    void maxOfTiedExpressionsSplitsTheSeed() {
        // x * y = x + y = 4: d/dx = 0.5 * y + 0.5 * 1, d/dy = 0.5 * x + 0.5 * 1.
        var g = NonSmoothFunctionsGrad.maxOfExpressions(2.0, 2.0);
        assertEdge("max(x * y, x + y)", p -> NonSmoothFunctions.maxOfExpressions(p[0], p[1]),
                vector(2.0, 2.0), g.value(), vector(g.x(), g.y()), vector(1.5, 1.5));
    }

    @ParameterizedTest
    @CsvSource({"3.0, 1.0", "3.0, 3.0", "-1.0, 2.0"})
    void maxOfExpressionsAwayFromATie(double x, double y) {
        double[] expected = x * y > x + y ? vector(y, x) : vector(1.0, 1.0);
        var g = NonSmoothFunctionsGrad.maxOfExpressions(x, y);
        assertGradient("max(x * y, x + y)", p -> NonSmoothFunctions.maxOfExpressions(p[0], p[1]),
                vector(x, y), g.value(), vector(g.x(), g.y()), expected);
    }

    /** Between jumps central differences are exactly 0 too. */
    @ParameterizedTest
    @ValueSource(doubles = {-2.3, -0.3, 0.7, 7.9})
    void stepFunctionsHaveDerivativeZeroBetweenJumps(double x) {
        var floor = NonSmoothFunctionsGrad.floor(x);
        assertDerivative("Math.floor", NonSmoothFunctions::floor, x, floor.value(), floor.x(), 0.0);
        var sFloor = NonSmoothFunctionsGrad.strictFloor(x);
        assertDerivative("StrictMath.floor", NonSmoothFunctions::strictFloor, x, sFloor.value(),
                sFloor.x(), 0.0);
        var ceil = NonSmoothFunctionsGrad.ceil(x);
        assertDerivative("Math.ceil", NonSmoothFunctions::ceil, x, ceil.value(), ceil.x(), 0.0);
        var sCeil = NonSmoothFunctionsGrad.strictCeil(x);
        assertDerivative("StrictMath.ceil", NonSmoothFunctions::strictCeil, x, sCeil.value(),
                sCeil.x(), 0.0);
        var rint = NonSmoothFunctionsGrad.rint(x);
        assertDerivative("Math.rint", NonSmoothFunctions::rint, x, rint.value(), rint.x(), 0.0);
        var sRint = NonSmoothFunctionsGrad.strictRint(x);
        assertDerivative("StrictMath.rint", NonSmoothFunctions::strictRint, x, sRint.value(),
                sRint.x(), 0.0);
        var round = NonSmoothFunctionsGrad.round(x);
        assertDerivative("Math.round", NonSmoothFunctions::round, x, round.value(), round.x(), 0.0);
        var sRound = NonSmoothFunctionsGrad.strictRound(x);
        assertDerivative("StrictMath.round", NonSmoothFunctions::strictRound, x, sRound.value(),
                sRound.x(), 0.0);
        var signum = NonSmoothFunctionsGrad.signum(x);
        assertDerivative("Math.signum", NonSmoothFunctions::signum, x, signum.value(), signum.x(),
                0.0);
        var sSignum = NonSmoothFunctionsGrad.strictSignum(x);
        assertDerivative("StrictMath.signum", NonSmoothFunctions::strictSignum, x,
                sSignum.value(), sSignum.x(), 0.0);
    }

    /** On a jump the contract still says 0 (round and rint jump at halves, signum at 0). */
    @ParameterizedTest
    @ValueSource(doubles = {-2.0, -0.5, 0.0, 0.5, 3.0})
    void stepFunctionsHaveDerivativeZeroAtJumps(double x) {
        var floor = NonSmoothFunctionsGrad.floor(x);
        assertEdgeDerivative("Math.floor", NonSmoothFunctions::floor, x, floor.value(), floor.x(),
                0.0);
        var sFloor = NonSmoothFunctionsGrad.strictFloor(x);
        assertEdgeDerivative("StrictMath.floor", NonSmoothFunctions::strictFloor, x,
                sFloor.value(), sFloor.x(), 0.0);
        var ceil = NonSmoothFunctionsGrad.ceil(x);
        assertEdgeDerivative("Math.ceil", NonSmoothFunctions::ceil, x, ceil.value(), ceil.x(), 0.0);
        var sCeil = NonSmoothFunctionsGrad.strictCeil(x);
        assertEdgeDerivative("StrictMath.ceil", NonSmoothFunctions::strictCeil, x, sCeil.value(),
                sCeil.x(), 0.0);
        var rint = NonSmoothFunctionsGrad.rint(x);
        assertEdgeDerivative("Math.rint", NonSmoothFunctions::rint, x, rint.value(), rint.x(), 0.0);
        var sRint = NonSmoothFunctionsGrad.strictRint(x);
        assertEdgeDerivative("StrictMath.rint", NonSmoothFunctions::strictRint, x, sRint.value(),
                sRint.x(), 0.0);
        var round = NonSmoothFunctionsGrad.round(x);
        assertEdgeDerivative("Math.round", NonSmoothFunctions::round, x, round.value(), round.x(),
                0.0);
        var sRound = NonSmoothFunctionsGrad.strictRound(x);
        assertEdgeDerivative("StrictMath.round", NonSmoothFunctions::strictRound, x,
                sRound.value(), sRound.x(), 0.0);
        var signum = NonSmoothFunctionsGrad.signum(x);
        assertEdgeDerivative("Math.signum", NonSmoothFunctions::signum, x, signum.value(),
                signum.x(), 0.0);
        var sSignum = NonSmoothFunctionsGrad.strictSignum(x);
        assertEdgeDerivative("StrictMath.signum", NonSmoothFunctions::strictSignum, x,
                sSignum.value(), sSignum.x(), 0.0);
    }

    @ParameterizedTest
    @ValueSource(doubles = {-2.5, 0.3, 7.9})
    void productWithFloorKeepsTheFloorFactor(double x) {
        var g = NonSmoothFunctionsGrad.xTimesFloor(x);
        assertDerivative("x * floor(x)", NonSmoothFunctions::xTimesFloor, x, g.value(), g.x(),
                Math.floor(x));
    }

    @ParameterizedTest
    @ValueSource(doubles = {-1.0, 2.0})
    void productWithFloorAtAJump(double x) {
        var g = NonSmoothFunctionsGrad.xTimesFloor(x);
        assertEdgeDerivative("x * floor(x)", NonSmoothFunctions::xTimesFloor, x, g.value(), g.x(),
                Math.floor(x));
    }

    @ParameterizedTest
    @ValueSource(doubles = {-2.3, 0.3, 7.9})
    void productWithRoundKeepsTheRoundFactor(double x) {
        var g = NonSmoothFunctionsGrad.xTimesRound(x);
        assertDerivative("x * round(x)", NonSmoothFunctions::xTimesRound, x, g.value(), g.x(),
                Math.round(x));
    }

    @Test
    void productWithRoundAtAJump() {
        var g = NonSmoothFunctionsGrad.xTimesRound(2.5);
        assertEdgeDerivative("x * round(x)", NonSmoothFunctions::xTimesRound, 2.5, g.value(),
                g.x(), 3.0);
    }

    @ParameterizedTest
    @ValueSource(doubles = {-2.3, 0.7, 3.2})
    void sumOfStepsAndXBetweenJumps(double x) {
        var g = NonSmoothFunctionsGrad.stepsPlusX(x);
        assertDerivative("ceil + rint + signum + x", NonSmoothFunctions::stepsPlusX, x, g.value(),
                g.x(), 1.0);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, 1.5, 2.0})
    void sumOfStepsAndXAtJumps(double x) {
        var g = NonSmoothFunctionsGrad.stepsPlusX(x);
        assertEdgeDerivative("ceil + rint + signum + x", NonSmoothFunctions::stepsPlusX, x,
                g.value(), g.x(), 1.0);
    }
}
