package dev.leibniz.processor.transform;

import static dev.leibniz.processor.testing.GradientChecks.vector;
import static dev.leibniz.processor.transform.MutantKillersTest.check;
import static dev.leibniz.processor.transform.MutantKillersTest.compile;
import static dev.leibniz.processor.transform.MutantKillersTest.generatedSource;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * An array a call reads, filled in full by one earlier call of a procedure, is computed again in
 * the reverse sweep (the procedure's value method into a buffer) instead of copied to the tape
 * ({@code analysis/Refills}); every shape where that would not give the very values the copy
 * holds keeps the copy. Each program's gradient is checked against central differences of the
 * plain method, and its value exactly, whichever way it went.
 */
class RefillTest {
    /** A procedure filling out[0 .. d-1] from two inputs at offsets, as ADBench's GMM does. */
    private static final String SUBTRACT = """
            @Differentiable static void subtract(int d, double[] x, int xOff, double[] y, int yOff, double[] out) {
                for (int id = 0; id < d; id++) {
                    out[id] = x[xOff + id] - y[yOff + id];
                }
            }

            @Differentiable static double cubes(int n, double[] v) {
                double s = 0;
                for (int i = 0; i < n; i++) {
                    s = s + v[i] * v[i] * v[i];
                }
                return s;
            }
            """;

    /** Σ (ik + 1) Σ_id (x[ix·d + id] − means[ik + id])³: one buffer, filled by subtract before each read. */
    private static final String CUBES_OF_DIFFERENCES = """
                @Differentiable static double f(int d, int n, double[] x, double[] means) {
                    double[] xc = new double[d];
                    double total = 0;
                    for (int ix = 0; ix < n; ix++) {
                        for (int ik = 0; ik < 2; ik++) {
                            subtract(d, x, ix * d, means, ik, xc);
                            total = total + cubes(d, xc) * (ik + 1);
                        }
                    }
                    return total;
                }""";

    private static final double[] X = vector(0.3, -1.2, 2.0, 0.7, 1.1, -0.4);
    private static final double[] MEANS = vector(0.5, -0.25, 0.8);

    /** The sweep of f in the generated source. */
    private static String sweep(String source) {
        String s = source.substring(source.indexOf("private static double fSweep("));
        return s.substring(0, s.indexOf("\n    }\n"));
    }

    private static boolean refilled(String sweep, String array) {
        return sweep.contains("what the call saw of " + array + ", computed again, not saved")
                || sweep.contains("what the call left in " + array + ", computed again, not saved");
    }

    @Test
    void aBufferFilledByOneCallIsComputedAgain() throws IOException {
        String f = SUBTRACT + CUBES_OF_DIFFERENCES;
        String sweep = sweep(generatedSource(f));
        assertTrue(refilled(sweep, "xc"), sweep);
        assertFalse(sweep.contains("pushAll(xc)"), sweep);
        check(compile(f), "f", null, 2, 3, X, MEANS);
    }

    /**
     * The second sweep computes the buffer and its tangent again, by the writer's tangent program in place of its value
     * method: Σ (ik + 1) (x_i - m_j)³ over the pairs the calls subtract has the Hessian ±6 (ik + 1) (x_i - m_j).
     */
    @Test
    void theSecondSweepComputesTheBufferAndItsTangentAgain() throws Exception {
        String f = SUBTRACT + CUBES_OF_DIFFERENCES;
        String source = generatedSource(f);
        String second = source.substring(source.indexOf("public static double fSecondSweep("));
        second = second.substring(0, second.indexOf("\n    }\n"));
        assertTrue(second.contains("computed again, not saved"), second);
        assertTrue(second.contains("p.CGrad.subtractTangent(d, x, (ix * d), means, ik, xcSeen, "), second);
        int d = 2;
        int n = 3;
        double[][] h = (double[][]) MutantKillersTest.only(compile(f).companion(), "fHessian", 4)
                .invoke(null, d, n, X.clone(), MEANS.clone());
        double[][] expected = new double[X.length + MEANS.length][X.length + MEANS.length];
        for (int ix = 0; ix < n; ix++) {
            for (int ik = 0; ik < 2; ik++) {
                for (int id = 0; id < d; id++) {
                    int xi = ix * d + id;
                    int mj = X.length + ik + id;
                    double c = 6 * (ik + 1) * (X[xi] - MEANS[ik + id]);
                    expected[xi][xi] += c;
                    expected[mj][mj] += c;
                    expected[xi][mj] -= c;
                    expected[mj][xi] -= c;
                }
            }
        }
        for (int i = 0; i < expected.length; i++) {
            assertArrayEquals(expected[i], h[i], 1e-12, "row " + i);
        }
    }

    /** The usual way to write the helper, to the output's own length: it fills the output whatever its length. */
    @Test
    void aBufferFilledToItsOwnLengthIsComputedAgain() throws IOException {
        String f = """
                @Differentiable static void difference(double[] x, int xOff, double[] y, int yOff, double[] out) {
                    for (int i = 0; i < out.length; i++) {
                        out[i] = x[xOff + i] - y[yOff + i];
                    }
                }

                @Differentiable static double cubes(double[] v) {
                    double s = 0;
                    for (int i = 0; i < v.length; i++) {
                        s = s + v[i] * v[i] * v[i];
                    }
                    return s;
                }

                @Differentiable static double f(int d, int n, double[] x, double[] means) {
                    double[] xc = new double[d];
                    double total = 0;
                    for (int ix = 0; ix < n; ix++) {
                        for (int ik = 0; ik < 2; ik++) {
                            difference(x, ix * d, means, ik, xc);
                            total = total + cubes(xc) * (ik + 1);
                        }
                    }
                    return total;
                }""";
        String sweep = sweep(generatedSource(f));
        assertTrue(refilled(sweep, "xc"), sweep);
        assertFalse(sweep.contains("pushAll(xc)"), sweep);
        check(compile(f), "f", null, 2, 3, X, MEANS);
    }

    @Test
    void aRecordedCallsArgumentIsComputedAgainToo() throws IOException {
        // the second call writes its own output in place, so it is recorded and replayed in the loop
        String f = SUBTRACT + """
                @Differentiable static void scaleSquares(int d, double[] v, double[] out) {
                    for (int i = 0; i < d; i++) {
                        out[i] = v[i] * v[i] * out[i];
                    }
                }

                @Differentiable static double f(int d, int n, double[] x, double[] means) {
                    double[] xc = new double[d];
                    double[] q = new double[d];
                    double total = 0;
                    for (int ix = 0; ix < n; ix++) {
                        for (int i = 0; i < d; i++) {
                            q[i] = 1.5;
                        }
                        subtract(d, x, ix * d, means, 0, xc);
                        scaleSquares(d, xc, q);
                        total = total + cubes(d, q);
                    }
                    return total;
                }""";
        String sweep = sweep(generatedSource(f));
        assertTrue(refilled(sweep, "xc"), sweep);
        check(compile(f), "f", null, 2, 3, X, MEANS);
    }

    @Test
    void aRecordedWriterIsNotRunAgain() throws IOException {
        // exp's value goes to the writer's own tape, so the call in the loop is recorded and replayed
        String f = SUBTRACT + """
                @Differentiable static void expOf(int d, double[] x, int off, double[] out) {
                    for (int i = 0; i < d; i++) {
                        out[i] = Math.exp(x[off + i]) * x[off + i];
                    }
                }

                @Differentiable static double f(int d, int n, double[] x, double[] means) {
                    double[] xc = new double[d];
                    double total = 0;
                    for (int ix = 0; ix < n; ix++) {
                        expOf(d, x, ix * d, xc);
                        total = total + cubes(d, xc) * means[ix % 3];
                    }
                    return total;
                }""";
        String source = generatedSource(f);
        assertTrue(source.contains("expOfRecord("), "the writer must be recorded for this test to mean anything");
        assertFalse(refilled(sweep(source), "xc"), sweep(source));
        check(compile(f), "f", null, 3, 2, X, MEANS);
    }

    @Test
    void whatCannotBeComputedAgainExactlyIsCopied() throws IOException {
        String[] shapes = {
            // filled only in part: the rest of the array holds what earlier iterations left
            """
            @Differentiable static void head(int d, double[] x, int off, double[] out) {
                for (int i = 0; i < d - 1; i++) {
                    out[i] = x[off + i] * x[off + i];
                }
            }
            @Differentiable static double f(int d, int n, double[] x, double[] means) {
                double[] xc = new double[d];
                double total = 0;
                for (int ix = 0; ix < n; ix++) {
                    head(d - (ix % 2), x, ix * d, xc);
                    total = total + cubes(d, xc) + means[0] * xc[0];
                }
                return total;
            }""",
            // the array is longer than what the call fills
            """
            @Differentiable static double f(int d, int n, double[] x, double[] means) {
                double[] xc = new double[d + 1];
                double total = 0;
                for (int ix = 0; ix < n; ix++) {
                    subtract(d - (ix % 2), x, ix * d, means, 0, xc);
                    total = total + cubes(d, xc);
                }
                return total;
            }""",
            // written by a store too
            """
            @Differentiable static double f(int d, int n, double[] x, double[] means) {
                double[] xc = new double[d];
                double total = 0;
                for (int ix = 0; ix < n; ix++) {
                    subtract(d, x, ix * d, means, 0, xc);
                    xc[0] = xc[0] * means[1];
                    total = total + cubes(d, xc);
                }
                return total;
            }""",
            // an offset the loop steps: not at hand in the reverse sweep as it was
            """
            @Differentiable static double f(int d, int n, double[] x, double[] means) {
                double[] xc = new double[d];
                double total = 0;
                int off = 0;
                for (int ix = 0; ix < n; ix++) {
                    subtract(d, x, off, means, 0, xc);
                    total = total + cubes(d, xc);
                    off = off + d;
                }
                return total;
            }""",
            // the call that fills it comes after the one that reads it: the read sees the last iteration's
            """
            @Differentiable static double f(int d, int n, double[] x, double[] means) {
                double[] xc = new double[d];
                double total = 0;
                for (int ix = 0; ix < n; ix++) {
                    total = total + cubes(d, xc);
                    subtract(d, x, ix * d, means, 0, xc);
                }
                return total + cubes(d, xc);
            }""",
            // the filling call reads what the array held (out[i] = out[i] - ...)
            """
            @Differentiable static void minus(int d, double[] x, int off, double[] out) {
                for (int i = 0; i < d; i++) {
                    out[i] = out[i] - x[off + i];
                }
            }
            @Differentiable static double f(int d, int n, double[] x, double[] means) {
                double[] xc = new double[d];
                double total = 0;
                for (int ix = 0; ix < n; ix++) {
                    minus(d, x, ix * d, xc);
                    total = total + cubes(d, xc) * means[0];
                }
                return total;
            }""",
            // the filling call is in a branch, the reading one after it
            """
            @Differentiable static double f(int d, int n, double[] x, double[] means) {
                double[] xc = new double[d];
                double total = 0;
                for (int ix = 0; ix < n; ix++) {
                    if (ix % 2 == 0) {
                        subtract(d, x, ix * d, means, 0, xc);
                    }
                    total = total + cubes(d, xc);
                }
                return total;
            }""",
            // filled to a bound that changes with the iteration: the last element keeps the one before's
            """
            @Differentiable static double f(int d, int n, double[] x, double[] means) {
                double[] xc = new double[d];
                double total = 0;
                for (int ix = 0; ix < n; ix++) {
                    subtract(d - ix % 2, x, ix * d, means, 0, xc);
                    total = total + cubes(d, xc);
                }
                return total;
            }""",
            // an offset the reverse sweep only has after the reader's reverse (saved, not stepped back)
            """
            @Differentiable static double f(int d, int n, double[] x, double[] means) {
                double[] xc = new double[d];
                double total = 0;
                int off = 1;
                for (int ix = 0; ix < n; ix++) {
                    subtract(d, x, off, means, 0, xc);
                    total = total + cubes(d, xc);
                    off = (off * 2 + 1) % 4;
                }
                return total;
            }""",
            // an input array the loop changes afterwards
            """
            @Differentiable static double f(int d, int n, double[] x, double[] means) {
                double[] xc = new double[d];
                double[] m = new double[d];
                double total = 0;
                for (int ix = 0; ix < n; ix++) {
                    subtract(d, x, ix * d, m, 0, xc);
                    total = total + cubes(d, xc);
                    for (int i = 0; i < d; i++) {
                        m[i] = m[i] + means[i];
                    }
                }
                return total;
            }""",
            // filled into a row of a local matrix, as code keeping one buffer per centre is written
            """
            @Differentiable static double f(int d, int n, double[] x, double[] means) {
                double[][] diffs = new double[2][d];
                double total = 0;
                for (int ix = 0; ix < n; ix++) {
                    for (int j = 0; j < 2; j++) {
                        subtract(d, x, ix * d, means, 0, diffs[j]);
                        total = total + cubes(d - j, diffs[j]) * (j + 1);
                    }
                }
                return total;
            }""",
            // an offset kept in a local and reassigned before the call
            """
            @Differentiable static double f(int d, int n, double[] x, double[] means) {
                double[] xc = new double[d];
                double total = 0;
                for (int ix = 0; ix < n; ix++) {
                    int off = ix * d;
                    off = off + ix % 2;
                    subtract(d - 1, x, off, means, 0, xc);
                    double first = xc[0];
                    first = first * means[2];
                    total = total + cubes(d, xc) + first;
                }
                return total;
            }""",
        };
        String[] partialFills = {
            // from 1 on
            """
            @Differentiable static void fill(int d, double[] x, int off, double[] out) {
                for (int i = 1; i < d; i++) {
                    out[i] = x[off + i] * x[off + i];
                }
            }""",
            // up to a break
            """
            @Differentiable static void fill(int d, double[] x, int off, double[] out) {
                for (int i = 0; i < d; i++) {
                    if (x[off + i] > 1.5) {
                        break;
                    }
                    out[i] = x[off + i] * x[off + i];
                }
            }""",
            // in full on one side of a branch only
            """
            @Differentiable static void fill(int d, double[] x, int off, double[] out) {
                if (x[off] > 1.5) {
                    out[0] = x[off];
                } else {
                    for (int i = 0; i < d; i++) {
                        out[i] = x[off + i] * x[off + i];
                    }
                }
            }""",
            // to a bound it changes first
            """
            @Differentiable static void fill(int d, double[] x, int off, double[] out) {
                d = d - off % 2;
                for (int i = 0; i < d; i++) {
                    out[i] = x[off + i] * x[off + i];
                }
            }""",
            // only where a condition holds
            """
            @Differentiable static void fill(int d, double[] x, int off, double[] out) {
                for (int i = 0; i < d; i++) {
                    if (x[off + i] < 1.5) {
                        out[i] = x[off + i] * x[off + i];
                    }
                }
            }""",
        };
        String[] ownLength = {
            // to another array's length, shorter than the output
            """
            @Differentiable static void fill(double[] x, int off, double[] y, double[] out) {
                for (int i = 0; i < y.length; i++) {
                    out[i] = x[off + i] * y[i];
                }
            }""",
            // to its own length, reading what it held
            """
            @Differentiable static void fill(double[] x, int off, double[] y, double[] out) {
                for (int i = 0; i < out.length; i++) {
                    out[i] = out[i] * 0.5 + x[off + i] * y[i % y.length];
                }
            }""",
            // to its own length, but only where a condition holds
            """
            @Differentiable static void fill(double[] x, int off, double[] y, double[] out) {
                for (int i = 0; i < out.length; i++) {
                    if (x[off + i] < 1.5) {
                        out[i] = x[off + i] * y[i % y.length];
                    }
                }
            }""",
        };
        for (String fill : ownLength) {
            shapes = java.util.Arrays.copyOf(shapes, shapes.length + 1);
            shapes[shapes.length - 1] = fill + """

            @Differentiable static double f(int d, int n, double[] x, double[] means) {
                double[] xc = new double[d];
                double[] y = new double[d - 1];
                for (int i = 0; i < d - 1; i++) {
                    y[i] = means[i] + 0.25;
                }
                double total = 0;
                for (int ix = 0; ix < n; ix++) {
                    fill(x, ix * d, y, xc);
                    total = total + cubes(d, xc) * means[ix % 3];
                }
                return total;
            }""";
        }
        for (String fill : partialFills) {
            shapes = java.util.Arrays.copyOf(shapes, shapes.length + 1);
            shapes[shapes.length - 1] = fill + """

            @Differentiable static double f(int d, int n, double[] x, double[] means) {
                double[] xc = new double[d];
                double total = 0;
                for (int ix = 0; ix < n; ix++) {
                    fill(d, x, ix * d, xc);
                    total = total + cubes(d, xc) * means[ix % 3];
                }
                return total;
            }""";
        }
        for (String shape : shapes) {
            String f = (shape.contains("void head") || shape.contains("void minus") ? shape + SUBTRACT : SUBTRACT + shape);
            String sweep = sweep(generatedSource(f));
            assertFalse(sweep.matches("(?s).*what the call (saw of|left in) \\w+, computed again.*"), shape + "\n" + sweep);
            check(compile(f), "f", null, 3, 2, X, MEANS);
        }
    }
}
