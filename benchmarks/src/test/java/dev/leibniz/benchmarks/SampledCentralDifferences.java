package dev.leibniz.benchmarks;

import dev.leibniz.processor.testing.GradientChecks;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

/**
 * Central differences on every {@code stride}-th coordinate only, for objectives with hundreds
 * of parameters whose every evaluation runs the whole instance: the same step and the same
 * bound ({@link GradientChecks#FD_TOLERANCE} on {@code ||g - g_fd|| / ||g + g_fd||}) as
 * {@link GradientChecks#assertCentral}, over the sampled coordinates.
 */
final class SampledCentralDifferences {
    private SampledCentralDifferences() {}

    static void assertCentral(String what, GradientChecks.ScalarFunction f, double[] point,
            double[] gradient, int stride) {
        int n = (point.length + stride - 1) / stride;
        double[] fd = new double[n];
        double[] sampled = new double[n];
        for (int c = 0; c < n; c++) {
            int i = c * stride;
            double h = GradientChecks.step(point[i]);
            double[] plus = point.clone();
            double[] minus = point.clone();
            plus[i] = point[i] + h;
            minus[i] = point[i] - h;
            fd[c] = (f.at(plus) - f.at(minus)) / (plus[i] - minus[i]);
            sampled[c] = gradient[i];
        }
        double error = GradientChecks.relativeError(sampled, fd);
        assertTrue(error < GradientChecks.FD_TOLERANCE, () -> what + ": every " + stride
                + "th coordinate of the gradient " + Arrays.toString(sampled)
                + " vs central differences " + Arrays.toString(fd) + ", relative error " + error);
    }
}
