package dev.leibniz.processor.numeric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;

/**
 * References the generated gradients are checked against, none of which uses generated code:
 * central differences of the plain Java method, hand-written closed forms, and the relative error
 * {@code ||g - g_fd|| / ||g + g_fd||}.
 */
final class NumericChecks {

    /** Bound on {@code ||g - g_fd|| / ||g + g_fd||} against central differences. */
    static final double FD_TOLERANCE = 1e-6;

    /** Per-component relative bound against a closed form: a few ulps of rounding, no more. */
    static final double CLOSED_FORM_TOLERANCE = 1e-12;

    private NumericChecks() {}

    /** The plain Java function of several doubles, evaluated at a point. */
    @FunctionalInterface
    interface ScalarFunction {
        double at(double... point);
    }

    /** Shorthand for a gradient or point literal. */
    static double[] vector(double... components) {
        return components;
    }

    /** The central-difference step for a coordinate of magnitude {@code |x|}. */
    static double step(double x) {
        return 1e-6 * Math.max(1.0, Math.abs(x));
    }

    /** The central-difference gradient of {@code f} at {@code point}. */
    static double[] centralGradient(ScalarFunction f, double... point) {
        double[] gradient = new double[point.length];
        for (int i = 0; i < point.length; i++) {
            double h = step(point[i]);
            double[] plus = point.clone();
            double[] minus = point.clone();
            plus[i] = point[i] + h;
            minus[i] = point[i] - h;
            // Divide by the step actually taken, which rounding may have changed.
            gradient[i] = (f.at(plus) - f.at(minus)) / (plus[i] - minus[i]);
        }
        return gradient;
    }

    /**
     * {@code ||g - ref|| / ||g + ref||}; 0 when the two are equal (including both zero), infinite
     * when they differ and {@code g = -ref}, NaN when either holds a NaN.
     */
    static double relativeError(double[] gradient, double[] reference) {
        return dev.leibniz.processor.testing.GradientChecks.relativeError(gradient, reference);
    }

    /** Whether {@code actual} is within {@link #CLOSED_FORM_TOLERANCE} of {@code expected}. */
    static boolean closeTo(double expected, double actual) {
        if (expected == actual) {
            return true; // also +0 == -0 and equal infinities
        }
        return Math.abs(actual - expected) <= CLOSED_FORM_TOLERANCE * Math.abs(expected);
    }

    /** Component-wise comparison with a closed form (or another independent reference). */
    static void assertClosedForm(String what, double[] expected, double[] actual) {
        assertEquals(expected.length, actual.length, what + ": gradient length");
        for (int i = 0; i < expected.length; i++) {
            if (!closeTo(expected[i], actual[i])) {
                fail(what + ": component " + i + " expected " + expected[i] + " but was "
                        + actual[i] + " (gradient " + Arrays.toString(actual) + ", expected "
                        + Arrays.toString(expected) + ")");
            }
        }
    }

    /** Numeric equality: +0 equals -0, NaN equals only NaN. */
    static void assertExactly(double expected, double actual, String what) {
        assertEquals(expected, actual, 0.0, what);
    }

    /** Compares a gradient with central differences of the plain function. */
    static void assertMatchesCentralDifferences(
            String what, ScalarFunction plain, double[] point, double[] gradient) {
        double[] fd = centralGradient(plain, point);
        double error = relativeError(gradient, fd);
        assertTrue(error < FD_TOLERANCE, () -> what + " at " + Arrays.toString(point)
                + ": gradient " + Arrays.toString(gradient) + " vs central differences "
                + Arrays.toString(fd) + ", relative error " + error);
    }

    /**
     * The full check at a regular point: {@code value} is exactly the plain method's result; the
     * test's own closed form agrees with central differences (so a wrong hand derivative shows up
     * as such); the gradient agrees with the closed form and with central differences.
     */
    static void assertGradient(String what, ScalarFunction plain, double[] point, double value,
            double[] gradient, double[] closedForm) {
        String at = what + " at " + Arrays.toString(point);
        assertExactly(plain.at(point), value, at + ": value()");
        double[] fd = centralGradient(plain, point);
        double selfCheck = relativeError(closedForm, fd);
        assertTrue(selfCheck < FD_TOLERANCE, () -> at + ": TEST BUG, the closed form "
                + Arrays.toString(closedForm) + " disagrees with central differences "
                + Arrays.toString(fd));
        assertClosedForm(at + " vs closed form", closedForm, gradient);
        assertMatchesCentralDifferences(what, plain, point, gradient);
    }

    /** {@link #assertGradient} for a function of one variable. */
    static void assertDerivative(String what, DoubleUnaryOperator plain, double x, double value,
            double derivative, double closedForm) {
        assertGradient(what, p -> plain.applyAsDouble(p[0]), vector(x), value, vector(derivative),
                vector(closedForm));
    }

    /**
     * The check at an edge point, where central differences do not apply: the value is the plain
     * method's and each component is exactly the contract's number.
     */
    static void assertEdge(String what, ScalarFunction plain, double[] point, double value,
            double[] gradient, double[] expected) {
        String at = what + " at " + Arrays.toString(point);
        assertExactly(plain.at(point), value, at + ": value()");
        assertEquals(expected.length, gradient.length, at + ": gradient length");
        for (int i = 0; i < expected.length; i++) {
            assertExactly(expected[i], gradient[i], at + ": component " + i + " of "
                    + Arrays.toString(gradient));
        }
    }

    /**
     * The check on a kink or jump, where central differences straddle two branches: the value is
     * the plain method's and the gradient is the closed form of the branch taken.
     */
    static void assertOnKink(String what, ScalarFunction plain, double[] point, double value,
            double[] gradient, double[] closedForm) {
        String at = what + " at " + Arrays.toString(point);
        assertExactly(plain.at(point), value, at + ": value()");
        assertClosedForm(at + " vs closed form of the branch taken", closedForm, gradient);
    }

    /** {@link #assertEdge} for a function of one variable. */
    static void assertEdgeDerivative(String what, DoubleUnaryOperator plain, double x, double value,
            double derivative, double expected) {
        assertEdge(what, p -> plain.applyAsDouble(p[0]), vector(x), value, vector(derivative),
                vector(expected));
    }
}
