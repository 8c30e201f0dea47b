package dev.leibniz.processor.calls;

import dev.leibniz.processor.testing.GradientChecks;
import dev.leibniz.processor.testing.Packing;
import static dev.leibniz.processor.testing.GradientChecks.assertGradient;
import static dev.leibniz.processor.testing.GradientChecks.vector;

import org.junit.jupiter.api.Test;

/**
 * {@link Overloads}: both companions of each overload used directly, under result types named
 * with their parameter types, and both overloads called from one differentiable method.
 */
class OverloadsTest {

    private static final double[] V = vector(0.5, -1.25, 2.0);

    private static double sumOfSquares(double[] v) {
        double s = 0.0;
        for (double x : v) {
            s += x * x;
        }
        return s;
    }

    private static double sumOfCubes(double[] v) {
        double s = 0.0;
        for (double x : v) {
            s += x * x * x;
        }
        return s;
    }

    @Test
    void scalarOverloadOfF() {
        OverloadsGrad.FDoubleGradient g = OverloadsGrad.f(1.7);
        assertGradient("f(double)", p -> Overloads.f(p[0]), vector(1.7), g.value(),
                vector(g.a()), vector(2.0 * 1.7));
    }

    @Test
    void arrayOverloadOfF() {
        double a = -0.6;
        OverloadsGrad.FDoubleDoubleArrayGradient g = OverloadsGrad.f(a, V);
        double[] dv = new double[V.length];
        for (int i = 0; i < V.length; i++) {
            dv[i] = 2.0 * a * V[i];
        }
        assertGradient("f(double, double[])", p -> {
            var in = new Packing.Reader(p);
            return Overloads.f(in.scalar(), in.vector(V));
        }, Packing.flat(a, V), g.value(), Packing.flat(g.a(), g.v()),
                Packing.flat(sumOfSquares(V), dv));
    }

    @Test
    void sameArityOverloadsOfH() {
        OverloadsGrad.HDoubleGradient s = OverloadsGrad.h(-1.1);
        assertGradient("h(double)", p -> Overloads.h(p[0]), vector(-1.1), s.value(),
                vector(s.x()), vector(3.0 * 1.21));
        OverloadsGrad.HDoubleArrayGradient v = OverloadsGrad.h(V);
        double[] dv = new double[V.length];
        for (int i = 0; i < V.length; i++) {
            dv[i] = 3.0 * V[i] * V[i];
        }
        assertGradient("h(double[])", p -> Overloads.h(p), V.clone(), v.value(), v.x(), dv);
    }

    /** both(a, v) = a^2 + a sum v^2 + a^3 sum v^3 + (2a)^3. */
    @Test
    void bothOverloadsFromOneMethod() {
        for (double a : vector(0.8, -1.3)) {
            var g = OverloadsGrad.both(a, V);
            double da = 2.0 * a + sumOfSquares(V) + 3.0 * a * a * sumOfCubes(V) + 24.0 * a * a;
            double[] dv = new double[V.length];
            for (int i = 0; i < V.length; i++) {
                dv[i] = 2.0 * a * V[i] + a * a * a * 3.0 * V[i] * V[i];
            }
            assertGradient("both at a=" + a, p -> {
                var in = new Packing.Reader(p);
                return Overloads.both(in.scalar(), in.vector(V));
            }, Packing.flat(a, V), g.value(), Packing.flat(g.a(), g.v()), Packing.flat(da, dv));
        }
    }
}
