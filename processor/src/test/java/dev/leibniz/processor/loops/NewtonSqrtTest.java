package dev.leibniz.processor.loops;

import dev.leibniz.processor.testing.GradientChecks;
import static dev.leibniz.processor.testing.GradientChecks.assertComponentwise;
import static dev.leibniz.processor.testing.GradientChecks.assertExactly;
import static dev.leibniz.processor.testing.GradientChecks.vector;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link NewtonSqrt}: differentiating through every iteration of a data-dependent loop gives
 * the derivative of the limit, 1 / (2 sqrt(a)), because the iteration converges quadratically
 * (a derivative through only the last step is off by the previous iterate's error, which the
 * 1e-9 bound does not always catch; the hand-written derivative of the iteration does).
 */
class NewtonSqrtTest {

    /** Relative bound on the derivative, from the brief: the loop stops near the limit. */
    private static final double NEWTON_TOLERANCE = 1e-9;

    @ParameterizedTest
    @ValueSource(doubles = {0.5, 2.0, 10.0, 1e4, 0.01, 123.456})
    void derivativeIsThatOfTheSquareRoot(double a) {
        var g = NewtonSqrtGrad.newtonSqrt(a);
        assertExactly(NewtonSqrt.newtonSqrt(a), g.value(), "Newton sqrt(" + a + "): value()");
        assertTrue(Math.abs(g.value() - Math.sqrt(a)) <= 1e-12 * Math.sqrt(a),
                () -> "Newton sqrt(" + a + ") = " + g.value() + " is not the square root");
        double expected = 1.0 / (2.0 * Math.sqrt(a));
        double error = Math.abs(g.a() - expected) / expected;
        assertTrue(error <= NEWTON_TOLERANCE, () -> "d/da of Newton sqrt(" + a + ") = " + g.a()
                + ", expected " + expected + ", relative error " + error);
    }

    /**
     * The derivative of the iteration itself, by hand in forward mode: r' = 0.5 (r' + (r - a r')
     * / r^2), starting from r' = 1, over exactly the iterations the plain loop runs. This is what
     * the program's derivative is, to rounding; it differs from 1 / (2 sqrt(a)) by about the
     * square of the error of the iterate before the last.
     */
    @ParameterizedTest
    @ValueSource(doubles = {0.5, 2.0, 10.0, 1e4, 0.01, 123.456})
    void derivativeThroughEveryIteration(double a) {
        double r = a;
        double dr = 1.0;
        while (Math.abs(r * r - a) > 1e-12 * a) {
            dr = 0.5 * (dr + (r - a * dr) / (r * r));
            r = 0.5 * (r + a / r);
        }
        assertComponentwise("d/da of Newton sqrt(" + a + ") vs the iteration's own derivative",
                vector(dr), vector(NewtonSqrtGrad.newtonSqrt(a).a()));
    }

    /** The pullback scales the same derivative. */
    @ParameterizedTest
    @ValueSource(doubles = {0.5, 2.0, 10.0, 1e4})
    void pullback(double a) {
        var into = new NewtonSqrtGrad.NewtonSqrtGradient();
        double value = NewtonSqrtGrad.newtonSqrtPullback(a, -3.0, into);
        assertExactly(NewtonSqrt.newtonSqrt(a), value, "Newton sqrt(" + a + "): returned value");
        double expected = -3.0 / (2.0 * Math.sqrt(a));
        double error = Math.abs(into.a() - expected) / Math.abs(expected);
        assertTrue(error <= NEWTON_TOLERANCE, () -> "pullback of Newton sqrt(" + a + ") = "
                + into.a() + ", expected " + expected);
    }
}
