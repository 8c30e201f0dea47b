package dev.leibniz.processor.transform;

import static dev.leibniz.processor.testing.GradientChecks.vector;
import static dev.leibniz.processor.transform.MutantKillersTest.check;
import static dev.leibniz.processor.transform.MutantKillersTest.compile;
import static dev.leibniz.processor.transform.MutantKillersTest.generatedSource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@link TripCounts}: a counted loop's reverse computes its trip count from the header
 * when nothing can change the count under it, and pops a saved count otherwise. Each program is
 * checked against central differences of the plain method (through a reused result too), at
 * arguments that make the inner loops run 0, 1 and several times; the generated source says which
 * counts are computed and which saved.
 */
class TripCountsTest {

    /** How many trip counts the method's sweep computes from headers, and how many it pops. */
    private static int[] counts(String source, String method) {
        String sweep = source.substring(source.indexOf("private static double " + method + "Sweep("));
        sweep = sweep.substring(0, sweep.indexOf("\n    }\n"));
        return new int[] {occurrences(sweep, "// its trip count, from its header"),
            occurrences(sweep, "int trips_\\d+ = tape\\.popInt\\(\\)")};
    }

    private static int occurrences(String text, String what) {
        Matcher m = Pattern.compile(what.startsWith("//") ? Pattern.quote(what) : what).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    /** Bounds of every kind the header may hold: <, <=, counting down by 2 to >= and >, a length, a parameter. */
    @Test
    void boundsOfEveryComparison() throws IOException {
        String m = """
                @Differentiable static double f(double[] x, int n, int lo) {
                    double s = 0;
                    for (int i = 0; i < x.length; i++) {
                        for (int j = i; j <= n; j++) {
                            s += Math.sin(x[i] * (j + 1)) * x[j % x.length];
                        }
                        for (int j = x.length - 1; j >= lo; j -= 2) {
                            s += Math.exp(0.1 * x[(j + 10) % x.length]) * x[i];
                        }
                        for (int j = n + i; j > lo - 1; j -= 3) {
                            s += Math.cos(x[(j + 7) % x.length]) * x[i] * x[i];
                        }
                    }
                    return s;
                }""";
        String source = generatedSource(m);
        assertEquals(4, counts(source, "f")[0], "the outer loop's and the three inner ones'\n" + source);
        assertEquals(0, counts(source, "f")[1], "no count popped\n" + source);
        MutantKillersTest.Compiled c = compile(m);
        double[] x = vector(0.3, -0.8, 1.1, 0.5, -0.4);
        for (int[] nl : new int[][] {{2, 1}, {6, 0}, {-1, 9}, {0, 4}, {4, -3}}) {
            check(c, "f", null, x, nl[0], nl[1]);
        }
    }

    /**
     * The length of a row of a matrix parameter, at a rebuilt index ({@code i < xs[s].length}, a batch of
     * samples): from the header, on a jagged matrix whose rows differ in length, so a row measured at the wrong
     * index shows. A matrix the method makes keeps the saved count (a matrix parameter is never written: a
     * procedure's outputs are double[]).
     */
    @Test
    void rowLengthsOfAMatrixParameter() throws IOException {
        String m = """
                @Differentiable static double f(double[] w, double[][] xs) {
                    double s = 0;
                    for (int r = 0; r < xs.length; r++) {
                        double a = 0;
                        for (int i = 0; i < xs[r].length; i++) {
                            a += w[i] * xs[r][i];
                        }
                        s += Math.tanh(a) * (r + 1);
                    }
                    return s;
                }""";
        String source = generatedSource(m);
        assertEquals(2, counts(source, "f")[0], "the outer loop's and the row's\n" + source);
        assertEquals(0, counts(source, "f")[1], "no count popped\n" + source);
        assertTrue(source.contains("(long) (xs[r].length)); // its trip count, from its header"), source);
        double[] w = vector(0.3, -0.8, 1.1, 0.5);
        double[][] jagged = {{0.2, 0.4, -0.6}, {1.0}, {}, {0.5, -0.5, 0.25, 0.75}, {-0.3, 0.9}};
        // f = Σr (r + 1) tanh(Σi w_i xs[r][i]): ∂/∂w_i = Σr (r + 1) (1 − tanh²) xs[r][i]
        double[] closed = new double[4 + 12];
        for (int r = 0; r < jagged.length; r++) {
            double a = 0;
            for (int i = 0; i < jagged[r].length; i++) {
                a += w[i] * jagged[r][i];
            }
            double t = Math.tanh(a);
            for (int i = 0; i < jagged[r].length; i++) {
                closed[i] += (r + 1) * (1 - t * t) * jagged[r][i];
            }
        }
        MutantKillersTest.Compiled c = compile(m.replace("@Differentiable", "@Differentiable(wrt = \"w\")"));
        check(c, "f", java.util.Arrays.copyOf(closed, 4), w, jagged);
        check(compile(m), "f", null, w, jagged);

        String made = """
                @Differentiable static double f(double[] w) {
                    double[][] m = new double[3][w.length];
                    double s = 0;
                    for (int r = 0; r < m.length; r++) {
                        for (int i = 0; i < m[r].length; i++) {
                            m[r][i] = w[i] * (r + 1);
                            s += Math.sin(m[r][i]) * w[i];
                        }
                    }
                    return s;
                }""";
        assertEquals(1, counts(generatedSource(made), "f")[1], "a matrix the method makes: its row's count saved");
        check(compile(made), "f", null, w);
    }

    /** A literal bound, and one counted down to a literal: both from the header. */
    @Test
    void literalBounds() throws IOException {
        String m = """
                @Differentiable static double f(double[] x) {
                    double s = 0;
                    for (int i = 0; i < x.length; i++) {
                        for (int j = 0; j < 3; j++) {
                            s += Math.sin(x[i] * j) * x[(i + j) % x.length];
                        }
                        for (int j = 4; j >= 2; j--) {
                            s += Math.cos(x[i] + j) * x[i];
                        }
                    }
                    return s;
                }""";
        String source = generatedSource(m);
        assertTrue(source.contains("(int) Math.max(0L, (long) 3); // its trip count, from its header"), source);
        assertTrue(source.contains("(int) Math.max(0L, (long) k - 2 + 1); // its trip count, from its header")
                || source.contains("(long) 4 - 2 + 1); // its trip count, from its header"), source);
        check(compile(m), "f", null, vector(0.3, -0.8, 1.1, 0.5));
    }

    /** A bound the body changes, an early exit, a bound read from an array the loop writes: counts are saved. */
    @Test
    void countsThatMayChangeAreSaved() throws IOException {
        String m = """
                @Differentiable static double f(double[] x, int n) {
                    double s = 0;
                    for (int i = 0; i < x.length; i++) {
                        int m = n;
                        for (int j = 0; j < m; j++) {
                            s += Math.sin(x[(i + j) % x.length]) * x[i];
                            m = m - (j % 2);
                        }
                        for (int j = 0; j < x.length; j++) {
                            if (x[j] * s > 2.0) {
                                break;
                            }
                            s += Math.tanh(x[j]) * x[i];
                        }
                    }
                    return s;
                }""";
        String source = generatedSource(m);
        assertEquals(1, counts(source, "f")[0], "the outer loop's alone\n" + source);
        assertEquals(2, counts(source, "f")[1], "both inner counts saved\n" + source);
        MutantKillersTest.Compiled c = compile(m);
        check(c, "f", null, vector(0.3, -0.8, 1.1, 0.5), 5);
        check(c, "f", null, vector(0.9, 0.8, 1.1, 0.5), 3);
    }

    /** A break out of the outer loop from the inner one: the outer count is saved, whatever the inner loop does. */
    @Test
    void breakOfTheOuterLoopSavesItsCount() throws IOException {
        String m = """
                @Differentiable static double f(double[] x, int n) {
                    double s = 0;
                    outer:
                    for (int i = 0; i < n; i++) {
                        for (int j = 0; j < x.length; j++) {
                            s += Math.sin(x[j] * (i + 1)) * x[i % x.length];
                            if (s > 1.5) {
                                break outer;
                            }
                        }
                    }
                    return s;
                }""";
        String source = generatedSource(m);
        assertTrue(source.contains("tape.push(trips)") || !source.contains("int trips = (int) Math.max"),
                "the outer count is not computed from its header\n" + source);
        MutantKillersTest.Compiled c = compile(m);
        check(c, "f", null, vector(0.3, -0.8, 1.1, 0.5), 3);
        check(c, "f", null, vector(0.9, 0.8, 1.1, 0.5), 4);
        check(c, "f", null, vector(0.1, 0.2, -0.1), 2);
    }

    /** A bound made in the outer loop's body from its index: computed again before the inner reverse, as the start is. */
    @Test
    void boundComputedAgain() throws IOException {
        String m = """
                @Differentiable static double f(double[] x) {
                    double s = 0;
                    for (int i = 0; i < x.length; i++) {
                        int end = x.length - i;
                        for (int j = i / 2; j < end; j++) {
                            s += x[i] * x[j] * Math.sin(x[j]);
                        }
                    }
                    return s;
                }""";
        String source = generatedSource(m);
        assertEquals(2, counts(source, "f")[0], "the outer loop's and the inner one's\n" + source);
        assertTrue(source.contains("end = x.length - i; // computed again, not saved"), source);
        double[] x = vector(0.3, -0.8, 1.1, 0.5, -0.4, 0.7);
        double[] closed = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            for (int j = i / 2; j < x.length - i; j++) {
                closed[i] += x[j] * Math.sin(x[j]);
                closed[j] += x[i] * (Math.sin(x[j]) + x[j] * Math.cos(x[j]));
            }
        }
        check(compile(m), "f", closed, x);
    }
}
