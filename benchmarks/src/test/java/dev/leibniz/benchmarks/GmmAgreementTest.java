package dev.leibniz.benchmarks;

import dev.leibniz.processor.testing.GradientChecks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The GMM gradients of the benchmarks against the hand-written adjoint. */
class GmmAgreementTest {
    private static void assertAgrees(String what, double[] expected, double[] actual) {
        double e = Agreement.error(expected, actual);
        assertTrue(e < Agreement.TOLERANCE, what + ": ADBench error " + e);
    }

    static double[] hand(AdbenchData.GmmInput in, double[] value) {
        double[] ga = new double[in.k()];
        double[] gm = new double[in.d() * in.k()];
        double[] gi = new double[in.icfSize() * in.k()];
        value[0] = GmmAdjoint.gradient(in.d(), in.k(), in.n(), in.alphas(), in.means(), in.icf(),
                in.x(), in.wishart(), ga, gm, gi, new GmmAdjoint.Work());
        return Agreement.flat(ga, gm, gi);
    }

    @ParameterizedTest
    @ValueSource(strings = {"gmm_test.txt", "gmm_1k_d10_K5.txt"})
    void generatedAgreesWithHandWritten(String instance) {
        var in = AdbenchData.gmm(instance);
        double[] value = new double[1];
        double[] hand = hand(in, value);
        double primal = Gmm.gmmObjective(in.d(), in.k(), in.n(), in.alphas(), in.means(),
                in.icf(), in.x(), in.wishart());
        assertEquals(primal, value[0], 1e-12 * Math.abs(primal));
        var into = new GmmGrad.GmmObjectiveGradient();
        for (int call = 0; call < 2; call++) {
            GmmGrad.gmmObjective(in.d(), in.k(), in.n(), in.alphas(), in.means(), in.icf(),
                    in.x(), in.wishart(), into);
            assertAgrees(instance + " into, call " + call, hand,
                    Agreement.flat(into.alphas(), into.means(), into.icf()));
        }
        var fresh = GmmGrad.gmmObjective(in.d(), in.k(), in.n(), in.alphas(), in.means(),
                in.icf(), in.x(), in.wishart());
        assertAgrees(instance + " fresh", hand,
                Agreement.flat(fresh.alphas(), fresh.means(), fresh.icf()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"gmm_test.txt", "gmm_1k_d10_K5.txt"})
    void hipparchusAgreesWithHandWritten(String instance) {
        var in = AdbenchData.gmm(instance);
        double[] hand = hand(in, new double[1]);
        double[] forward = new double[hand.length];
        Forward.gmm(in.d(), in.k(), in.n(), in.alphas(), in.means(), in.icf(), in.x(),
                in.wishart(), forward);
        assertAgrees(instance + " Hipparchus", hand, forward);
    }

    @ParameterizedTest
    @ValueSource(strings = {"gmm_test.txt"})
    void handWrittenIsAdbenchsPublishedGradient(String instance) {
        var in = AdbenchData.gmm(instance);
        assertAgrees("hand-written vs ADBench", GmmTest.GRADIENT, hand(in, new double[1]));
    }

    @ParameterizedTest
    @ValueSource(strings = {"gmm_test.txt"})
    void centralDifferencesAgreeWithHandWritten(String instance) {
        var in = AdbenchData.gmm(instance);
        double[] hand = hand(in, new double[1]);
        double[] a = in.alphas().clone();
        double[] m = in.means().clone();
        double[] q = in.icf().clone();
        double[] fd = new double[hand.length];
        CentralDifferences.gradient(() -> Gmm.gmmObjective(in.d(), in.k(), in.n(), a, m, q,
                in.x(), in.wishart()), fd, a, m, q);
        double e = GradientChecks.relativeError(fd, hand);
        assertTrue(e < GradientChecks.FD_TOLERANCE, "relative error " + e);
    }
}
