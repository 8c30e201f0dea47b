package dev.leibniz.processor.loops;

import dev.leibniz.processor.testing.GradientChecks;
import dev.leibniz.processor.testing.Packing;
import static dev.leibniz.processor.testing.GradientChecks.assertCentral;
import static dev.leibniz.processor.testing.GradientChecks.assertClose;
import static dev.leibniz.processor.testing.GradientChecks.assertComponentwise;
import static dev.leibniz.processor.testing.GradientChecks.assertExactly;
import static dev.leibniz.processor.testing.GradientChecks.vector;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link Accumulators} against closed forms and central differences. */
class AccumulatorsTest {

    /** d/dx[k] of y / d = 2 x[k] / d - y / d^2. */
    @Test
    void divisorAccumulatedInTheLoop() {
        double[] x = vector(0.7, 1.3, -0.4, 2.2, 0.9);
        var g = AccumulatorsGrad.ratioOfSums(x);
        assertExactly(Accumulators.ratioOfSums(x), g.value(), "y / d: value()");
        double d = 0.0;
        double y = 0.0;
        for (double v : x) {
            d += v;
            y += v * v;
        }
        double[] expected = new double[x.length];
        for (int k = 0; k < x.length; k++) {
            expected[k] = 2.0 * x[k] / d - y / (d * d);
        }
        assertClose("y / d", expected, g.x());
        assertCentral("y / d", Accumulators::ratioOfSums, x, expected, g.x());
    }

    /** s = c / prod x: d/dc = 1 / prod x, d/dx[k] = -s / x[k]. */
    @Test
    void quotientAccumulatedInTheLoop() {
        double c = 3.5;
        double[] x = vector(1.25, -0.8, 2.0, 0.6);
        var g = AccumulatorsGrad.repeatedDivision(c, x);
        double s = Accumulators.repeatedDivision(c, x);
        assertExactly(s, g.value(), "s /= x[i]: value()");
        double product = 1.0;
        for (double v : x) {
            product *= v;
        }
        double expectedC = 1.0 / product;
        double[] expectedX = new double[x.length];
        for (int k = 0; k < x.length; k++) {
            expectedX[k] = -(c / product) / x[k];
        }
        assertComponentwise("s /= x[i]: d/dc", vector(expectedC), vector(g.c()));
        assertComponentwise("s /= x[i]: d/dx", expectedX, g.x());
        assertCentral("s /= x[i]", p -> {
            var in = new Packing.Reader(p);
            return Accumulators.repeatedDivision(in.scalar(), in.vector(x));
        }, Packing.flat(c, x), Packing.flat(expectedC, expectedX), Packing.flat(g.c(), g.x()));
    }

    /**
     * Residuals r = x - y inside delta: d/dx = r, d/ddelta = 0; outside: d/dx = delta sign(r),
     * d/ddelta = |r| - delta. d/dy = -d/dx.
     */
    @Test
    void branchInsideTheLoop() {
        double[] x = vector(0.5, 3.0, -2.5, 1.2, -0.1);
        double[] y = vector(0.25, 0.5, 0.0, 1.9, 0.3);
        double delta = 1.0;
        var g = AccumulatorsGrad.huber(x, y, delta);
        assertExactly(Accumulators.huber(x, y, delta), g.value(), "Huber: value()");
        double[] expectedX = new double[x.length];
        double[] expectedY = new double[x.length];
        double expectedDelta = 0.0;
        for (int i = 0; i < x.length; i++) {
            double r = x[i] - y[i];
            if (Math.abs(r) <= delta) {
                expectedX[i] = r;
            } else {
                expectedX[i] = delta * Math.signum(r);
                expectedDelta += Math.abs(r) - delta;
            }
            expectedY[i] = -expectedX[i];
        }
        assertComponentwise("Huber: d/dx", expectedX, g.x());
        assertComponentwise("Huber: d/dy", expectedY, g.y());
        assertClose("Huber: d/ddelta", vector(expectedDelta), vector(g.delta()));
        assertCentral("Huber", p -> {
            var in = new Packing.Reader(p);
            return Accumulators.huber(in.vector(x), in.vector(y), in.scalar());
        }, Packing.flat(x, y, delta), Packing.flat(expectedX, expectedY, expectedDelta),
                Packing.flat(g.x(), g.y(), g.delta()));
    }

    /**
     * Forward-mode derivatives by hand: r' = mu (1 - 2r) r' for d/dr0, and
     * r' = r (1 - r) + mu (1 - 2r) r' for d/dmu.
     */
    @ParameterizedTest
    @CsvSource({"0.3, 2.5, 6", "0.2, 3.2, 10", "0.7, 1.5, 1", "0.45, 3.7, 8", "0.6, 2.0, 0"})
    void loopCarriedRecurrence(double r0, double mu, int steps) {
        var g = AccumulatorsGrad.logisticMap(r0, mu, steps);
        String at = "logistic map (" + r0 + ", " + mu + ", " + steps + ")";
        assertExactly(Accumulators.logisticMap(r0, mu, steps), g.value(), at + ": value()");
        double r = r0;
        double dr0 = 1.0;
        double dmu = 0.0;
        for (int k = 0; k < steps; k++) {
            double slope = mu * (1.0 - 2.0 * r);
            dmu = r * (1.0 - r) + slope * dmu;
            dr0 = slope * dr0;
            r = mu * r * (1.0 - r);
        }
        double[] expected = vector(dr0, dmu);
        double[] gradient = vector(g.r0(), g.mu());
        assertClose(at, expected, gradient);
        assertCentral(at, p -> Accumulators.logisticMap(p[0], p[1], steps), vector(r0, mu),
                expected, gradient);
    }
}
