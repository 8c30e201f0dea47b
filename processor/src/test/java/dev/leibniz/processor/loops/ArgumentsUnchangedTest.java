package dev.leibniz.processor.loops;

import dev.leibniz.processor.testing.GradientChecks;
import dev.leibniz.processor.testing.Packing;
import static dev.leibniz.processor.testing.GradientChecks.matrix;
import static dev.leibniz.processor.testing.GradientChecks.vector;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The generated code never writes into an array passed in, through any of the three entry
 * points, and never hands an argument array back as a gradient.
 */
class ArgumentsUnchangedTest {

    private static void assertUnchanged(String what, double[][] before, double[][] after) {
        assertTrue(Arrays.deepEquals(before, after), () -> what + " changed from "
                + Arrays.deepToString(before) + " to " + Arrays.deepToString(after));
    }

    private static void assertUnchanged(String what, double[] before, double[] after) {
        assertArrayEquals(before, after, what + " changed");
    }

    private static void assertNotAliased(String what, double[][] argument, double[][] gradient) {
        assertNotSame(argument, gradient, what);
        for (int i = 0; i < argument.length; i++) {
            assertNotSame(argument[i], gradient[i], what + ", row " + i);
        }
    }

    @Test
    void mlp() {
        double[] x = vector(0.5, -1.2, 2.0);
        double[][] w1 = matrix(vector(0.1, -0.4, 0.25), vector(-0.3, 0.8, 0.05));
        double[] b1 = vector(0.05, -0.1);
        double[][] w2 = matrix(vector(0.7, -0.6));
        double[] b2 = vector(-0.2);
        double[] t = vector(1.0);
        double[] x0 = x.clone();
        double[][] w10 = Packing.copy(w1);
        double[] b10 = b1.clone();
        double[][] w20 = Packing.copy(w2);
        double[] b20 = b2.clone();
        double[] t0 = t.clone();
        var g = MlpGrad.squaredError(x, w1, b1, w2, b2, t);
        MlpGrad.squaredError(x, w1, b1, w2, b2, t, g);
        MlpGrad.squaredErrorPullback(x, w1, b1, w2, b2, t, 3.0, g);
        assertUnchanged("x", x0, x);
        assertUnchanged("W1", w10, w1);
        assertUnchanged("b1", b10, b1);
        assertUnchanged("W2", w20, w2);
        assertUnchanged("b2", b20, b2);
        assertUnchanged("t", t0, t);
        assertNotSame(x, g.x(), "d/dx is not x");
        assertNotAliased("d/dW1 is not W1", w1, g.w1());
        assertNotSame(b1, g.b1(), "d/db1 is not b1");
        assertNotAliased("d/dW2 is not W2", w2, g.w2());
        assertNotSame(b2, g.b2(), "d/db2 is not b2");
        assertNotSame(t, g.t(), "d/dt is not t");
    }

    @Test
    void parametersOutsideWrt() {
        double[][] phi = matrix(vector(1.0, 0.0), vector(1.0, 1.0), vector(1.0, 2.0));
        double[] y = vector(1.0, 2.0, 2.0);
        double[] theta = vector(0.3, -0.7);
        double[][] phi0 = Packing.copy(phi);
        double[] y0 = y.clone();
        double[] theta0 = theta.clone();
        var g = LeastSquaresGrad.loss(phi, y, theta);
        LeastSquaresGrad.loss(phi, y, theta, g);
        LeastSquaresGrad.lossPullback(phi, y, theta, -1.0, g);
        assertUnchanged("Phi", phi0, phi);
        assertUnchanged("y", y0, y);
        assertUnchanged("theta", theta0, theta);
        assertNotSame(theta, g.theta(), "d/dtheta is not theta");

        double[][] w = matrix(vector(0.3, -1.0), vector(2.0, 0.5));
        double[][] a = matrix(vector(0.5, -1.2), vector(1.5, 0.3));
        double[][] b = matrix(vector(1.0, -0.4), vector(-1.3, 0.6));
        double[][] w0 = Packing.copy(w);
        double[][] a0 = Packing.copy(a);
        double[][] b0 = Packing.copy(b);
        var m = LinearAlgebraGrad.weightedMatMat(w, a, b);
        LinearAlgebraGrad.weightedMatMat(w, a, b, m);
        LinearAlgebraGrad.weightedMatMatPullback(w, a, b, 2.0, m);
        assertUnchanged("W", w0, w);
        assertUnchanged("A", a0, a);
        assertUnchanged("B", b0, b);
        assertNotAliased("d/dA is not A", a, m.a());
        assertNotAliased("d/dB is not B", b, m.b());
    }

    @Test
    void loopsOverArguments() {
        double[] z = vector(2.0, 2.0, 0.5, -1.0);
        double[] z0 = z.clone();
        var s = SoftmaxGrad.crossEntropy(z, 1);
        SoftmaxGrad.crossEntropy(z, 1, s);
        SoftmaxGrad.crossEntropyPullback(z, 1, 0.5, s);
        assertUnchanged("z", z0, z);

        double[] x = vector(1.25, -0.8, 2.0, 0.6);
        double[] x0 = x.clone();
        var q = AccumulatorsGrad.repeatedDivision(3.5, x);
        AccumulatorsGrad.repeatedDivision(3.5, x, q);
        AccumulatorsGrad.repeatedDivisionPullback(3.5, x, 2.0, q);
        var e = EarlyExitsGrad.firstAbove(x, x, 1.0);
        EarlyExitsGrad.firstAbove(x, x, 1.0, e);
        EarlyExitsGrad.firstAbovePullback(x, x, 1.0, -1.0, e);
        var f = LoopFormsGrad.enhancedFor(x);
        LoopFormsGrad.enhancedFor(x, f);
        LoopFormsGrad.enhancedForPullback(x, 4.0, f);
        assertUnchanged("x", x0, x);
        assertNotSame(x, q.x(), "d/dx is not x");

        float[] v = {0.75f, -1.5f, 2.25f};
        float[] v0 = v.clone();
        var fl = FloatParametersGrad.scaledSquares(v, 1.5f);
        FloatParametersGrad.scaledSquares(v, 1.5f, fl);
        FloatParametersGrad.scaledSquaresPullback(v, 1.5f, 2.0, fl);
        assertArrayEquals(v0, v, "float[] v changed");
        assertNotSame(v, fl.v(), "d/dv is not v");
    }
}
