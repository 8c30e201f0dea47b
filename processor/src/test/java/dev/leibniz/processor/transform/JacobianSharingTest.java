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

    /** The text of the generated method whose declaration starts with {@code start}. */
    private static String method(String source, String start) {
        int at = source.indexOf(start);
        return source.substring(at, source.indexOf("\n    }\n", at));
    }

    @Test
    void theRowsReplayOneRecord() throws IOException {
        String jacobian = method(generatedSource(LAYER), "public static double[][] layerJacobian(double[][] a, double[] x, LayerJacobian");
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

    /** A callee called in the loop on an array made there: its record lives on its own call site's tape. */
    private static final String NESTED = """
            @Differentiable static double norm2(double[] v) {
                double s = 0;
                for (double e : v) {
                    s += e * e;
                }
                return s;
            }

            @Differentiable static double[] summary(double[] x) {
                double[] out = new double[2];
                for (int i = 0; i + 1 < x.length; i++) {
                    double[] pair = new double[i % 2 + 2];
                    pair[0] = x[i] * x[i + 1];
                    pair[1] = Math.sin(x[i]);
                    out[0] += norm2(pair) * pair[1];
                    out[1] += Math.exp(pair[1]);
                }
                return out;
            }""";

    /** summary's twin over derivative structures. */
    private static org.hipparchus.analysis.differentiation.DerivativeStructure[] summary(
            org.hipparchus.analysis.differentiation.DerivativeStructure[] x) {
        var zero = x[0].getField().getZero();
        var out = new org.hipparchus.analysis.differentiation.DerivativeStructure[] {zero, zero};
        for (int i = 0; i + 1 < x.length; i++) {
            var p0 = x[i].multiply(x[i + 1]);
            var p1 = x[i].sin();
            out[0] = out[0].add(p0.multiply(p0).add(p1.multiply(p1)).multiply(p1)); // (a third entry, if any, is 0)
            out[1] = out[1].add(p1.exp());
        }
        return out;
    }

    @Test
    void rowsWhoseReplayCannotRewindArePullbacks() throws Exception {
        String jacobian = method(generatedSource(NESTED), "public static double[][] summaryJacobian(double[] x, SummaryJacobian");
        assertTrue(jacobian.contains("summaryPullback(x, seed, into.reverse);"), jacobian);
        assertEquals(-1, jacobian.indexOf("Replay("), jacobian);

        MutantKillersTest.Compiled c = compile(NESTED);
        double[] x = {0.3, 0.5, -0.7, 1.1};
        var factory = new org.hipparchus.analysis.differentiation.DSFactory(x.length, 1);
        var in = new org.hipparchus.analysis.differentiation.DerivativeStructure[x.length];
        for (int k = 0; k < x.length; k++) {
            in[k] = factory.variable(k, x[k]);
        }
        var reference = summary(in);
        Method into = MutantKillersTest.only(c.companion(), "summaryJacobian", 2);
        var constructor = into.getParameterTypes()[1].getDeclaredConstructor();
        constructor.setAccessible(true);
        Object work = constructor.newInstance();
        for (int round = 0; round < 2; round++) {
            double[][] got = (double[][]) MutantKillersTest.call(into, null, x, work);
            for (int i = 0; i < 2; i++) {
                for (int k = 0; k < x.length; k++) {
                    int[] orders = new int[x.length];
                    orders[k] = 1;
                    assertEquals(reference[i].getPartialDerivative(orders), got[i][k], 1e-14,
                            "round " + round + ", J[" + i + "][" + k + "]");
                }
            }
        }
    }
}
