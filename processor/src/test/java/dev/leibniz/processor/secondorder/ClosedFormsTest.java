package dev.leibniz.processor.secondorder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.hipparchus.analysis.differentiation.DSFactory;
import org.hipparchus.analysis.differentiation.DerivativeStructure;
import org.junit.jupiter.api.Test;

/** Issue 11's closed forms: Hessians, Jacobians (both modes), the Laplacian, H·v and tangents. */
class ClosedFormsTest {
    private static final double EXACT = 1e-12;

    private static void assertMatrix(double[][] expected, double[][] actual, double tolerance) {
        assertEquals(expected.length, actual.length, "rows");
        for (int i = 0; i < expected.length; i++) {
            assertArrayEquals(expected[i], actual[i], tolerance, "row " + i);
        }
    }

    @Test
    void hessianOfACubic() {
        assertMatrix(new double[][] {{2, 2}, {2, 12}}, ClosedFormsGrad.cubicHessian(1, 2), EXACT);
    }

    @Test
    void hessianOfSinXy() {
        double x = 0.1;
        double y = -1;
        double[][] h = ClosedFormsGrad.sinProductHessian(x, y);
        assertEquals(0.09983341664682815, h[0][0], EXACT);
        assertEquals(0.985020823613343, h[0][1], EXACT);
        assertEquals(0.985020823613343, h[1][0], EXACT);
        assertEquals(0.0009983341664682817, h[1][1], EXACT);
        assertEquals(-y * y * Math.sin(x * y), h[0][0], EXACT);
    }

    @Test
    void jacobianOfALinearMapAndItsDeterminant() {
        double[][] j = ClosedFormsGrad.linearJacobian(new double[] {0.4, -1.7});
        assertMatrix(new double[][] {{-2, 1}, {1, 1}}, j, EXACT);
        assertEquals(-3, j[0][0] * j[1][1] - j[0][1] * j[1][0], EXACT);
    }

    @Test
    void jacobianOfAxIsA() {
        double[][] a = {{1, 2}, {3, -4}, {0.5, 7}}; // 2 inputs, 3 outputs: forward mode
        assertMatrix(a, ClosedFormsGrad.timesJacobian(a, new double[] {0.3, 0.9}), EXACT);
        double[][] wide = {{1, 2, 3}, {-4, 5, 6}}; // 3 inputs, 2 outputs: reverse mode
        assertMatrix(wide, ClosedFormsGrad.timesJacobian(wide, new double[] {0.3, 0.9, -2}), EXACT);
    }

    @Test
    void jacobianOfATanhLayer() {
        for (double[][] a : new double[][][] {{{0.2, -0.5}, {1.1, 0.3}, {-0.7, 0.4}}, {{0.2, -0.5, 0.9}, {1.1, 0.3, -0.2}}}) {
            int inputs = a[0].length;
            double[] x = new double[inputs];
            for (int k = 0; k < inputs; k++) {
                x[k] = 0.3 * k - 0.4;
            }
            double[] b = new double[a.length];
            for (int i = 0; i < a.length; i++) {
                b[i] = 0.1 * i;
            }
            double[][] expected = new double[a.length][inputs];
            for (int i = 0; i < a.length; i++) {
                double z = b[i];
                for (int k = 0; k < inputs; k++) {
                    z += a[i][k] * x[k];
                }
                double t = Math.tanh(z);
                for (int k = 0; k < inputs; k++) {
                    expected[i][k] = (1 - t * t) * a[i][k];
                }
            }
            assertMatrix(expected, ClosedFormsGrad.tanhLayerJacobian(a, x, b), EXACT);
        }
    }

    @Test
    void laplacian() {
        assertEquals(2 * 1.5, ClosedFormsGrad.laplacianExampleLaplacian(-0.7, 1.5), EXACT);
        assertEquals(2 * -3.0, ClosedFormsGrad.laplacianExampleLaplacian(2.0, -3.0), EXACT);
    }

    @Test
    void hessianOfAQuadraticFormIsBPlusBTransposed() {
        double[][] b = {{1, 2, -1}, {0.5, 3, 4}, {-2, 0, 6}};
        double[][] expected = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                expected[i][j] = b[i][j] + b[j][i];
            }
        }
        assertMatrix(expected, ClosedFormsGrad.quadraticFormHessian(b, new double[] {0.2, -1.3, 0.8}), EXACT);
    }

    @Test
    void hvpOfRosenbrockMatchesHipparchus() {
        double[] x = {-1.2, 1.0, 0.5, 0.8, -0.3};
        double[] v = {0.3, -1.1, 2.0, 0.4, -0.6};
        int n = x.length;
        DSFactory factory = new DSFactory(n, 2);
        DerivativeStructure[] xs = new DerivativeStructure[n];
        for (int i = 0; i < n; i++) {
            xs[i] = factory.variable(i, x[i]);
        }
        DerivativeStructure s = factory.constant(0);
        for (int i = 0; i + 1 < n; i++) {
            DerivativeStructure a = xs[i + 1].subtract(xs[i].multiply(xs[i]));
            DerivativeStructure b = xs[i].negate().add(1);
            s = s.add(a.multiply(a).multiply(100)).add(b.multiply(b));
        }
        double[] expected = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                int[] orders = new int[n];
                orders[i]++;
                orders[j]++;
                expected[i] += s.getPartialDerivative(orders) * v[j];
            }
        }
        assertArrayEquals(expected, ClosedFormsGrad.rosenbrockHvp(x, v), 1e-10);
        assertThrows(IllegalArgumentException.class, () -> ClosedFormsGrad.rosenbrockHvp(x, new double[2]));
    }

    @Test
    void polarJacobianDeterminantIsR() {
        double r = 2.5;
        double theta = 0.7;
        double[][] j = ClosedFormsGrad.polarJacobian(r, theta);
        assertMatrix(new double[][] {{Math.cos(theta), -r * Math.sin(theta)}, {Math.sin(theta), r * Math.cos(theta)}}, j, EXACT);
        assertEquals(r, j[0][0] * j[1][1] - j[0][1] * j[1][0], EXACT);
    }

    @Test
    void tangentsOfScalarAndVectorMethods() {
        // d/dt (x² + 2xy + y³) along (1, -2) at (1, 2): (2x + 2y) - 2 (2x + 3y²) = 6 - 2·14
        assertEquals(6 - 28, ClosedFormsGrad.cubicTangent(1, 2, 1, -2), EXACT);
        double[] dp = ClosedFormsGrad.polarTangent(2.0, 0.3, 0.5, -1.0);
        assertArrayEquals(new double[] {0.5 * Math.cos(0.3) + 2.0 * Math.sin(0.3), 0.5 * Math.sin(0.3) - 2.0 * Math.cos(0.3)},
                dp, EXACT);
    }

    @Test
    void secondDerivativesOfKinksAreZeroAwayFromTies() {
        // at x = 0.5, y = 2: |x| y + max(x, y) x + min(x², y) = x y + y x + x²: H = [[2, 2], [2, 0]]
        assertMatrix(new double[][] {{2, 2}, {2, 0}}, ClosedFormsGrad.kinksHessian(0.5, 2), EXACT);
        // at x = -3, y = 1: -x y + max = y: y x, min = y: y  -> f = -xy + xy + y: H = 0
        assertMatrix(new double[][] {{0, 0}, {0, 0}}, ClosedFormsGrad.kinksHessian(-3, 1), EXACT);
    }

    @Test
    void forwardModeThroughRulesWithoutSecondOrder() {
        double x = 0.7;
        double[] w = {1.3, -0.4};
        double dx = 0.5;
        double[] dw = {-1.0, 2.0};
        double sigma = 1 / (1 + Math.exp(-x * w[0]));
        double expected = sigma * (w[0] * dx + x * dw[0]) + dw[0] * x + dw[1] * x * x + (w[0] + 2 * w[1] * x) * dx;
        assertEquals(expected, ClosedFormsGrad.viaRulesTangent(x, w, dx, dw), EXACT);
        assertThrows(NoSuchMethodException.class,
                () -> ClosedFormsGrad.class.getMethod("viaRulesHessian", double.class, double[].class));
    }
}
