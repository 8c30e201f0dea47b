package dev.leibniz.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** What every optimizer must do, whatever its rule. */
class OptimizerContractTest {

    /** Each optimizer with hyperparameters that suit the quadratic below. */
    private static final List<Supplier<Optimizer>> OPTIMIZERS = List.of(
            () -> new Sgd(0.05),
            () -> new Momentum(0.02, 0.9),
            () -> new RmsProp(0.01, 0.9, 1e-8),
            () -> new Adam(0.05));

    /** f(x) = 1/2 sum_i a_i (x_i - c_i)^2, an ill-conditioned bowl with its minimum at c. */
    private static final double[] A = {1.0, 10.0, 0.5};
    private static final double[] C = {3.0, -2.0, 0.25};

    private static double quadratic(double[] x) {
        double f = 0;
        for (int i = 0; i < x.length; i++) {
            f += 0.5 * A[i] * (x[i] - C[i]) * (x[i] - C[i]);
        }
        return f;
    }

    private static void quadraticGradient(double[] x, double[] into) {
        for (int i = 0; i < x.length; i++) {
            into[i] = A[i] * (x[i] - C[i]);
        }
    }

    @Test
    void eachMinimisesAQuadratic() {
        for (Supplier<Optimizer> make : OPTIMIZERS) {
            Optimizer optimizer = make.get();
            double[] x = new double[3];
            double[] g = new double[3];
            double start = quadratic(x);
            for (int t = 0; t < 4000; t++) {
                quadraticGradient(x, g);
                optimizer.step(x, g);
            }
            // RMSProp and Adam take steps of about their learning rate even near the minimum,
            // so they end in a small neighbourhood of it rather than on it.
            assertArrayEquals(C, x, 2e-2, optimizer.toString());
            assertTrue(quadratic(x) < 1e-4 * start, optimizer + " ended at f = " + quadratic(x));
        }
    }

    @Test
    void eachMinimisesAMatrixParameterRowByRow() {
        for (Supplier<Optimizer> make : OPTIMIZERS) {
            Optimizer optimizer = make.get();
            // Rows of different lengths: a jagged parameter is fine.
            double[][] w = {new double[3], new double[2]};
            double[][] g = {new double[3], new double[2]};
            for (int t = 0; t < 4000; t++) {
                quadraticGradient(w[0], g[0]);
                for (int j = 0; j < 2; j++) {
                    g[1][j] = w[1][j] - 1.0; // minimum at (1, 1)
                }
                optimizer.step(w, g);
            }
            assertArrayEquals(C, w[0], 2e-2, optimizer.toString());
            assertArrayEquals(new double[] {1.0, 1.0}, w[1], 2e-2, optimizer.toString());
        }
    }

    @Test
    void aMatrixStepIsAStepOnEachRow() {
        for (Supplier<Optimizer> make : OPTIMIZERS) {
            Optimizer byMatrix = make.get();
            Optimizer byRow = make.get();
            double[][] w = {{1.0, 2.0}, {-1.0}};
            double[][] v = {{1.0, 2.0}, {-1.0}};
            double[][][] gradients = {{{0.5, -1.0}, {2.0}}, {{0.25, 3.0}, {-1.0}}};
            for (double[][] g : gradients) {
                byMatrix.step(w, g);
                byRow.step(v[0], g[0]);
                byRow.step(v[1], g[1]);
            }
            assertArrayEquals(v[0], w[0], 0.0, byMatrix.toString());
            assertArrayEquals(v[1], w[1], 0.0, byMatrix.toString());
        }
    }

    @Test
    void stateBelongsToTheParameterArray() {
        // Two parameters stepped alternately move exactly as each would alone.
        for (Supplier<Optimizer> make : OPTIMIZERS) {
            Optimizer shared = make.get();
            Optimizer first = make.get();
            Optimizer second = make.get();
            double[] a = {1.0};
            double[] b = {1.0};
            double[] aAlone = {1.0};
            double[] bAlone = {1.0};
            for (int t = 0; t < 5; t++) {
                double[] ga = {2.0 - t};
                double[] gb = {-3.0 + 0.5 * t};
                shared.step(a, ga);
                shared.step(b, gb);
                first.step(aAlone, ga);
                second.step(bAlone, gb);
            }
            assertEquals(aAlone[0], a[0], 0.0, shared.toString());
            assertEquals(bAlone[0], b[0], 0.0, shared.toString());
        }
    }

    @Test
    void resetForgetsTheState() {
        for (Supplier<Optimizer> make : OPTIMIZERS) {
            Optimizer used = make.get();
            double[] x = {1.0};
            used.step(x, new double[] {2.0});
            used.step(x, new double[] {1.0});
            used.reset();
            x[0] = 1.0;
            used.step(x, new double[] {2.0});

            Optimizer fresh = make.get();
            double[] y = {1.0};
            fresh.step(y, new double[] {2.0});
            assertEquals(y[0], x[0], 0.0, used.toString());
        }
    }

    @Test
    void mismatchedShapesAreRejected() {
        for (Supplier<Optimizer> make : OPTIMIZERS) {
            Optimizer optimizer = make.get();
            assertThrows(IllegalArgumentException.class,
                    () -> optimizer.step(new double[2], new double[3]), optimizer.toString());
            assertThrows(IllegalArgumentException.class,
                    () -> optimizer.step(new double[2][1], new double[1][1]), optimizer.toString());
        }
    }

    @Test
    void hyperparametersOutOfRangeAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new Sgd(0));
        assertThrows(IllegalArgumentException.class, () -> new Sgd(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new Momentum(0.1, 1.0));
        assertThrows(IllegalArgumentException.class, () -> new Momentum(0.1, -0.1));
        assertThrows(IllegalArgumentException.class, () -> new RmsProp(0.1, 0.9, -1e-8));
        assertThrows(IllegalArgumentException.class, () -> new Adam(0.1, 0.9, 1.0, 1e-8));
        assertThrows(IllegalArgumentException.class, () -> new Adam(Double.POSITIVE_INFINITY));
    }
}
