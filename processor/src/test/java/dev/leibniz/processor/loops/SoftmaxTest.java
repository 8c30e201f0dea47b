package dev.leibniz.processor.loops;

import dev.leibniz.processor.testing.GradientChecks;
import static dev.leibniz.processor.testing.GradientChecks.assertCentral;
import static dev.leibniz.processor.testing.GradientChecks.assertClose;
import static dev.leibniz.processor.testing.GradientChecks.assertExactly;
import static dev.leibniz.processor.testing.GradientChecks.assertFinite;
import static dev.leibniz.processor.testing.GradientChecks.vector;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link Softmax}: the gradient is softmax(z) - onehot(label). The max trick makes the loss a
 * smooth function of z even where the maximum is tied (m's own derivative cancels), so central
 * differences apply there too.
 */
class SoftmaxTest {

    /** softmax(z) - onehot(label), by the max trick in plain Java. */
    static double[] closedForm(double[] z, int label) {
        double max = Arrays.stream(z).max().orElseThrow();
        double sum = 0.0;
        for (double v : z) {
            sum += Math.exp(v - max);
        }
        double[] g = new double[z.length];
        for (int k = 0; k < z.length; k++) {
            g[k] = Math.exp(z[k] - max) / sum - (k == label ? 1.0 : 0.0);
        }
        return g;
    }

    static Stream<Arguments> logits() {
        return Stream.of(
                arguments(vector(1.0, 2.0, 0.5, -1.0), 0),
                arguments(vector(1.0, 2.0, 0.5, -1.0), 1),
                arguments(vector(1.0, 2.0, 0.5, -1.0), 3),
                arguments(vector(-0.3, 0.8, 0.1), 2),
                // Maximum at the last element, found late in the loop.
                arguments(vector(-2.0, 0.5, 1.0, 3.0), 1),
                // Ties for the maximum: the first one is taken; the label on either or neither.
                arguments(vector(2.0, 2.0, 0.5, -1.0), 0),
                arguments(vector(2.0, 2.0, 0.5, -1.0), 1),
                arguments(vector(2.0, 2.0, 0.5, -1.0), 2),
                arguments(vector(0.5, 3.0, -1.0, 3.0), 3),
                arguments(vector(0.3, 0.3, 0.3), 1),
                // exp(z) alone would overflow.
                arguments(vector(1000.0, 1001.0, 999.0), 2),
                arguments(vector(-800.0, -799.5, -801.0), 0));
    }

    @ParameterizedTest
    @MethodSource("logits")
    void gradientIsSoftmaxMinusOneHot(double[] z, int label) {
        var g = SoftmaxGrad.crossEntropy(z, label);
        String at = "cross-entropy at z = " + Arrays.toString(z) + ", label " + label;
        assertExactly(Softmax.crossEntropy(z, label), g.value(), at + ": value()");
        assertFinite(at, g.z());
        double[] expected = closedForm(z, label);
        assertClose(at + " vs softmax - onehot", expected, g.z());
        assertCentral(at, p -> Softmax.crossEntropy(p, label), z, expected, g.z());
    }

    /** Softmax sums to 1 and the one-hot vector to 1, so the components sum to 0. */
    @ParameterizedTest
    @MethodSource("logits")
    void componentsSumToZero(double[] z, int label) {
        double[] g = SoftmaxGrad.crossEntropy(z, label).z();
        double sum = 0.0;
        double scale = 0.0;
        for (double v : g) {
            sum += v;
            scale += Math.abs(v);
        }
        double total = sum;
        assertTrue(Math.abs(total) <= 1e-12 * scale,
                () -> "components of " + Arrays.toString(g) + " sum to " + total);
    }
}
