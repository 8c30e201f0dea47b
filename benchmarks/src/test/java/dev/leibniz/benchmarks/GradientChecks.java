package dev.leibniz.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;

/**
 * References the generated gradients of array code are checked against, none of which uses
 * generated code: central differences of the plain Java method (over all its array components,
 * flattened with {@link Packing}), hand-written closed forms, and the relative error
 * {@code ||g - g_fd|| / ||g + g_fd||}.
 */
public final class GradientChecks {

    /** Bound on {@code ||g - g_fd|| / ||g + g_fd||} against central differences. */
    public static final double FD_TOLERANCE = 1e-6;

    /** Relative bound against a closed form: rounding of the operations, no more. */
    public static final double CLOSED_FORM_TOLERANCE = 1e-12;

    /** Relative bound for {@code float} gradients against a closed form evaluated in double. */
    public static final double FLOAT_TOLERANCE = 1e-5;

    private GradientChecks() {}

    /** The plain Java function, evaluated at a flattened point. */
    @FunctionalInterface
    public interface ScalarFunction {
        double at(double... point);
    }

    /** Shorthand for a vector literal. */
    public static double[] vector(double... components) {
        return components;
    }

    /** Shorthand for a matrix literal. */
    public static double[][] matrix(double[]... rows) {
        return rows;
    }

    /** The central-difference step for a coordinate of magnitude {@code |x|}. */
    public static double step(double x) {
        return 1e-6 * Math.max(1.0, Math.abs(x));
    }

    /** The central-difference gradient of {@code f} at {@code point}. */
    public static double[] centralGradient(ScalarFunction f, double... point) {
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
     * {@code ||g - ref|| / ||g + ref||}; 0 when the two are equal (including both zero), NaN when
     * either holds a NaN.
     */
    public static double relativeError(double[] gradient, double[] reference) {
        assertEquals(reference.length, gradient.length, "gradient length");
        double difference = 0.0;
        double sum = 0.0;
        for (int i = 0; i < gradient.length; i++) {
            double d = gradient[i] - reference[i];
            double s = gradient[i] + reference[i];
            difference += d * d;
            sum += s * s;
        }
        if (difference == 0.0) {
            return 0.0;
        }
        return Math.sqrt(difference) / Math.sqrt(sum);
    }

    /** Numeric equality: +0 equals -0, NaN equals only NaN. */
    public static void assertExactly(double expected, double actual, String what) {
        assertEquals(expected, actual, 0.0, what);
    }

    /** Every component exactly the expected number (+0 equals -0). */
    public static void assertExactly(String what, double[] expected, double[] actual) {
        assertEquals(expected.length, actual.length, what + ": length");
        for (int i = 0; i < expected.length; i++) {
            assertExactly(expected[i], actual[i], what + ": component " + i + " of "
                    + Arrays.toString(actual) + ", expected " + Arrays.toString(expected));
        }
    }

    /** Every entry exactly the expected number, and the same (possibly ragged) shape. */
    public static void assertExactly(String what, double[][] expected, double[][] actual) {
        assertShape(what, expected, actual);
        for (int i = 0; i < expected.length; i++) {
            assertExactly(what + ", row " + i, expected[i], actual[i]);
        }
    }

    /** The same number of rows and the same length of every row. */
    public static void assertShape(String what, double[][] expected, double[][] actual) {
        assertEquals(expected.length, actual.length, what + ": number of rows");
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i].length, actual[i].length, what + ": length of row " + i);
        }
    }

    /**
     * Each component within {@link #CLOSED_FORM_TOLERANCE} of its own expected magnitude: for
     * closed forms without cancellation (products, quotients, sums of same-signed terms).
     */
    public static void assertComponentwise(String what, double[] expected, double[] actual) {
        assertEquals(expected.length, actual.length, what + ": length");
        for (int i = 0; i < expected.length; i++) {
            boolean close = expected[i] == actual[i] || Math.abs(actual[i] - expected[i])
                    <= CLOSED_FORM_TOLERANCE * Math.abs(expected[i]);
            if (!close) {
                fail(what + ": component " + i + " expected " + expected[i] + " but was "
                        + actual[i] + " (gradient " + Arrays.toString(actual) + ", expected "
                        + Arrays.toString(expected) + ")");
            }
        }
    }

    /**
     * Each component within {@link #CLOSED_FORM_TOLERANCE} times the largest expected magnitude
     * of the block: for closed forms that are sums of terms of either sign, where a component
     * may cancel to much less than its terms and only the terms' scale bounds the rounding.
     */
    public static void assertClose(String what, double[] expected, double[] actual) {
        assertEquals(expected.length, actual.length, what + ": length");
        double scale = 0.0;
        for (double e : expected) {
            scale = Math.max(scale, Math.abs(e));
        }
        for (int i = 0; i < expected.length; i++) {
            boolean close = expected[i] == actual[i]
                    || Math.abs(actual[i] - expected[i]) <= CLOSED_FORM_TOLERANCE * scale;
            if (!close) {
                fail(what + ": component " + i + " expected " + expected[i] + " but was "
                        + actual[i] + " (gradient " + Arrays.toString(actual) + ", expected "
                        + Arrays.toString(expected) + ")");
            }
        }
    }

    /** {@link #assertClose(String, double[], double[])} for a matrix, after a shape check. */
    public static void assertClose(String what, double[][] expected, double[][] actual) {
        assertShape(what, expected, actual);
        assertClose(what + " (flattened row by row)", Packing.flat(expected),
                Packing.flat(actual));
    }

    /** A float gradient within {@link #FLOAT_TOLERANCE} of a closed form in double. */
    public static void assertFloatClose(String what, double[] expected, float[] actual) {
        assertEquals(expected.length, actual.length, what + ": length");
        for (int i = 0; i < expected.length; i++) {
            double error = Math.abs(actual[i] - expected[i]);
            if (!(error <= FLOAT_TOLERANCE * Math.abs(expected[i]))) {
                fail(what + ": component " + i + " expected " + expected[i] + " but was "
                        + actual[i] + " (gradient " + Arrays.toString(actual) + ")");
            }
        }
    }

    /**
     * Central differences of the plain function at the flattened point: first the test's own
     * reference (so a wrong hand derivative shows up as a test bug), then the gradient.
     */
    public static void assertCentral(String what, ScalarFunction plain, double[] point,
            double[] reference, double[] gradient) {
        double[] fd = centralGradient(plain, point);
        double selfCheck = relativeError(reference, fd);
        assertTrue(selfCheck < FD_TOLERANCE, () -> what + ": TEST BUG, the reference "
                + Arrays.toString(reference) + " disagrees with central differences "
                + Arrays.toString(fd) + ", relative error " + selfCheck);
        double error = relativeError(gradient, fd);
        assertTrue(error < FD_TOLERANCE, () -> what + ": gradient " + Arrays.toString(gradient)
                + " vs central differences " + Arrays.toString(fd) + ", relative error "
                + error);
    }

    /** No component is NaN or infinite. */
    public static void assertFinite(String what, double... gradient) {
        for (int i = 0; i < gradient.length; i++) {
            assertTrue(Double.isFinite(gradient[i]), what + ": component " + i + " is "
                    + gradient[i] + " in " + Arrays.toString(gradient));
        }
    }

    /** {@link #assertClose(String, double[], double[])} for one number. */
    public static void assertClose(String what, double expected, double actual) {
        assertClose(what, vector(expected), vector(actual));
    }

    /** The gradient against central differences of the plain function alone. */
    public static void assertCentral(String what, ScalarFunction plain, double[] point,
            double[] gradient) {
        double[] fd = centralGradient(plain, point);
        double error = relativeError(gradient, fd);
        assertTrue(error < FD_TOLERANCE, () -> what + " at " + Arrays.toString(point)
                + ": gradient " + Arrays.toString(gradient) + " vs central differences "
                + Arrays.toString(fd) + ", relative error " + error);
    }

    /**
     * The full check: {@code value} is exactly the plain method's result, and the gradient
     * matches the closed form (which itself must match central differences) and central
     * differences.
     */
    public static void assertGradient(String what, ScalarFunction plain, double[] point, double value,
            double[] gradient, double[] closedForm) {
        String at = what + " at " + Arrays.toString(point);
        assertExactly(plain.at(point), value, at + ": value()");
        assertCentral(at, plain, point, closedForm, gradient);
        assertClose(at + " vs closed form", closedForm, gradient);
    }
}
