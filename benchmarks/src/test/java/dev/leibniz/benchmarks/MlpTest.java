package dev.leibniz.benchmarks;

import dev.leibniz.processor.testing.GradientChecks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The MLP loss's generated gradient against hand backpropagation, and that against FD. */
class MlpTest {
    private static void assertAgrees(String what, double[] expected, double[] actual) {
        double e = Agreement.error(expected, actual);
        assertTrue(e < Agreement.TOLERANCE, what + ": ADBench error " + e);
    }

    private static void check(MlpData d) {
        var work = new MlpAdjoint.Work();
        double[][] gw1 = new double[d.w1.length][d.w1[0].length];
        double[] gb1 = new double[d.b1.length];
        double[][] gw2 = new double[d.w2.length][d.w2[0].length];
        double[] gb2 = new double[d.b2.length];
        double value = MlpAdjoint.gradient(d.w1, d.b1, d.w2, d.b2, d.x, d.labels, gw1, gb1, gw2,
                gb2, work);
        double primal = Mlp.loss(d.w1, d.b1, d.w2, d.b2, d.x, d.labels);
        assertEquals(primal, value, 1e-12 * Math.abs(primal));
        double[] hand = Agreement.flat(gw1, gb1, gw2, gb2);
        var into = new MlpGrad.LossGradient();
        for (int call = 0; call < 2; call++) {
            MlpGrad.loss(d.w1, d.b1, d.w2, d.b2, d.x, d.labels, into);
            assertAgrees("into, call " + call, hand,
                    Agreement.flat(into.w1(), into.b1(), into.w2(), into.b2()));
        }
        assertEquals(primal, into.value(), 0.0);
        var fresh = MlpGrad.loss(d.w1, d.b1, d.w2, d.b2, d.x, d.labels);
        assertAgrees("fresh", hand, Agreement.flat(fresh.w1(), fresh.b1(), fresh.w2(), fresh.b2()));
    }

    @Test
    void benchmarkSizeAgreesWithHandBackprop() {
        check(MlpData.random(784, 128, 10, 32, 42));
    }

    @Test
    void smallNetworkAgreesWithHandBackprop() {
        check(MlpData.random(7, 5, 3, 4, 7));
    }

    @Test
    void handBackpropMatchesCentralDifferences() {
        MlpData d = MlpData.random(7, 5, 3, 4, 7);
        double[][] gw1 = new double[5][7];
        double[] gb1 = new double[5];
        double[][] gw2 = new double[3][5];
        double[] gb2 = new double[3];
        MlpAdjoint.gradient(d.w1, d.b1, d.w2, d.b2, d.x, d.labels, gw1, gb1, gw2, gb2,
                new MlpAdjoint.Work());
        double[] hand = Agreement.flat(gw1, gb1, gw2, gb2);
        double[][] parts = new double[d.w1.length + 1 + d.w2.length + 1][];
        int k = 0;
        for (double[] row : d.w1) {
            parts[k++] = row;
        }
        parts[k++] = d.b1;
        for (double[] row : d.w2) {
            parts[k++] = row;
        }
        parts[k] = d.b2;
        double[] fd = new double[hand.length];
        CentralDifferences.gradient(() -> Mlp.loss(d.w1, d.b1, d.w2, d.b2, d.x, d.labels), fd,
                parts);
        double e = GradientChecks.relativeError(fd, hand);
        assertTrue(e < GradientChecks.FD_TOLERANCE, "relative error " + e);
    }
}
