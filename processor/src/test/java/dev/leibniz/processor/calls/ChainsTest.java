package dev.leibniz.processor.calls;

import dev.leibniz.processor.testing.GradientChecks;
import dev.leibniz.processor.testing.Packing;
import static dev.leibniz.processor.testing.GradientChecks.assertClose;
import static dev.leibniz.processor.testing.GradientChecks.assertExactly;
import static dev.leibniz.processor.testing.GradientChecks.assertGradient;
import static dev.leibniz.processor.testing.GradientChecks.vector;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link Chains} and {@link Helpers}: calls within a class and between classes, four deep, the
 * same callee several times, and calls in loops, each against a hand-derived closed form and
 * central differences.
 */
class ChainsTest {

    /** inner(u) = u sin u. */
    private static double inner(double u) {
        return u * Math.sin(u);
    }

    /** inner'(u) = sin u + u cos u. */
    private static double innerPrime(double u) {
        return Math.sin(u) + u * Math.cos(u);
    }

    private static double middle(double x, double y) {
        return inner(x * y) + y * y;
    }

    /** (d middle/dx, d middle/dy). */
    private static double[] middlePrime(double x, double y) {
        return vector(innerPrime(x * y) * y, innerPrime(x * y) * x + 2.0 * y);
    }

    private static double outer(double x, double y) {
        return middle(x, y) * middle(y, 2.0 * x);
    }

    /** Product rule over middle(x, y) and middle(y, 2x), the second by the chain rule. */
    private static double[] outerPrime(double x, double y) {
        double m1 = middle(x, y);
        double m2 = middle(y, 2.0 * x);
        double[] d1 = middlePrime(x, y);
        double[] d2 = middlePrime(y, 2.0 * x); // with respect to its own (first, second) argument
        double m2dx = d2[1] * 2.0;
        double m2dy = d2[0];
        return vector(d1[0] * m2 + m1 * m2dx, d1[1] * m2 + m1 * m2dy);
    }

    @ParameterizedTest
    @ValueSource(doubles = {-2.0, -0.4, 0.0, 0.9, 3.1})
    void innerAlone(double x) {
        var g = ChainsGrad.inner(x);
        assertGradient("inner", p -> Chains.inner(p[0]), vector(x), g.value(), vector(g.x()),
                vector(innerPrime(x)));
    }

    @ParameterizedTest
    @CsvSource({"0.3, -1.2", "1.5, 0.7", "-0.8, 2.2", "0.0, 1.0"})
    void middleCallsInner(double x, double y) {
        var g = ChainsGrad.middle(x, y);
        assertGradient("middle", p -> Chains.middle(p[0], p[1]), vector(x, y), g.value(),
                vector(g.x(), g.y()), middlePrime(x, y));
    }

    @ParameterizedTest
    @CsvSource({"0.3, -1.2", "1.5, 0.7", "-0.8, 2.2", "0.6, 0.6"})
    void outerCallsMiddleTwiceWithDifferentArguments(double x, double y) {
        var g = ChainsGrad.outer(x, y);
        assertGradient("outer", p -> Chains.outer(p[0], p[1]), vector(x, y), g.value(),
                vector(g.x(), g.y()), outerPrime(x, y));
    }

    @ParameterizedTest
    @CsvSource({"0.3, -1.2, 0.5", "1.1, 0.7, -0.4", "-0.8, 0.9, 2.0"})
    void fourLevelsDeepAndIntoAnotherClass(double x, double y, double z) {
        var g = ChainsGrad.top(x, y, z);
        double e = Math.exp(0.1 * outer(x, y));
        double[] o = outerPrime(x, y);
        double d = z - x;
        double[] closedForm = vector(0.1 * e * o[0] - 3.0 * z * d * d, 0.1 * e * o[1],
                d * d * d + 3.0 * z * d * d);
        assertGradient("top", p -> Chains.top(p[0], p[1], p[2]), vector(x, y, z), g.value(),
                vector(g.x(), g.y(), g.z()), closedForm);
    }

    @ParameterizedTest
    @CsvSource({"0.3, -1.2", "1.5, 0.7", "2.0, 2.0", "-0.5, 1.9"})
    void sameCalleeThreeTimes(double x, double y) {
        var g = ChainsGrad.threeTimes(x, y);
        double[] closedForm = vector(innerPrime(x) + inner(y) * innerPrime(x - y),
                innerPrime(y) * inner(x - y) - inner(y) * innerPrime(x - y));
        assertGradient("threeTimes", p -> Chains.threeTimes(p[0], p[1]), vector(x, y),
                g.value(), vector(g.x(), g.y()), closedForm);
    }

    /** Forward-mode recurrence: y' = inner'(y) y' + 1/2, starting from y = x, y' = 1. */
    @ParameterizedTest
    @CsvSource({"0.4, 0", "0.4, 1", "0.4, 5", "-1.3, 4", "2.2, 3"})
    void callInALoopFeedingTheNextIteration(double x, int n) {
        double y = x;
        double dy = 1.0;
        for (int k = 0; k < n; k++) {
            dy = innerPrime(y) * dy + 0.5;
            y = inner(y) + 0.5 * x;
        }
        var g = ChainsGrad.iterated(x, n);
        assertGradient("iterated n=" + n, p -> Chains.iterated(p[0], n), vector(x), g.value(),
                vector(g.x()), vector(dy));
    }

    /** y = inner(y) in a loop: y' = inner'(y) y', from y = x, y' = 1. */
    @ParameterizedTest
    @CsvSource({"0.4, 1", "0.4, 2", "-1.3, 4", "2.2, 3"})
    void callResultAssignedToItsOwnArgumentInALoop(double x, int n) {
        double y = x;
        double dy = 1.0;
        for (int k = 0; k < n; k++) {
            dy = innerPrime(y) * dy;
            y = inner(y);
        }
        var g = ChainsGrad.selfAssignedInLoop(x, n);
        assertGradient("selfAssignedInLoop n=" + n, p -> Chains.selfAssignedInLoop(p[0], n),
                vector(x), g.value(), vector(g.x()), vector(dy));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.4, -1.3, 2.2})
    void callResultAssignedToItsOwnArgumentStraightLine(double x) {
        double y1 = inner(x);
        double closedForm = innerPrime(y1) * innerPrime(x);
        var g = ChainsGrad.selfAssignedTwice(x);
        assertGradient("selfAssignedTwice", p -> Chains.selfAssignedTwice(p[0]), vector(x),
                g.value(), vector(g.x()), vector(closedForm));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.7, -1.1})
    void callsInALoopWithParameterArrays(double s) {
        double[] x = vector(0.5, -1.0, 1.5, 0.25);
        double[] y = vector(2.0, 0.3, -0.7, 1.1);
        var g = ChainsGrad.loopOfCalls(x, y, s);
        double dot = 0.0;
        double sum = 0.0;
        double ds = 0.0;
        for (int i = 0; i < x.length; i++) {
            dot += x[i] * y[i];
            sum += inner(s * x[i]);
            ds += innerPrime(s * x[i]) * x[i];
        }
        double[] dx = new double[x.length];
        double[] dy = new double[x.length];
        for (int j = 0; j < x.length; j++) {
            dx[j] = y[j] * sum + dot * innerPrime(s * x[j]) * s;
            dy[j] = x[j] * sum;
        }
        assertGradient("loopOfCalls", p -> {
            var in = new Packing.Reader(p);
            return Chains.loopOfCalls(in.vector(x), in.vector(y), in.scalar());
        }, Packing.flat(x, y, s), g.value(), Packing.flat(g.x(), g.y(), g.s()),
                Packing.flat(dx, dy, dot * ds));
        assertExactly("loopOfCalls leaves x as it was", vector(0.5, -1.0, 1.5, 0.25), x);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.8, -0.35})
    void callsInALoopWithALocalArray(double c) {
        double[] x = vector(0.9, -0.6, 1.3);
        var g = ChainsGrad.localArrayArgument(x, c);
        double h = 1.0 + 1.0 / 2.0 + 1.0 / 3.0;
        double cubes = 0.0;
        double fourths = 0.0;
        double[] dx = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double x2 = x[i] * x[i];
            cubes += x2 * x[i];
            fourths += x2 * x2;
            dx[i] = 3.0 * h * c * x2 + 8.0 * c * c * x2 * x[i];
        }
        assertGradient("localArrayArgument", p -> {
            var in = new Packing.Reader(p);
            return Chains.localArrayArgument(in.vector(x), in.scalar());
        }, Packing.flat(x, c), g.value(), Packing.flat(g.x(), g.c()),
                Packing.flat(dx, h * cubes + 4.0 * c * fourths));
    }

    /** The callees' own companions, against their closed forms. */
    @ParameterizedTest
    @ValueSource(doubles = {-1.5, 0.0, 2.5})
    void helpersAlone(double u) {
        var cube = HelpersGrad.cube(u);
        assertClose("cube'", 3.0 * u * u, cube.u());
        double[] a = vector(1.0, -2.0, u);
        double[] b = vector(0.5, u, 3.0);
        var dot = HelpersGrad.dot(a, b);
        assertExactly(Helpers.dot(a, b), dot.value(), "dot value()");
        assertClose("dot d/da", b, dot.a());
        assertClose("dot d/db", a, dot.b());
        var w = HelpersGrad.weightedSquares(a, u);
        assertClose("weightedSquares d/dv", vector(2 * u * a[0], 2 * u * a[1], 2 * u * a[2]),
                w.v());
    }
}
