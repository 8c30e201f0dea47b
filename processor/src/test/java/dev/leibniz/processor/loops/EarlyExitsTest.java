package dev.leibniz.processor.loops;

import dev.leibniz.processor.testing.GradientChecks;
import dev.leibniz.processor.testing.Packing;
import static dev.leibniz.processor.testing.GradientChecks.assertCentral;
import static dev.leibniz.processor.testing.GradientChecks.assertClose;
import static dev.leibniz.processor.testing.GradientChecks.assertComponentwise;
import static dev.leibniz.processor.testing.GradientChecks.assertExactly;
import static dev.leibniz.processor.testing.GradientChecks.matrix;
import static dev.leibniz.processor.testing.GradientChecks.vector;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * {@link EarlyExits}: elements the loop skipped or never reached get exactly 0; the others get
 * the derivative of the path taken. Points are kept away from the thresholds so that central
 * differences stay on one path.
 */
class EarlyExitsTest {

    @Test
    void breakStopsTheSum() {
        double[] x = vector(0.5, 1.5, 0.25, -2.0, 3.0, 0.75);
        var g = EarlyExitsGrad.squaresUntilNegative(x);
        assertExactly(EarlyExits.squaresUntilNegative(x), g.value(), "break: value()");
        double[] expected = vector(1.0, 3.0, 0.5, 0.0, 0.0, 0.0);
        assertExactly("break", expected, g.x());
        assertCentral("break", EarlyExits::squaresUntilNegative, x, expected, g.x());
    }

    @Test
    void breakOnTheFirstElementAndNever() {
        assertExactly("break at once", new double[3],
                EarlyExitsGrad.squaresUntilNegative(vector(-1.0, 2.0, 3.0)).x());
        assertExactly("never break", vector(2.0, 4.0, 6.0),
                EarlyExitsGrad.squaresUntilNegative(vector(1.0, 2.0, 3.0)).x());
    }

    @Test
    void continueSkipsAnElement() {
        double[] x = vector(0.5, -1.5, 2.0, -0.25, 1.25);
        var g = EarlyExitsGrad.cubesOfNonNegative(x);
        assertExactly(EarlyExits.cubesOfNonNegative(x), g.value(), "continue: value()");
        double[] expected = vector(0.75, 0.0, 12.0, 0.0, 4.6875);
        assertComponentwise("continue", expected, g.x());
        assertCentral("continue", EarlyExits::cubesOfNonNegative, x, expected, g.x());
    }

    /** An unlabelled break in the inner loop ends only that row. */
    @Test
    void unlabelledBreakInANestedLoop() {
        double[][] w = matrix(vector(0.5, -1.0, 2.0), vector(1.5, 0.25, -3.0),
                vector(-0.5, 4.0, 1.0));
        var g = EarlyExitsGrad.rowPrefixSquares(w);
        assertExactly(EarlyExits.rowPrefixSquares(w), g.value(), "inner break: value()");
        double[][] expected = matrix(vector(1.0, 0.0, 0.0), vector(3.0, 0.5, 0.0),
                vector(0.0, 0.0, 0.0));
        assertExactly("inner break", expected, g.w());
        assertCentral("inner break", p -> EarlyExits.rowPrefixSquares(
                new Packing.Reader(p).matrix(w)), Packing.flat(w), Packing.flat(expected),
                Packing.flat(g.w()));
    }

    /** d/dw[i][j] = x[j] for j &lt;= i, else 0; d/dx[j] = sum over i &gt;= j of w[i][j]. */
    @Test
    void labelledContinue() {
        double[][] w = matrix(vector(0.3, -1.1, 2.2), vector(1.7, 0.4, -0.6),
                vector(-0.9, 0.8, 1.3), vector(0.2, -0.7, 0.5));
        double[] x = vector(1.25, -0.5, 2.0);
        var g = EarlyExitsGrad.lowerTriangle(w, x);
        assertExactly(EarlyExits.lowerTriangle(w, x), g.value(), "continue outer: value()");
        double[][] expectedW = new double[w.length][x.length];
        double[] expectedX = new double[x.length];
        for (int i = 0; i < w.length; i++) {
            for (int j = 0; j <= i && j < x.length; j++) {
                expectedW[i][j] = x[j];
                expectedX[j] += w[i][j];
            }
        }
        assertExactly("continue outer: d/dw", expectedW, g.w());
        assertClose("continue outer: d/dx", expectedX, g.x());
        assertCentral("continue outer", p -> {
            var in = new Packing.Reader(p);
            return EarlyExits.lowerTriangle(in.matrix(w), in.vector(x));
        }, Packing.flat(w, x), Packing.flat(expectedW, expectedX), Packing.flat(g.w(), g.x()));
    }

    /** The labelled break leaves both loops: later rows get 0 too; limit only decides. */
    @Test
    void labelledBreak() {
        double[][] w = matrix(vector(0.5, -1.25, 0.75), vector(1.5, 2.5, 0.25),
                vector(0.5, 0.5, 0.5));
        double limit = 2.0;
        var g = EarlyExitsGrad.squaresUntilAbove(w, limit);
        assertExactly(EarlyExits.squaresUntilAbove(w, limit), g.value(), "break outer: value()");
        double[][] expectedW = matrix(vector(1.0, -2.5, 1.5), vector(3.0, 0.0, 0.0),
                vector(0.0, 0.0, 0.0));
        assertExactly("break outer: d/dw", expectedW, g.w());
        assertExactly(0.0, g.limit(), "break outer: d/dlimit");
        assertCentral("break outer", p -> {
            var in = new Packing.Reader(p);
            return EarlyExits.squaresUntilAbove(in.matrix(w), in.scalar());
        }, Packing.flat(w, limit), Packing.flat(expectedW, 0.0), Packing.flat(g.w(), g.limit()));
    }

    @Test
    void returnInsideTheLoop() {
        double[] x = vector(0.2, -0.5, 1.7, 3.0);
        double[] w = vector(4.0, -2.0, 1.5, 0.5);
        var g = EarlyExitsGrad.firstAbove(x, w, 1.0);
        assertExactly(EarlyExits.firstAbove(x, w, 1.0), g.value(), "return in loop: value()");
        assertExactly("return in loop: d/dx", vector(0.0, 0.0, 1.5, 0.0), g.x());
        assertExactly("return in loop: d/dw", vector(0.0, 0.0, 1.7, 0.0), g.w());
        assertExactly(0.0, g.threshold(), "return in loop: d/dthreshold");
    }

    @Test
    void returnInsideTheLoopOnTheFirstElement() {
        var g = EarlyExitsGrad.firstAbove(vector(2.5, 3.0), vector(-1.5, 2.0), 1.0);
        assertExactly("return at once: d/dx", vector(-1.5, 0.0), g.x());
        assertExactly("return at once: d/dw", vector(2.5, 0.0), g.w());
    }

    @Test
    void loopEndsWithoutReturning() {
        double[] x = vector(0.2, -0.5, 0.7);
        var g = EarlyExitsGrad.firstAbove(x, vector(4.0, -2.0, 1.5), 1.0);
        assertExactly(0.0, g.value(), "no element above: value()");
        assertExactly("no element above: d/dx", new double[3], g.x());
        assertExactly("no element above: d/dw", new double[3], g.w());
        assertExactly(0.0, g.threshold(), "no element above: d/dthreshold");
    }

    /** Returns at i = 2 (s = 0.25 + 1 + 4 &gt; 4): x[i] / sqrt(s) up to there, 0 after. */
    @Test
    void returnAfterAccumulating() {
        double[] x = vector(0.5, -1.0, 2.0, 3.0);
        var g = EarlyExitsGrad.runningSumUntil(x, 4.0);
        assertExactly(EarlyExits.runningSumUntil(x, 4.0), g.value(), "return sqrt(s): value()");
        double root = Math.sqrt(5.25);
        double[] expected = vector(0.5 / root, -1.0 / root, 2.0 / root, 0.0);
        assertComponentwise("return sqrt(s): d/dx", expected, g.x());
        assertExactly(0.0, g.limit(), "return sqrt(s): d/dlimit");
        assertCentral("return sqrt(s)", p -> EarlyExits.runningSumUntil(p, 4.0), x, expected,
                g.x());
    }

    @Test
    void fallThroughAfterAccumulating() {
        double[] x = vector(0.5, -1.0, 0.25);
        var g = EarlyExitsGrad.runningSumUntil(x, 4.0);
        assertExactly(EarlyExits.runningSumUntil(x, 4.0), g.value(), "return s: value()");
        assertExactly("return s: d/dx " + Arrays.toString(x), vector(1.0, -2.0, 0.5), g.x());
    }
}
