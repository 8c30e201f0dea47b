package dev.leibniz.processor.transform;

import static dev.leibniz.processor.testing.GradientChecks.assertClose;
import static dev.leibniz.processor.testing.GradientChecks.assertExactly;
import static dev.leibniz.processor.testing.GradientChecks.vector;
import static dev.leibniz.processor.transform.MutantKillersTest.call;
import static dev.leibniz.processor.transform.MutantKillersTest.check;
import static dev.leibniz.processor.transform.MutantKillersTest.compile;
import static dev.leibniz.processor.transform.MutantKillersTest.generatedSource;
import static dev.leibniz.processor.transform.MutantKillersTest.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leibniz.processor.transform.MutantKillersTest.Compiled;
import java.io.IOException;
import java.lang.reflect.Method;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * {@code mAccumulatingPullback}: the pullback that adds into its caller's adjoints of the array
 * arguments where they stand, which callers' reverse sweeps call instead of taking gradients of
 * whole arrays and adding them in whole. Checked directly (an adjoint filled beforehand gets
 * exactly seed times the gradient added, elements the method never reaches are left as they
 * were, an array the method writes is turned from the seed into the adjoint of its values on
 * entry) and through callers (aliased arguments, rows, matrices, floats, returned arrays, fused
 * callees) against central differences.
 */
class AccumulatingPullbackTest {

    private static final String WINDOW = """
            @Differentiable static double sq(double[] v, int off, int n) {
                double r = 0;
                for (int i = 0; i < n; i++) {
                    r += v[off + i] * v[off + i] * v[off];
                }
                return r;
            }

            @Differentiable static double pairs(double[] v, int off, int n) {
                double r = 0;
                for (int i = 0; i < n; i++) {
                    r += v[off + i] * v[off + i + 1];
                }
                return r;
            }

            @Differentiable static double prod(double[] v, int off, int n) {
                double p = 1;
                for (int i = 0; i < n; i++) {
                    p *= v[off + i];
                }
                return p;
            }""";

    private static double[] filled(int n, double v) {
        double[] x = new double[n];
        Arrays.fill(x, v);
        return x;
    }

    /**
     * The accumulating pullback adds seed · gradient into the array given and leaves the other
     * elements alone, for fused callees (pairs' own pullback assigns elements; with seed 1 too)
     * and a plain one.
     */
    @Test
    void addsIntoTheGivenAdjointOnlyWhereTheMethodReaches() throws IOException {
        String source = generatedSource(WINDOW);
        assertTrue(source.contains("sqAccumulatingPullback"), "the entry exists");
        assertTrue(source.contains("(the element's first contribution)"), "pairs' own pullback assigns elements: " + source);
        Compiled c = compile(WINDOW);
        double[] v = vector(0.5, -1.25, 2.0, 0.75, 1.5, -0.5);
        for (String m : new String[] {"sq", "pairs", "prod"}) {
            Method pullback = only(c.companion(), m + "Pullback", 5);
            Method adding = only(c.companion(), m + "AccumulatingPullback", 7);
            Method fresh = only(c.companion(), m, 3);
            for (double seed : new double[] {1.0, -2.5}) {
                Object result = call(fresh, null, v.clone(), 1, 3);
                call(pullback, null, v.clone(), 1, 3, seed, result);
                double[] g = ((double[]) call(only(result.getClass(), "v", 0), result)).clone();
                double[] adjoint = filled(6, 10.0);
                Object into = call(fresh, null, v.clone(), 1, 3);
                double value = (Double) call(adding, null, v.clone(), 1, 3, seed, 1L, into, adjoint);
                assertExactly((Double) call(only(c.plain(), m, 3), null, v.clone(), 1, 3), value, m + ": value");
                double[] expected = new double[6];
                for (int i = 0; i < 6; i++) {
                    expected[i] = 10.0 + g[i];
                }
                assertClose(m + " seed " + seed + ": added into the adjoint", expected, adjoint);
                assertEquals(10.0, adjoint[0], 0.0, m + ": an element the method never reaches is left alone");
                assertEquals(10.0, adjoint[5], 0.0, m + ": an element the method never reaches is left alone");
                // the result object's own gradient is not the caller's array
                assertTrue(call(only(into.getClass(), "v", 0), into) != adjoint, m + ": the result keeps no reference to it");
                // null: the result object gets the gradient, as from the pullback
                Object own = call(fresh, null, v.clone(), 1, 3);
                call(adding, null, v.clone(), 1, 3, seed, 1L, own, null);
                assertExactly(m + ": no adjoint given", g, (double[]) call(only(own.getClass(), "v", 0), own));
            }
        }
    }

    /** An array the procedure writes: the caller's adjoint is its seed and comes back as the adjoint on entry. */
    @Test
    void writtenArrayIsTurnedIntoTheAdjointOnEntry() {
        Compiled c = compile("""
                @Differentiable static void mix(double[] a, double[] out) {
                    for (int i = 0; i < out.length; i++) {
                        out[i] = out[i] * a[i] + a[(i + 1) % a.length];
                    }
                }""");
        double[] a = vector(0.5, -1.5, 2.0);
        double[] out = vector(1.25, 0.75, -2.0);
        double[] seed = vector(0.3, -1.1, 0.7);
        Method fresh = only(c.companion(), "mixPullback", 4);
        Method adding = only(c.companion(), "mixAccumulatingPullback", 7);
        Class<?> result = fresh.getParameterTypes()[3];
        Object r1 = newResult(result);
        call(fresh, null, a.clone(), out.clone(), seed.clone(), r1);
        double[] ga = (double[]) call(only(result, "a", 0), r1);
        double[] gout = (double[]) call(only(result, "out", 0), r1);
        Object r2 = newResult(result);
        double[] aAdjoint = filled(3, 5.0);
        double[] outAdjoint = seed.clone(); // the caller's adjoint of out after the call: the seed
        call(adding, null, a.clone(), out.clone(), outAdjoint, 3L, r2, aAdjoint, outAdjoint);
        double[] expected = new double[3];
        for (int i = 0; i < 3; i++) {
            expected[i] = 5.0 + ga[i];
        }
        assertClose("a's adjoint, added into", expected, aAdjoint);
        assertClose("out's adjoint on entry, in place", gout, outAdjoint);
    }

    private static Object newResult(Class<?> type) {
        try {
            return type.getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    /** The same array passed for two parameters: both add into the one adjoint. */
    @Test
    void sameArrayForTwoParameters() {
        Compiled c = compile("""
                @Differentiable static double dot(double[] a, double[] b, int off) {
                    double s = 0;
                    for (int i = 0; i < 2; i++) {
                        s += a[off + i] * b[off + 1 - i];
                    }
                    return s;
                }

                @Differentiable static double f(double[] x) {
                    double s = 0;
                    for (int k = 0; k + 2 <= x.length; k++) {
                        s += Math.sin(dot(x, x, k));
                    }
                    return s;
                }""");
        double[] x = vector(0.5, -1.25, 0.8, 1.5);
        // dot(x, x, k) = 2 x_k x_{k+1}
        double[] g = new double[4];
        for (int k = 0; k + 2 <= 4; k++) {
            double cos = Math.cos(2 * x[k] * x[k + 1]);
            g[k] += 2 * x[k + 1] * cos;
            g[k + 1] += 2 * x[k] * cos;
        }
        check(c, "f", g, x);
    }

    /** Rows of a matrix, a matrix, floats and a returned array, each through a callee in a loop. */
    @Test
    void rowsMatricesFloatsAndReturnedArrays() {
        Compiled c = compile("""
                @Differentiable static double dot(double[] u, double[] v) {
                    double s = 0;
                    for (int i = 0; i < u.length; i++) {
                        s += u[i] * v[i];
                    }
                    return s;
                }

                @Differentiable static double cell(double[][] w, int j) {
                    return w[j][0] * w[j][w[j].length - 1];
                }

                @Differentiable static double[] scaled(double[] v, double c) {
                    double[] out = new double[v.length];
                    for (int i = 0; i < v.length; i++) {
                        out[i] = v[i] * c;
                    }
                    return out;
                }

                @Differentiable static double f(double[][] w, double[] x) {
                    double s = 0;
                    for (int j = 0; j < w.length; j++) {
                        double[] y = scaled(x, w[j][1]);
                        s += Math.tanh(dot(w[j], y)) + cell(w, j);
                    }
                    return s;
                }""");
        double[][] w = {{0.5, -0.25, 1.0}, {0.75, 1.5, -0.5}};
        double[] x = vector(0.3, -0.6, 0.9);
        check(c, "f", null, w, x);
        Compiled fl = compile("""
                @Differentiable static double sum2(float[] v, int off) {
                    return v[off] * v[off + 1];
                }

                @Differentiable static double f(float[] v) {
                    double s = 0;
                    for (int k = 0; k + 1 < v.length; k++) {
                        s += sum2(v, k) * (k + 1);
                    }
                    return s;
                }""");
        Object r = call(only(fl.companion(), "f", 1), null, (Object) new float[] {0.5f, -1.5f, 2f});
        float[] g = (float[]) call(only(r.getClass(), "v", 0), r);
        // s = v0 v1 + 2 v1 v2
        assertEquals(-1.5f, g[0], 1e-6f);
        assertEquals(0.5f + 4f, g[1], 1e-6f);
        assertEquals(-3f, g[2], 1e-6f);
    }
}
