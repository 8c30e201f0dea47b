package dev.leibniz.benchmarks;

import dev.leibniz.processor.testing.GradientChecks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * ADBench's BA residuals on its module-test instance (ba/test.txt: n=2 cameras, m=10 points,
 * p=10 observations, all copies of one), against ADBench's published residuals and Jacobian
 * entries, and every peer's Jacobian against the hand-written one.
 */
class BaTest {
    static final AdbenchData.BaInput IN = AdbenchData.ba("ba_test.txt");

    /**
     * ADBench's published values (test/cpp/modules/common/BaTests.cpp): the two residuals and
     * the weight residual of every observation, and Jacobian entries by their index in its
     * sparse layout (row 0 of observation 0 at 0..14, row 1 at 15..29, weight rows at 300..309).
     * ADBench checks its modules against them with absolute tolerance 1e-6, and prints 18 digits.
     */
    static final double REPROJ_0 = -2.69048849235189402e-01;
    static final double REPROJ_1 = 2.59944792677901881e-01;
    static final double W_ERR = 8.26092651515999976e-01;
    static final int[] J_INDEX = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 307, 308, 309};
    static final double[] J_VALUE = {
        2.28877202208246757e+02, 6.34574811495545418e+02, -7.82222866259340549e+02,
        2.42892615607159668e+00, -1.17828079628011313e+01, 2.54169312487743460e+00,
        -1.03657084958518086e+00, 4.17022000000000004e-01, 0.,
        -3.50739521096005205e+02, -9.12107773668008576e+02, -2.42892615607159668e+00,
        1.17828079628011313e+01, -8.34044000000000008e-01, -8.34044000000000008e-01,
        -8.34044000000000008e-01,
    };

    private static void assertAgrees(String what, double[] expected, double[] actual) {
        double e = Agreement.error(expected, actual);
        assertTrue(e < Agreement.TOLERANCE, what + ": ADBench error " + e);
    }

    static double[] hand(BaJacobian ba) {
        double[] j = new double[ba.size()];
        ba.hand(j, new BaAdjoint());
        return j;
    }

    @Test
    void residualsAreAdbenchs() {
        var ba = new BaJacobian(IN);
        double[] reproj = new double[2 * ba.p];
        double[] wErr = new double[ba.p];
        ba.objective(reproj, wErr);
        for (int i = 0; i < ba.p; i++) {
            assertEquals(REPROJ_0, reproj[2 * i], 1e-12);
            assertEquals(REPROJ_1, reproj[2 * i + 1], 1e-12);
            assertEquals(W_ERR, wErr[i], 1e-12);
        }
    }

    @Test
    void jacobiansAreAdbenchsPublishedEntries() {
        var ba = new BaJacobian(IN);
        double[] gen = new double[ba.size()];
        ba.generated(gen, new BaGrad.ReprojErrorGradient(), new BaGrad.ZachWeightErrorGradient());
        double[] hand = hand(ba);
        for (int c = 0; c < J_INDEX.length; c++) {
            double expected = J_VALUE[c];
            double tolerance = 1e-12 * Math.max(1, Math.abs(expected));
            assertEquals(expected, gen[J_INDEX[c]], tolerance, "generated entry " + J_INDEX[c]);
            assertEquals(expected, hand[J_INDEX[c]], tolerance, "hand entry " + J_INDEX[c]);
        }
    }

    @Test
    void everyPeerAgreesWithTheHandWrittenJacobian() {
        var ba = new BaJacobian(IN);
        double[] hand = hand(ba);
        double[] gen = new double[ba.size()];
        var into = new BaGrad.ReprojErrorGradient();
        var wInto = new BaGrad.ZachWeightErrorGradient();
        ba.generated(gen, into, wInto);
        assertAgrees("generated", hand, gen);
        ba.generated(gen, into, wInto);
        assertAgrees("generated, warm into", hand, gen);
        double[] fresh = new double[ba.size()];
        ba.generatedFresh(fresh);
        assertAgrees("generated fresh", hand, fresh);
        double[] forward = new double[ba.size()];
        ba.hipparchus(forward);
        assertAgrees("Hipparchus", hand, forward);
        double[] fd = new double[ba.size()];
        ba.centralDifferences(fd, new double[11], new double[3]);
        double e = GradientChecks.relativeError(fd, hand);
        assertTrue(e < GradientChecks.FD_TOLERANCE, "central differences: " + e);
    }

    /** Without rotation (r = 0), Rodrigues' other branch. */
    @Test
    void zeroRotationTakesTheOtherBranch() {
        double[] cams = IN.cams().clone();
        for (int i = 0; i < IN.n(); i++) {
            cams[i * 11] = 0;
            cams[i * 11 + 1] = 0;
            cams[i * 11 + 2] = 0;
        }
        var in = new AdbenchData.BaInput(IN.n(), IN.m(), IN.p(), cams, IN.x(), IN.w(), IN.obs(),
                IN.feats());
        var ba = new BaJacobian(in);
        double[] hand = hand(ba);
        double[] gen = new double[ba.size()];
        ba.generated(gen, new BaGrad.ReprojErrorGradient(), new BaGrad.ZachWeightErrorGradient());
        assertAgrees("generated", hand, gen);
        double[] fd = new double[ba.size()];
        ba.centralDifferences(fd, new double[11], new double[3]);
        double e = GradientChecks.relativeError(fd, hand);
        assertTrue(e < GradientChecks.FD_TOLERANCE, "central differences: " + e);
    }
}
