package dev.leibniz.processor.loops;

import dev.leibniz.processor.testing.GradientChecks;
import dev.leibniz.processor.testing.Packing;
import static dev.leibniz.processor.testing.GradientChecks.assertCentral;
import static dev.leibniz.processor.testing.GradientChecks.assertClose;
import static dev.leibniz.processor.testing.GradientChecks.assertComponentwise;
import static dev.leibniz.processor.testing.GradientChecks.assertExactly;
import static dev.leibniz.processor.testing.GradientChecks.matrix;
import static dev.leibniz.processor.testing.GradientChecks.vector;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link LoopForms} against closed forms and central differences. */
class LoopFormsTest {

    private static final double[] X = vector(0.7, -1.3, 2.1, 0.4, -0.9);

    @Test
    void forWithStepTwo() {
        for (double[] x : new double[][] {X, vector(0.7, -1.3, 2.1, 0.4)}) {
            var g = LoopFormsGrad.evenSquares(x);
            assertExactly(LoopForms.evenSquares(x), g.value(), "i += 2: value()");
            double[] expected = new double[x.length];
            for (int i = 0; i < x.length; i += 2) {
                expected[i] = 2.0 * x[i];
            }
            // 2 x[i] and 0 are exact.
            assertExactly("i += 2, length " + x.length, expected, g.x());
            assertCentral("i += 2", LoopForms::evenSquares, x, expected, g.x());
        }
    }

    @Test
    void forWithStepTwoOverAnEmptyArray() {
        var g = LoopFormsGrad.evenSquares(new double[0]);
        assertExactly(0.0, g.value(), "i += 2 over nothing: value()");
        assertExactly("i += 2 over nothing", new double[0], g.x());
    }

    @ParameterizedTest
    @CsvSource({"0.5", "-1.25", "2.0", "0.0"})
    void countingDownHorner(double t) {
        double[] c = vector(1.5, -2.0, 0.75, 3.0, -0.5);
        var g = LoopFormsGrad.horner(c, t);
        assertExactly(LoopForms.horner(c, t), g.value(), "Horner at " + t + ": value()");
        double[] expectedC = new double[c.length];
        double expectedT = 0.0;
        for (int i = 0; i < c.length; i++) {
            expectedC[i] = Math.pow(t, i);
            if (i > 0) {
                expectedT += i * c[i] * Math.pow(t, i - 1);
            }
        }
        assertComponentwise("Horner at " + t + ": d/dc", expectedC, g.c());
        assertClose("Horner at " + t + ": d/dt", vector(expectedT), vector(g.t()));
        assertCentral("Horner at " + t, p -> {
            var in = new Packing.Reader(p);
            return LoopForms.horner(in.vector(c), in.scalar());
        }, Packing.flat(c, t), Packing.flat(expectedC, expectedT), Packing.flat(g.c(), g.t()));
    }

    @Test
    void enhancedFor() {
        var g = LoopFormsGrad.enhancedFor(X);
        assertExactly(LoopForms.enhancedFor(X), g.value(), "for (double v : x): value()");
        double[] expected = new double[X.length];
        for (int i = 0; i < X.length; i++) {
            expected[i] = Math.sin(X[i]) + X[i] * Math.cos(X[i]);
        }
        assertClose("for (double v : x)", expected, g.x());
        assertCentral("for (double v : x)", LoopForms::enhancedFor, X, expected, g.x());
    }

    @Test
    void enhancedForOverAnEmptyArray() {
        var g = LoopFormsGrad.enhancedFor(new double[0]);
        assertExactly(0.0, g.value(), "for (double v : x) over nothing: value()");
        assertExactly("for (double v : x) over nothing", new double[0], g.x());
    }

    @Test
    void whileLoop() {
        var g = LoopFormsGrad.whileLoop(X);
        assertExactly(LoopForms.whileLoop(X), g.value(), "while: value()");
        double[] expected = new double[X.length];
        for (int i = 0; i < X.length; i++) {
            expected[i] = (i + 1) * Math.exp(X[i]);
        }
        assertComponentwise("while", expected, g.x());
        assertCentral("while", LoopForms::whileLoop, X, expected, g.x());
    }

    @Test
    void doWhile() {
        for (double[] x : new double[][] {X, vector(-3.0), vector(3.0, 4.0)}) {
            var g = LoopFormsGrad.doWhileNorm(x);
            assertExactly(LoopForms.doWhileNorm(x), g.value(), "do-while norm: value()");
            double norm = LoopForms.doWhileNorm(x);
            double[] expected = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                expected[i] = x[i] / norm;
            }
            assertComponentwise("do-while norm, length " + x.length, expected, g.x());
            assertCentral("do-while norm", LoopForms::doWhileNorm, x, expected, g.x());
        }
    }

    @Test
    void nestedQuadraticForm() {
        double[][] a = matrix(vector(2.0, -0.5, 0.3), vector(0.7, 1.5, -1.1),
                vector(-0.4, 0.9, 0.6));
        double[] x = vector(0.8, -1.4, 0.35);
        var g = LoopFormsGrad.quadraticForm(a, x);
        assertExactly(LoopForms.quadraticForm(a, x), g.value(), "x^T A x: value()");
        double[][] expectedA = Matrices.outer(x, x);
        double[] ax = Matrices.multiply(a, x);
        double[] atx = Matrices.multiply(Matrices.transpose(a), x);
        double[] expectedX = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            expectedX[i] = ax[i] + atx[i];
        }
        assertClose("x^T A x: d/dA", expectedA, g.a());
        assertClose("x^T A x: d/dx", expectedX, g.x());
        assertCentral("x^T A x", p -> {
            var in = new Packing.Reader(p);
            return LoopForms.quadraticForm(in.matrix(a), in.vector(x));
        }, Packing.flat(a, x), Packing.flat(expectedA, expectedX), Packing.flat(g.a(), g.x()));
    }

    /** d/dx[k] = 2 (n x[k] - sum of x). */
    @Test
    void nestedTriangularLoops() {
        var g = LoopFormsGrad.pairwiseSquares(X);
        assertExactly(LoopForms.pairwiseSquares(X), g.value(), "pairwise squares: value()");
        double sum = 0.0;
        for (double v : X) {
            sum += v;
        }
        double[] expected = new double[X.length];
        for (int k = 0; k < X.length; k++) {
            expected[k] = 2.0 * (X.length * X[k] - sum);
        }
        assertClose("pairwise squares", expected, g.x());
        assertCentral("pairwise squares", LoopForms::pairwiseSquares, X, expected, g.x());
    }
}
