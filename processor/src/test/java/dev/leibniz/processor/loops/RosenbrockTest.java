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
import org.junit.jupiter.params.provider.ValueSource;

/** {@link Rosenbrock} in 2, 5 and 10 dimensions against its closed-form gradient. */
class RosenbrockTest {

    /**
     * d/dx[i] = -400 x[i] (x[i+1] - x[i]^2) - 2 (1 - x[i]) for i &lt; n - 1, plus
     * 200 (x[i] - x[i-1]^2) for i &gt; 0.
     */
    static double[] closedForm(double[] x) {
        int n = x.length;
        double[] g = new double[n];
        for (int i = 0; i < n; i++) {
            if (i < n - 1) {
                g[i] += -400.0 * x[i] * (x[i + 1] - x[i] * x[i]) - 2.0 * (1.0 - x[i]);
            }
            if (i > 0) {
                g[i] += 200.0 * (x[i] - x[i - 1] * x[i - 1]);
            }
        }
        return g;
    }

    /** The classic start (-1.2, 1, -1.2, 1, ...) of length n. */
    private static double[] classicStart(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i % 2 == 0 ? -1.2 : 1.0;
        }
        return x;
    }

    static Stream<Arguments> points() {
        return Stream.of(
                arguments((Object) classicStart(2)),
                arguments((Object) vector(0.5, -0.3)),
                arguments((Object) vector(2.0, 3.0)),
                arguments((Object) classicStart(5)),
                arguments((Object) vector(0.3, -0.7, 1.4, 0.9, -2.1)),
                arguments((Object) vector(-0.45, 0.2, 0.85, 1.3, 0.05)),
                arguments((Object) classicStart(10)),
                arguments((Object) vector(0.1, -0.2, 0.3, -0.4, 0.5, -0.6, 0.7, -0.8, 0.9, -1.0)),
                arguments((Object) vector(1.1, 0.9, 1.3, 1.5, 0.2, -0.4, 2.2, 0.75, -1.6, 0.6)));
    }

    @ParameterizedTest
    @MethodSource("points")
    void gradientIsTheClosedForm(double[] x) {
        double[] before = x.clone();
        var g = RosenbrockGrad.rosenbrock(x);
        String at = "Rosenbrock at " + Arrays.toString(x);
        assertExactly(Rosenbrock.rosenbrock(x), g.value(), at + ": value()");
        double[] expected = closedForm(x);
        assertClose(at + " vs closed form", expected, g.x());
        assertCentral(at, Rosenbrock::rosenbrock, x, expected, g.x());
        assertExactly(at + ": argument after the call", before, x);
    }

    /** At the minimum (1, ..., 1) every term is exactly 0, and so is every component. */
    @ParameterizedTest
    @ValueSource(ints = {2, 5, 10})
    void gradientVanishesAtTheMinimum(int n) {
        double[] ones = new double[n];
        Arrays.fill(ones, 1.0);
        var g = RosenbrockGrad.rosenbrock(ones);
        assertExactly(0.0, g.value(), "Rosenbrock at the minimum: value()");
        assertExactly("Rosenbrock at the minimum", new double[n], g.x());
    }
}
