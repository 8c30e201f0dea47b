package dev.leibniz.processor.transform;

import static dev.leibniz.processor.transform.MutantKillersTest.call;
import static dev.leibniz.processor.transform.MutantKillersTest.check;
import static dev.leibniz.processor.transform.MutantKillersTest.compile;
import static dev.leibniz.processor.transform.MutantKillersTest.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leibniz.processor.transform.MutantKillersTest.Compiled;
import java.io.IOException;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * An array a loop's body makes anew and fills, then reads in a loop nested in the body (a hidden
 * layer read once per output unit): each iteration pushes the array whole at its end, and the
 * reverse of the iteration pops it first and loads elements from that copy, instead of saving
 * every load ({@code Layout.restorable}). Gradients against hand-derived closed forms and central
 * differences, through scribbled results; Hessians against closed forms (the tangent programs
 * restore two arrays per iteration, the value's and its tangent's, so the pop order shows);
 * shapes where an element could change after the load keep the per-load save.
 */
class RestoredArraysTest {

    private static final String LAYER = """
            @Differentiable static double f(double[][] w, double[][] v, double[][] xs) {
                double loss = 0;
                for (int s = 0; s < xs.length; s++) {
                    double[] h = new double[w.length];
                    for (int j = 0; j < w.length; j++) {
                        double a = 0;
                        for (int i = 0; i < xs[s].length; i++) {
                            a += w[j][i] * xs[s][i];
                        }
                        h[j] = Math.tanh(a);
                    }
                    for (int k = 0; k < v.length; k++) {
                        double o = 0;
                        for (int j = 0; j < h.length; j++) {
                            o += v[k][j] * h[j];
                        }
                        loss += o * o;
                    }
                }
                return loss;
            }""";

    @Test
    void aHiddenLayerIsPushedOncePerSampleNotOncePerRead() throws IOException {
        String all = MutantKillersTest.generatedSource(LAYER);
        int start = all.indexOf("double fSweep(");
        String sweep = all.substring(start, all.indexOf("\n    }\n", start));
        assertEquals(1, count(sweep, "tape.pushAll(h); // what this iteration left in h"), sweep);
        assertEquals(1, count(sweep, "double[] h = workspace.popAll("), sweep);
        assertEquals(0, count(sweep, "tape.push(h_j)"), sweep);
        assertTrue(sweep.contains("h_j = h[j_2]; // loaded again, not saved"), sweep);
        // tanh, stored into h[j], comes back from the copy too: its reverse reads it (1 − tanh²)
        assertEquals(0, count(sweep, "tape.push(tanh)"), sweep);
        assertTrue(sweep.contains("tanh = h[j]; // loaded again, not saved"), sweep);
        // every trip count from its header: xs[s].length, and h.length from the copy the reverse popped
        assertEquals(0, count(sweep, "tape.popInt()"), sweep);
        assertTrue(sweep.contains("(long) h.length); // its trip count, from its header"), sweep);
    }

    @Test
    void aHiddenLayerHasTheBackpropagatedGradient() {
        Random r = new Random(7);
        double[][] w = matrix(r, 3, 4);
        double[][] v = matrix(r, 2, 3);
        double[][] xs = matrix(r, 5, 4);
        double[] closed = backprop(w, v, xs);
        // xs is differentiated too: dL/dx[i] = Σj dL/dh[j] (1 − h[j]²) w[j][i], checked by central differences only
        check(compile(LAYER.replace("@Differentiable", "@Differentiable(wrt = {\"w\", \"v\"})")), "f", closed,
                w, v, xs);
        check(compile(LAYER), "f", null, w, v, xs);
    }

    /**
     * A buffer made once before the batch loop and filled again for every sample, as a user minding
     * allocations writes it: the batch loop pushes it whole at the end of each iteration too, and its
     * reverse pops it under a name of its own (the buffer's name is taken there), loading from that.
     * A buffer written after the batch loop as well keeps the per-read saves.
     */
    @Test
    void aBufferMadeBeforeTheBatchLoopIsPushedOncePerSample() throws IOException {
        String hoisted = """
                @Differentiable static double f(double[][] w, double[][] v, double[][] xs) {
                    double loss = 0;
                    double[] h = new double[w.length];
                    for (int s = 0; s < xs.length; s++) {
                        for (int j = 0; j < w.length; j++) {
                            double a = 0;
                            for (int i = 0; i < xs[s].length; i++) {
                                a += w[j][i] * xs[s][i];
                            }
                            h[j] = Math.tanh(a);
                        }
                        for (int k = 0; k < v.length; k++) {
                            double o = 0;
                            for (int j = 0; j < h.length; j++) {
                                o += v[k][j] * h[j];
                            }
                            loss += o * o;
                        }
                    }
                    return loss;
                }""";
        String all = MutantKillersTest.generatedSource(hoisted);
        int start = all.indexOf("double fSweep(");
        String sweep = all.substring(start, all.indexOf("\n    }\n", start));
        assertEquals(1, count(sweep, "tape.pushAll(h); // what this iteration left in h"), sweep);
        assertEquals(1, count(sweep, "double[] hLeft = workspace.popAll("), sweep);
        assertEquals(0, count(sweep, "tape.push(h_j)"), sweep);
        assertTrue(sweep.contains("h_j = hLeft[j_2]; // loaded again, not saved"), sweep);
        Random r = new Random(11);
        double[][] w = matrix(r, 3, 4);
        double[][] v = matrix(r, 2, 3);
        double[][] xs = matrix(r, 5, 4);
        // against backpropagation by hand in w and v, and central differences in all three
        Compiled c = compile(hoisted);
        check(compile(hoisted.replace("@Differentiable", "@Differentiable(wrt = {\"w\", \"v\"})")), "f",
                backprop(w, v, xs), w, v, xs);
        check(c, "f", null, w, v, xs);
        String writtenAfter = hoisted.replace("return loss;", "h[0] = loss;\n    return loss + h[0] * h[1];");
        assertTrue(writtenAfter.contains("h[0] = loss;"), writtenAfter);
        String code = MutantKillersTest.generatedSource(writtenAfter);
        assertEquals(0, count(code, "tape.pushAll(h)"), code);
        check(compile(writtenAfter), "f", null, w, v, xs);
    }

    /** Two arrays in one iteration: popped in the reverse of the order they were pushed. */
    private static final String TWO = """
            @Differentiable static double f(double[] x, double t) {
                double s = 0;
                for (int r = 0; r < 3; r++) {
                    double[] a = new double[x.length];
                    double[] b = new double[x.length];
                    for (int i = 0; i < x.length; i++) {
                        a[i] = Math.sin(x[i] * t);
                        b[i] = x[i] * x[i] + r;
                    }
                    for (int k = 0; k < 2; k++) {
                        for (int i = 0; i < x.length; i++) {
                            s += a[i] * b[i] * (k + 1);
                        }
                    }
                }
                return s;
            }""";

    @Test
    void twoArraysOfOneIterationComeBackInTheirOwnPlaces() throws IOException {
        String all = MutantKillersTest.generatedSource(TWO);
        int start = all.indexOf("double fSweep(");
        String sweep = all.substring(start, all.indexOf("\n    }\n", start));
        int pushA = sweep.indexOf("tape.pushAll(a);");
        int pushB = sweep.indexOf("tape.pushAll(b);");
        int popA = sweep.indexOf("double[] a = workspace.popAll(");
        int popB = sweep.indexOf("double[] b = workspace.popAll(");
        assertTrue(pushA > 0 && pushB > 0 && popA > 0 && popB > 0, sweep);
        assertEquals(pushA < pushB, popB < popA, "the last pushed is popped first: " + sweep);
        // f = Σr Σi 3 sin(x_i t)(x_i² + r): ∂/∂x_i = 3 Σr [t cos(x_i t)(x_i² + r) + 2 x_i sin(x_i t)],
        // ∂/∂t = 3 Σr Σi x_i cos(x_i t)(x_i² + r)
        double[] x = {0.3, -1.1, 0.7, 1.9};
        double t = 0.8;
        double[] closed = new double[5];
        for (int r = 0; r < 3; r++) {
            for (int i = 0; i < 4; i++) {
                double b = x[i] * x[i] + r;
                closed[i] += 3 * (t * Math.cos(x[i] * t) * b + 2 * x[i] * Math.sin(x[i] * t));
                closed[4] += 3 * x[i] * Math.cos(x[i] * t) * b;
            }
        }
        check(compile(TWO), "f", closed, x, t);
    }

    @Test
    void hessiansThroughRestoredArraysMatchClosedForms() {
        Compiled c = compile("""
                @Differentiable static double f(double t) {
                    double score = 0;
                    for (int jj = 0; jj < 3; jj++) {
                        double[] yb = new double[2];
                        for (int kq = 0; kq < yb.length; kq++) {
                            yb[kq] = t;
                        }
                        for (int ii = 0; ii < yb.length; ii++) {
                            score += Math.tanh(yb[ii]) * yb[ii];
                        }
                    }
                    return score;
                }
                @Differentiable static double g(double t, double u) {
                    double score = 0;
                    for (int jj = 0; jj < 3; jj++) {
                        double[] a = new double[2];
                        double[] b = new double[2];
                        for (int k = 0; k < 2; k++) {
                            a[k] = t;
                            b[k] = u * u;
                        }
                        for (int ii = 0; ii < 2; ii++) {
                            score += Math.tanh(a[ii]) * b[ii];
                        }
                    }
                    return score;
                }""");
        double t = 0.7;
        double u = -1.3;
        double th = Math.tanh(t);
        double sech2 = 1 - th * th;
        // f = 6 t tanh t: f'' = 6 (2 sech² t − 2 t tanh t sech² t)
        double[][] hf = (double[][]) call(only(c.companion(), "fHessian", 1), null, t);
        assertEquals(6 * (2 * sech2 - 2 * t * th * sech2), hf[0][0], 1e-12);
        // g = 6 u² tanh t: g_tt = −12 u² tanh t sech² t, g_tu = 12 u sech² t, g_uu = 12 tanh t
        double[][] hg = (double[][]) call(only(c.companion(), "gHessian", 2), null, t, u);
        double[][] expected = {{-12 * u * u * th * sech2, 12 * u * sech2}, {12 * u * sech2, 12 * th}};
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                assertEquals(expected[i][j], hg[i][j], 1e-12, "g's Hessian [" + i + "][" + j + "]");
            }
        }
    }

    /** Shapes where the array's last value is not what a load read, or the push at the end may not run. */
    @Test
    void loadsAnElementCouldChangeAfterKeepTheirOwnSaves() throws IOException {
        String written = """
                @Differentiable static double f(double[] x) {
                    double s = 0;
                    for (int r = 0; r < 3; r++) {
                        double[] h = new double[x.length];
                        for (int i = 0; i < x.length; i++) {
                            h[i] = Math.sin(x[i] + r);
                        }
                        for (int k = 0; k < 2; k++) {
                            for (int i = 0; i < x.length; i++) {
                                s += h[i] * h[i];
                                h[i] = h[i] * 0.5;
                            }
                        }
                    }
                    return s;
                }""";
        String leaves = """
                @Differentiable static double f(double[] x) {
                    double s = 0;
                    for (int r = 0; r < 3; r++) {
                        double[] h = new double[x.length];
                        for (int i = 0; i < x.length; i++) {
                            h[i] = Math.sin(x[i] + r);
                        }
                        for (int k = 0; k < 2; k++) {
                            for (int i = 0; i < x.length; i++) {
                                s += h[i] * h[i];
                            }
                        }
                        if (s > 6) {
                            break;
                        }
                        s += 0.1 * h[0];
                    }
                    return s;
                }""";
        String rereadOnce = """
                @Differentiable static double f(double[] x) {
                    double s = 0;
                    for (int r = 0; r < 3; r++) {
                        double[] h = new double[x.length];
                        for (int i = 0; i < x.length; i++) {
                            h[i] = Math.sin(x[i] + r);
                        }
                        s += h[0] * h[x.length - 1];
                    }
                    return s;
                }""";
        String writtenLater = """
                @Differentiable static double f(double[] x) {
                    double s = 0;
                    for (int r = 0; r < 3; r++) {
                        double[] h = new double[x.length];
                        for (int i = 0; i < x.length; i++) {
                            h[i] = Math.sin(x[i] + r);
                        }
                        for (int k = 0; k < 2; k++) {
                            for (int i = 0; i < x.length; i++) {
                                s += h[i] * h[i];
                            }
                        }
                        for (int i = 0; i < x.length; i++) {
                            h[i] = h[i] * 0.5;
                        }
                        s += h[0];
                    }
                    return s;
                }""";
        String writtenEachRound = """
                @Differentiable static double f(double[] x) {
                    double s = 0;
                    for (int r = 0; r < 3; r++) {
                        double[] h = new double[x.length];
                        for (int i = 0; i < x.length; i++) {
                            h[i] = Math.sin(x[i] + r);
                        }
                        for (int k = 0; k < 2; k++) {
                            for (int i = 0; i < x.length; i++) {
                                h[i] = h[i] * 0.5;
                            }
                            for (int i = 0; i < x.length; i++) {
                                s += h[i] * h[i];
                            }
                        }
                    }
                    return s;
                }""";
        double[] x = {0.4, 1.2, -0.9};
        // writtenLater: f = Σr [2 Σi sin²(x_i + r) + sin(x_0 + r) / 2], h halved after the reads
        double[] later = new double[3];
        // writtenEachRound: h halves before each of the two reading rounds, so f = Σr Σi (1/4 + 1/16) sin²(x_i + r)
        double[] eachRound = new double[3];
        for (int r = 0; r < 3; r++) {
            for (int i = 0; i < 3; i++) {
                double sc = Math.sin(x[i] + r) * Math.cos(x[i] + r);
                later[i] += 2 * 2 * sc + (i == 0 ? 0.5 * Math.cos(x[i] + r) : 0);
                eachRound[i] += 2 * (0.25 + 0.0625) * sc;
            }
        }
        check(compile(writtenLater), "f", later, (Object) x.clone());
        check(compile(writtenEachRound), "f", eachRound, (Object) x.clone());
        for (String shape : new String[] {written, leaves, rereadOnce, writtenLater, writtenEachRound}) {
            String code = MutantKillersTest.generatedSource(shape);
            assertEquals(0, count(code, "tape.pushAll(h)"), code);
            check(compile(shape), "f", null, (Object) x.clone());
        }
        // x above leaves in the second round; this point in the third, before its last step
        check(compile(leaves), "f", null, (Object) new double[] {0.1, 0.2, -0.1});
        // f = Σr sin(x0 + r) sin(x2 + r)
        double[] closed = new double[3];
        for (int r = 0; r < 3; r++) {
            closed[0] += Math.cos(x[0] + r) * Math.sin(x[2] + r);
            closed[2] += Math.sin(x[0] + r) * Math.cos(x[2] + r);
        }
        check(compile(rereadOnce), "f", closed, (Object) x.clone());
    }

    /**
     * A stored value is loaded back from the copy only when the store runs whenever the value is made,
     * once per element, and nothing writes the element again: a store under a condition, after a
     * possible break, in a loop nested deeper, or followed by another write keeps the value's save.
     */
    @Test
    void storedValuesComeBackOnlyWhenTheCopyHoldsThem() throws IOException {
        String template = """
                @Differentiable static double f(double[] x, double c) {
                    double s = 0;
                    for (int r = 0; r < 3; r++) {
                        double[] h = new double[x.length];
                        for (int j = 0; j < x.length; j++) {
                            double t = Math.tanh(x[j] * c + r);
                            STORE
                        }
                        LATER
                        for (int k = 0; k < 2; k++) {
                            for (int j = 0; j < h.length; j++) {
                                s += h[j] * h[j] * (k + 1);
                            }
                        }
                    }
                    return s;
                }""";
        String[][] shapes = {
            {"h[j] = t;", "", "0"},
            {"if (t > 0.2) { h[j] = t; }", "", "1"},
            {"if (t > 0.95) { break; } h[j] = t;", "", "1"},
            {"for (int q = 0; q < 1; q++) { h[j + q] = t; }", "", "1"},
            {"h[j] = t;", "h[0] = h[0] * 0.5;", "1"},
        };
        double[] x = {0.3, -0.7, 1.1};
        for (String[] shape : shapes) {
            String source = template.replace("STORE", shape[0]).replace("LATER", shape[1]);
            String all = MutantKillersTest.generatedSource(source);
            int start = all.indexOf("double fSweep(");
            String sweep = all.substring(start, all.indexOf("\n    }\n", start));
            assertEquals(Integer.parseInt(shape[2]), count(sweep, "tape.push(t)"), shape[0] + " " + shape[1] + "\n" + sweep);
            Compiled c = compile(source);
            check(c, "f", null, x.clone(), 0.9);
            check(c, "f", null, x.clone(), 2.5);
        }
        // a store loop whose start the reverse cannot rebuild (so neither its index): the value keeps its
        // save (the oracle's default run crashed the processor on this before the index was required at hand)
        String unrebuilt = """
                @Differentiable static double f(double[] x) {
                    double s = 0;
                    for (int r = 0; r < 3; r++) {
                        double[] h = new double[x.length];
                        int from = (int) Math.floor(Math.abs(x[0]) + r) % 2;
                        for (int j = from; j < x.length; j++) {
                            double t = Math.tanh(x[j] * (r + 1));
                            h[j] = t;
                        }
                        for (int k = 0; k < 2; k++) {
                            for (int j = 0; j < h.length; j++) {
                                s += h[j] * h[j];
                            }
                        }
                    }
                    return s;
                }""";
        check(compile(unrebuilt), "f", null, (Object) x.clone());
        check(compile(unrebuilt), "f", null, (Object) new double[] {1.4, -0.2, 0.6, 0.9});
        // the plain store, against its closed form: f = Σr 3 Σj tanh²(x_j c + r)
        double cc = 0.9;
        double[] closed = new double[4];
        for (int r = 0; r < 3; r++) {
            for (int j = 0; j < 3; j++) {
                double t = Math.tanh(x[j] * cc + r);
                double d = 3 * 2 * t * (1 - t * t);
                closed[j] += d * cc;
                closed[3] += d * x[j];
            }
        }
        check(compile(template.replace("STORE", "h[j] = t;").replace("LATER", "")), "f", closed, x.clone(), cc);
    }

    @Test
    void floatArraysAreRestoredToo() throws IOException {
        String shape = """
                @Differentiable static double f(double[] x) {
                    double s = 0;
                    for (int r = 0; r < 2; r++) {
                        float[] h = new float[x.length];
                        for (int i = 0; i < x.length; i++) {
                            h[i] = (float) (x[i] * (r + 1));
                        }
                        for (int k = 0; k < 3; k++) {
                            for (int i = 0; i < x.length; i++) {
                                s += h[i] * (double) h[i];
                            }
                        }
                    }
                    return s;
                }""";
        String code = MutantKillersTest.generatedSource(shape);
        assertTrue(code.contains("float[] h = workspace.popAllFloats("), code);
        // f = Σr 3 Σi (x_i (r+1))² in float steps: ∂/∂x_i = 6 x_i (1 + 4) = 30 x_i, to float precision
        Compiled c = compile(shape);
        double[] x = {0.5, -1.5, 2.0};
        Object result = call(only(c.companion(), "f", 1), null, (Object) x.clone());
        double[] g = (double[]) call(only(result.getClass(), "x", 0), result);
        for (int i = 0; i < 3; i++) {
            assertEquals(30 * x[i], g[i], 1e-5 * Math.abs(30 * x[i]), "x[" + i + "]");
        }
    }

    /** The gradient in w and v (flattened, rows in order) by backpropagation written out by hand. */
    private static double[] backprop(double[][] w, double[][] v, double[][] xs) {
        // backpropagation by hand: dL/do = 2o, dL/dv[k][j] = 2o h[j], dL/dh[j] = Σk 2o v[k][j],
        // dL/dw[j][i] = dL/dh[j] (1 − h[j]²) x[i]
        double[][] gw = new double[w.length][w[0].length];
        double[][] gv = new double[v.length][v[0].length];
        for (double[] x : xs) {
            double[] h = new double[w.length];
            for (int j = 0; j < w.length; j++) {
                double a = 0;
                for (int i = 0; i < x.length; i++) {
                    a += w[j][i] * x[i];
                }
                h[j] = Math.tanh(a);
            }
            double[] dh = new double[w.length];
            for (int k = 0; k < v.length; k++) {
                double o = 0;
                for (int j = 0; j < w.length; j++) {
                    o += v[k][j] * h[j];
                }
                for (int j = 0; j < w.length; j++) {
                    gv[k][j] += 2 * o * h[j];
                    dh[j] += 2 * o * v[k][j];
                }
            }
            for (int j = 0; j < w.length; j++) {
                for (int i = 0; i < x.length; i++) {
                    gw[j][i] += dh[j] * (1 - h[j] * h[j]) * x[i];
                }
            }
        }
        double[] closed = new double[w.length * w[0].length + v.length * v[0].length];
        int n = 0;
        for (double[] row : gw) {
            for (double g : row) {
                closed[n++] = g;
            }
        }
        for (double[] row : gv) {
            for (double g : row) {
                closed[n++] = g;
            }
        }
        return closed;
    }

    private static double[][] matrix(Random r, int rows, int cols) {
        double[][] m = new double[rows][cols];
        for (double[] row : m) {
            for (int i = 0; i < cols; i++) {
                row[i] = r.nextGaussian() * 0.7;
            }
        }
        return m;
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int at = text.indexOf(what); at >= 0; at = text.indexOf(what, at + 1)) {
            n++;
        }
        return n;
    }
}
