package dev.leibniz.processor.calls;

import dev.leibniz.processor.testing.GradientChecks;
import static dev.leibniz.processor.testing.GradientChecks.assertClose;
import static dev.leibniz.processor.testing.GradientChecks.assertExactly;

import dev.leibniz.Gradients;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link Gradients#stop}: the value passes unchanged and the derivative is 0 through it. The
 * reference is the definition (stop(u) has derivative 0), so central differences of the plain
 * method, which see stop as the identity, do not apply.
 */
class StopTest {

    @ParameterizedTest
    @CsvSource({"0.3, 1.2", "-2.0, 0.5", "0.0, 0.0"})
    void nothingFlowsThroughStop(double x, double y) {
        var g = StopsGrad.stoppedProduct(x, y);
        assertExactly(Math.sin(x * y), g.value(), "sin(stop(x y))");
        assertExactly(0.0, g.x(), "d/dx sin(stop(x y))");
        assertExactly(0.0, g.y(), "d/dy sin(stop(x y))");
    }

    @ParameterizedTest
    @ValueSource(doubles = {1.7, -0.4, 0.0, 123.5})
    void productWithItsStoppedSelf(double x) {
        var g = StopsGrad.halfStopped(x);
        assertExactly(x * x, g.value(), "x stop(x)");
        assertExactly(x, g.x(), "d/dx x stop(x) = stop(x) = x, not 2x");
    }

    @ParameterizedTest
    @CsvSource({"0.8, 1.5", "-1.2, -0.3"})
    void stopAroundACallViaStaticImport(double x, double y) {
        var g = StopsGrad.stoppedCall(x, y);
        double inner = x * Math.sin(x);
        assertExactly(Stops.stoppedCall(x, y), g.value(), "stoppedCall value()");
        assertClose("d/dx y (stop(inner(x)) + x) = y", y, g.x());
        assertClose("d/dy y (stop(inner(x)) + x)", inner + x, g.y());
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.5, -3.0})
    void stopInALoop(double s) {
        double[] x = {0.25, -1.5, 2.0};
        var g = StopsGrad.stoppedInLoop(x, s);
        assertExactly(Stops.stoppedInLoop(x, s), g.value(), "stoppedInLoop value()");
        assertClose("d/dx[i] = x[i] + s", new double[] {0.25 + s, -1.5 + s, 2.0 + s}, g.x());
        assertExactly(0.0, g.s(), "d/ds through stop(s)");
    }
}
