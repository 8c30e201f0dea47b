package dev.leibniz.processor.numeric;

import static dev.leibniz.processor.numeric.NumericChecks.assertGradient;
import static dev.leibniz.processor.numeric.NumericChecks.vector;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link ParameterReassignment}: the gradient is with respect to the inputs as passed. */
class ParameterReassignmentTest {

    @ParameterizedTest
    @CsvSource({"1.5, -2.0", "-0.3, 4.0", "2.0, 0.5"})
    void assignParameter(double x, double y) {
        var g = ParameterReassignmentGrad.assignParameter(x, y);
        double u = x * y + y;
        assertGradient("x = x * y; x = x + y; x * x",
                p -> ParameterReassignment.assignParameter(p[0], p[1]), vector(x, y), g.value(),
                vector(g.x(), g.y()), vector(2.0 * u * y, 2.0 * u * (x + 1.0)));
    }

    @ParameterizedTest
    @CsvSource({"1.5, -2.0", "-0.3, 4.0", "2.0, 0.5"})
    void compoundAssignParameter(double x, double y) {
        var g = ParameterReassignmentGrad.compoundAssignParameter(x, y);
        double u = x * y + x;
        assertGradient("y *= x; y += x; y * y",
                p -> ParameterReassignment.compoundAssignParameter(p[0], p[1]), vector(x, y),
                g.value(), vector(g.x(), g.y()), vector(2.0 * u * (y + 1.0), 2.0 * u * x));
    }
}
