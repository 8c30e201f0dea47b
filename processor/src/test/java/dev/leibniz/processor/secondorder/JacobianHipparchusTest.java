package dev.leibniz.processor.secondorder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.function.Function;
import org.hipparchus.analysis.differentiation.DSFactory;
import org.hipparchus.analysis.differentiation.DerivativeStructure;
import org.junit.jupiter.api.Test;

/**
 * Jacobians of double[]-valued methods against Hipparchus's forward mode, in both of mJacobian's
 * modes (columns by tangents when inputs ≤ outputs, rows by pullbacks otherwise), with every
 * parameter differentiated (matrices flattened row by row).
 */
class JacobianHipparchusTest {

    /** The Jacobian of a map over n free variables, from order-1 derivative structures. */
    static double[][] hipparchus(int n, double[] x, Function<DerivativeStructure[], DerivativeStructure[]> f) {
        DSFactory factory = new DSFactory(n, 1);
        DerivativeStructure[] in = new DerivativeStructure[n];
        for (int i = 0; i < n; i++) {
            in[i] = factory.variable(i, x[i]);
        }
        DerivativeStructure[] out = f.apply(in);
        double[][] j = new double[out.length][n];
        for (int r = 0; r < out.length; r++) {
            for (int c = 0; c < n; c++) {
                int[] orders = new int[n];
                orders[c] = 1;
                j[r][c] = out[r].getPartialDerivative(orders);
            }
        }
        return j;
    }

    /** tanh(Ax + b) over A (rows × inputs), x and b, flattened in that order. */
    private static DerivativeStructure[] layer(DerivativeStructure[] v, int rows, int inputs) {
        DerivativeStructure[] y = new DerivativeStructure[rows];
        int xAt = rows * inputs;
        int bAt = xAt + inputs;
        for (int i = 0; i < rows; i++) {
            DerivativeStructure z = v[bAt + i];
            for (int k = 0; k < inputs; k++) {
                z = z.add(v[i * inputs + k].multiply(v[xAt + k]));
            }
            y[i] = z.tanh();
        }
        return y;
    }

    private static void check(int rows, int inputs) {
        double[][] a = new double[rows][inputs];
        double[] x = new double[inputs];
        double[] b = new double[rows];
        double[] flat = new double[rows * inputs + inputs + rows];
        int at = 0;
        for (int i = 0; i < rows; i++) {
            for (int k = 0; k < inputs; k++) {
                a[i][k] = Math.sin(1.3 * i + 0.7 * k);
                flat[at++] = a[i][k];
            }
        }
        for (int k = 0; k < inputs; k++) {
            x[k] = 0.4 - 0.3 * k;
            flat[at++] = x[k];
        }
        for (int i = 0; i < rows; i++) {
            b[i] = 0.1 * i - 0.2;
            flat[at++] = b[i];
        }
        double[][] expected = hipparchus(flat.length, flat, v -> layer(v, rows, inputs));
        double[][] actual = JacobianFixturesGrad.layerJacobian(a, x, b);
        assertEquals(rows, actual.length);
        for (int i = 0; i < rows; i++) {
            assertArrayEquals(expected[i], actual[i], 1e-13, "row " + i);
        }
    }

    @Test
    void reverseModeWhenInputsOutnumberOutputs() {
        check(3, 2); // 3·2 + 2 + 3 = 11 inputs, 3 outputs: rows by pullbacks
    }

    @Test
    void forwardModeWhenOutputsOutnumberInputs() {
        double[] x = {0.3, -1.1};
        double[][] expected = hipparchus(2, x, v -> JacobianFixtures.spiral(v));
        double[][] actual = JacobianFixturesGrad.spiralJacobian(x);
        assertEquals(8, actual.length); // 2 inputs, 8 outputs: columns by tangents
        for (int i = 0; i < actual.length; i++) {
            assertArrayEquals(expected[i], actual[i], 1e-13, "row " + i);
        }
    }
}
