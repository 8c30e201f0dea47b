package dev.leibniz.benchmarks;

import dev.leibniz.processor.testing.Packing;

import static dev.leibniz.processor.testing.GradientChecks.assertCentral;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * {@link Gmm}, ADBench's GMM objective in gmm.h's own shape, on ADBench's module-test instance
 * (gmm/test.txt: d=2, k=3, n=1), against ADBench's published objective and gradient and
 * against central differences.
 */
class GmmTest {
    static final AdbenchData.GmmInput IN = AdbenchData.gmm("gmm_test.txt");

    /** ADBench's published objective for this instance (test/cpp/modules/common/GmmTests.cpp). */
    static final double OBJECTIVE = 8.07380408004975791e+00;

    /**
     * ADBench's published gradient for this instance, alphas (3), means (6), icf (9), from
     * microsoft/ADBench test/cpp/modules/common/GmmTests.cpp, JacobianCalculationCorrectness
     * (its modules are checked against it with absolute tolerance 1e-8).
     */
    static final double[] GRADIENT = {
        1.08662855508652456e-01, -7.41270039523898472e-01, 6.32607184015246071e-01,
        1.11692576532787013e+00, 1.63333013551455269e-01, -2.19989824071193142e-02,
        2.27778292254236098e-01, 1.20963025612832187e+00, -6.06375920733956339e-02,
        2.58529994051162237e+00, 1.12632694524213789e-01, 3.85744309849611777e-01,
        7.35180573182305508e-02, 5.41836362715595232e+00, -3.21494409677446469e-01,
        1.71892309775004937e+00, 8.60091090790866875e-01, -9.94640930466322848e-01,
    };

    /** Relative agreement with ADBench's numbers: their 18 printed digits, our rounding. */
    static final double PUBLISHED_TOLERANCE = 1e-12;

    static double objective(double[] alphas, double[] means, double[] icf) {
        return Gmm.gmmObjective(IN.d(), IN.k(), IN.n(), alphas, means, icf, IN.x(), IN.wishart());
    }

    static GmmGrad.GmmObjectiveGradient gradient() {
        return GmmGrad.gmmObjective(IN.d(), IN.k(), IN.n(), IN.alphas(), IN.means(), IN.icf(),
                IN.x(), IN.wishart());
    }

    @Test
    void theInstanceIsTheOneAdbenchTestsWith() {
        assertEquals(2, IN.d());
        assertEquals(3, IN.k());
        assertEquals(1, IN.n());
        assertEquals(GRADIENT.length, IN.k() + IN.d() * IN.k() + IN.icfSize() * IN.k());
    }

    @Test
    void plainJavaObjectiveIsAdbenchs() {
        double value = objective(IN.alphas(), IN.means(), IN.icf());
        assertEquals(OBJECTIVE, value, PUBLISHED_TOLERANCE * OBJECTIVE);
    }

    @Test
    void companionValueIsThePlainObjective() {
        assertEquals(objective(IN.alphas(), IN.means(), IN.icf()), gradient().value(), 0.0);
    }

    @Test
    void gradientIsAdbenchsPublishedGradient() {
        var g = gradient();
        double[] actual = Packing.flat(g.alphas(), g.means(), g.icf());
        assertEquals(GRADIENT.length, actual.length);
        for (int i = 0; i < GRADIENT.length; i++) {
            double scale = Math.max(1.0, Math.abs(GRADIENT[i]));
            double error = Math.abs(actual[i] - GRADIENT[i]) / scale;
            int component = i;
            assertTrue(error <= PUBLISHED_TOLERANCE, () -> "component " + component + ": expected "
                    + GRADIENT[component] + " but was " + actual[component] + " (error " + error
                    + "), gradient " + Arrays.toString(actual));
        }
    }

    @Test
    void gradientMatchesCentralDifferences() {
        var g = gradient();
        int k = IN.k();
        int dk = IN.d() * k;
        assertCentral("gmm_objective", p -> objective(Arrays.copyOfRange(p, 0, k),
                        Arrays.copyOfRange(p, k, k + dk), Arrays.copyOfRange(p, k + dk, p.length)),
                Packing.flat(IN.alphas(), IN.means(), IN.icf()),
                Packing.flat(g.alphas(), g.means(), g.icf()));
    }

    /**
     * test.txt has one point, so the loop over points runs once. ADBench's 1k-gmm_d10_K5 (1000
     * points, d=10, so Qtimesx's lower triangle has 45 entries) runs it a thousand times. ADBench
     * publishes no gradient for it, so central differences are the reference.
     */
    @Test
    void thousandPointsInTenDimensionsMatchCentralDifferences() {
        var in = AdbenchData.gmm("gmm_1k_d10_K5.txt");
        assertEquals(1000, in.n());
        var g = GmmGrad.gmmObjective(in.d(), in.k(), in.n(), in.alphas(), in.means(), in.icf(),
                in.x(), in.wishart());
        int k = in.k();
        int dk = in.d() * k;
        assertEquals(Gmm.gmmObjective(in.d(), k, in.n(), in.alphas(), in.means(), in.icf(), in.x(),
                in.wishart()), g.value(), 0.0);
        // Every 7th of the 330 coordinates (alphas, means, log-diagonals and off-diagonals of
        // every component among them), to keep the test fast.
        SampledCentralDifferences.assertCentral("gmm_objective on 1k-gmm_d10_K5",
                p -> Gmm.gmmObjective(in.d(), k, in.n(), Arrays.copyOfRange(p, 0, k),
                        Arrays.copyOfRange(p, k, k + dk), Arrays.copyOfRange(p, k + dk, p.length),
                        in.x(), in.wishart()),
                Packing.flat(in.alphas(), in.means(), in.icf()),
                Packing.flat(g.alphas(), g.means(), g.icf()), 7);
    }

    /**
     * Qtimesx as a procedure on its own, with offsets into the middle of its arrays: its out
     * holds what qtimesx writes, and the seeded pullback matches central differences of
     * outSeedᵀ·out over qdiag, ltri, x and out's values on entry (which it does not read).
     */
    @Test
    void qtimesxPullbackMatchesCentralDifferences() {
        int d = 3;
        double[] qdiag = {9, 9, 1.5, 0.7, 2.2, 9};
        double[] ltri = {9, 0.3, -1.1, 0.8};
        double[] x = {0.4, -1.3, 2.1};
        double[] outSeed = {0.9, -0.4, 1.7};
        double[] out = {5, 5, 5};
        var into = new GmmGrad.QtimesxGradient();
        GmmGrad.qtimesxPullback(d, qdiag, 2, ltri, 1, x, out, outSeed, into);
        double[] expected = new double[3];
        Gmm.qtimesx(d, qdiag, 2, ltri, 1, x, expected);
        // Q x by hand: Q = [[1.5, 0, 0], [0.3, 0.7, 0], [-1.1, 0.8, 2.2]].
        assertTrue(Arrays.equals(expected, out), Arrays.toString(out));
        assertEquals(1.5 * 0.4, out[0], 1e-15);
        assertEquals(0.3 * 0.4 + 0.7 * -1.3, out[1], 1e-15);
        assertEquals(-1.1 * 0.4 + 0.8 * -1.3 + 2.2 * 2.1, out[2], 1e-15);
        assertCentral("outSeedᵀ qtimesx", p -> {
                    var r = new Packing.Reader(p);
                    double[] q = r.vector(qdiag);
                    double[] l = r.vector(ltri);
                    double[] xx = r.vector(x);
                    double[] o = r.vector(out);
                    Gmm.qtimesx(d, q, 2, l, 1, xx, o);
                    return outSeed[0] * o[0] + outSeed[1] * o[1] + outSeed[2] * o[2];
                }, Packing.flat(qdiag, ltri, x, new double[] {5, 5, 5}),
                Packing.flat(into.qdiag(), into.ltri(), into.x(), into.out()));
    }

    @Test
    void argumentsAreLeftAsTheyWere() {
        double[] alphas = IN.alphas().clone();
        double[] means = IN.means().clone();
        double[] icf = IN.icf().clone();
        double[] x = IN.x().clone();
        GmmGrad.gmmObjective(IN.d(), IN.k(), IN.n(), alphas, means, icf, x, IN.wishart());
        assertTrue(Arrays.equals(IN.alphas(), alphas) && Arrays.equals(IN.means(), means)
                && Arrays.equals(IN.icf(), icf) && Arrays.equals(IN.x(), x));
    }
}
