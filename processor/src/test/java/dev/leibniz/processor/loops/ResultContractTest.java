package dev.leibniz.processor.loops;

import dev.leibniz.processor.testing.GradientChecks;
import static dev.leibniz.processor.testing.GradientChecks.assertClose;
import static dev.leibniz.processor.testing.GradientChecks.assertExactly;
import static dev.leibniz.processor.testing.GradientChecks.matrix;
import static dev.leibniz.processor.testing.GradientChecks.vector;
import static dev.leibniz.processor.loops.Matrices.multiply;
import static dev.leibniz.processor.loops.Matrices.scale;
import static dev.leibniz.processor.loops.Matrices.transpose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * The result object with array gradients: the {@code into} overload overwrites (never
 * accumulates), in place, whatever the previous call touched; the pullback scales by the seed;
 * accessors exist exactly for the differentiated parameters, with the parameters' types.
 */
class ResultContractTest {

    private static final double[][] PHI = matrix(vector(1.0, 0.0), vector(1.0, 1.0),
            vector(1.0, 2.0));
    private static final double[] Y = vector(1.0, 2.0, 2.0);

    private static final double[][] A = matrix(vector(0.5, -1.2, 2.0), vector(1.5, 0.3, -0.7));
    private static final double[][] B = matrix(vector(1.0, -0.4), vector(-1.3, 0.6),
            vector(0.8, 1.7));
    private static final double[][] A2 = matrix(vector(-2.0, 0.1, 0.9), vector(0.4, 1.1, 3.0));
    private static final double[][] B2 = matrix(vector(0.2, 2.4), vector(-0.6, 0.5),
            vector(1.9, -1.0));

    private static double[][] expectedA(double[][] a, double[][] b) {
        return scale(2.0, multiply(multiply(a, b), transpose(b)));
    }

    private static double[][] expectedB(double[][] a, double[][] b) {
        return scale(2.0, multiply(transpose(a), multiply(a, b)));
    }

    @Test
    void intoIsOverwrittenAfterAnotherPoint() {
        var into = new LeastSquaresGrad.LossGradient();
        LeastSquaresGrad.loss(PHI, Y, vector(2.5, 1.25), into);
        double value = LeastSquaresGrad.loss(PHI, Y, vector(0.0, 0.0), into);
        assertExactly(9.0, value, "returned L(0)");
        assertExactly(9.0, into.value(), "into.value() = L(0)");
        assertExactly("dL/dtheta(0) into a reused result", vector(-10.0, -12.0), into.theta());
        LeastSquaresGrad.loss(PHI, Y, vector(0.0, 0.0), into);
        assertExactly("dL/dtheta(0) again into the same result", vector(-10.0, -12.0),
                into.theta());
    }

    @Test
    void intoGivesTheSameNumbersOnEveryCall() {
        var fresh = LinearAlgebraGrad.squaredMatMat(A, B);
        var into = new LinearAlgebraGrad.SquaredMatMatGradient();
        for (int call = 0; call < 3; call++) {
            double value = LinearAlgebraGrad.squaredMatMat(A, B, into);
            assertExactly(fresh.value(), value, "call " + call + ": returned value");
            assertExactly(fresh.value(), into.value(), "call " + call + ": into.value()");
            assertExactly("call " + call + ": d/dA", fresh.a(), into.a());
            assertExactly("call " + call + ": d/dB", fresh.b(), into.b());
            assertClose("call " + call + ": d/dA vs closed form", expectedA(A, B), into.a());
            assertClose("call " + call + ": d/dB vs closed form", expectedB(A, B), into.b());
            // A different point in between must leave no trace.
            LinearAlgebraGrad.squaredMatMat(A2, B2, into);
            assertClose("call " + call + " at the other point: d/dA", expectedA(A2, B2),
                    into.a());
            assertClose("call " + call + " at the other point: d/dB", expectedB(A2, B2),
                    into.b());
        }
    }

    /** "The arrays belong to the result object: a later call overwrites them in place." */
    @Test
    void intoArraysAreOverwrittenInPlace() {
        var into = new LinearAlgebraGrad.SquaredMatMatGradient();
        LinearAlgebraGrad.squaredMatMat(A, B, into);
        double[][] ga = into.a();
        double[] firstRow = ga[0];
        double[][] gb = into.b();
        LinearAlgebraGrad.squaredMatMat(A2, B2, into);
        assertSame(ga, into.a(), "d/dA array after a second call");
        assertSame(firstRow, into.a()[0], "row 0 of d/dA after a second call");
        assertSame(gb, into.b(), "d/dB array after a second call");
        assertClose("d/dA held by the first array, after the second call", expectedA(A2, B2),
                ga);

        var vectors = new LeastSquaresGrad.LossGradient();
        LeastSquaresGrad.loss(PHI, Y, vector(1.0, 1.0), vectors);
        double[] theta = vectors.theta();
        LeastSquaresGrad.loss(PHI, Y, vector(0.0, 0.0), vectors);
        assertSame(theta, vectors.theta(), "dL/dtheta array after a second call");
        assertExactly("dL/dtheta(0) in the first array", vector(-10.0, -12.0), theta);
    }

    /** Components the second call does not reach must still be reset to 0. */
    @Test
    void componentsTheLaterCallDoesNotTouchAreZeroed() {
        var into = new EarlyExitsGrad.FirstAboveGradient();
        double[] w = vector(4.0, -2.0, 1.5, 0.5);
        EarlyExitsGrad.firstAbove(vector(0.2, -0.5, 1.7, 3.0), w, 1.0, into);
        assertExactly("first above at index 2: d/dx", vector(0.0, 0.0, 1.5, 0.0), into.x());
        EarlyExitsGrad.firstAbove(vector(2.5, -0.5, 1.7, 3.0), w, 1.0, into);
        assertExactly("then at index 0: d/dx", vector(4.0, 0.0, 0.0, 0.0), into.x());
        assertExactly("then at index 0: d/dw", vector(2.5, 0.0, 0.0, 0.0), into.w());
        EarlyExitsGrad.firstAbove(vector(0.5, -0.5, 0.7, 0.3), w, 1.0, into);
        assertExactly("then none: d/dx", new double[4], into.x());
        assertExactly("then none: d/dw", new double[4], into.w());

        var squares = new EarlyExitsGrad.SquaresUntilNegativeGradient();
        EarlyExitsGrad.squaresUntilNegative(vector(1.0, 2.0, 3.0), squares);
        EarlyExitsGrad.squaresUntilNegative(vector(1.0, -2.0, 3.0), squares);
        assertExactly("break after a call without break", vector(2.0, 0.0, 0.0), squares.x());
    }

    @Test
    void pullbackIsSeedTimesTheGradient() {
        var into = new LinearAlgebraGrad.SquaredMatMatGradient();
        for (double seed : vector(1.0, -2.5, 0.375, 7.0)) {
            double value = LinearAlgebraGrad.squaredMatMatPullback(A, B, seed, into);
            assertExactly(LinearAlgebra.squaredMatMat(A, B), value,
                    "returned value (not scaled by the seed " + seed + ")");
            assertExactly(value, into.value(), "into.value() (not scaled)");
            assertClose("pullback with seed " + seed + ": d/dA", scale(seed, expectedA(A, B)),
                    into.a());
            assertClose("pullback with seed " + seed + ": d/dB", scale(seed, expectedB(A, B)),
                    into.b());
        }
        LinearAlgebraGrad.squaredMatMatPullback(A, B, 0.0, into);
        assertExactly("pullback with seed 0 after seed 7: d/dA", new double[2][3], into.a());
        assertExactly("pullback with seed 0 after seed 7: d/dB", new double[3][2], into.b());
    }

    @Test
    void pullbackOfAVectorGradient() {
        var into = new LeastSquaresGrad.LossGradient();
        double value = LeastSquaresGrad.lossPullback(PHI, Y, vector(0.0, 0.0), -0.5, into);
        assertExactly(9.0, value, "returned value");
        assertExactly("-0.5 * dL/dtheta(0)", vector(5.0, 6.0), into.theta());
    }

    @Test
    void accessorsExistOnlyForDifferentiatedParameters() throws NoSuchMethodException {
        Class<?> loss = LeastSquaresGrad.LossGradient.class;
        assertEquals(double[].class, loss.getMethod("theta").getReturnType(), "theta()");
        assertThrows(NoSuchMethodException.class, () -> loss.getMethod("phi"),
                "phi is not in wrt: no accessor");
        assertThrows(NoSuchMethodException.class, () -> loss.getMethod("y"),
                "y is not in wrt: no accessor");

        Class<?> weighted = LinearAlgebraGrad.WeightedMatMatGradient.class;
        assertEquals(double[][].class, weighted.getMethod("a").getReturnType(), "a()");
        assertEquals(double[][].class, weighted.getMethod("b").getReturnType(), "b()");
        assertThrows(NoSuchMethodException.class, () -> weighted.getMethod("w"),
                "w is not in wrt: no accessor");

        assertThrows(NoSuchMethodException.class,
                () -> SoftmaxGrad.CrossEntropyGradient.class.getMethod("label"),
                "int label: no accessor");
        assertThrows(NoSuchMethodException.class,
                () -> AccumulatorsGrad.LogisticMapGradient.class.getMethod("steps"),
                "int steps: no accessor");

        Class<?> floats = FloatParametersGrad.ScaledSquaresGradient.class;
        assertEquals(float[].class, floats.getMethod("v").getReturnType(), "v()");
        assertEquals(float.class, floats.getMethod("scale").getReturnType(), "scale()");
        assertEquals(double.class, floats.getMethod("value").getReturnType(), "value()");
        Class<?> mixed = FloatParametersGrad.MixedPrecisionGradient.class;
        assertEquals(float[].class, mixed.getMethod("v").getReturnType(), "v()");
        assertEquals(double[].class, mixed.getMethod("x").getReturnType(), "x()");
    }
}
