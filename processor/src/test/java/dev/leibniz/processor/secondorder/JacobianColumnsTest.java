package dev.leibniz.processor.secondorder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.function.Function;
import org.hipparchus.analysis.differentiation.DerivativeStructure;
import org.junit.jupiter.api.Test;

/**
 * Forward-mode Jacobians ({@link JacobianColumns}): all columns from one sweep along every unit
 * direction, checked against a closed form and against Hipparchus derivative structures of twins
 * of the methods, at points on both sides of their branches, and through one work object reused.
 */
class JacobianColumnsTest {

    /** The Jacobian of f at x, from order-1 derivative structures (Hipparchus). */
    private static double[][] hipparchus(double[] x, Function<DerivativeStructure[], DerivativeStructure[]> f) {
        return JacobianHipparchusTest.hipparchus(x.length, x, f);
    }

    private static void assertMatrix(String what, double[][] expected, double[][] actual, double tolerance) {
        assertEquals(expected.length, actual.length, what + ": rows");
        for (int i = 0; i < expected.length; i++) {
            assertArrayEquals(expected[i], actual[i], tolerance, what + ": row " + i + " " + Arrays.toString(actual[i]));
        }
    }

    /** Whether the companion has the tangent program along several directions for this method. */
    private static boolean runsAllColumnsAtOnce(String method) {
        return Arrays.stream(JacobianColumnsGrad.class.getDeclaredMethods())
                .anyMatch(m -> m.getName().equals(method + "TangentsValue"));
    }

    @Test
    void tanhLayerIsDiagonalTimesA() {
        double[][] a = {{0.3, -0.7}, {1.1, 0.2}, {-0.4, 0.9}, {0.5, 0.5}};
        double[] x = {0.8, -0.6};
        double[] b = {0.1, -0.2, 0.3, 0.0};
        double[][] j = JacobianColumnsGrad.tanhLayerJacobian(a, x, b);
        double[][] expected = new double[4][2];
        for (int i = 0; i < 4; i++) {
            double t = Math.tanh(b[i] + a[i][0] * x[0] + a[i][1] * x[1]);
            for (int k = 0; k < 2; k++) {
                expected[i][k] = (1 - t * t) * a[i][k];
            }
        }
        assertMatrix("tanh(Ax + b)", expected, j, 1e-15);
        assertTrue(runsAllColumnsAtOnce("tanhLayer"));
    }

    private static DerivativeStructure[] prefix(DerivativeStructure[] v) {
        int n = v.length - 1; // x, then s
        DerivativeStructure s = v[n];
        DerivativeStructure[] y = new DerivativeStructure[n + 1];
        DerivativeStructure acc = s;
        for (int i = 0; i < n; i++) {
            acc = v[i].getValue() > 0 ? acc.add(s.multiply(v[i])) : acc.multiply(v[i].exp());
            y[i] = acc;
        }
        y[n] = acc.multiply(acc);
        return y;
    }

    @Test
    void aValueCarriedThroughABranch() {
        var work = new JacobianColumnsGrad.PrefixJacobian();
        for (double[] x : new double[][] {{0.5, -0.3, 1.2}, {-0.9, 0.4, -0.1}, {0.2}}) {
            double s = 0.7;
            double[] point = Arrays.copyOf(x, x.length + 1);
            point[x.length] = s;
            assertMatrix("prefix at " + Arrays.toString(x), hipparchus(point, JacobianColumnsTest::prefix),
                    JacobianColumnsGrad.prefixJacobian(x, s, work), 1e-14);
        }
        assertTrue(runsAllColumnsAtOnce("prefix"));
    }

    private static DerivativeStructure[] pairs(DerivativeStructure[] x) {
        int n = x.length;
        DerivativeStructure[] y = new DerivativeStructure[2 * n];
        for (int i = 0; i < n; i++) {
            DerivativeStructure t0 = x[i].multiply(x[(i + 1) % n]);
            DerivativeStructure t1 = t0.sin().add(x[i]);
            y[2 * i] = t0.multiply(t1);
            y[2 * i + 1] = t1.divide(x[i].multiply(x[i]).add(1));
        }
        return y;
    }

    @Test
    void anArrayMadeInEveryIteration() {
        double[] x = {0.4, -1.3, 0.9};
        assertMatrix("pairs", hipparchus(x, JacobianColumnsTest::pairs), JacobianColumnsGrad.pairsJacobian(x), 1e-14);
        assertTrue(runsAllColumnsAtOnce("pairs"));
    }

    private static DerivativeStructure[] reassigned(DerivativeStructure[] x) {
        int n = x.length;
        DerivativeStructure[] y = new DerivativeStructure[2 * n];
        for (int i = 0; i < n; i++) {
            DerivativeStructure t = x[i].multiply(x[i]);
            y[i] = t.sin();
            t = t.multiply(x[(i + 1) % n]);
            y[n + i] = t.cos();
        }
        return y;
    }

    @Test
    void aVariableAssignedAgainAfterATangentReadIt() {
        double[] x = {0.4, -1.3, 0.9};
        assertMatrix("reassigned", hipparchus(x, JacobianColumnsTest::reassigned),
                JacobianColumnsGrad.reassignedJacobian(x), 1e-14);
        assertTrue(runsAllColumnsAtOnce("reassigned"));
    }

    @Test
    void aReturnedParameterHasTheIdentity() {
        double[] a = {0.4, -1.3, 2.0};
        var work = new JacobianColumnsGrad.SameOrSquaredJacobian();
        double[][] same = JacobianColumnsGrad.sameOrSquaredJacobian(a, false, work);
        assertMatrix("a itself", new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}, same, 0.0);
        assertSame(same, work.jacobian(), "kept in the work object");
        double[][] squared = JacobianColumnsGrad.sameOrSquaredJacobian(a, true, work);
        assertMatrix("a squared", new double[][] {{0.8, 0, 0}, {0, -2.6, 0}, {0, 0, 4.0}}, squared, 0.0);
        assertTrue(runsAllColumnsAtOnce("sameOrSquared"));
    }

    private static DerivativeStructure[] arm(DerivativeStructure[] theta, double[] lengths) {
        DerivativeStructure[] joints = new DerivativeStructure[2 * theta.length];
        DerivativeStructure angle = theta[0].getField().getZero();
        DerivativeStructure x = angle;
        DerivativeStructure y = angle;
        for (int i = 0; i < theta.length; i++) {
            angle = angle.add(theta[i]);
            x = x.add(angle.cos().multiply(lengths[i]));
            y = y.add(angle.sin().multiply(lengths[i]));
            joints[2 * i] = x;
            joints[2 * i + 1] = y;
        }
        return joints;
    }

    @Test
    void aPlanarArmsJointPositions() {
        double[] theta = {0.3, -1.1, 0.8, 0.25};
        double[] lengths = {1.0, 0.7, 0.5, 0.3};
        double[][] j = JacobianColumnsGrad.armJacobian(theta, lengths);
        assertMatrix("arm", hipparchus(theta, t -> arm(t, lengths)), j, 1e-14);
        // the tip moves perpendicular to the line from joint 0 to the tip: dx/dtheta0 = -y_tip, dy/dtheta0 = x_tip
        double[] tip = JacobianColumns.arm(theta, lengths);
        assertEquals(-tip[7], j[6][0], 1e-14);
        assertEquals(tip[6], j[7][0], 1e-14);
        assertTrue(runsAllColumnsAtOnce("arm"));
    }

    private static DerivativeStructure[] viaCall(DerivativeStructure[] v) {
        DerivativeStructure p0 = v[0].multiply(v[1].cos());
        DerivativeStructure p1 = v[0].multiply(v[1].sin());
        return new DerivativeStructure[] {p0.multiply(p1), p0.add(v[1]), p1.exp()};
    }

    @Test
    void throughACallOfADoubleArrayMethod() {
        double[] point = {1.5, 0.6};
        assertMatrix("via a call", hipparchus(point, JacobianColumnsTest::viaCall),
                JacobianColumnsGrad.viaCallJacobian(point[0], point[1]), 1e-14);
        assertTrue(runsAllColumnsAtOnce("viaCall"), "the callee's tangent runs once per direction inside the sweep");
    }

    private static void scribble(double[][] m) {
        for (double[] row : m) {
            Arrays.fill(row, Double.NaN);
        }
    }

    /**
     * A Jacobian kept in its work object is written in full again by the next call, even after the
     * caller wrote into it (zeros included), by the forward path (all columns at once) and the
     * reverse path (moments: three inputs, two outputs, so one row per output).
     */
    @Test
    void aReusedJacobianIsWrittenInFullAfterTheCallerScribbledOnIt() {
        double[] x = {0.8, -0.6, 1.3};
        var pairs = new JacobianColumnsGrad.PairsJacobian();
        JacobianColumnsGrad.pairsJacobian(new double[] {0.1, 0.2, 0.3}, pairs);
        scribble(pairs.jacobian());
        assertMatrix("pairs through a scribbled work object", hipparchus(x, JacobianColumnsTest::pairs),
                JacobianColumnsGrad.pairsJacobian(x, pairs), 1e-14);
        var same = new JacobianColumnsGrad.SameOrSquaredJacobian();
        JacobianColumnsGrad.sameOrSquaredJacobian(x, true, same);
        scribble(same.jacobian());
        assertMatrix("the identity through a scribbled work object", new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}},
                JacobianColumnsGrad.sameOrSquaredJacobian(x, false, same), 0.0);
        double[][] moments = {{1.0 / 3, 1.0 / 3, 1.0 / 3}, {2 * x[0] / 3, 2 * x[1] / 3, 2 * x[2] / 3}};
        var work = new JacobianColumnsGrad.MomentsJacobian();
        assertMatrix("moments", moments, JacobianColumnsGrad.momentsJacobian(x, work), 1e-15);
        scribble(work.jacobian());
        assertMatrix("moments through a scribbled work object", moments, JacobianColumnsGrad.momentsJacobian(x, work), 1e-15);
    }
}
