package dev.leibniz.processor.numeric;

import static dev.leibniz.processor.numeric.NumericChecks.assertClosedForm;
import static dev.leibniz.processor.numeric.NumericChecks.assertEdge;
import static dev.leibniz.processor.numeric.NumericChecks.assertExactly;
import static dev.leibniz.processor.numeric.NumericChecks.vector;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The {@code into} overload and the pullback: they return the plain value, fill {@code into} with
 * the value and (seed times) the closed-form gradient, agree with the allocating overload, and
 * overwrite rather than accumulate into a reused result.
 */
class IntoAndPullbackTest {

    private static final double X = 1.25;
    private static final double Y = -0.75;

    private static double[] scaled(double seed, double[] v) {
        double[] result = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            result[i] = seed * v[i];
        }
        return result;
    }

    @ParameterizedTest
    @CsvSource({"1.0, 2.0", "-1.5, 0.5", "3.0, -2.0"})
    void intoOverloadAgreesWithTheAllocatingOne(double x, double y) {
        var into = new CompositeFunctionsGrad.PolynomialGradient();
        double value = CompositeFunctionsGrad.polynomial(x, y, into);
        double expected = CompositeFunctions.polynomial(x, y);
        assertExactly(expected, value, "returned value");
        assertExactly(expected, into.value(), "into.value()");
        assertClosedForm("into", CompositeDerivatives.polynomial(x, y), vector(into.x(), into.y()));
        var fresh = CompositeFunctionsGrad.polynomial(x, y);
        assertExactly(fresh.value(), into.value(), "into vs allocating: value");
        assertExactly(fresh.x(), into.x(), "into vs allocating: x");
        assertExactly(fresh.y(), into.y(), "into vs allocating: y");
    }

    @ParameterizedTest
    @CsvSource({"0.5, 1.0, -2.0", "-1.2, 0.3, 0.7"})
    void intoOverloadAgreesWithTheAllocatingOneInThreeVariables(double x, double y, double z) {
        var into = new CompositeFunctionsGrad.WaveGradient();
        double value = CompositeFunctionsGrad.wave(x, y, z, into);
        assertExactly(CompositeFunctions.wave(x, y, z), value, "returned value");
        assertClosedForm("into", CompositeDerivatives.wave(x, y, z),
                vector(into.x(), into.y(), into.z()));
        var fresh = CompositeFunctionsGrad.wave(x, y, z);
        assertExactly(fresh.value(), into.value(), "into vs allocating: value");
        assertExactly(fresh.x(), into.x(), "into vs allocating: x");
        assertExactly(fresh.y(), into.y(), "into vs allocating: y");
        assertExactly(fresh.z(), into.z(), "into vs allocating: z");
    }

    @Test
    void reusedIntoIsOverwrittenNotAccumulated() {
        var into = new CompositeFunctionsGrad.PolynomialGradient();
        CompositeFunctionsGrad.polynomial(5.0, -3.0, into);
        double value = CompositeFunctionsGrad.polynomial(1.0, 2.0, into);
        assertExactly(CompositeFunctions.polynomial(1.0, 2.0), value, "returned value");
        assertEdge("polynomial into a reused result",
                p -> CompositeFunctions.polynomial(p[0], p[1]), vector(1.0, 2.0), into.value(),
                vector(into.x(), into.y()), vector(6.0, 14.0));
    }

    @Test
    void reusedIntoForgetsAParameterThatNoLongerContributes() {
        var into = new UnusedParametersGrad.YOnlyInOneBranchGradient();
        UnusedParametersGrad.yOnlyInOneBranch(2.0, 3.0, into);
        assertClosedForm("x > 0 ? x * y : x at (2, 3)", vector(3.0, 2.0),
                vector(into.x(), into.y()));
        UnusedParametersGrad.yOnlyInOneBranch(-1.0, 3.0, into);
        assertEdge("x > 0 ? x * y : x into a reused result",
                p -> UnusedParameters.yOnlyInOneBranch(p[0], p[1]), vector(-1.0, 3.0),
                into.value(), vector(into.x(), into.y()), vector(1.0, 0.0));
    }

    @ParameterizedTest
    @ValueSource(doubles = {1.0, 2.0, -0.5, 0.0, 3.7, -1000.0})
    void pullbackIsSeedTimesTheGradient(double seed) {
        var into = new CompositeFunctionsGrad.PolynomialGradient();
        double value = CompositeFunctionsGrad.polynomialPullback(X, Y, seed, into);
        double expected = CompositeFunctions.polynomial(X, Y);
        assertExactly(expected, value, "returned value (not scaled by the seed)");
        assertExactly(expected, into.value(), "into.value() (not scaled by the seed)");
        double[] gradient = vector(into.x(), into.y());
        assertClosedForm("pullback with seed " + seed + " vs seed * closed form",
                scaled(seed, CompositeDerivatives.polynomial(X, Y)), gradient);
        var g = CompositeFunctionsGrad.polynomial(X, Y);
        assertClosedForm("pullback with seed " + seed + " vs seed * allocating overload",
                scaled(seed, vector(g.x(), g.y())), gradient);
    }

    /** Scaling by a power of two is exact in every operation of the reverse sweep. */
    @ParameterizedTest
    @ValueSource(doubles = {2.0, -0.5, 0.25, -8.0})
    void pullbackWithAPowerOfTwoSeedIsExactlyScaled(double seed) {
        var g = CompositeFunctionsGrad.wave(0.5, 1.0, -2.0);
        var into = new CompositeFunctionsGrad.WaveGradient();
        CompositeFunctionsGrad.wavePullback(0.5, 1.0, -2.0, seed, into);
        assertClosedForm("pullback with seed " + seed + " vs seed * closed form",
                scaled(seed, CompositeDerivatives.wave(0.5, 1.0, -2.0)),
                vector(into.x(), into.y(), into.z()));
        assertExactly(seed * g.x(), into.x(), "x");
        assertExactly(seed * g.y(), into.y(), "y");
        assertExactly(seed * g.z(), into.z(), "z");
    }

    @ParameterizedTest
    @CsvSource({"-1.5, 3.0", "0.3, -2.0", "2.0, 0.1"})
    void pullbackThroughIntermediateVariables(double x, double seed) {
        var into = new CompositeFunctionsGrad.Mml514StepwiseGradient();
        double value = CompositeFunctionsGrad.mml514StepwisePullback(x, seed, into);
        assertExactly(CompositeFunctions.mml514Stepwise(x), value, "returned value");
        assertClosedForm("MML 5.14 stepwise pullback",
                vector(seed * CompositeDerivatives.mml514(x)), vector(into.x()));
    }

    @ParameterizedTest
    @CsvSource({"2.5, 3.0, 15.0", "-4.0, -2.0, 6.0", "0.0, 0.5, 0.5"})
    void pullbackThroughABranch(double x, double seed, double expected) {
        var into = new BranchesGrad.PiecewiseGradient();
        double value = BranchesGrad.piecewisePullback(x, seed, into);
        assertExactly(Branches.piecewise(x), value, "returned value");
        assertClosedForm("piecewise pullback", vector(expected), vector(into.x()));
    }

    @Test
    void reusedPullbackResultIsOverwrittenNotAccumulated() {
        var into = new CompositeFunctionsGrad.PolynomialGradient();
        CompositeFunctionsGrad.polynomialPullback(X, Y, 5.0, into);
        CompositeFunctionsGrad.polynomialPullback(X, Y, 1.0, into);
        assertClosedForm("second pullback with seed 1", CompositeDerivatives.polynomial(X, Y),
                vector(into.x(), into.y()));
        CompositeFunctionsGrad.polynomialPullback(X, Y, 0.0, into);
        assertEdge("third pullback with seed 0", p -> CompositeFunctions.polynomial(p[0], p[1]),
                vector(X, Y), into.value(), vector(into.x(), into.y()), vector(0.0, 0.0));
    }
}
