package dev.leibniz.processor.loops;

import dev.leibniz.processor.testing.GradientChecks;
import static dev.leibniz.processor.testing.GradientChecks.assertCentral;
import static dev.leibniz.processor.testing.GradientChecks.assertClose;
import static dev.leibniz.processor.testing.GradientChecks.assertExactly;
import static dev.leibniz.processor.testing.GradientChecks.matrix;
import static dev.leibniz.processor.testing.GradientChecks.vector;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link LeastSquares}, MML Example 5.11 with Phi = [[1, 0], [1, 1], [1, 2]] and y = [1, 2, 2]:
 * L(0) = 9 and dL/dtheta(0) = [-10, -12] exactly, and the closed form elsewhere.
 */
class LeastSquaresTest {

    private static final double[][] PHI = matrix(vector(1.0, 0.0), vector(1.0, 1.0),
            vector(1.0, 2.0));
    private static final double[] Y = vector(1.0, 2.0, 2.0);

    /** -2 Phi^T (y - Phi theta). */
    static double[] closedForm(double[][] phi, double[] y, double[] theta) {
        double[] g = new double[theta.length];
        for (int n = 0; n < y.length; n++) {
            double residual = y[n] - Matrices.multiply(phi, theta)[n];
            for (int d = 0; d < theta.length; d++) {
                g[d] += -2.0 * residual * phi[n][d];
            }
        }
        return g;
    }

    @Test
    void mmlExample511AtZero() {
        var g = LeastSquaresGrad.loss(PHI, Y, vector(0.0, 0.0));
        assertExactly(9.0, g.value(), "L(0)");
        assertExactly("dL/dtheta(0)", vector(-10.0, -12.0), g.theta());
    }

    /** Phi (1, 1) = (1, 2, 3): residual (0, 0, -1), L = 1, dL/dtheta = (2, 4). */
    @Test
    void mmlExample511AtOneOne() {
        var g = LeastSquaresGrad.loss(PHI, Y, vector(1.0, 1.0));
        assertExactly(1.0, g.value(), "L(1, 1)");
        assertExactly("dL/dtheta(1, 1)", vector(2.0, 4.0), g.theta());
    }

    @ParameterizedTest
    @CsvSource({"0.3, -0.7", "2.5, 1.25", "-1.0, 0.4", "1.1, 0.6"})
    void mmlExample511ElsewhereAgreesWithTheClosedForm(double t0, double t1) {
        double[] theta = vector(t0, t1);
        var g = LeastSquaresGrad.loss(PHI, Y, theta);
        String at = "MML 5.11 at theta = " + Arrays.toString(theta);
        assertExactly(LeastSquares.loss(PHI, Y, theta), g.value(), at + ": value()");
        double[] expected = closedForm(PHI, Y, theta);
        assertClose(at + " vs closed form", expected, g.theta());
        assertCentral(at, p -> LeastSquares.loss(PHI, Y, p), theta, expected, g.theta());
    }

    /** A larger design (5 observations, 3 features) through the same code. */
    @Test
    void largerDesign() {
        double[][] phi = matrix(vector(1.0, 0.2, -0.5), vector(1.0, 1.1, 0.3),
                vector(1.0, -0.7, 2.2), vector(1.0, 0.4, -1.3), vector(1.0, 1.9, 0.8));
        double[] y = vector(0.3, 1.7, -0.4, 2.6, 1.1);
        double[] theta = vector(0.25, -0.6, 1.4);
        var g = LeastSquaresGrad.loss(phi, y, theta);
        double[] expected = closedForm(phi, y, theta);
        assertClose("least squares 5x3", expected, g.theta());
        assertCentral("least squares 5x3", p -> LeastSquares.loss(phi, y, p), theta, expected,
                g.theta());
    }
}
