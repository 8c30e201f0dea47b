package dev.leibniz.processor.transform;

import static dev.leibniz.processor.testing.GradientChecks.assertClose;
import static dev.leibniz.processor.testing.GradientChecks.assertExactly;
import static dev.leibniz.processor.testing.GradientChecks.vector;
import static dev.leibniz.processor.transform.MutantKillersTest.call;
import static dev.leibniz.processor.transform.MutantKillersTest.check;
import static dev.leibniz.processor.transform.MutantKillersTest.compile;
import static dev.leibniz.processor.transform.MutantKillersTest.copy;
import static dev.leibniz.processor.transform.MutantKillersTest.differentiated;
import static dev.leibniz.processor.transform.MutantKillersTest.generatedSource;
import static dev.leibniz.processor.transform.MutantKillersTest.gradient;
import static dev.leibniz.processor.transform.MutantKillersTest.only;
import static dev.leibniz.processor.transform.MutantKillersTest.scribble;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leibniz.processor.transform.MutantKillersTest.Compiled;
import java.io.IOException;
import java.lang.reflect.Method;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Loops whose reverse runs inside their forward sweep ({@link Fusion}), and the loops that must
 * not: each program is compiled by the running processor, the generated source says whether the
 * loop was fused and whether its reverse assigns gradient elements instead of zeroing the
 * gradient first, and the gradient is checked against central differences and a closed form, for
 * the seeds 1 (the copy of the loop specialised for it) and others, and through a result object
 * that an earlier call with other inputs left dirty (and whose arrays the caller then scribbled on).
 */
class FusedLoopsTest {

    private static final String FUSED = "(and its reverse)";
    private static final String ASSIGNS = "(the element's first contribution)";

    private static final String ROSENBROCK = """
            @Differentiable static double f(double[] x) {
                double sum = 0;
                for (int i = 0; i < x.length - 1; i++) {
                    double a = x[i + 1] - x[i] * x[i];
                    double b = 1 - x[i];
                    sum += 100 * a * a + b * b;
                }
                return sum;
            }""";

    private static double[] rosenbrockGradient(double[] x) {
        double[] g = new double[x.length];
        for (int i = 0; i + 1 < x.length; i++) {
            double a = x[i + 1] - x[i] * x[i];
            g[i] += -400 * a * x[i] - 2 * (1 - x[i]);
            g[i + 1] += 200 * a;
        }
        return g;
    }

    /** Whether the loop is fused and whether it assigns elements, read off the companion's source. */
    private static void assertShape(String methods, boolean fused, boolean assigns) throws IOException {
        String source = generatedSource(methods);
        assertEquals(fused, source.contains(FUSED), "fused: " + source);
        assertEquals(assigns, source.contains(ASSIGNS), "assigns first contributions: " + source);
    }

    /**
     * {@link MutantKillersTest#check}, then the pullback with other seeds (seed · gradient), then
     * the {@code into} overload on a result object that a call at {@code dirty} filled first.
     */
    private static void checkAll(Compiled c, String method, double[] closedForm, Object[] dirty, Object... args) {
        check(c, method, closedForm, args);
        Method plain = only(c.plain(), method, args.length);
        Method fresh = only(c.companion(), method, args.length);
        Method into = only(c.companion(), method, args.length + 1);
        Method pullback = only(c.companion(), method + "Pullback", args.length + 2);
        Object result = call(fresh, null, copy(args));
        boolean[] wrt = differentiated(result.getClass(), plain);
        double[] g = gradient(result, plain, wrt);
        String what = method + " " + Arrays.deepToString(args);
        for (double seed : new double[] {1.0, 2.5, -0.75, 0.0}) {
            scribble(result, plain, wrt);
            Object[] a = Arrays.copyOf(copy(args), args.length + 2);
            a[args.length] = seed;
            a[args.length + 1] = result;
            call(pullback, null, a);
            double[] scaled = g.clone();
            for (int k = 0; k < scaled.length; k++) {
                scaled[k] *= seed;
            }
            if (seed == 1.0) {
                assertExactly(what + ", pullback with seed 1", g, gradient(result, plain, wrt));
            } else {
                assertClose(what + ", pullback with seed " + seed, scaled, gradient(result, plain, wrt));
            }
        }
        if (dirty != null) {
            Object reused = call(fresh, null, copy(dirty));
            scribble(reused, plain, wrt);
            Object[] a = Arrays.copyOf(copy(args), args.length + 1);
            a[args.length] = reused;
            call(into, null, a);
            assertExactly(what + ", through a result an earlier call at " + Arrays.deepToString(dirty) + " filled", g,
                    gradient(reused, plain, wrt));
        }
    }

    private static double[] ramp(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 0.5 + 0.9 * Math.sin(1.7 * i + 0.3);
        }
        return x;
    }

    private static double[] filled(int n, double v) {
        double[] x = new double[n];
        Arrays.fill(x, v);
        return x;
    }

    // ---- loops that are fused ------------------------------------------------------------------

    @Test
    void rosenbrockIsFusedAndAssignsEachElement() throws IOException {
        assertShape(ROSENBROCK, true, true);
        Compiled c = compile(ROSENBROCK);
        for (int n : new int[] {0, 1, 2, 3, 7}) {
            double[] x = ramp(n);
            // a result first filled at other points of the same length: every element must be overwritten
            checkAll(c, "f", rosenbrockGradient(x), new Object[] {filled(n, 3.0)}, x);
        }
        // other lengths before: the gradient array is made again
        checkAll(c, "f", rosenbrockGradient(ramp(5)), new Object[] {filled(9, -2.0)}, ramp(5));
    }

    /** Counting down, the smallest offset reaches an element first. */
    @Test
    void downCountingLoopAssignsWithItsSmallestOffset() throws IOException {
        String m = """
                @Differentiable static double f(double[] x) {
                    double s = 0;
                    for (int i = x.length - 1; i >= 1; i--) {
                        s += x[i] * x[i - 1] + x[i] * x[i] * x[i];
                    }
                    return s;
                }""";
        assertShape(m, true, true);
        Compiled c = compile(m);
        for (int n : new int[] {0, 1, 2, 3, 6}) {
            double[] x = ramp(n);
            double[] g = new double[n];
            for (int i = n - 1; i >= 1; i--) {
                g[i] += x[i - 1] + 3 * x[i] * x[i];
                g[i - 1] += x[i];
            }
            checkAll(c, "f", g, new Object[] {filled(n, 7.0)}, x);
        }
    }

    /** Offsets 0 and 2: the element between them is reached first by offset 0, or by none. */
    @Test
    void offsetsWithAGap() throws IOException {
        String m = """
                @Differentiable static double f(double[] x, int from) {
                    double s = 0;
                    for (int i = from; i < x.length - 2; i++) {
                        s += x[i] * x[i + 2];
                    }
                    return s;
                }""";
        assertShape(m, true, true);
        Compiled c = compile(m);
        for (int n : new int[] {0, 2, 3, 4, 8}) {
            for (int from : new int[] {0, 1, 3}) {
                double[] x = ramp(n);
                double[] g = new double[n];
                for (int i = from; i < n - 2; i++) {
                    g[i] += x[i + 2];
                    g[i + 2] += x[i];
                }
                checkAll(c, "f", g, new Object[] {filled(n, 5.0), 0}, x, from);
            }
        }
    }

    private static final String TAIL = "elements no iteration reached";

    /**
     * A loop to x.length - c whose largest offset is c reaches x's last element: nothing after the
     * loop zeroes a tail, and no trip count is kept for it (Rosenbrock, and {@code <=} bounds).
     */
    @Test
    void loopReachingTheLastElementLeavesNoTail() throws IOException {
        String rosenbrock = generatedSource(ROSENBROCK);
        assertFalse(rosenbrock.contains(TAIL), rosenbrock);
        assertFalse(rosenbrock.contains("trips"), rosenbrock);
        String m = """
                @Differentiable static double f(double[] x) {
                    double s = 0;
                    for (int i = 1; i <= x.length - 2; i++) {
                        s += x[i - 1] * x[i + 1];
                    }
                    return s;
                }""";
        assertShape(m, true, true);
        String source = generatedSource(m);
        assertFalse(source.contains(TAIL), source);
        Compiled c = compile(m);
        for (int n : new int[] {0, 1, 2, 3, 4, 7}) {
            double[] x = ramp(n);
            double[] g = new double[n];
            for (int i = 1; i <= n - 2; i++) {
                g[i - 1] += x[i + 1];
                g[i + 1] += x[i - 1];
            }
            checkAll(c, "f", g, new Object[] {filled(n, 6.0)}, x);
        }
    }

    /**
     * The proof on loops as users write them: a curvature penalty with the three neighbours loaded
     * into locals first (offsets -1 to 1 from 1 to x.length - 1: the tail is dropped), and a
     * difference kept in a local that is updated in place (not fused; checked all the same).
     */
    @Test
    void stencilsWrittenWithLocals() throws IOException {
        String curvature = """
                @Differentiable static double f(double[] x) {
                    double s = 0;
                    for (int i = 1; i < x.length - 1; i++) {
                        double left = x[i - 1];
                        double mid = x[i];
                        double right = x[i + 1];
                        double curv = left - 2 * mid + right;
                        s += curv * curv;
                    }
                    return s;
                }""";
        String source = generatedSource(curvature);
        assertTrue(source.contains(FUSED), source);
        assertFalse(source.contains(TAIL), source);
        String updated = """
                @Differentiable static double f(double[] x) {
                    double s = 0;
                    for (int i = 0; i < x.length - 1; i++) {
                        double d = x[i + 1];
                        d -= x[i];
                        s += d * d;
                    }
                    return s;
                }""";
        Compiled c = compile(curvature);
        Compiled u = compile(updated);
        for (int n : new int[] {0, 1, 2, 3, 7}) {
            double[] x = ramp(n);
            double[] g = new double[n];
            for (int i = 1; i < n - 1; i++) {
                double curv = x[i - 1] - 2 * x[i] + x[i + 1];
                g[i - 1] += 2 * curv;
                g[i] -= 4 * curv;
                g[i + 1] += 2 * curv;
            }
            checkAll(c, "f", g, new Object[] {filled(n, 4.0)}, x);
            double[] h = new double[n];
            for (int i = 0; i < n - 1; i++) {
                double d = x[i + 1] - x[i];
                h[i + 1] += 2 * d;
                h[i] -= 2 * d;
            }
            checkAll(u, "f", h, new Object[] {filled(n, 4.0)}, x);
        }
    }

    /**
     * Loops that stop short of the last element, or are bounded by another array's length: the
     * elements past their reach are zeroed after the loop, or a dirty result would leak into them.
     */
    @Test
    void loopStoppingShortZeroesTheTail() throws IOException {
        String shortOfEnd = """
                @Differentiable static double f(double[] x) {
                    double s = 0;
                    for (int i = 0; i < x.length - 2; i++) {
                        s += x[i] * x[i + 1];
                    }
                    return s;
                }""";
        String source = generatedSource(shortOfEnd);
        assertTrue(source.contains(TAIL), source);
        Compiled c = compile(shortOfEnd);
        for (int n : new int[] {0, 1, 2, 3, 6}) {
            double[] x = ramp(n);
            double[] g = new double[n];
            for (int i = 0; i < n - 2; i++) {
                g[i] += x[i + 1];
                g[i + 1] += x[i];
            }
            checkAll(c, "f", g, new Object[] {filled(n, -3.0)}, x);
        }
        String otherBound = """
                @Differentiable static double f(double[] x, double[] w) {
                    double s = 0;
                    for (int i = 0; i < w.length; i++) {
                        s += w[i] * x[i];
                    }
                    return s;
                }""";
        source = generatedSource(otherBound);
        assertTrue(source.contains(TAIL), source);
        Compiled o = compile(otherBound);
        double[] x = ramp(6);
        double[] w = {0.5, -1.5, 2.0};
        double[] g = new double[9];
        for (int i = 0; i < 3; i++) {
            g[i] = w[i];
            g[6 + i] = x[i];
        }
        checkAll(o, "f", g, new Object[] {filled(6, 8.0), filled(3, 8.0)}, x, w);
    }

    /**
     * Bounds that reach the last element only for some inputs, or that the proof does not read
     * (a lag in a variable, a half length, a call): the
     * tail is zeroed after the loop, and a scribbled result is still overwritten everywhere.
     */
    @Test
    void boundsTheProofDoesNotReadKeepTheTail() throws IOException {
        String lagged = """
                @Differentiable static double f(double[] x, int lag) {
                    double s = 0;
                    for (int i = 0; i < x.length - lag; i++) {
                        s += x[i] * x[i + 1];
                    }
                    return s;
                }""";
        String half = """
                @Differentiable static double f(double[] x, int lag) {
                    double s = 0;
                    for (int i = 0; i < x.length / 2; i++) {
                        s += x[i] * x[i + 1];
                    }
                    return s;
                }""";
        String leftSide = """
                @Differentiable static double f(double[] x, int lag) {
                    double s = 0;
                    for (int i = 0; i < Math.min(x.length - 1, lag + 2); i++) {
                        s += x[i] * x[i + 1];
                    }
                    return s;
                }""";
        for (String m : new String[] {lagged, half, leftSide}) {
            String source = generatedSource(m);
            assertTrue(source.contains(TAIL), source);
            Compiled c = compile(m);
            for (int n : new int[] {0, 1, 3, 6}) {
                for (int lag : new int[] {1, 2, 4}) {
                    int end = m == lagged ? n - lag : m == half ? n / 2 : Math.min(n - 1, lag + 2);
                    double[] x = ramp(n);
                    double[] g = new double[n];
                    for (int i = 0; i < end; i++) {
                        g[i] += x[i + 1];
                        g[i + 1] += x[i];
                    }
                    checkAll(c, "f", g, new Object[] {filled(n, 2.0), 1}, x, lag);
                }
            }
        }
    }

    /** A window at an offset the loop does not change: elements outside it are zero. */
    @Test
    void windowAtAVariableOffset() throws IOException {
        String m = """
                @Differentiable static double f(double[] x, int off, int m) {
                    double s = 0;
                    for (int i = 0; i < m; i++) {
                        double d = x[off + i + 1] - x[i + off];
                        s += d * d;
                    }
                    return s;
                }""";
        assertShape(m, true, true);
        Compiled c = compile(m);
        double[] x = ramp(9);
        for (int[] om : new int[][] {{0, 0}, {0, 8}, {3, 2}, {7, 1}, {2, 0}}) {
            double[] g = new double[x.length];
            for (int i = 0; i < om[1]; i++) {
                double d = x[om[0] + i + 1] - x[om[0] + i];
                g[om[0] + i + 1] += 2 * d;
                g[om[0] + i] -= 2 * d;
            }
            checkAll(c, "f", g, new Object[] {filled(9, -4.0), 0, 8}, x, om[0], om[1]);
        }
    }

    /** float[]: the elements assigned and zeroed are floats. */
    @Test
    void floatArray() throws IOException {
        String m = """
                @Differentiable static double f(float[] x) {
                    double s = 0;
                    for (int i = 1; i < x.length; i++) {
                        s += (x[i] - x[i - 1]) * (x[i] - x[i - 1]);
                    }
                    return s;
                }""";
        assertShape(m, true, true);
        Compiled c = compile(m);
        Method fresh = only(c.companion(), "f", 1);
        Method into = only(c.companion(), "f", 2);
        float[] x = {0.5f, -1.25f, 2f, 0.75f};
        float[] expected = new float[4];
        for (int i = 1; i < 4; i++) {
            float d = x[i] - x[i - 1];
            expected[i] += 2 * d;
            expected[i - 1] -= 2 * d;
        }
        Object dirty = call(fresh, null, (Object) new float[] {9f, 9f, 9f, 9f});
        call(into, null, x.clone(), dirty);
        float[] g = (float[]) call(only(dirty.getClass(), "x", 0), dirty);
        for (int i = 0; i < 4; i++) {
            assertEquals(expected[i], g[i], 1e-6, "element " + i + " of " + Arrays.toString(g));
        }
    }

    /** s -= t sums too; a value made before the loop and read in it gets its adjoint summed. */
    @Test
    void subtractedTermsAndALoopInvariantValue() throws IOException {
        String m = """
                @Differentiable static double f(double[] x, double y) {
                    double c = y * y;
                    double s = Math.sin(y);
                    for (int i = 0; i < x.length; i++) {
                        s -= c * x[i] * x[i];
                        s = s + x[i];
                    }
                    return s;
                }""";
        assertShape(m, true, true);
        Compiled c = compile(m);
        double[] x = ramp(4);
        double y = 0.7;
        double sq = 0;
        double[] g = new double[5];
        for (int i = 0; i < 4; i++) {
            g[i] = -2 * y * y * x[i] + 1;
            sq += x[i] * x[i];
        }
        g[4] = Math.cos(y) - 2 * y * sq;
        check(c, "f", g, x, y);
        checkAll(c, "f", g, new Object[] {filled(4, 2.0), 1.5}, x, y);
    }

    /** The result starts from an element the loop also reaches: that contribution is added after the loop's assignments. */
    @Test
    void resultStartsFromAnElement() throws IOException {
        String m = """
                @Differentiable static double f(int n, double[] x, int off) {
                    double res = x[off] * x[off];
                    for (int i = 1; i < n; i++) {
                        res = res + x[off + i] * x[off + i];
                    }
                    return res;
                }""";
        assertShape(m, true, true);
        Compiled c = compile(m);
        double[] x = ramp(7);
        for (int[] no : new int[][] {{1, 0}, {3, 2}, {4, 3}, {0, 1}}) {
            double[] g = new double[7];
            g[no[1]] = 2 * x[no[1]];
            for (int i = 1; i < no[0]; i++) {
                g[no[1] + i] += 2 * x[no[1] + i];
            }
            checkAll(c, "f", g, new Object[] {5, filled(7, 1.0), 1}, no[0], x, no[1]);
        }
    }

    /** The result of a Math function read by its own derivative, and black-box index arithmetic. */
    @Test
    void stepsThatReadTheirResultsAndIndexArithmetic() throws IOException {
        String m = """
                @Differentiable static double f(double[] x, double[] w) {
                    double s = 0;
                    for (int i = 0; i < x.length; i++) {
                        int j = (i * 7) % w.length;
                        double e = Math.exp(x[i] * w[j]);
                        s += Math.sqrt(e + 1) / w[j];
                    }
                    return s;
                }""";
        assertShape(m, true, true); // w[j] has no offset: w's gradient is zeroed, x's assigned
        Compiled c = compile(m);
        double[] x = vector(0.3, -0.4, 0.8, 0.1, -1.1);
        double[] w = vector(0.9, 1.3, -0.6);
        checkAll(c, "f", null, new Object[] {filled(5, 3.0), filled(3, 3.0)}, x, w);
    }

    /** An index that a variable carried by the loop offsets: fused, but the gradient is zeroed first. */
    @Test
    void indexShiftedByACarriedCounter() throws IOException {
        String m = """
                @Differentiable static double f(double[] x) {
                    double s = 0;
                    int k = 0;
                    for (int i = 0; i < x.length - 1; i++) {
                        s += x[i + k] * x[i + k] * x[i];
                        k = 1 - k;
                    }
                    return s;
                }""";
        assertShape(m, true, false);
        Compiled c = compile(m);
        double[] x = ramp(6);
        double[] g = new double[6];
        int k = 0;
        for (int i = 0; i + 1 < 6; i++) {
            g[i + k] += 2 * x[i + k] * x[i];
            g[i] += x[i + k] * x[i + k];
            k = 1 - k;
        }
        checkAll(c, "f", g, new Object[] {filled(6, 8.0)}, x);
    }

    /** Two different variable offsets: no way to tell which reaches an element first, so zeroed. */
    @Test
    void twoVariableOffsets() throws IOException {
        String m = """
                @Differentiable static double f(double[] x, int p, int q) {
                    double s = 0;
                    for (int i = 0; i < 3; i++) {
                        s += x[i + p] * x[q + i];
                    }
                    return s;
                }""";
        assertShape(m, true, false);
        Compiled c = compile(m);
        double[] x = ramp(6);
        for (int[] pq : new int[][] {{0, 0}, {0, 1}, {2, 1}, {3, 0}}) {
            double[] g = new double[6];
            for (int i = 0; i < 3; i++) {
                g[i + pq[0]] += x[pq[1] + i];
                g[pq[1] + i] += x[i + pq[0]];
            }
            checkAll(c, "f", g, new Object[] {filled(6, 8.0), 1, 2}, x, pq[0], pq[1]);
        }
    }

    /** Elements of a local array filled by an earlier loop: the fused loop adds to its adjoint, the earlier loop's reverse reads it. */
    @Test
    void elementsOfALocalArrayFilledBefore() throws IOException {
        String m = """
                @Differentiable static double f(double[] x) {
                    double[] t = new double[x.length];
                    for (int i = 0; i < x.length; i++) {
                        t[i] = x[i] * 3;
                    }
                    double s = 0;
                    for (int i = 1; i < t.length; i++) {
                        s += t[i] * t[i - 1];
                    }
                    return s;
                }""";
        assertShape(m, true, false); // t is local: its adjoint buffer is zeroed by the workspace
        Compiled c = compile(m);
        double[] x = ramp(5);
        double[] g = new double[5];
        for (int i = 1; i < 5; i++) {
            g[i] += 9 * x[i - 1];
            g[i - 1] += 9 * x[i];
        }
        checkAll(c, "f", g, new Object[] {filled(5, 1.0)}, x);
    }

    /** A fused callee: its value method runs in the caller's forward sweep, its pullback with other seeds in the reverse. */
    @Test
    void fusedCalleeInACallersLoop() throws IOException {
        String m = """
                @Differentiable static double sq(int n, double[] v, int off) {
                    double r = 0;
                    for (int i = 0; i < n; i++) {
                        r += v[off + i] * v[off + i];
                    }
                    return r;
                }

                @Differentiable static double f(double[] x) {
                    double s = 0;
                    for (int k = 0; k + 2 <= x.length; k += 2) {
                        double q = sq(2, x, k);
                        s += Math.log(1 + q);
                    }
                    return s;
                }""";
        Compiled c = compile(m);
        double[] x = ramp(6);
        double[] g = new double[6];
        for (int k = 0; k + 2 <= 6; k += 2) {
            double q = x[k] * x[k] + x[k + 1] * x[k + 1];
            g[k] += 2 * x[k] / (1 + q);
            g[k + 1] += 2 * x[k + 1] / (1 + q);
        }
        checkAll(c, "f", g, new Object[] {filled(6, 2.0)}, x);
    }

    /**
     * Loops without a counted index: fused when the reverse reads nothing they carry (the gradient
     * is zeroed first). The partial of {@code t * (n % 2 + 1)} reads a value made from the carried
     * n, but made fresh in the iteration.
     */
    @Test
    void uncountedLoops() throws IOException {
        String m = """
                @Differentiable static double f(double y, double[] x) {
                    double s = 0;
                    int k = 0;
                    do {
                        s += y * y * x[1];
                        k++;
                    } while (k < 3);
                    return s;
                }""";
        assertShape(m, true, false);
        Compiled c = compile(m);
        double[] x = vector(0.25, -1.5);
        checkAll(c, "f", vector(6 * 0.7 * x[1], 0, 3 * 0.7 * 0.7), new Object[] {2.0, filled(2, 3.0)}, 0.7, x);
        String w = """
                @Differentiable static double f(double y, int n) {
                    double s = 1;
                    while (n > 0) {
                        double t = Math.sin(y) * 2;
                        s = s + t * (n % 2 + 1);
                        n = n - 1;
                    }
                    return s;
                }""";
        assertShape(w, true, false);
        Compiled cw = compile(w);
        checkAll(cw, "f", vector(Math.cos(0.4) * 2 * 6), new Object[] {1.0, 2}, 0.4, 4); // factors 1 2 1 2
        checkAll(cw, "f", vector(0), new Object[] {1.0, 2}, 0.4, 0);
        String sideEffect = """
                @Differentiable static double f(double y, int n) {
                    double s = 0;
                    while (n-- > 0) {
                        s += Math.sin(y) * (n + 1);
                    }
                    return s;
                }""";
        checkAll(compile(sideEffect), "f", vector(Math.cos(0.4) * 10), new Object[] {1.0, 2}, 0.4, 4); // 4 + 3 + 2 + 1
    }

    /** An inner sum read by the returned one: its adjoint grows with the iterations after it. */
    @Test
    void secondSumCarriedIntoTheResultIsNotFused() throws IOException {
        String m = """
                @Differentiable static double f(double[] x) {
                    double s = 0;
                    double t = 0;
                    for (int i = 0; i < x.length; i++) {
                        t += x[i];
                        s += t;
                    }
                    return s;
                }""";
        assertShape(m, false, false);
        Compiled c = compile(m);
        double[] x = ramp(5);
        checkAll(c, "f", vector(5, 4, 3, 2, 1), new Object[] {filled(5, 1.0)}, x);
    }

    /** A fresh value made from the sum so far and summed into it: the sum's adjoint changes each iteration. */
    @Test
    void sumReadByAFreshValueIsNotFused() throws IOException {
        String m = """
                @Differentiable static double f(double[] x) {
                    double s = 1;
                    for (int i = 0; i < x.length; i++) {
                        double y = s * x[i];
                        s += y;
                    }
                    return s;
                }""";
        assertShape(m, false, false);
        Compiled c = compile(m);
        double[] x = vector(0.5, -0.25, 0.75);
        // s = Π (1 + x_i)
        double p = 1.5 * 0.75 * 1.75;
        checkAll(c, "f", vector(p / 1.5, p / 0.75, p / 1.75), new Object[] {filled(3, 1.0)}, x);
        // the same when the step reading the sum needs no value to differentiate (a sum itself)
        String added = """
                @Differentiable static double f(double[] x) {
                    double s = 0.5;
                    for (int i = 0; i < x.length; i++) {
                        double y = s + x[i];
                        s += y * y;
                    }
                    return s;
                }""";
        assertShape(added, false, false);
        checkAll(compile(added), "f", null, new Object[] {filled(3, 1.0)}, x);
    }

    // ---- loops that must not be fused ------------------------------------------------------------

    /** A value carried to the next iteration that the reverse reads: the reverse needs later iterations' adjoints. */
    @Test
    void carriedActiveValueIsNotFused() throws IOException {
        String m = """
                @Differentiable static double f(double[] x) {
                    double s = 0;
                    double prev = 1;
                    for (int i = 0; i < x.length; i++) {
                        s += prev * x[i];
                        prev = x[i] * x[i];
                    }
                    return s;
                }""";
        assertShape(m, false, false);
        Compiled c = compile(m);
        double[] x = ramp(5);
        double[] g = new double[5];
        for (int i = 0; i < 5; i++) {
            double prev = i == 0 ? 1 : x[i - 1] * x[i - 1];
            g[i] += prev;
            if (i > 0) {
                g[i - 1] += 2 * x[i - 1] * x[i];
            }
        }
        checkAll(c, "f", g, new Object[] {filled(5, 1.5)}, x);
    }

    /** A product is no sum: its adjoint changes from iteration to iteration. */
    @Test
    void productIsNotFused() throws IOException {
        String m = """
                @Differentiable static double f(double[] x) {
                    double p = 1;
                    for (int i = 0; i < x.length; i++) {
                        p *= x[i];
                    }
                    return p;
                }""";
        assertShape(m, false, false);
        Compiled c = compile(m);
        double[] x = vector(0.5, -2, 1.5, 3);
        checkAll(c, "f", vector(-9, 2.25, -3, -1.5), new Object[] {filled(4, 1.0)}, x);
    }

    /** s = t - s flips the sign of s's adjoint every iteration. */
    @Test
    void alternatingSumIsNotFused() throws IOException {
        String m = """
                @Differentiable static double f(double[] x) {
                    double s = 0;
                    for (int i = 0; i < x.length; i++) {
                        s = x[i] * x[i] - s;
                    }
                    return s;
                }""";
        assertShape(m, false, false);
        Compiled c = compile(m);
        double[] x = ramp(4);
        double[] g = new double[4];
        for (int i = 0; i < 4; i++) {
            g[i] = ((4 - 1 - i) % 2 == 0 ? 2 : -2) * x[i];
        }
        checkAll(c, "f", g, new Object[] {filled(4, 1.0)}, x);
    }

    /** The sum read by something else in the loop: its adjoint grows as the reverse goes back. */
    @Test
    void sumReadInsideTheLoopIsNotFused() throws IOException {
        String m = """
                @Differentiable static double f(double[] x) {
                    double s = 0;
                    double t = 0;
                    for (int i = 0; i < x.length; i++) {
                        s += x[i];
                        t += s * s;
                    }
                    return t;
                }""";
        assertShape(m, false, false);
        Compiled c = compile(m);
        double[] x = ramp(4);
        double[] g = new double[4];
        double[] prefix = new double[4];
        double acc = 0;
        for (int i = 0; i < 4; i++) {
            acc += x[i];
            prefix[i] = acc;
        }
        for (int k = 0; k < 4; k++) {
            for (int i = k; i < 4; i++) {
                g[k] += 2 * prefix[i];
            }
        }
        checkAll(c, "f", g, new Object[] {filled(4, 1.0)}, x);
    }

    /** Code after the loop with a derivative: the sum's adjoint is known only after the loop. */
    @Test
    void sumUsedAfterTheLoopIsNotFused() throws IOException {
        String m = """
                @Differentiable static double f(double[] x) {
                    double s = 0;
                    for (int i = 0; i < x.length; i++) {
                        s += x[i] * x[i];
                    }
                    return Math.sqrt(s);
                }""";
        assertShape(m, false, false);
        Compiled c = compile(m);
        double[] x = vector(3, 4);
        checkAll(c, "f", vector(0.6, 0.8), new Object[] {filled(2, 1.0)}, x);
    }

    /** A while loop advancing its own index: the reverse of x[i] would read the index after i++. */
    @Test
    void whileLoopWithItsOwnIndexIsNotFused() throws IOException {
        String m = """
                @Differentiable static double f(double[] x) {
                    double s = 0;
                    int i = 0;
                    while (i < x.length) {
                        s += x[i] * x[i];
                        i++;
                    }
                    return s;
                }""";
        assertShape(m, false, false);
        Compiled c = compile(m);
        double[] x = ramp(4);
        double[] g = new double[4];
        for (int i = 0; i < 4; i++) {
            g[i] = 2 * x[i];
        }
        checkAll(c, "f", g, new Object[] {filled(4, 1.0)}, x);
    }

    /** A value made once per iteration but assigned again before the end: its first value is gone. */
    @Test
    void valueOverwrittenInTheIterationIsNotFused() throws IOException {
        String m = """
                @Differentiable static double f(double[] x) {
                    double s = 0;
                    for (int i = 0; i < x.length; i++) {
                        double z = x[i];
                        z = z * z * z;
                        s += z;
                    }
                    return s;
                }""";
        assertShape(m, false, false);
        Compiled c = compile(m);
        double[] x = ramp(4);
        double[] g = new double[4];
        for (int i = 0; i < 4; i++) {
            g[i] = 3 * x[i] * x[i];
        }
        checkAll(c, "f", g, new Object[] {filled(4, 1.0)}, x);
    }

    /** Early exits and branches are left to the two-pass reverse. */
    @Test
    void loopsWithExitsOrBranchesAreNotFused() throws IOException {
        String m = """
                @Differentiable static double f(double[] x) {
                    double s = 0;
                    for (int i = 0; i < x.length; i++) {
                        if (x[i] > 1.2) {
                            break;
                        }
                        s += x[i] * x[i];
                    }
                    return s;
                }""";
        assertShape(m, false, false);
        Compiled c = compile(m);
        double[] x = vector(0.5, -0.25, 1.5, 0.75);
        checkAll(c, "f", vector(1, -0.5, 0, 0), new Object[] {filled(4, 0.1)}, x);
        String branches = """
                @Differentiable static double f(double[] x) {
                    double s = 0;
                    for (int i = 0; i < x.length; i++) {
                        if (x[i] > 0) {
                            s += x[i] * x[i];
                        } else {
                            s -= x[i];
                        }
                    }
                    return s;
                }""";
        assertShape(branches, false, false);
        checkAll(compile(branches), "f", vector(1, -1, 3, 1.5), new Object[] {filled(4, 0.1)}, x);
    }

    /** Nested loops: the outer body holds a loop, so neither is fused (the inner one is not last either). */
    @Test
    void nestedLoopsAreNotFused() throws IOException {
        String m = """
                @Differentiable static double f(double[][] a, double[] x) {
                    double s = 0;
                    for (int i = 0; i < a.length; i++) {
                        for (int j = 0; j < x.length; j++) {
                            s += a[i][j] * x[j] * x[i];
                        }
                    }
                    return s;
                }""";
        assertShape(m, false, false);
        Compiled c = compile(m);
        double[][] a = {{1, 2}, {3, 4}};
        double[] x = vector(0.5, -1.5);
        // s = Σ a_ij x_j x_i
        double[] g = {x[0] * x[0], x[1] * x[0], x[0] * x[1], x[1] * x[1],
            2 * a[0][0] * x[0] + (a[0][1] + a[1][0]) * x[1], (a[0][1] + a[1][0]) * x[0] + 2 * a[1][1] * x[1]};
        check(c, "f", g, a, x);
    }

    /** The last loop is fused, the earlier one keeps its two passes, and the adjoints meet in between. */
    @Test
    void onlyTheLastLoopIsFused() throws IOException {
        String m = """
                @Differentiable static double f(double[] x) {
                    double m = 0;
                    for (int i = 0; i < x.length; i++) {
                        m += x[i] * x[i];
                    }
                    double s = 0;
                    for (int i = 0; i < x.length; i++) {
                        s += m * x[i];
                    }
                    return s;
                }""";
        assertShape(m, true, true);
        Compiled c = compile(m);
        double[] x = ramp(4);
        double sum = 0;
        double sq = 0;
        for (double v : x) {
            sum += v;
            sq += v * v;
        }
        double[] g = new double[4];
        for (int i = 0; i < 4; i++) {
            g[i] = sq + 2 * x[i] * sum;
        }
        checkAll(c, "f", g, new Object[] {filled(4, 1.0)}, x);
    }
}
