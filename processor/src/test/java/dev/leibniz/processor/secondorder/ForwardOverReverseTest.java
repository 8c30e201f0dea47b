package dev.leibniz.processor.secondorder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Second order as the tangent of the gradient sweep (forward over reverse): which methods get it,
 * and closed forms through updates in place (whose adjoints scale themselves), calls, replays,
 * refills' neighbours and branches decided again.
 */
class ForwardOverReverseTest {
    private static boolean hasSecondSweep(Class<?> companion, String method) {
        // public: a caller's second sweep calls it in place of the pullback
        return Arrays.stream(companion.getDeclaredMethods()).anyMatch(m -> m.getName().equals(method + "SecondSweep")
                && Modifier.isPublic(m.getModifiers()));
    }

    /** Σ_{k<n} β^k and its first and second derivatives in β, term by term. */
    private static double[] geometricSum(double beta, int n) {
        double[] out = new double[3];
        for (int k = 0; k < n; k++) {
            out[0] += Math.pow(beta, k);
            out[1] += k == 0 ? 0 : k * Math.pow(beta, k - 1);
            out[2] += k < 2 ? 0 : k * (k - 1) * Math.pow(beta, k - 2);
        }
        return out;
    }

    @Test
    void issueElevensClosedFormsComeFromTheSecondSweep() {
        // ClosedFormsTest checks these Hessians; here: that they are the tangents of the gradient sweeps.
        for (String m : new String[] {"cubic", "sinProduct", "laplacianExample", "quadraticForm", "rosenbrock", "kinks"}) {
            assertTrue(hasSecondSweep(ClosedFormsGrad.class, m), m);
        }
    }

    @Test
    void aCallsPullbackBecomesTheCalleesSecondSweep() {
        assertTrue(hasSecondSweep(InPlaceGrad.class, "callsASquare"));
        assertTrue(hasSecondSweep(InPlaceGrad.class, "square"));
        double x = 0.7;
        double y = -1.3;
        // (xy)² + x: [[2y², 4xy], [4xy, 2x²]]
        double[][] h = InPlaceGrad.callsASquareHessian(x, y);
        assertArrayEquals(new double[] {2 * y * y, 4 * x * y}, h[0], 1e-12);
        assertArrayEquals(new double[] {4 * x * y, 2 * x * x}, h[1], 1e-12);
    }

    @Test
    void aHelperCalledInALoop() {
        assertTrue(hasSecondSweep(InPlaceGrad.class, "softplusLoss"));
        double[] w = {0.4, -0.9, 0.3};
        double[][] xs = {{1.0, 0.5, -2.0}, {0.2, -1.5, 0.7}, {-0.3, 0.8, 1.1}};
        double[][] h = InPlaceGrad.softplusLossHessian(w, xs);
        double[][] expected = new double[3][3];
        for (double[] x : xs) {
            double z = 0;
            for (int i = 0; i < 3; i++) {
                z += w[i] * x[i];
            }
            double s = 1 / (1 + Math.exp(-z)); // softplus'' = σ(1 - σ)
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    expected[i][j] += s * (1 - s) * x[i] * x[j];
                }
            }
        }
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(expected[i], h[i], 1e-14, "row " + i);
        }
    }

    @Test
    void aReplayReadingItsOutputOnEntryGetsWhatTheCallFound() {
        double[] g = {0.5, -0.3, 0.8};
        double beta = 0.9;
        int steps = 4;
        // v_t = c_t g with c_t = Σ_{k<t} β^k, so f = |g|² Σ_t c_t²
        double gg = 0;
        for (double gi : g) {
            gg += gi * gi;
        }
        double sum = 0;
        double dSum = 0;
        double ddSum = 0;
        for (int t = 1; t <= steps; t++) {
            double[] geometric = geometricSum(beta, t);
            double c = geometric[0];
            double dc = geometric[1];
            double ddc = geometric[2];
            sum += c * c;
            dSum += 2 * c * dc;
            ddSum += 2 * dc * dc + 2 * c * ddc;
        }
        double[][] h = InPlaceGrad.momentumHessian(g, beta, steps);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                assertEquals(i == j ? 2 * sum : 0, h[i][j], 1e-12, i + "," + j);
            }
            assertEquals(2 * g[i] * dSum, h[i][3], 1e-12);
            assertEquals(2 * g[i] * dSum, h[3][i], 1e-12);
        }
        assertEquals(gg * ddSum, h[3][3], 1e-11);
        // The second sweep runs axpy again from what it found in v, pushed before the call (not from what it left).
        assertTrue(hasSecondSweep(InPlaceGrad.class, "momentum"));
    }

    @Test
    void aReplayInASweepWithNoTapeOfItsOwn() {
        assertTrue(hasSecondSweep(InPlaceGrad.class, "momentumEnd"));
        double[] g = {0.5, -0.3, 0.8};
        double beta = 0.7;
        int steps = 5;
        // v = c g with c = Σ_{k<steps} β^k, so f = c²|g|²
        double[] geometric = geometricSum(beta, steps);
        double c = geometric[0];
        double dc = geometric[1];
        double ddc = geometric[2];
        double gg = 0;
        for (double gi : g) {
            gg += gi * gi;
        }
        double[][] h = InPlaceGrad.momentumEndHessian(g, beta, steps);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                assertEquals(i == j ? 2 * c * c : 0, h[i][j], 1e-12, i + "," + j);
            }
            assertEquals(4 * c * dc * g[i], h[i][3], 1e-12);
            assertEquals(4 * c * dc * g[i], h[3][i], 1e-12);
        }
        assertEquals(gg * (2 * dc * dc + 2 * c * ddc), h[3][3], 1e-11);
    }

    @Test
    void aBranchDecidedByAHelpersValue() {
        assertTrue(hasSecondSweep(InPlaceGrad.class, "decidedByAHelper"));
        double y = -1.3;
        double x = 1.1; // x³ > 1/2: x²y²
        double[][] h = InPlaceGrad.decidedByAHelperHessian(x, y);
        assertArrayEquals(new double[] {2 * y * y, 4 * x * y}, h[0], 1e-12);
        assertArrayEquals(new double[] {4 * x * y, 2 * x * x}, h[1], 1e-12);
        x = 0.6; // x³ < 1/2: xy²
        h = InPlaceGrad.decidedByAHelperHessian(x, y);
        assertArrayEquals(new double[] {0, 2 * y}, h[0], 1e-12);
        assertArrayEquals(new double[] {2 * y, 2 * x}, h[1], 1e-12);
    }

    @Test
    void floatValues() {
        assertTrue(hasSecondSweep(InPlaceGrad.class, "cubes"));
        float[] x = {0.5f, -1.25f, 2f};
        double[][] h = InPlaceGrad.cubesHessian(x);
        for (int i = 0; i < x.length; i++) {
            double[] row = new double[x.length];
            row[i] = 6 * x[i];
            assertArrayEquals(row, h[i], 1e-6 * 6 * Math.abs(x[i]), "row " + i); // float precision
        }
    }

    @Test
    void productsInPlace() {
        assertTrue(hasSecondSweep(InPlaceGrad.class, "power"));
        for (int n = 0; n <= 5; n++) {
            double x = 1.3;
            double expected = n < 2 ? 0 : n * (n - 1) * Math.pow(x, n - 2);
            assertEquals(expected, InPlaceGrad.powerHessian(x, n)[0][0], 1e-12 * Math.max(1, Math.abs(expected)), "n=" + n);
        }
    }

    @Test
    void resultsReadInPlace() {
        assertTrue(hasSecondSweep(InPlaceGrad.class, "towerOfExp"));
        double x = 0.3;
        // n = 2: f = exp(exp(x)), f'' = f·e^x·(e^x + 1)
        double f = Math.exp(Math.exp(x));
        double expected = f * Math.exp(x) * (Math.exp(x) + 1);
        assertEquals(expected, InPlaceGrad.towerOfExpHessian(x, 2)[0][0], 1e-12 * expected);
        assertEquals(Math.exp(x), InPlaceGrad.towerOfExpHessian(x, 1)[0][0], 1e-12);
        assertEquals(0, InPlaceGrad.towerOfExpHessian(x, 0)[0][0], 0);
    }

    @Test
    void quotientsInPlaceAndStoredElements() {
        assertTrue(hasSecondSweep(InPlaceGrad.class, "ratios"));
        double[] x = {0.4, -1.1, 2.0};
        double[] w = {1.5, -0.5, 0.25};
        double[][] h = InPlaceGrad.ratiosHessian(x, w);
        for (int i = 0; i < x.length; i++) {
            // d²/dx² of x²/(1+x²) = (2 - 6x²)/(1+x²)³; the Hessian is diagonal
            double u = 1 + x[i] * x[i];
            double[] row = new double[x.length];
            row[i] = w[i] * (2 - 6 * x[i] * x[i]) / (u * u * u);
            assertArrayEquals(row, h[i], 1e-12, "row " + i);
        }
    }

    @Test
    void hessianVectorProductsEqualClosedForms() {
        Random random = new Random(11);
        for (int trial = 0; trial < 20; trial++) {
            double[] x = {random.nextGaussian(), random.nextGaussian(), random.nextGaussian(), random.nextGaussian()};
            double[] v = {random.nextGaussian(), random.nextGaussian(), random.nextGaussian(), random.nextGaussian()};
            // Σ 100 (x_{i+1} - x_i²)² + (1 - x_i)²: a tridiagonal Hessian
            double[] expected = new double[x.length];
            for (int i = 0; i + 1 < x.length; i++) {
                double hii = 1200 * x[i] * x[i] - 400 * x[i + 1] + 2;
                double hij = -400 * x[i];
                expected[i] += hii * v[i] + hij * v[i + 1];
                expected[i + 1] += hij * v[i] + 200 * v[i + 1];
            }
            double scale = Arrays.stream(expected).map(Math::abs).max().orElse(1);
            assertArrayEquals(expected, ClosedFormsGrad.rosenbrockHvp(x, v), 1e-12 * Math.max(1, scale), "trial " + trial);

            double a = random.nextGaussian();
            double b = random.nextGaussian();
            double[] dir = {random.nextGaussian(), random.nextGaussian()};
            // sin(ab): [[-b² sin ab, cos ab - ab sin ab], [·, -a² sin ab]]
            double sin = Math.sin(a * b);
            double cross = Math.cos(a * b) - a * b * sin;
            assertArrayEquals(new double[] {-b * b * sin * dir[0] + cross * dir[1], cross * dir[0] - a * a * sin * dir[1]},
                    ClosedFormsGrad.sinProductHvp(a, b, dir), 1e-14);
        }
    }
}
