package dev.leibniz.processor.transform;

import static dev.leibniz.processor.testing.GradientChecks.vector;
import static dev.leibniz.processor.transform.MutantKillersTest.check;
import static dev.leibniz.processor.transform.MutantKillersTest.compile;
import static dev.leibniz.processor.transform.MutantKillersTest.generatedSource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leibniz.processor.transform.MutantKillersTest.Compiled;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Integer counters the reverse sweep steps back ({@code k = k - 1} where the forward sweep ran
 * {@code k++}) instead of saving what depends on them, and inner loops whose start the reverse
 * computes again ({@code for (j = i + 1; ...)}), so that it rebuilds their index. Each program is
 * checked against central differences (and a closed form where one is short), twice through the
 * same result; the generated source says what is saved.
 */
class SteppedBackCountersTest {

    private static int pushes(String source, String method) {
        String sweep = source.substring(source.indexOf("private static double " + method + "Sweep("));
        sweep = sweep.substring(0, sweep.indexOf("\n    }\n"));
        Matcher m = Pattern.compile("tape\\.push\\(").matcher(sweep);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    /**
     * ADBench's qtimesx: a packed triangle walked by a counter, an inner loop from i + 1. Nothing
     * saved: the counter is stepped back and the inner loop's trip count comes from its header.
     */
    @Test
    void packedTriangleSavesNothing() throws IOException {
        String m = """
                @Differentiable static double f(double[] l, double[] x) {
                    double s = 0;
                    int idx = 0;
                    for (int i = 0; i < x.length; i++) {
                        for (int j = i + 1; j < x.length; j++) {
                            s += l[idx] * x[i] * x[j] * x[j];
                            idx++;
                        }
                    }
                    return s;
                }""";
        String source = generatedSource(m);
        assertTrue(source.contains("idx = idx - (1); // stepped back, not saved"), source);
        assertTrue(source.contains("int trips_2 = (int) Math.max(0L, (long) x.length - k); // its trip count, from its header"),
                source);
        assertEquals(0, pushes(source, "f"), "no push\n" + source);
        Compiled c = compile(m);
        double[] l = vector(0.3, -0.7, 1.1, 0.5, -0.2, 0.9);
        double[] x = vector(0.8, -1.2, 0.4, 1.5);
        double[] g = new double[10];
        int idx = 0;
        for (int i = 0; i < 4; i++) {
            for (int j = i + 1; j < 4; j++) {
                g[idx] += x[i] * x[j] * x[j];
                g[6 + i] += l[idx] * x[j] * x[j];
                g[6 + j] += 2 * l[idx] * x[i] * x[j];
                idx++;
            }
        }
        check(c, "f", g, l, x);
    }

    /** Updates before and after the reads, by literals and by a parameter, up and down, in int and long. */
    @Test
    void updatesAroundTheReads() {
        Compiled c = compile("""
                @Differentiable static double f(double[] w, double[] x, int step) {
                    double s = 0;
                    int k = 0;
                    long q = w.length - 1;
                    for (int i = 0; i < x.length; i++) {
                        k += step;
                        s += w[k % w.length] * x[i] * x[i];
                        q -= 2;
                        s += w[(int) ((q % w.length + w.length) % w.length)] * Math.exp(x[i]);
                        k = k + 1;
                    }
                    return s;
                }""");
        double[] w = vector(0.3, -0.7, 1.1, 0.5, -0.2);
        double[] x = vector(0.8, -1.2, 0.4);
        check(c, "f", null, w, x, 2);
        check(c, "f", null, w, x, 3);
    }

    /** k++ inside an index, a counter moved in a branch, a loop left by break. */
    @Test
    void postIncrementsBranchesAndBreaks() {
        Compiled c = compile("""
                @Differentiable static double f(double[] x, double[] w) {
                    double[] feats = new double[2 * x.length];
                    int k = 0;
                    for (int i = 0; i < x.length; i++) {
                        feats[k++] = Math.cos(w[i % w.length] * x[i]);
                        feats[k++] = Math.sin(x[i]);
                    }
                    double s = 0;
                    int m = 0;
                    for (int i = 0; i < feats.length; i++) {
                        if (feats[i] > 0.2) {
                            m++;
                        }
                        if (feats[i] > 0.95) {
                            break;
                        }
                        s += feats[i] * w[m % w.length] * x[i % x.length];
                    }
                    return s;
                }""");
        check(c, "f", null, vector(0.3, -1.1, 0.8), vector(1.0, 2.5, 0.7));
        check(c, "f", null, vector(0.05, -0.3, 1.4), vector(0.2, -0.5, 0.9));
    }

    /** A value copied from the counter before an update and read after it: it must not be computed again from the counter. */
    @Test
    void copyTakenBeforeAnUpdate() throws IOException {
        String m = """
                @Differentiable static double f(double[] w, double[] x) {
                    double s = 0;
                    int k = 0;
                    for (int i = 0; i < x.length; i++) {
                        int b = k;
                        k = k + 1;
                        s += w[b] * x[i] * w[b];
                    }
                    return s;
                }""";
        Compiled c = compile(m);
        double[] w = vector(0.3, -0.7, 1.1);
        double[] x = vector(0.8, -1.2, 0.4);
        check(c, "f", vector(2 * 0.3 * 0.8, -2 * 0.7 * -1.2, 2 * 1.1 * 0.4, 0.09, 0.49, 1.21), w, x);
        assertFalse(generatedSource(m).contains("b = k; // computed again"), "b is not computed from the stepped-back k");
    }

    /** A copy taken in the outer loop and read in an inner loop that moves the counter: earlier inner iterations moved it since. */
    @Test
    void copyTakenOutsideTheInnerLoopThatMovesTheCounter() {
        Compiled c = compile("""
                @Differentiable static double f(double[] w, double[] x) {
                    double s = 0;
                    int k = 0;
                    for (int i = 0; i < 2; i++) {
                        int base = k;
                        for (int j = 0; j < x.length; j++) {
                            s += w[base] * x[j] * w[base];
                            k++;
                        }
                    }
                    return s;
                }""");
        double[] w = vector(0.3, -0.7, 1.1, 0.5, -0.2, 0.9, 0.6);
        double[] x = vector(0.8, -1.2, 0.4);
        // base = 0, then 3: s = (w0² + w3²) Σx
        double sx = 0.8 - 1.2 + 0.4;
        check(c, "f", vector(2 * 0.3 * sx, 0, 0, 2 * 0.5 * sx, 0, 0, 0, 0.09 + 0.25, 0.09 + 0.25, 0.09 + 0.25), w, x);
    }

    /** A counter a later loop reads, moved in an inner loop and read by the outer one after it. */
    @Test
    void counterReadAfterTheInnerLoopThatMovesIt() {
        Compiled c = compile("""
                @Differentiable static double f(double[] w, double[] x) {
                    double s = 0;
                    int k = 0;
                    for (int i = 0; i < x.length; i++) {
                        for (int j = 0; j < i; j++) {
                            k++;
                        }
                        s += w[k % w.length] * x[i] * s + x[i];
                    }
                    for (int i = 0; i < x.length; i++) {
                        s += w[(k + i) % w.length] * x[i];
                    }
                    return s;
                }""");
        check(c, "f", null, vector(0.3, -0.7, 1.1, 0.5), vector(0.8, -1.2, 0.4));
    }

    /**
     * A counter assigned again after the loop (a new version: the loop's is stepped back), and one
     * moved in a loop that has no reverse of its own (never replayed, so it is not stepped back).
     */
    @Test
    void countersAssignedAgainOrMovedWhereNothingIsReplayed() {
        Compiled c = compile("""
                @Differentiable static double f(double[] w, double[] x) {
                    double s = 0;
                    int k = 0;
                    for (int i = 0; i < x.length; i++) {
                        s += w[k] * x[i] * x[i];
                        k++;
                    }
                    k = 0;
                    int m = 0;
                    for (int i = 0; i < w.length; i++) {
                        m += 2;
                    }
                    for (int i = 0; i < x.length; i++) {
                        s += w[(m + i) % w.length] * x[i] * s;
                        m--;
                    }
                    return s + w[k];
                }""");
        check(c, "f", null, vector(0.3, -0.7, 1.1), vector(0.8, -1.2, 0.4));
    }

    /** Inner loops from a start computed in the outer loop: i + 1, i * 2, a counter's value (which is saved). */
    @Test
    void innerLoopStarts() throws IOException {
        String m = """
                @Differentiable static double f(double[] x) {
                    double s = 0;
                    int k = 0;
                    for (int i = 0; i < x.length; i++) {
                        for (int j = i * 2; j < x.length; j++) {
                            s += x[i] * x[j] * Math.cos(x[j]);
                        }
                        for (int j = k; j < x.length; j += 2) {
                            s += x[j] * x[i] * x[i];
                        }
                        k = k + 1;
                    }
                    return s;
                }""";
        Compiled c = compile(m);
        check(c, "f", null, vector(0.8, -1.2, 0.4, 1.5, -0.3));
    }
}
