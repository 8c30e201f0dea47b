package dev.leibniz.processor.regressions;

import static dev.leibniz.processor.testing.GradientChecks.FD_TOLERANCE;
import static dev.leibniz.processor.testing.GradientChecks.assertComponentwise;
import static dev.leibniz.processor.testing.GradientChecks.centralGradient;
import static dev.leibniz.processor.testing.GradientChecks.relativeError;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Arrays a result object hands out (gradients, a vector-valued method's value, a Jacobian),
 * passed back in as arguments of the next call with the same object. The sweep used to reuse
 * them as buffers while reading them as arguments: {@code rosenbrock(into.x(), into)} or a layer
 * applied to its own last value gave wrong numbers without a word. Each check compares with a
 * closed form or central differences of the plain method at a copy of the argument, checks the
 * argument was left as it was, and that the object still works for the next call.
 */
class HandedOutTest {

    private static final double[] X = {0.3, -1.2, 0.7, 2.0};

    private static double[] rosenbrockGradient(double[] x) {
        double[] g = new double[x.length];
        for (int i = 0; i < x.length - 1; i++) {
            double a = x[i + 1] - x[i] * x[i];
            g[i] += -400 * a * x[i] - 2 * (1 - x[i]);
            g[i + 1] += 200 * a;
        }
        return g;
    }

    @Test
    void gradientPassedBackAsTheArgumentOfAFusedLoop() {
        HandedOutGrad.RosenbrockGradient into = HandedOutGrad.rosenbrock(X);
        double[] g = into.x();
        double[] point = g.clone();
        double value = HandedOutGrad.rosenbrock(g, into);
        assertArrayEquals(point, g, 0.0, "the argument is left as it was");
        assertEquals(HandedOut.rosenbrock(point), value);
        assertNotSame(g, into.x());
        assertComponentwise("gradient at the old gradient", rosenbrockGradient(point), into.x());
        HandedOutGrad.rosenbrock(X, into); // and the object goes on as usual
        assertComponentwise("gradient at X after", rosenbrockGradient(X), into.x());
    }

    @Test
    void gradientPassedBackThroughATape() {
        HandedOutGrad.TwoPassGradient into = HandedOutGrad.twoPass(X);
        double[] g = into.x();
        double[] point = g.clone();
        HandedOutGrad.twoPass(g, into);
        assertArrayEquals(point, g, 0.0, "the argument is left as it was");
        double[] fd = centralGradient(HandedOut::twoPass, point);
        assertTrue(relativeError(into.x(), fd) < FD_TOLERANCE, "gradient at the old gradient");
    }

    /** seedᵀ · ∂layer/∂x by central differences of the plain method. */
    private static double[] layerVjp(double[] x, double[] seed) {
        return centralGradient(p -> {
            double[] y = HandedOut.layer(p);
            double s = 0;
            for (int i = 0; i < y.length; i++) {
                s += seed[i] * y[i];
            }
            return s;
        }, x);
    }

    @Test
    void layerAppliedToItsOwnValue() {
        double[] seed = {1, 2, 3, 4};
        HandedOutGrad.LayerGradient into = new HandedOutGrad.LayerGradient();
        double[] h = HandedOutGrad.layerPullback(X, seed, into);
        double[] point = h.clone();
        double[] h2 = HandedOutGrad.layerPullback(h, seed, into);
        assertArrayEquals(point, h, 0.0, "the argument is left as it was");
        assertArrayEquals(HandedOut.layer(point), h2, 0.0, "the layer of its own value");
        assertTrue(relativeError(into.x(), layerVjp(point, seed)) < FD_TOLERANCE, "its pullback");
        double[] h2Copy = h2.clone();
        double[] h3 = HandedOutGrad.layerValue(h2, into); // the value alone, likewise
        assertArrayEquals(h2Copy, h2, 0.0, "the argument is left as it was");
        assertArrayEquals(HandedOut.layer(h2Copy), h3, 0.0);
    }

    @Test
    void layerSeededWithItsOwnGradient() {
        double[] seed = {1, 2, 3, 4};
        HandedOutGrad.LayerGradient into = new HandedOutGrad.LayerGradient();
        HandedOutGrad.layerPullback(X, seed, into);
        double[] g = into.x();
        double[] newSeed = g.clone();
        HandedOutGrad.layerPullback(X, g, into);
        assertArrayEquals(newSeed, g, 0.0, "the seed is left as it was");
        assertTrue(relativeError(into.x(), layerVjp(X, newSeed)) < FD_TOLERANCE);
    }

    private static double[] bilinearGradient(double[][] w, double[] x) {
        int n = x.length;
        double[] flat = new double[n * n + n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(w[i], 0, flat, i * n, n);
        }
        System.arraycopy(x, 0, flat, n * n, n);
        return centralGradient(p -> {
            double[][] pw = new double[n][];
            for (int i = 0; i < n; i++) {
                pw[i] = java.util.Arrays.copyOfRange(p, i * n, i * n + n);
            }
            return HandedOut.bilinear(pw, java.util.Arrays.copyOfRange(p, n * n, n * n + n));
        }, flat);
    }

    private static double[] flat(HandedOutGrad.BilinearGradient g) {
        int n = g.x().length;
        double[] out = new double[n * n + n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(g.w()[i], 0, out, i * n, n);
        }
        System.arraycopy(g.x(), 0, out, n * n, n);
        return out;
    }

    @Test
    void gradientMatrixOrOneOfItsRowsPassedBack() {
        double[][] w = {{0.4, -0.3, 0.8}, {1.1, 0.2, -0.5}, {-0.7, 0.6, 0.9}};
        double[] x = {0.5, -0.9, 1.3};
        HandedOutGrad.BilinearGradient into = HandedOutGrad.bilinear(w, x);
        double[][] gw = into.w();
        double[][] wCopy = {gw[0].clone(), gw[1].clone(), gw[2].clone()};
        HandedOutGrad.bilinear(gw, x, into);
        assertArrayEquals(wCopy, gw, "the matrix argument is left as it was");
        assertTrue(relativeError(flat(into), bilinearGradient(wCopy, x)) < FD_TOLERANCE, "w = the last w gradient");

        double[] row = into.w()[1];
        double[] rowCopy = row.clone();
        HandedOutGrad.bilinear(w, row, into);
        assertArrayEquals(rowCopy, row, 0.0, "the row argument is left as it was");
        assertTrue(relativeError(flat(into), bilinearGradient(w, rowCopy)) < FD_TOLERANCE, "x = a row of it");
    }

    @Test
    void procedureRefusesToWriteWhatItReads() {
        double[] x = X.clone();
        double[] seed = {1, 2, 3, 4};
        HandedOutGrad.SquaresGradient into = new HandedOutGrad.SquaresGradient();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HandedOutGrad.squaresPullback(x, 2.0, x, seed, into));
        assertEquals("squares writes into its parameter 'out', and the same array is also passed as 'x'; "
                + "pass a copy for one of them", e.getMessage());
        assertArrayEquals(X, x, 0.0, "nothing was written");
        double[] out = new double[4];
        e = assertThrows(IllegalArgumentException.class, () -> HandedOutGrad.squaresPullback(x, 2.0, out, out, into));
        assertTrue(e.getMessage().contains("'outSeed'"), e.getMessage());
        HandedOutGrad.squaresPullback(x, 2.0, out, seed, into); // distinct arrays: as usual
        for (int i = 0; i < 4; i++) {
            assertEquals(2.0 * X[i] * X[i], out[i], 1e-15);
            assertEquals(seed[i] * 4.0 * X[i], into.x()[i], 1e-14);
        }
    }

    private static double[][] foldJacobian(double[] x) {
        int n = x.length;
        double[][] j = new double[2][n];
        for (int i = 0; i < n; i++) {
            j[0][i] += Math.cos(x[i]) * x[(i + 1) % n];
            j[0][(i + 1) % n] += Math.sin(x[i]);
            j[1][i] += 2 * x[i] * x[(i + 2) % n];
            j[1][(i + 2) % n] += x[i] * x[i];
        }
        return j;
    }

    private static double[][] liftJacobian(double[] x) {
        int n = x.length;
        double[][] j = new double[2 * n][n];
        for (int i = 0; i < n; i++) {
            j[2 * i][i] += Math.cos(x[i]) * x[(i + 1) % n];
            j[2 * i][(i + 1) % n] += Math.sin(x[i]);
            j[2 * i + 1][i] += 2 * x[i];
        }
        return j;
    }

    private static void assertRows(double[][] expected, double[][] actual) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            assertArrayEquals(expected[i], actual[i], 1e-14, "row " + i);
        }
    }

    @Test
    void rowOfTheLastJacobianPassedBack() {
        HandedOutGrad.FoldJacobian byRows = new HandedOutGrad.FoldJacobian();
        double[][] j = HandedOutGrad.foldJacobian(X, byRows);
        double[] x = j[0];
        double[] point = x.clone();
        double[][] again = HandedOutGrad.foldJacobian(x, byRows);
        assertArrayEquals(point, x, 0.0, "the argument is left as it was");
        assertRows(foldJacobian(point), again);

        HandedOutGrad.LiftJacobian byColumns = new HandedOutGrad.LiftJacobian();
        j = HandedOutGrad.liftJacobian(X, byColumns);
        x = j[1];
        point = x.clone();
        again = HandedOutGrad.liftJacobian(x, byColumns);
        assertArrayEquals(point, x, 0.0, "the argument is left as it was");
        assertRows(liftJacobian(point), again);
    }

    @Test
    void floatGradientPassedBack() {
        float[] v = {0.5f, -1.5f, 2f};
        HandedOutGrad.FloatCubesGradient into = HandedOutGrad.floatCubes(v);
        float[] g = into.v(); // 3v²: 0.75, 6.75, 12
        float[] point = g.clone();
        HandedOutGrad.floatCubes(g, into);
        assertArrayEquals(point, g, 0f, "the argument is left as it was");
        assertNotSame(g, into.v());
        for (int i = 0; i < v.length; i++) {
            assertEquals(3 * point[i] * point[i], into.v()[i], 1e-5 * point[i] * point[i], "element " + i);
        }
    }
}
