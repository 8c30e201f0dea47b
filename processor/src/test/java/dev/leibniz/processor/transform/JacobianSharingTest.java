package dev.leibniz.processor.transform;

import static dev.leibniz.processor.transform.MutantKillersTest.compile;
import static dev.leibniz.processor.transform.MutantKillersTest.generatedSource;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import org.junit.jupiter.api.Test;

/**
 * A reverse-mode Jacobian (more inputs than outputs) runs the forward sweep once: it records it,
 * then per row rewinds the tape and replays the reverse sweep. Checked against the closed form of
 * the Jacobian of tanh(A x) (with a branch, whose decision the replays read from the tape), and
 * the same numbers again through the same work object (the tape must be left as it was found).
 */
class JacobianSharingTest {

    private static final String LAYER = """
            @Differentiable static double[] layer(double[][] a, double[] x) {
                double[] out = new double[a.length];
                for (int i = 0; i < a.length; i++) {
                    double z = 0;
                    for (int j = 0; j < x.length; j++) {
                        z += a[i][j] * x[j];
                    }
                    out[i] = z > 0 ? Math.tanh(z) : 0.5 * z;
                }
                return out;
            }""";

    @Test
    void theRowsReplayOneRecord() throws IOException {
        String source = generatedSource(LAYER);
        int at = source.indexOf("public static double[][] layerJacobian(double[][] a, double[] x, LayerJacobian");
        String jacobian = source.substring(at, source.indexOf("\n    }\n", at));
        assertTrue(jacobian.contains("layerRecord(a, x, true, into.reverse);"), jacobian);
        assertTrue(jacobian.contains(".rewind();") && jacobian.contains("layerReplay(a, x, seed, -1L, into.reverse"),
                jacobian);
        assertEquals(-1, jacobian.indexOf("layerPullback("), jacobian);
    }

    @Test
    void theSharedRowsAreTheClosedForm() throws Exception {
        MutantKillersTest.Compiled c = compile(LAYER);
        double[][] a = {{0.3, -0.2, 0.5}, {0.1, 0.4, -0.6}, {-0.8, 0.2, 0.1}};
        double[] x = {0.7, -0.3, 0.2};
        double[][] want = new double[3][12];
        for (int i = 0; i < 3; i++) {
            double z = 0;
            for (int k = 0; k < 3; k++) {
                z += a[i][k] * x[k];
            }
            double d = z > 0 ? 1 - Math.tanh(z) * Math.tanh(z) : 0.5; // row 1 takes the other branch
            for (int k = 0; k < 3; k++) {
                want[i][i * 3 + k] = d * x[k];
                want[i][9 + k] = d * a[i][k];
            }
        }
        Method fresh = MutantKillersTest.only(c.companion(), "layerJacobian", 2);
        double[][] got = (double[][]) MutantKillersTest.call(fresh, null, a, x);
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(want[i], got[i], 1e-15, "row " + i);
        }
        Method into = MutantKillersTest.only(c.companion(), "layerJacobian", 3);
        var constructor = into.getParameterTypes()[2].getDeclaredConstructor();
        constructor.setAccessible(true);
        Object work = constructor.newInstance();
        for (int round = 0; round < 3; round++) {
            double[][] again = (double[][]) MutantKillersTest.call(into, null, a, x, work);
            for (int i = 0; i < 3; i++) {
                assertArrayEquals(want[i], again[i], 1e-15, "round " + round + ", row " + i);
            }
        }
    }
}
