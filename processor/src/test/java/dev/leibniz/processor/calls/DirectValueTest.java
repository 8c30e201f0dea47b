package dev.leibniz.processor.calls;

import static dev.leibniz.processor.testing.GradientChecks.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.JavaFileObjects;
import dev.leibniz.processor.testing.Compiled;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code mValue} calls the user's method itself when that method makes no array, its callees
 * included (then the sweep has no buffer to lend it), and runs the sweep otherwise: a value
 * method that called an allocating method would break "allocates nothing once warm", and one
 * that named a method the companion cannot reach would not compile.
 */
class DirectValueTest {
    // Compiled in each test, not once for the class: mutation testing credits a line to the tests that ran it.
    private Compiled c;
    private String source;

    @BeforeEach
    void compile() {
        c = Compiled.strictly(JavaFileObjects.forSourceString("p.C", """
                package p;
                import dev.leibniz.Differentiable;
                class C {
                    @Differentiable
                    static double sumSq(double[] x, int n) {
                        double s = 0;
                        for (int i = 0; i < n; i++) {
                            s += x[i] * x[i];
                        }
                        return s;
                    }

                    @Differentiable
                    static double callsSumSq(double[] x) {
                        return Math.sin(sumSq(x, x.length));
                    }

                    @Differentiable
                    static void scale(double[] x, double a, double[] out) {
                        for (int i = 0; i < x.length; i++) {
                            out[i] = a * x[i];
                        }
                    }

                    @Differentiable
                    static double withBuffer(double[] x) {
                        double[] t = new double[x.length];
                        scale(x, 2.0, t);
                        return sumSq(t, t.length);
                    }

                    @Differentiable
                    static double callsWithBuffer(double[] x) {
                        return withBuffer(x) + 1.0;
                    }

                    @Differentiable
                    static double copies(double[] x) {
                        double[] y = x.clone();
                        y[0] = y[0] * y[0];
                        return y[0] + y[1];
                    }

                    @Differentiable
                    static double p(double p) {
                        return p * p; // a parameter named like the package hides it in p.C.p(p)
                    }

                    @Differentiable
                    double instance(double x) {
                        return x * x * x;
                    }
                }
                """));
        source = c.source("p.CGrad");
    }

    /** The body of the generated method of that name, e.g. {@code fValue}. */
    private String body(String method) {
        int start = source.indexOf(" " + method + "(");
        assertTrue(start >= 0, method + " is missing");
        int open = source.indexOf('{', start);
        return source.substring(open, source.indexOf("\n    }", open));
    }

    private String valueBody(String m) {
        return body(m + "Value");
    }

    @Test
    void methodsThatMakeNoArrayAreCalledThemselves() {
        assertTrue(valueBody("sumSq").contains("p.C.sumSq(x, n)"), valueBody("sumSq"));
        assertTrue(valueBody("callsSumSq").contains("p.C.callsSumSq(x)"), valueBody("callsSumSq"));
        assertTrue(valueBody("scale").contains("p.C.scale(x, a, out)"), valueBody("scale"));
    }

    @Test
    void methodsThatMakeArraysOrCallOneThatDoesRunTheSweep() {
        for (String m : new String[] {"withBuffer", "callsWithBuffer", "copies"}) {
            assertTrue(valueBody(m).contains(m + "Sweep("), m + ": " + valueBody(m));
            assertFalse(valueBody(m).contains("p.C." + m + "("), m + ": " + valueBody(m));
        }
    }

    @Test
    void instanceMethodsAndHiddenPackagesRunTheSweep() {
        assertTrue(valueBody("p").contains("pSweep("), valueBody("p"));
        assertTrue(valueBody("instance").contains("instanceSweep("), valueBody("instance"));
    }

    private String sweepBody(String m) {
        return body(m + "Sweep");
    }

    @Test
    void onlySweepsThatValueMethodsRunKeepTheirBranchForTheValueAlone() {
        assertFalse(sweepBody("sumSq").contains("// the value alone"), sweepBody("sumSq"));
        assertFalse(sweepBody("scale").contains("// the value alone"), sweepBody("scale"));
        assertTrue(sweepBody("withBuffer").contains("// the value alone"), sweepBody("withBuffer"));
        assertTrue(sweepBody("instance").contains("// the value alone"), sweepBody("instance"));
    }

    @Test
    void theValueAndTheResultsValueAreTheMethods() {
        double[] x = {0.3, -1.2, 2.5};
        Object into = c.instance("p.CGrad$SumSqGradient");
        double v = (double) c.call("p.CGrad", "sumSqValue", x, 3, into);
        assertEquals(0.09 + 1.44 + 6.25, v, 1e-15);
        assertEquals(v, Compiled.get(into, "value"), 0.0);
        double[] out = new double[3];
        c.call("p.CGrad", "scaleValue", x, 0.5, out, c.instance("p.CGrad$ScaleGradient"));
        assertEquals(0.15, out[0], 1e-15);
        assertEquals(-0.6, out[1], 1e-15);
        assertEquals(1.25, out[2], 1e-15);
    }

    @Test
    void callersStillGetTheClosedFormGradient() {
        double[] x = {0.3, -1.2, 2.5};
        double s = 0.09 + 1.44 + 6.25;
        Object g = c.call("p.CGrad", "callsSumSq", (Object) x);
        assertClose("value", Math.sin(s), Compiled.get(g, "value"));
        double[] dx = Compiled.array(g, "x");
        for (int i = 0; i < 3; i++) {
            assertClose("d/dx" + i, Math.cos(s) * 2 * x[i], dx[i]);
        }
        Object w = c.call("p.CGrad", "callsWithBuffer", (Object) x);
        assertClose("value", 4 * s + 1, Compiled.get(w, "value"));
        double[] dw = Compiled.array(w, "x");
        for (int i = 0; i < 3; i++) {
            assertClose("d/dx" + i, 8 * x[i], dw[i]);
        }
    }
}
