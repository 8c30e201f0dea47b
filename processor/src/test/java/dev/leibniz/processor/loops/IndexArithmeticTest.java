package dev.leibniz.processor.loops;

import dev.leibniz.processor.testing.GradientChecks;
import static dev.leibniz.processor.testing.GradientChecks.assertCentral;
import static dev.leibniz.processor.testing.GradientChecks.assertClose;
import static dev.leibniz.processor.testing.GradientChecks.assertExactly;
import static dev.leibniz.processor.testing.GradientChecks.vector;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link IndexArithmetic}: the adjoint lands on the element the index expression names, for
 * even and odd lengths (where a middle element or a spare last element is special).
 */
class IndexArithmeticTest {

    static Stream<Arguments> points() {
        return Stream.of(
                arguments((Object) vector(0.7, -1.3)),
                arguments((Object) vector(0.7, -1.3, 2.1)),
                arguments((Object) vector(0.7, -1.3, 2.1, 0.4, -0.9)),
                arguments((Object) vector(1.1, 0.3, -0.8, 2.4, -1.6, 0.5)));
    }

    @ParameterizedTest
    @MethodSource("points")
    void moduloIndex(double[] x) {
        int n = x.length;
        var g = IndexArithmeticGrad.cyclicNeighbours(x);
        String at = "x[(i + 1) % n] at " + Arrays.toString(x);
        assertExactly(IndexArithmetic.cyclicNeighbours(x), g.value(), at + ": value()");
        double[] expected = new double[n];
        for (int k = 0; k < n; k++) {
            expected[k] = x[(k + 1) % n] + x[(k + n - 1) % n];
        }
        assertClose(at, expected, g.x());
        assertCentral(at, IndexArithmetic::cyclicNeighbours, x, expected, g.x());
    }

    /** x[k] is read at i = 2k and 2k + 1: 2 x[k] ((2k + 1) + (2k + 2)) = 2 (4k + 3) x[k]. */
    @ParameterizedTest
    @MethodSource("points")
    void divisionIndex(double[] x) {
        var g = IndexArithmeticGrad.halves(x);
        String at = "x[i / 2] at " + Arrays.toString(x);
        assertExactly(IndexArithmetic.halves(x), g.value(), at + ": value()");
        double[] expected = new double[x.length];
        for (int k = 0; k < x.length; k++) {
            expected[k] = 2.0 * (4 * k + 3) * x[k];
        }
        assertClose(at, expected, g.x());
        assertCentral(at, IndexArithmetic::halves, x, expected, g.x());
    }

    @ParameterizedTest
    @MethodSource("points")
    void mirroredIndex(double[] x) {
        int n = x.length;
        var g = IndexArithmeticGrad.mirrored(x);
        String at = "x[n - 1 - i] at " + Arrays.toString(x);
        assertExactly(IndexArithmetic.mirrored(x), g.value(), at + ": value()");
        double[] expected = new double[n];
        for (int k = 0; k < n; k++) {
            expected[k] = (n + 1) * x[n - 1 - k];
        }
        assertClose(at, expected, g.x());
        assertCentral(at, IndexArithmetic::mirrored, x, expected, g.x());
    }

    /** With an odd length the last element is never read: exactly 0. */
    @ParameterizedTest
    @MethodSource("points")
    void multipliedIndex(double[] x) {
        var g = IndexArithmeticGrad.pairProducts(x);
        String at = "x[2 * i] x[2 * i + 1] at " + Arrays.toString(x);
        assertExactly(IndexArithmetic.pairProducts(x), g.value(), at + ": value()");
        double[] expected = new double[x.length];
        for (int k = 0; k + 1 < x.length; k += 2) {
            expected[k] = x[k + 1];
            expected[k + 1] = x[k];
        }
        assertExactly(at, expected, g.x());
        assertCentral(at, IndexArithmetic::pairProducts, x, expected, g.x());
    }
}
