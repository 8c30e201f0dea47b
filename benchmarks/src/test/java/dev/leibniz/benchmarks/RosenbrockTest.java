package dev.leibniz.benchmarks;

import dev.leibniz.processor.testing.GradientChecks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every Rosenbrock gradient of the benchmarks against the hand-written adjoint. */
class RosenbrockTest {
    static double[] point(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 0.5 + 0.9 * Math.sin(1.7 * i);
        }
        return x;
    }

    private static void assertAgrees(String what, double[] expected, double[] actual) {
        double e = Agreement.error(expected, actual);
        assertTrue(e < Agreement.TOLERANCE, what + ": ADBench error " + e);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 10, 100, 1000, 100000})
    void generatedGradientsAgreeWithTheHandWrittenAdjoint(int n) {
        double[] x = point(n);
        double[] hand = new double[n];
        double value = RosenbrockAdjoint.gradient(x, hand);
        assertEquals(Rosenbrock.rosenbrock(x), value, 1e-12 * Math.abs(value));
        var into = new RosenbrockGrad.RosenbrockGradient();
        RosenbrockGrad.rosenbrock(x, into);
        assertAgrees("into, n = " + n, hand, into.x());
        RosenbrockGrad.rosenbrock(x, into); // warm into
        assertAgrees("warm into, n = " + n, hand, into.x());
        assertAgrees("fresh, n = " + n, hand, RosenbrockGrad.rosenbrock(x).x());
        assertEquals(Rosenbrock.rosenbrock(x), into.value(), 0.0);
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 10, 100})
    void handWrittenHipparchusAndCentralDifferencesAgree(int n) {
        double[] x = point(n);
        double[] hand = new double[n];
        RosenbrockAdjoint.gradient(x, hand);
        double[] forward = new double[n];
        Forward.rosenbrock(x, forward);
        assertAgrees("Hipparchus, n = " + n, hand, forward);
        double[] fd = new double[n];
        CentralDifferences.gradient(() -> Rosenbrock.rosenbrock(x), fd, x);
        double e = GradientChecks.relativeError(fd, hand);
        assertTrue(e < GradientChecks.FD_TOLERANCE, "central differences, n = " + n + ": " + e);
    }
}
