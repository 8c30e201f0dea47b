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
 * closed forms through updates in place (whose adjoints scale themselves), and agreement with the
 * adjoint of the tangent program, a derivation in the other order that the companion still holds.
 */
class ForwardOverReverseTest {
    private static boolean hasSecondSweep(Class<?> companion, String method) {
        return Arrays.stream(companion.getDeclaredMethods()).anyMatch(m -> m.getName().equals(method + "SecondSweep")
                && Modifier.isPrivate(m.getModifiers()));
    }

    @Test
    void issueElevensClosedFormsComeFromTheSecondSweep() {
        // ClosedFormsTest checks these Hessians; here: that they are the tangents of the gradient sweeps.
        for (String m : new String[] {"cubic", "sinProduct", "laplacianExample", "quadraticForm", "rosenbrock", "kinks"}) {
            assertTrue(hasSecondSweep(ClosedFormsGrad.class, m), m);
        }
    }

    @Test
    void aMethodWithACallKeepsTheAdjointOfItsTangent() {
        assertFalse(hasSecondSweep(InPlaceGrad.class, "callsASquare"));
        assertTrue(hasSecondSweep(InPlaceGrad.class, "square"));
        double x = 0.7;
        double y = -1.3;
        // (xy)² + x: [[2y², 4xy], [4xy, 2x²]]
        double[][] h = InPlaceGrad.callsASquareHessian(x, y);
        assertArrayEquals(new double[] {2 * y * y, 4 * x * y}, h[0], 1e-12);
        assertArrayEquals(new double[] {4 * x * y, 2 * x * x}, h[1], 1e-12);
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
    void agreesWithTheAdjointOfTheTangent() {
        Random random = new Random(11);
        for (int trial = 0; trial < 20; trial++) {
            double[] x = {random.nextGaussian(), random.nextGaussian(), random.nextGaussian(), random.nextGaussian()};
            double[] v = {random.nextGaussian(), random.nextGaussian(), random.nextGaussian(), random.nextGaussian()};
            double[] forward = ClosedFormsGrad.rosenbrockHvp(x, v);
            ClosedFormsGrad.RosenbrockTangentGradient work = new ClosedFormsGrad.RosenbrockTangentGradient();
            ClosedFormsGrad.rosenbrockTangentPullback(x, v, 1.0, work);
            double[] reverse = work.x();
            double scale = Arrays.stream(reverse).map(Math::abs).max().orElse(1);
            assertArrayEquals(reverse, forward, 1e-13 * Math.max(1, scale), "trial " + trial);

            double a = random.nextGaussian();
            double b = random.nextGaussian();
            double[] dir = {random.nextGaussian(), random.nextGaussian()};
            ClosedFormsGrad.SinProductTangentGradient s = new ClosedFormsGrad.SinProductTangentGradient();
            ClosedFormsGrad.sinProductTangentPullback(a, b, dir[0], dir[1], 1.0, s);
            assertArrayEquals(new double[] {s.x(), s.y()}, ClosedFormsGrad.sinProductHvp(a, b, dir), 1e-14);
        }
    }
}
