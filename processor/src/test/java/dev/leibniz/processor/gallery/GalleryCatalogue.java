package dev.leibniz.processor.gallery;

import static dev.leibniz.processor.gallery.GalleryCase.program;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashMap;
import org.hipparchus.analysis.differentiation.DerivativeStructure;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.LUDecomposition;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.RealVector;

/**
 * Every gallery program with its points, DerivativeStructure twins and closed forms. Points sit
 * away from kinks and ties, so central differences are a valid reference.
 */
final class GalleryCatalogue {

    private GalleryCatalogue() {}

    static double[] v(double... x) {
        return x;
    }

    static float[] f(float... x) {
        return x;
    }

    static int[] ints(int... x) {
        return x;
    }

    static double[][] m(double[]... rows) {
        return rows;
    }

    /** A deterministic, irregular matrix so that no two entries coincide. */
    static double[][] grid(int rows, int cols, double phase) {
        double[][] out = new double[rows][cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                out[i][j] = 0.8 * Math.sin(1.3 * i + 0.7 * j + phase) + 0.1 * (j - i);
            }
        }
        return out;
    }

    static double[] wave(int n, double phase) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = Math.sin(0.9 * i + phase) + 0.2 * Math.cos(2.1 * i + phase);
        }
        return out;
    }

    /** The programs compiled at test-compile time (src/test/java). */
    static List<GalleryCase> compiled() {
        List<GalleryCase> all = new ArrayList<>();
        all.addAll(neuralLayers());
        all.addAll(polynomials());
        all.addAll(odeSteps());
        all.addAll(physics());
        all.addAll(filters());
        all.addAll(losses());
        all.addAll(statistics());
        all.addAll(copies());
        all.addAll(models());
        all.addAll(solvers());
        all.addAll(signals());
        all.addAll(finance());
        all.addAll(idioms());
        all.addAll(probabilistic());
        all.addAll(lookups());
        all.addAll(loopShapes());
        all.addAll(recursions());
        all.addAll(arraysAsWritten());
        all.addAll(statementsAsWritten());
        return all;
    }

    /** The programs of src/test/gallery-pending, by file; each file compiles on its own. */
    static Map<String, List<GalleryCase>> pending() {
        Map<String, List<GalleryCase>> out = new LinkedHashMap<>();
        out.put("ArrayCopies", List.of(
                program("ArrayCopies", "arraycopySquares", "x")
                        .at(v(1, 2, 3)).at(v(-0.5, 0.25))
                        .closedForm(a -> scaled(2.0, (double[]) a[0]))
                        .twin(in -> sumSquares(in.v(0))),
                program("ArrayCopies", "arraycopyShifted", "x", "a")
                        .at(v(1, 2, 3), 0.7).at(v(-0.5, 0.25), -1.3)
                        .twin(in -> {
                            DerivativeStructure[] x = in.v(0);
                            DerivativeStructure a = in.s(1);
                            DerivativeStructure s = a.multiply(a).multiply(a).multiply(a);
                            for (int i = 0; i < x.length; i++) {
                                DerivativeStructure y = x[i].multiply(a);
                                s = s.add(y.multiply(y).multiply(i + 2));
                            }
                            return s;
                        })));
        out.put("ArrayFills", List.of(
                program("ArrayFills", "fillThenWeigh", "a", "x")
                        .at(1.5, v(1, -2, 0.5)).at(-0.4, v(0.3, 0.9))
                        .closedForm(a -> {
                            double s = 0.0;
                            double[] x = (double[]) a[1];
                            for (double xi : x) {
                                s += xi * xi;
                            }
                            return concat(v(s), scaled(2.0 * (Double) a[0], x));
                        })));
        out.put("ArrayCopyOfs", List.of(
                program("ArrayCopyOfs", "copyOfWeighted", "x")
                        .at(v(1, 2, 3)).at(v(-0.7, 0.2))
                        .closedForm(a -> {
                            double[] x = (double[]) a[0];
                            double[] g = new double[x.length];
                            for (int i = 0; i < x.length; i++) {
                                g[i] = 2.0 * (i + 1) * x[i];
                            }
                            return g;
                        })));
        out.put("ArrayCopyOfRanges", List.of(
                program("ArrayCopyOfRanges", "windowProduct", "x")
                        .at(v(0.3, 0.5, -0.2, 1.1)).at(v(2, -1, 0.4))
                        .twin(in -> {
                            DerivativeStructure[] x = in.v(0);
                            DerivativeStructure p = in.c(1.0);
                            for (int i = 1; i < 3; i++) {
                                p = p.multiply(x[i].multiply(0.5).exp().add(x[i]));
                            }
                            return p;
                        })));
        out.put("ArrayClones", List.of(
                program("ArrayClones", "cloneThenScale", "x", "a")
                        .at(v(1, 2, 3), 0.5).at(v(-1.5, 0.25), 2.0)
                        .closedForm(a -> {
                            double[] x = (double[]) a[0];
                            double s = (Double) a[1];
                            double n2 = 0.0;
                            for (double xi : x) {
                                n2 += xi * xi;
                            }
                            return concat(scaled(2.0 * s * s, x), v(2.0 * s * n2));
                        })));
        out.put("DirichletCounts", List.of(
                program("DirichletCounts", "stirlingLogLikelihood", "alpha", "-")
                        // a0 = 5 would sit where logGamma's loop count changes. No closed form: digamma is
                        // not the exact derivative of the truncated Stirling series.
                        .at(v(0.5, 1.5, 3.1), ints(2, 0, 5)).at(v(2.5, 0.8), ints(1, 3))));
        out.put("RowArguments", List.of(
                program("RowArguments", "rowsThroughCall", "W", "x")
                        .at(grid(3, 2, 0.4), v(1.0, -0.5)).at(grid(2, 3, 1.2), v(0.3, 0.8, -0.2))
                        .twin(in -> {
                            DerivativeStructure s = in.c(0);
                            for (DerivativeStructure[] row : in.m(0)) {
                                s = s.add(dot(in.c(0), row, in.v(1)).tanh());
                            }
                            return s;
                        })));
        out.put("MatrixRows", List.of(
                program("MatrixRows", "rowsSquaredPrediction", "X", "w")
                        .at(m(v(1.0, 0.5), v(-0.3, 1.2)), v(0.4, -0.7)).at(grid(3, 3, 0.5), v(1.0, 0.2, -0.3))
                        .twin(in -> {
                            DerivativeStructure s = in.c(0);
                            for (DerivativeStructure[] row : in.m(0)) {
                                DerivativeStructure z = dot(in.c(0), row, in.v(1));
                                s = s.add(z.multiply(z));
                            }
                            return s;
                        })));
        out.put("ArrayOutputs", List.of(
                program("ArrayOutputs", "twoLayerNorm", "W1", "W2", "x")
                        .at(grid(3, 2, 0.1), grid(2, 3, 0.9), v(0.5, -1.0)).at(grid(2, 2, 1.4), grid(1, 2, 0.3), v(1.2, 0.4))
                        .twin(in -> {
                            DerivativeStructure[] h = tanhLayer(in.m(0), in.v(2));
                            return sumSquares(tanhLayer(in.m(1), h));
                        })));
        out.put("ArrayOutputsInLoops", List.of(
                program("ArrayOutputsInLoops", "perSampleLayers", "W1", "W2", "X")
                        .at(grid(3, 2, 0.1), grid(2, 3, 0.9), m(v(0.5, -1.0), v(1.2, 0.4)))));
        return out;
    }

    /**
     * Programs of src/test/gallery-pending in shapes issue 9 adds (rows as arguments, for over the
     * rows of a matrix, double[]-valued methods). Until then each must be refused cleanly.
     */
    static Map<String, List<GalleryCase>> wanted() {
        Map<String, List<GalleryCase>> out = new LinkedHashMap<>();
        return out;
    }

    private static DerivativeStructure[] tanhLayer(DerivativeStructure[][] w, DerivativeStructure[] x) {
        DerivativeStructure[] out = new DerivativeStructure[w.length];
        for (int i = 0; i < w.length; i++) {
            out[i] = dot(x[0].getField().getZero(), w[i], x).tanh();
        }
        return out;
    }

    // ---------------------------------------------------------------- NeuralLayers

    private static List<GalleryCase> neuralLayers() {
        double[][] w34 = m(v(0.5, -0.3, 0.8, 0.1), v(-0.6, 0.2, 0.4, -0.9), v(0.3, 0.7, -0.5, 0.25));
        double[] x4 = v(1.2, -0.7, 0.4, 0.9);
        double[] b3 = v(0.1, -0.2, 0.3);
        List<GalleryCase> out = new ArrayList<>();
        out.add(program("NeuralLayers", "softplus", "z").at(1.7).at(-2.3).at(0.4)
                .twin(in -> in.s(0).exp().log1p()));
        out.add(program("NeuralLayers", "denseReluFromBias", "W", "b1", "x")
                .at(w34, b3, x4)
                .at(grid(4, 3, 0.4), v(0.5, -0.25, 0.75, 0.1), v(0.9, -0.6, 0.3))
                .at(m(v(2.0), v(-1.0)), v(0.5, -1.0), v(1.5))
                .twin(in -> {
                    DerivativeStructure[][] w = in.m(0);
                    DerivativeStructure[] b = in.v(1);
                    DerivativeStructure[] x = in.v(2);
                    DerivativeStructure s = in.c(0);
                    for (int j = 0; j < w.length; j++) {
                        DerivativeStructure a = GalleryDs.max(in.c(0), dot(b[j], w[j], x));
                        s = s.add(a.multiply(a));
                    }
                    return s;
                }));
        // A recurrent cell called per time step: recorded in the forward sweep, replayed in the reverse.
        out.add(program("NeuralLayers", "rnnSequenceLoss", "Wx", "Wh", "b", "-", "-")
                .at(grid(3, 2, 0.3), m(v(0.2, -0.4, 0.1), v(0.5, 0.3, -0.2), v(-0.1, 0.6, 0.4)), b3, grid(4, 2, 1.1),
                        v(0.3, -0.5, 0.2))
                .at(grid(2, 3, 0.8), m(v(0.9, -0.7), v(0.4, 1.1)), v(-0.2, 0.5), grid(5, 3, 0.2), v(-0.4, 0.6))
                .twin(in -> {
                    DerivativeStructure[][] wx = in.m(0);
                    DerivativeStructure[][] wh = in.m(1);
                    DerivativeStructure[] b = in.v(2);
                    DerivativeStructure[][] xs = in.m(3);
                    DerivativeStructure[] target = in.v(4);
                    DerivativeStructure[] h = new DerivativeStructure[b.length];
                    java.util.Arrays.fill(h, in.c(0));
                    for (DerivativeStructure[] x : xs) {
                        DerivativeStructure[] next = new DerivativeStructure[h.length];
                        for (int j = 0; j < h.length; j++) {
                            next[j] = dot(b[j], wx[j], x).add(dot(in.c(0), wh[j], h)).tanh();
                        }
                        h = next;
                    }
                    DerivativeStructure loss = in.c(0);
                    for (int j = 0; j < h.length; j++) {
                        DerivativeStructure e = h[j].subtract(target[j]);
                        loss = loss.add(e.multiply(e));
                    }
                    return loss;
                }));
        out.add(program("NeuralLayers", "denseTanhFromZero", "W", "b", "x", "v")
                .at(w34, b3, x4, v(0.7, -1.1, 0.4))
                .at(grid(2, 5, 1.0), v(-0.3, 0.6), wave(5, 0.2), v(1.5, 0.5)));
        out.add(program("NeuralLayers", "denseTanhFromBias", "W", "b", "x")
                .at(w34, b3, x4)
                .at(grid(2, 5, 1.0), v(-0.3, 0.6), wave(5, 0.2))
                .twin(in -> {
                    DerivativeStructure[][] w = in.m(0);
                    DerivativeStructure[] b = in.v(1);
                    DerivativeStructure[] x = in.v(2);
                    DerivativeStructure s = in.c(0);
                    for (int j = 0; j < w.length; j++) {
                        s = s.add(dot(b[j], w[j], x).tanh());
                    }
                    return s;
                }));
        out.add(program("NeuralLayers", "denseTanhSquared", "W", "b", "x")
                .at(w34, b3, x4)
                .at(grid(2, 5, 1.0), v(-0.3, 0.6), wave(5, 0.2))
                .twin(in -> {
                    DerivativeStructure[][] w = in.m(0);
                    DerivativeStructure[] b = in.v(1);
                    DerivativeStructure[] x = in.v(2);
                    DerivativeStructure s = in.c(0);
                    for (int j = 0; j < w.length; j++) {
                        DerivativeStructure a = dot(b[j], w[j], x).tanh();
                        s = s.add(a.multiply(a));
                    }
                    return s;
                }));
        out.add(program("NeuralLayers", "denseActivationCall", "W", "b", "x")
                .at(w34, b3, x4)
                .at(grid(2, 5, 1.0), v(-0.3, 0.6), wave(5, 0.2))
                .twin(in -> {
                    DerivativeStructure[][] w = in.m(0);
                    DerivativeStructure[] b = in.v(1);
                    DerivativeStructure[] x = in.v(2);
                    DerivativeStructure s = in.c(0);
                    for (int j = 0; j < w.length; j++) {
                        s = s.add(dot(b[j], w[j], x).exp().log1p());
                    }
                    return s;
                }));
        out.add(program("NeuralLayers", "leakyReluLayer", "W", "b", "x", "v")
                .at(w34, b3, x4, v(0.7, -1.1, 0.4))
                .at(grid(4, 2, 0.3), v(0.2, -0.4, 0.1, 0.3), v(-1.1, 0.8), v(1, 2, 3, 4)));
        double[][] batch = m(v(0.5, -1.0), v(1.5, 0.3), v(-0.8, 0.9));
        out.add(program("NeuralLayers", "mlpBatchLoss", "W1", "b1", "w2", "b2", "X", "y")
                .at(grid(3, 2, 0.1), v(0.1, -0.2, 0.05), v(0.6, -0.4, 0.9), 0.3, batch, v(0.2, -0.5, 1.0))
                .at(grid(4, 2, 2.0), v(0, 0.1, 0.2, 0.3), v(-0.5, 0.5, 1.0, -1.0), -0.1, batch, v(1, 0, -1))
                .twin(in -> {
                    DerivativeStructure[][] w1 = in.m(0);
                    DerivativeStructure[] b1 = in.v(1);
                    DerivativeStructure[] w2 = in.v(2);
                    DerivativeStructure[][] xs = in.m(4);
                    DerivativeStructure[] y = in.v(5);
                    DerivativeStructure loss = in.c(0);
                    for (int n = 0; n < xs.length; n++) {
                        DerivativeStructure pred = in.s(3);
                        for (int j = 0; j < w1.length; j++) {
                            pred = pred.add(w2[j].multiply(dot(b1[j], w1[j], xs[n]).tanh()));
                        }
                        DerivativeStructure e = pred.subtract(y[n]);
                        loss = loss.add(e.multiply(e));
                    }
                    return loss.divide(xs.length);
                }));
        out.add(program("NeuralLayers", "mlpBatchSoftmax", "W1", "b1", "W2", "b2", "X", "-")
                .at(grid(3, 2, 0.5), v(0.1, -0.1, 0.2), grid(4, 3, 1.5), v(0.0, 0.1, -0.1, 0.2), batch, ints(2, 0, 3))
                .at(grid(2, 2, 2.5), v(0.3, -0.3), grid(3, 2, 0.2), v(0.5, 0.0, -0.5), batch, ints(0, 1, 1))
                .twin(GalleryCatalogue::mlpBatchSoftmaxDs));
        out.add(program("NeuralLayers", "mlpBatchHoisted", "W1", "b1", "W2", "b2", "X", "-")
                .at(grid(3, 2, 0.5), v(0.1, -0.1, 0.2), grid(4, 3, 1.5), v(0.0, 0.1, -0.1, 0.2), batch, ints(2, 0, 3))
                .at(grid(2, 2, 2.5), v(0.3, -0.3), grid(3, 2, 0.2), v(0.5, 0.0, -0.5), batch, ints(0, 1, 1))
                .twin(GalleryCatalogue::mlpBatchSoftmaxDs));
        out.add(program("NeuralLayers", "twoHiddenBatch", "W1", "W2", "w3", "X", "y")
                .at(grid(3, 2, 0.5), grid(2, 3, 1.5), v(0.8, -0.6), batch, v(0.2, -0.5, 1.0))
                .at(grid(4, 2, 2.0), grid(3, 4, 0.2), v(0.5, 1.0, -1.0), batch, v(1, 0, -1))
                .twin(in -> {
                    DerivativeStructure[][] w1 = in.m(0);
                    DerivativeStructure[][] w2 = in.m(1);
                    DerivativeStructure[] w3 = in.v(2);
                    DerivativeStructure[][] xs = in.m(3);
                    DerivativeStructure[] y = in.v(4);
                    DerivativeStructure loss = in.c(0);
                    for (int n = 0; n < xs.length; n++) {
                        DerivativeStructure[] h1 = new DerivativeStructure[w1.length];
                        for (int j = 0; j < h1.length; j++) {
                            h1[j] = dot(in.c(0), w1[j], xs[n]).tanh();
                        }
                        DerivativeStructure pred = in.c(0);
                        for (int j = 0; j < w2.length; j++) {
                            DerivativeStructure h2 = dot(in.c(0), w2[j], h1).exp().log1p();
                            pred = pred.add(w3[j].multiply(h2).multiply(h1[j % h1.length]));
                        }
                        DerivativeStructure e = pred.subtract(y[n]);
                        loss = loss.add(e.multiply(e));
                    }
                    return loss;
                }));
        out.add(program("NeuralLayers", "mlpSampleCrossEntropy", "W1", "b1", "W2", "b2", "x", "-")
                .at(grid(3, 2, 0.5), v(0.1, -0.1, 0.2), grid(4, 3, 1.5), v(0.0, 0.1, -0.1, 0.2), v(0.7, -1.2), 2)
                .at(grid(2, 3, 2.5), v(0.3, -0.3), grid(3, 2, 0.2), v(0.5, 0.0, -0.5), v(1.0, 0.5, -0.5), 0));
        out.add(program("NeuralLayers", "softmaxCrossEntropy", "logits", "-")
                .at(v(1.0, 2.5, -0.5), 0).at(v(0.3, -1.2, 2.2, 0.9), 3).at(v(-4.0, 1.0), 1)
                .twin(in -> {
                    DerivativeStructure[] l = in.v(0);
                    return lse(l).subtract(l[in.i(1)]);
                }));
        out.add(program("NeuralLayers", "logSumExp", "x")
                .at(v(1.0, 2.5, -0.5)).at(v(3.0, -1.0, 0.5, 2.9)).at(v(0.2))
                .twin(in -> lse(in.v(0))));
        out.add(program("NeuralLayers", "attention", "q", "K", "V", "u")
                .at(v(0.5, -0.3, 0.8), grid(4, 3, 0.0), grid(4, 2, 1.0), v(1.0, -0.5))
                .at(v(-1.0, 0.2, 0.4), grid(2, 3, 3.0), grid(2, 3, 2.0), v(0.3, 0.6, -0.9))
                .twin(GalleryCatalogue::attentionTwin));
        out.add(program("NeuralLayers", "layerNorm", "x", "gamma", "beta", "r")
                .at(v(0.5, -1.0, 2.0, 0.3), v(1.0, 0.9, 1.1, 1.2), v(0.0, 0.1, -0.1, 0.2), v(0.4, -0.7, 0.2, 1.0))
                .at(wave(5, 0.3), v(1, 1, 1, 1, 1), v(0, 0, 0, 0, 0), wave(5, 1.9))
                .twin(in -> {
                    DerivativeStructure[] x = in.v(0);
                    DerivativeStructure[] g = in.v(1);
                    DerivativeStructure[] b = in.v(2);
                    DerivativeStructure[] r = in.v(3);
                    int n = x.length;
                    DerivativeStructure mean = sum(x).divide(n);
                    DerivativeStructure var = in.c(0);
                    for (DerivativeStructure xi : x) {
                        var = var.add(xi.subtract(mean).multiply(xi.subtract(mean)));
                    }
                    DerivativeStructure inv = var.divide(n).add(1e-5).sqrt().reciprocal();
                    DerivativeStructure s = in.c(0);
                    for (int i = 0; i < n; i++) {
                        s = s.add(r[i].multiply(g[i].multiply(x[i].subtract(mean).multiply(inv)).add(b[i])));
                    }
                    return s;
                }));
        out.add(program("NeuralLayers", "residualBlock", "W", "x")
                .at(grid(3, 3, 0.2), v(0.5, -0.4, 1.0)).at(grid(2, 2, 1.1), v(-1.0, 0.3)));
        out.add(program("NeuralLayers", "maskedLayer", "W", "x", "-", "p")
                .at(grid(4, 3, 0.6), v(0.3, -0.5, 0.2), ints(1, 0, 1, 1), 0.2)
                .at(grid(3, 2, 1.6), v(0.8, 0.1), ints(0, 1, 0), 0.5));
        for (int kind = 0; kind < 5; kind++) {
            out.add(program("NeuralLayers", "activationZoo", "W", "b", "x", "-")
                    .at(w34, b3, x4, kind).at(grid(2, 5, 1.0), v(-0.3, 0.6), wave(5, 0.2), kind));
        }
        out.add(program("NeuralLayers", "floatNeuron", "w", "b", "x")
                .at(f(0.5f, -0.25f, 0.75f), 0.125f, f(1.0f, 0.5f, -0.5f))
                .at(f(-0.3f, 0.6f), -0.2f, f(0.9f, 1.4f))
                .floats()
                .twin(in -> {
                    DerivativeStructure a = dot(in.s(1), in.v(0), in.v(2)).tanh();
                    return a.multiply(a);
                }));
        return out;
    }

    private static DerivativeStructure attentionTwin(GalleryDs in) {
        DerivativeStructure[] q = in.v(0);
        DerivativeStructure[][] k = in.m(1);
        DerivativeStructure[][] val = in.m(2);
        DerivativeStructure[] u = in.v(3);
        DerivativeStructure[] scores = new DerivativeStructure[k.length];
        for (int i = 0; i < k.length; i++) {
            scores[i] = dot(in.c(0), k[i], q).divide(Math.sqrt(q.length));
        }
        DerivativeStructure z = lse(scores);
        DerivativeStructure out = in.c(0);
        for (int i = 0; i < k.length; i++) {
            DerivativeStructure w = scores[i].subtract(z).exp();
            out = out.add(w.multiply(dot(in.c(0), val[i], u)));
        }
        return out;
    }

    // ---------------------------------------------------------------- Polynomials

    private static List<GalleryCase> polynomials() {
        List<GalleryCase> out = new ArrayList<>();
        out.add(program("Polynomials", "hornerFromLead", "c", "x")
                .at(v(1, 2, 4), 1.5).at(v(0.5, -1.0, 0.25, 2.0, -0.75), -0.8).at(v(3.0, -2.0), 0.4)
                .closedForm(GalleryCatalogue::polynomialGradient)
                .twin(in -> horner(in.v(0), in.s(1))));
        out.add(program("Polynomials", "hornerFromZero", "c", "x")
                .at(v(1, 2, 4), 1.5).at(v(0.5, -1.0, 0.25, 2.0, -0.75), -0.8)
                .closedForm(GalleryCatalogue::polynomialGradient));
        out.add(program("Polynomials", "ascendingPowers", "c", "x")
                .at(v(1, 2, 4), 1.5).at(v(0.5, -1.0, 0.25, 2.0, -0.75), -0.8)
                .closedForm(GalleryCatalogue::polynomialGradient));
        out.add(program("Polynomials", "hornerWithDerivative", "c", "x")
                .at(v(1, 2, 4), 1.5).at(v(0.5, -1.0, 0.25, 2.0, -0.75), -0.8)
                .twin(in -> {
                    DerivativeStructure[] c = in.v(0);
                    DerivativeStructure x = in.s(1);
                    DerivativeStructure[] dc = new DerivativeStructure[c.length - 1];
                    for (int i = 1; i < c.length; i++) {
                        dc[i - 1] = c[i].multiply(i);
                    }
                    return horner(c, x).add(horner(dc, x));
                }));
        out.add(program("Polynomials", "chebyshevSeries", "a", "x")
                .at(v(0.5, -1.0, 0.25, 0.75), 0.3).at(v(1, 2, 3, 4, 5, 6), -0.65)
                .twin(in -> chebyshev(in.v(0), in.s(1))));
        out.add(program("Polynomials", "clenshaw", "a", "x")
                .at(v(0.5, -1.0, 0.25, 0.75), 0.3).at(v(1, 2, 3, 4, 5, 6), -0.65)
                .twin(in -> chebyshev(in.v(0), in.s(1))));
        double[] xs = v(-1.0, -0.3, 0.4, 1.2, 2.0);
        double[] ys = v(0.5, 0.1, 0.9, 2.5, 3.0);
        out.add(program("Polynomials", "leastSquaresFit", "c", "xs", "ys")
                .at(v(0.2, 0.8, 0.3), xs, ys).at(v(1.0, -0.5), xs, ys)
                .closedForm(a -> leastSquaresGradient(a, true)));
        out.add(program("Polynomials", "leastSquaresInline", "c", "-", "-")
                .at(v(0.2, 0.8, 0.3), xs, ys).at(v(1.0, -0.5, 0.1, 0.05), xs, ys)
                .closedForm(a -> leastSquaresGradient(a, false)));
        out.add(program("Polynomials", "hornerFloat", "c", "x")
                .at(f(1, 2, 4), 1.5f).at(f(0.5f, -1.0f, 0.25f, 2.0f), -0.75f)
                .floats()
                .twin(in -> horner(in.v(0), in.s(1))));
        return out;
    }

    /** d/dc_i = x^i and d/dx = sum of i c_i x^(i-1). */
    private static double[] polynomialGradient(Object[] a) {
        double[] c = GalleryChecks.flatten(a[0]);
        double x = ((Number) a[1]).doubleValue();
        double[] g = new double[c.length + 1];
        for (int i = 0; i < c.length; i++) {
            g[i] = Math.pow(x, i);
            if (i > 0) {
                g[c.length] += i * c[i] * Math.pow(x, i - 1);
            }
        }
        return g;
    }

    /** sse = sum of r_i^2 with r_i = p(x_i) - y_i: d/dc_k = 2 sum r_i x_i^k, d/dx_i = 2 r_i p'(x_i), d/dy_i = -2 r_i. */
    private static double[] leastSquaresGradient(Object[] a, boolean all) {
        double[] c = (double[]) a[0];
        double[] xs = (double[]) a[1];
        double[] ys = (double[]) a[2];
        double[] gc = new double[c.length];
        double[] gx = new double[xs.length];
        double[] gy = new double[ys.length];
        for (int i = 0; i < xs.length; i++) {
            double p = 0.0;
            double dp = 0.0;
            for (int k = 0; k < c.length; k++) {
                p += c[k] * Math.pow(xs[i], k);
                if (k > 0) {
                    dp += k * c[k] * Math.pow(xs[i], k - 1);
                }
            }
            double r = p - ys[i];
            for (int k = 0; k < c.length; k++) {
                gc[k] += 2.0 * r * Math.pow(xs[i], k);
            }
            gx[i] = 2.0 * r * dp;
            gy[i] = -2.0 * r;
        }
        return all ? concat(gc, concat(gx, gy)) : gc;
    }

    private static DerivativeStructure horner(DerivativeStructure[] c, DerivativeStructure x) {
        DerivativeStructure p = c[c.length - 1];
        for (int i = c.length - 2; i >= 0; i--) {
            p = p.multiply(x).add(c[i]);
        }
        return p;
    }

    /** sum of a_k T_k(x) with T_k(x) = cos(k acos x), independent of both recurrences. */
    private static DerivativeStructure chebyshev(DerivativeStructure[] a, DerivativeStructure x) {
        DerivativeStructure s = a[0];
        DerivativeStructure theta = x.acos();
        for (int k = 1; k < a.length; k++) {
            s = s.add(a[k].multiply(theta.multiply(k).cos()));
        }
        return s;
    }

    // ---------------------------------------------------------------- OdeSteps

    private static List<GalleryCase> odeSteps() {
        List<GalleryCase> out = new ArrayList<>();
        out.add(program("OdeSteps", "eulerOscillator", "init", "k", "c", "dt", "-")
                .at(v(1.0, 0.0), 4.0, 0.3, 0.05, 20).at(v(-0.5, 1.2), 1.5, 0.1, 0.1, 7)
                .twin(in -> {
                    DerivativeStructure[] init = in.v(0);
                    DerivativeStructure x = init[0];
                    DerivativeStructure vel = init[1];
                    for (int s = 0; s < in.i(4); s++) {
                        DerivativeStructure a = in.s(1).negate().multiply(x).subtract(in.s(2).multiply(vel));
                        x = x.add(in.s(3).multiply(vel));
                        vel = vel.add(in.s(3).multiply(a));
                    }
                    return x.multiply(x).add(vel.multiply(vel));
                }));
        out.add(program("OdeSteps", "eulerStiffnessOnly", "-", "k", "-", "-")
                .at(v(1.0, 0.5), 2.0, 0.1, 10).at(v(-0.3, 2.0), 0.7, 0.2, 5)
                .twin(in -> {
                    double[] init = (double[]) in.raw(0);
                    DerivativeStructure x = in.c(init[0]);
                    DerivativeStructure vel = in.c(init[1]);
                    for (int s = 0; s < in.i(3); s++) {
                        DerivativeStructure xNew = x.add(vel.multiply(in.d(2)));
                        vel = vel.subtract(in.s(1).multiply(x).multiply(in.d(2)));
                        x = xNew;
                    }
                    return x;
                }));
        out.add(program("OdeSteps", "eulerArrayState", "y0", "k", "dt", "-")
                .at(v(0.5, -0.2, 1.0), 0.8, 0.1, 6).at(v(1.5, 0.3), 2.0, 0.05, 10));
        out.add(program("OdeSteps", "rk4Scalar", "y0", "k", "h", "-")
                .at(1.0, 0.7, 0.1, 10).at(-0.4, 2.0, 0.25, 4)
                .twin(in -> {
                    DerivativeStructure y = in.s(0);
                    DerivativeStructure k = in.s(1);
                    DerivativeStructure h = in.s(2);
                    DerivativeStructure t = in.c(0);
                    for (int s = 0; s < in.i(3); s++) {
                        DerivativeStructure k1 = k.negate().multiply(y).add(t.sin());
                        DerivativeStructure tm = t.add(h.multiply(0.5));
                        DerivativeStructure k2 = k.negate().multiply(y.add(h.multiply(0.5).multiply(k1))).add(tm.sin());
                        DerivativeStructure k3 = k.negate().multiply(y.add(h.multiply(0.5).multiply(k2))).add(tm.sin());
                        DerivativeStructure k4 = k.negate().multiply(y.add(h.multiply(k3))).add(t.add(h).sin());
                        y = y.add(h.divide(6.0).multiply(k1.add(k2.multiply(2)).add(k3.multiply(2)).add(k4)));
                        t = t.add(h);
                    }
                    return y;
                }));
        out.add(program("OdeSteps", "rk4LotkaVolterra", "init", "p", "h", "-")
                .at(v(1.0, 0.5), v(1.1, 0.4, 0.1, 0.4), 0.1, 8).at(v(2.0, 1.0), v(0.6, 0.3, 0.2, 0.8), 0.05, 5)
                .twin(GalleryCatalogue::lotkaVolterraTwin));
        out.add(program("OdeSteps", "midpointLogistic", "y0", "r", "cap", "h", "-")
                .at(0.1, 1.5, 2.0, 0.2, 10).at(1.2, 0.7, 3.0, 0.5, 6));
        out.add(program("OdeSteps", "eulerSchedule", "y0", "a", "dts")
                .at(0.3, 2.0, v(0.1, 0.2, 0.05, 0.15)).at(1.0, 0.5, v(0.3, 0.3)));
        return out;
    }

    private static DerivativeStructure[] lotkaVolterra(DerivativeStructure[] p, DerivativeStructure y0,
            DerivativeStructure y1) {
        return new DerivativeStructure[] {
            p[0].multiply(y0).subtract(p[1].multiply(y0).multiply(y1)),
            p[2].multiply(y0).multiply(y1).subtract(p[3].multiply(y1))};
    }

    private static DerivativeStructure lotkaVolterraTwin(GalleryDs in) {
        DerivativeStructure[] y = in.v(0);
        DerivativeStructure[] p = in.v(1);
        DerivativeStructure h = in.s(2);
        for (int s = 0; s < in.i(3); s++) {
            DerivativeStructure[] k1 = lotkaVolterra(p, y[0], y[1]);
            DerivativeStructure[] k2 = lotkaVolterra(p, y[0].add(h.multiply(0.5).multiply(k1[0])),
                    y[1].add(h.multiply(0.5).multiply(k1[1])));
            DerivativeStructure[] k3 = lotkaVolterra(p, y[0].add(h.multiply(0.5).multiply(k2[0])),
                    y[1].add(h.multiply(0.5).multiply(k2[1])));
            DerivativeStructure[] k4 = lotkaVolterra(p, y[0].add(h.multiply(k3[0])), y[1].add(h.multiply(k3[1])));
            DerivativeStructure[] next = new DerivativeStructure[2];
            for (int i = 0; i < 2; i++) {
                next[i] = y[i].add(h.divide(6.0).multiply(
                        k1[i].add(k2[i].multiply(2.0)).add(k3[i].multiply(2.0)).add(k4[i])));
            }
            y = next;
        }
        return y[0].add(y[1].multiply(2.0));
    }

    // ---------------------------------------------------------------- Physics

    private static List<GalleryCase> physics() {
        List<GalleryCase> out = new ArrayList<>();
        out.add(program("Physics", "springChainEnergy", "pos", "k", "rest")
                .at(v(0.0, 1.1, 1.9, 3.2), 5.0, 1.0).at(v(-1.0, 0.5), 2.0, 1.2));
        out.add(program("Physics", "gravityPotential", "pos", "mass")
                .at(m(v(0, 0), v(1, 0.5), v(-0.5, 1.5)), v(1.0, 2.0, 0.5))
                .at(m(v(0.3, -0.2), v(-1.0, 0.7)), v(3.0, 1.5)));
        out.add(program("Physics", "verletPendulum", "theta0", "omega0", "g", "len", "dt", "-")
                .at(0.5, 0.0, 9.81, 1.0, 0.01, 50).at(1.2, -0.5, 9.81, 2.0, 0.05, 20));
        out.add(program("Physics", "projectileRange", "speed", "angle", "drag", "dt")
                .at(20.0, 0.7, 0.01, 0.01).at(12.0, 1.1, 0.05, 0.02));
        out.add(program("Physics", "newtonCubeRoot", "a")
                .at(8.0).at(0.3).at(27.5)
                .closedForm(a -> v(1.0 / (3.0 * Math.pow(Math.cbrt((Double) a[0]), 2)))));
        out.add(program("Physics", "fixedPointCos", "a", "b")
                .at(0.7, 0.3).at(-0.5, 0.1));
        out.add(program("Physics", "keplerPosition", "ecc", "meanAnomaly", "semiMajor")
                .at(0.3, 1.0, 2.0).at(0.6, 2.5, 1.0)
                .firstOrderTwin(in -> {
                    // dE/de and dE/dM by the implicit function theorem on E - e sin E = M.
                    double ecc = in.d(0);
                    double mean = in.d(1);
                    double e = mean;
                    for (int it = 0; it < 100; it++) {
                        e -= (e - ecc * Math.sin(e) - mean) / (1.0 - ecc * Math.cos(e));
                    }
                    DerivativeStructure residual = in.c(e).subtract(in.s(0).multiply(Math.sin(e))).subtract(in.s(1));
                    DerivativeStructure bigE = in.c(e).subtract(residual.divide(1.0 - ecc * Math.cos(e)));
                    return in.s(2).multiply(bigE.cos().subtract(in.s(0)));
                }));
        out.add(program("Physics", "haversine", "lat1", "lon1", "lat2", "lon2")
                .at(48.85, 2.35, 51.51, -0.13).at(-33.9, 151.2, 35.7, 139.7));
        out.add(program("Physics", "planckSpectrum", "temperature", "micrometres")
                .at(5800.0, v(0.4, 0.5, 0.7)).at(3000.0, v(1.0, 2.0)));
        out.add(program("Physics", "heatRod", "u0", "alpha", "-")
                .at(v(0.0, 1.0, 0.5, 2.0, 0.0), 0.2, 5).at(wave(7, 0.4), 0.1, 12));
        return out;
    }

    // ---------------------------------------------------------------- Filters

    private static List<GalleryCase> filters() {
        double[] series = v(1.0, 1.4, 1.1, 1.9, 2.3, 2.0, 2.8);
        List<GalleryCase> out = new ArrayList<>();
        out.add(program("Filters", "exponentialSmoothing", "alpha", "x")
                .at(0.3, series).at(0.8, v(0.5, -0.2, 0.4)));
        out.add(program("Filters", "emaBiasCorrected", "beta", "x")
                .at(0.9, series).at(0.5, v(2.0, -1.0)));
        out.add(program("Filters", "holtLinear", "alpha", "beta", "x")
                .at(0.4, 0.2, series).at(0.7, 0.5, v(0.1, 0.5, 0.2, 0.9)));
        out.add(program("Filters", "kalmanScalar", "q", "r", "obs")
                .at(0.1, 0.5, series).at(0.5, 0.2, v(-0.3, 0.4))
                .twin(in -> {
                    DerivativeStructure q = in.s(0);
                    DerivativeStructure r = in.s(1);
                    DerivativeStructure[] obs = in.v(2);
                    DerivativeStructure x = in.c(0);
                    DerivativeStructure p = in.c(1);
                    DerivativeStructure nll = in.c(0);
                    for (DerivativeStructure o : obs) {
                        p = p.add(q);
                        DerivativeStructure s = p.add(r);
                        DerivativeStructure innov = o.subtract(x);
                        nll = nll.add(s.multiply(2 * Math.PI).log().add(innov.multiply(innov).divide(s)).multiply(0.5));
                        DerivativeStructure gain = p.divide(s);
                        x = x.add(gain.multiply(innov));
                        p = gain.negate().add(1).multiply(p);
                    }
                    return nll;
                }));
        out.add(program("Filters", "kalmanTwoState", "q", "r", "dt", "obs")
                .at(0.2, 0.3, 0.5, series).at(1.0, 0.1, 1.0, v(0.0, 0.5, 1.5))
                .twin(GalleryCatalogue::kalmanTwoStateTwin));
        out.add(program("Filters", "teacherForcing", "k", "obs")
                .at(0.9, series).at(1.3, v(0.5, -0.2, 0.4))
                .twin(in -> {
                    DerivativeStructure[] obs = in.v(1);
                    DerivativeStructure loss = in.c(0);
                    for (int t = 1; t < obs.length; t++) {
                        DerivativeStructure e = obs[t - 1].multiply(in.s(0)).subtract(obs[t]);
                        loss = loss.add(e.multiply(e));
                    }
                    return loss;
                }));
        out.add(program("Filters", "teacherForcingFromState", "a", "k", "obs")
                .at(0.5, 0.9, v(0.3, 0.1, -0.2, 0.4)).at(-1.0, 1.5, v(0.7, 0.2))
                .twin(in -> {
                    DerivativeStructure[] obs = in.v(2);
                    DerivativeStructure prev = in.s(0);
                    DerivativeStructure loss = in.c(0);
                    for (DerivativeStructure o : obs) {
                        DerivativeStructure e = in.s(1).multiply(prev).tanh().subtract(o);
                        loss = loss.add(e.multiply(e));
                        prev = o;
                    }
                    return loss;
                }));
        out.add(program("Filters", "lastObservation", "a", "-")
                .at(2.0, v(0.5, 1.5)).at(-0.7, v(3.0))
                .closedForm(a -> v(0.0))
                .twin(in -> {
                    double[] obs = (double[]) in.raw(1);
                    return in.c(obs[obs.length - 1]).add(in.s(0).multiply(0.0));
                }));
        out.add(program("Filters", "lastObservationScaled", "a", "-")
                .at(2.0, v(0.5, 1.5)).at(-0.7, v(3.0))
                .closedForm(a -> {
                    double[] obs = (double[]) a[1];
                    return v(obs[obs.length - 1]);
                }));
        out.add(program("Filters", "rnnWithResets", "w", "u", "x", "-")
                .at(0.8, 0.5, v(0.3, -0.4, 1.0, 0.2, -0.6), ints(0, 0, 1, 0, 0))
                .at(-0.6, 1.2, v(1.0, 0.5, -0.5), ints(1, 0, 0)));
        out.add(program("Filters", "ar2Residuals", "phi1", "phi2", "x")
                .at(0.6, 0.3, series).at(-0.2, 0.9, v(0.1, -0.3, 0.5, 0.2)));
        out.add(program("Filters", "smoothingFloat", "alpha", "x")
                .at(0.3f, f(1.0f, 1.4f, 1.1f, 1.9f, 2.3f)).at(0.75f, f(0.5f, -0.25f, 0.375f))
                .floats());
        return out;
    }

    private static DerivativeStructure kalmanTwoStateTwin(GalleryDs in) {
        DerivativeStructure q = in.s(0);
        DerivativeStructure r = in.s(1);
        DerivativeStructure dt = in.s(2);
        DerivativeStructure[] obs = in.v(3);
        DerivativeStructure pos = obs[0];
        DerivativeStructure vel = in.c(0);
        DerivativeStructure p00 = in.c(1);
        DerivativeStructure p01 = in.c(0);
        DerivativeStructure p11 = in.c(1);
        DerivativeStructure nll = in.c(0);
        for (int t = 1; t < obs.length; t++) {
            pos = pos.add(dt.multiply(vel));
            DerivativeStructure dt2 = dt.multiply(dt);
            DerivativeStructure n00 = p00.add(dt.multiply(p01).multiply(2)).add(dt2.multiply(p11))
                    .add(q.multiply(dt2).multiply(dt).divide(3.0));
            DerivativeStructure n01 = p01.add(dt.multiply(p11)).add(q.multiply(dt2).divide(2.0));
            DerivativeStructure n11 = p11.add(q.multiply(dt));
            DerivativeStructure s = n00.add(r);
            DerivativeStructure innov = obs[t].subtract(pos);
            nll = nll.add(s.log().add(innov.multiply(innov).divide(s)).multiply(0.5));
            DerivativeStructure k0 = n00.divide(s);
            DerivativeStructure k1 = n01.divide(s);
            pos = pos.add(k0.multiply(innov));
            vel = vel.add(k1.multiply(innov));
            p00 = k0.negate().add(1).multiply(n00);
            p01 = k0.negate().add(1).multiply(n01);
            p11 = n11.subtract(k1.multiply(n01));
        }
        return nll;
    }

    // ---------------------------------------------------------------- Losses

    private static List<GalleryCase> losses() {
        double[][] xs = m(v(1.0, 0.5), v(-0.3, 1.2), v(0.8, -0.9), v(2.0, 0.1));
        double[] ys = v(0.7, 1.5, -2.0, 0.3);
        List<GalleryCase> out = new ArrayList<>();
        out.add(program("Losses", "huberRegression", "w", "X", "y", "delta")
                .at(v(0.5, -0.2), xs, ys, 1.0).at(v(1.5, 0.8), xs, ys, 0.6)
                .twin(in -> {
                    DerivativeStructure[] w = in.v(0);
                    DerivativeStructure[][] x = in.m(1);
                    DerivativeStructure[] y = in.v(2);
                    DerivativeStructure delta = in.s(3);
                    DerivativeStructure loss = in.c(0);
                    for (int i = 0; i < x.length; i++) {
                        DerivativeStructure r = dot(in.c(0), x[i], w).subtract(y[i]);
                        DerivativeStructure a = r.abs();
                        loss = loss.add(a.getValue() <= delta.getValue() ? r.multiply(r).multiply(0.5)
                                : delta.multiply(a.subtract(delta.multiply(0.5))));
                    }
                    return loss;
                }));
        out.add(program("Losses", "logisticRegression", "w", "b", "X", "-")
                .at(v(0.5, -0.2), 0.1, xs, ints(1, 0, 0, 1)).at(v(-1.5, 2.0), -0.4, xs, ints(0, 1, 1, 0)));
        out.add(program("Losses", "elasticNet", "w", "-", "-", "lambda1", "lambda2")
                .at(v(0.5, -0.2), xs, ys, 0.1, 0.01).at(v(-1.1, 0.7), xs, ys, 0.5, 0.2));
        out.add(program("Losses", "gaussianNll", "mu", "logSigma", "data")
                .at(0.3, -0.2, v(0.5, -0.1, 1.2, 0.4)).at(-1.0, 0.8, v(2.0, -3.0)));
        out.add(program("Losses", "gmmLogLikelihood", "logits", "means", "logSigmas", "data")
                .at(v(0.2, -0.1, 0.4), v(-1.0, 0.5, 2.0), v(-0.3, 0.1, 0.2), v(-0.8, 0.4, 1.9, 0.7, 2.5))
                .at(v(1.0, 0.0), v(0.0, 3.0), v(0.5, -0.5), v(0.2, 2.8, 1.4))
                .twin(GalleryCatalogue::gmmTwin));
        out.add(program("Losses", "cosineSimilarity", "a", "b")
                .at(v(1.0, 2.0, -0.5), v(0.3, -1.0, 2.0)).at(v(0.2, 0.9), v(1.5, 0.4))
                .twin(in -> {
                    DerivativeStructure[] a = in.v(0);
                    DerivativeStructure[] b = in.v(1);
                    return dot(in.c(0), a, b).divide(dot(in.c(0), a, a).sqrt().multiply(dot(in.c(0), b, b).sqrt()));
                }));
        out.add(program("Losses", "multiclassHinge", "W", "-", "-")
                .at(grid(3, 2, 0.5), v(1.0, -0.5), 1).at(grid(4, 3, 1.7), v(0.3, 0.8, -0.2), 2));
        out.add(program("Losses", "poissonRegression", "beta", "X", "-")
                .at(v(0.3, -0.2), xs, ints(1, 0, 3, 2)).at(v(-0.5, 0.4), xs, ints(0, 2, 0, 1)));
        out.add(program("Losses", "crossEntropyFloat", "logits", "-")
                .at(f(1.0f, 2.5f, -0.5f), 0).at(f(0.25f, -1.25f, 2.0f, 0.75f), 3)
                .floats()
                .twin(in -> {
                    DerivativeStructure[] l = in.v(0);
                    return lse(l).subtract(l[in.i(1)]);
                }));
        return out;
    }

    private static DerivativeStructure gmmTwin(GalleryDs in) {
        DerivativeStructure[] logits = in.v(0);
        DerivativeStructure[] means = in.v(1);
        DerivativeStructure[] logSigmas = in.v(2);
        DerivativeStructure[] data = in.v(3);
        DerivativeStructure logZ = lse(logits);
        DerivativeStructure ll = in.c(0);
        for (DerivativeStructure x : data) {
            DerivativeStructure[] comp = new DerivativeStructure[logits.length];
            for (int c = 0; c < logits.length; c++) {
                DerivativeStructure z = x.subtract(means[c]).divide(logSigmas[c].exp());
                comp[c] = logits[c].subtract(logZ).subtract(z.multiply(z).multiply(0.5)).subtract(logSigmas[c])
                        .subtract(0.5 * Math.log(2 * Math.PI));
            }
            ll = ll.add(lse(comp));
        }
        return ll;
    }

    // ---------------------------------------------------------------- Statistics

    private static List<GalleryCase> statistics() {
        double[] sample = v(0.5, 2.0, -1.0, 3.5, 0.2);
        List<GalleryCase> out = new ArrayList<>();
        out.add(program("Statistics", "skewness", "x")
                .at(sample).at(v(1.0, 1.5, 4.0, -0.5))
                .twin(in -> {
                    DerivativeStructure[] x = in.v(0);
                    int n = x.length;
                    DerivativeStructure mean = sum(x).divide(n);
                    DerivativeStructure m2 = in.c(0);
                    DerivativeStructure m3 = in.c(0);
                    for (DerivativeStructure xi : x) {
                        DerivativeStructure d = xi.subtract(mean);
                        m2 = m2.add(d.multiply(d));
                        m3 = m3.add(d.multiply(d).multiply(d));
                    }
                    return m3.divide(n).divide(m2.divide(n).pow(1.5));
                }));
        out.add(program("Statistics", "pearson", "x", "y")
                .at(sample, v(1.0, 1.8, -0.5, 2.0, 0.9)).at(v(0.1, 0.4, -0.3), v(2.0, -1.0, 0.5)));
        out.add(program("Statistics", "welfordVariance", "x")
                .at(sample).at(v(3.0, -1.0)));
        out.add(program("Statistics", "runningMaxSquared", "x")
                .at(sample).at(v(4.0, 1.0, -2.0)).at(v(-3.0, -1.0, -2.0))
                .twin(in -> {
                    DerivativeStructure[] x = in.v(0);
                    DerivativeStructure mx = x[0];
                    for (DerivativeStructure xi : x) {
                        mx = GalleryDs.max(mx, xi);
                    }
                    return mx.multiply(mx);
                }));
        out.add(program("Statistics", "range", "x")
                .at(sample).at(v(-2.0, 1.0)).at(v(3.0, 0.5, 1.0)));
        out.add(program("Statistics", "firstAbove", "x", "threshold")
                .at(v(0.5, 1.0, 2.5, 3.0, 0.2), 2.0).at(v(1.0, 0.2), 5.0).at(v(3.0, 4.0, 5.0), 3.5));
        out.add(program("Statistics", "firstRoot", "ys", "dx")
                .at(v(1.0, 0.5, -0.25, -1.0), 0.1).at(v(-2.0, -1.0, 0.5, 1.0), 0.2).at(v(1.0, 2.0), 0.3));
        out.add(program("Statistics", "kernelRegression", "x0", "bandwidth", "xs", "ys")
                .at(0.3, 0.5, v(-1.0, 0.0, 0.5, 1.5), v(0.2, 0.8, 1.1, 0.4))
                .at(1.2, 2.0, v(0.0, 2.0), v(1.0, -1.0)));
        out.add(program("Statistics", "standardisedCubes", "x")
                .at(sample).at(v(1.0, 1.5, 4.0, -0.5)));
        out.add(program("Statistics", "softMax", "x", "temperature")
                .at(v(1.0, 2.5, -0.5), 0.5).at(v(-1.0, -3.0), 2.0));
        return out;
    }

    // ---------------------------------------------------------------- Copies

    private static List<GalleryCase> copies() {
        List<GalleryCase> out = new ArrayList<>();
        out.add(program("Copies", "elementThenUpdate", "b", "c")
                .at(v(0.5, -1.0), 2.0).at(v(1.5, 0.25, -3.0), -0.5)
                .closedForm(a -> {
                    double[] b = (double[]) a[0];
                    double c = (Double) a[1];
                    double[] g = new double[b.length + 1];
                    for (int j = 0; j < b.length; j++) {
                        g[j] = 2.0 * (b[j] + c);
                        g[b.length] += 2.0 * (b[j] + c);
                    }
                    return g;
                })
                .twin(in -> {
                    DerivativeStructure s = in.c(0);
                    for (DerivativeStructure bj : in.v(0)) {
                        DerivativeStructure z = bj.add(in.s(1));
                        s = s.add(z.multiply(z));
                    }
                    return s;
                }));
        out.add(program("Copies", "copyByLoopThenScale", "x", "a")
                .at(v(1.0, -2.0, 0.5), 1.5).at(v(0.3, 0.7), -0.4)
                .twin(in -> {
                    DerivativeStructure s = in.c(0);
                    for (DerivativeStructure xi : in.v(0)) {
                        DerivativeStructure y = xi.multiply(in.s(1)).add(xi.multiply(xi));
                        s = s.add(y.multiply(y));
                    }
                    return s;
                }));
        out.add(program("Copies", "copyMatrixThenSymmetrise", "A")
                .at((Object) grid(3, 3, 0.4)).at((Object) m(v(1.0, 2.0), v(-0.5, 0.3))));
        out.add(program("Copies", "reassignedFromEverything", "p", "x")
                .at(0.7, v(0.5, -1.0, 2.0, 0.3, 1.1, -0.4)).at(-1.2, v(0.9, 0.2, -0.6, 1.4))
                .twin(in -> {
                    DerivativeStructure p = in.s(0);
                    DerivativeStructure[] x = in.v(1);
                    DerivativeStructure s = in.c(0);
                    for (int i = 0; i < x.length; i++) {
                        DerivativeStructure val;
                        switch (i % 4) {
                            case 0: val = p; break;
                            case 1: val = x[i]; break;
                            case 2: val = in.c(2.5); break;
                            default: val = x[i].multiply(p).sin(); break;
                        }
                        val = val.multiply(x[i]).add(p);
                        s = s.add(val.multiply(val));
                    }
                    return s;
                }));
        out.add(program("Copies", "elementRebound", "x", "k")
                .at(v(1.0, 0.5, 2.0, 1.5), 0.8).at(v(-1.0, 0.3, 0.1), 1.3));
        out.add(program("Copies", "innerUpdatesOuter", "x", "a")
                .at(v(0.5, -0.3, 0.8), 0.6).at(v(1.2, 0.4), -0.9)
                .twin(in -> {
                    DerivativeStructure a = in.s(1);
                    DerivativeStructure s = in.c(0);
                    DerivativeStructure carry = a;
                    for (DerivativeStructure xi : in.v(0)) {
                        DerivativeStructure t = xi;
                        for (int j = 0; j < 3; j++) {
                            t = t.multiply(a).add(carry);
                            carry = carry.add(t.multiply(0.1));
                        }
                        s = s.add(t);
                    }
                    return s.add(carry);
                }));
        out.add(program("Copies", "prefixSums", "x")
                .at(v(0.5, -0.3, 0.8, 0.1)).at(v(2.0)));
        out.add(program("Copies", "swapEachStep", "a", "b", "-")
                .at(0.5, 0.8, 5).at(-0.3, 1.1, 2));
        return out;
    }

    // ---------------------------------------------------------------- Models

    private static List<GalleryCase> models() {
        double[] xs = v(-1.0, -0.3, 0.4, 1.2);
        double[] ys = v(0.5, 0.1, 0.9, 2.5);
        List<GalleryCase> out = new ArrayList<>();
        out.add(program("Models", "score", "x")
                .receiver(v(0.5, -1.0, 0.25), 1.5)
                .at(v(1.0, 0.3, -2.0)).at(v(-0.4, -0.9, 0.6))
                .twin(in -> {
                    DerivativeStructure[] x = in.v(0);
                    DerivativeStructure z = x[0].multiply(0.5).add(x[1].multiply(-1.0)).add(x[2].multiply(0.25));
                    return z.divide(1.5).exp().log1p();
                }));
        out.add(program("Models", "scoreLoss", "x", "target")
                .receiver(v(0.5, -1.0, 0.25), 1.5)
                .at(v(1.0, 0.3, -2.0), 0.2).at(v(-0.4, -0.9, 0.6), 1.5));
        out.add(program("Models", "anchoredDistance", "x", "-")
                .receiver(v(0.5, -1.0, 0.25), 1.5)
                .at(v(1.0, 0.3, -2.0), 0.1).at(v(-0.4, -0.9, 0.6), 2.0)
                .closedForm(a -> {
                    double[] x = (double[]) a[0];
                    double[] w = {0.5, -1.0, 0.25};
                    double d = 0.0;
                    for (int i = 0; i < x.length; i++) {
                        d += (x[i] - w[i]) * (x[i] - w[i]) / 1.5;
                    }
                    double[] g = new double[x.length];
                    for (int i = 0; i < x.length; i++) {
                        g[i] = (x[i] - w[i]) / 1.5 / Math.sqrt(d + 1e-9) + 2.0 * (Double) a[1] * x[i];
                    }
                    return g;
                }));
        double[] points = v(0.3, -0.2, 1.1, 0.4, -0.7, 0.9, 0.05, 0.6);
        out.add(program("Models", "softKMeans", "-", "centres", "-", "-")
                .at(points, v(0.2, 0.1, -0.5, 0.7), 2, 2)
                .at(points, v(0.9, -0.3, 0.0, 0.4, -1.0, 1.2), 2, 3)
                .closedForm(a -> {
                    double[] x = (double[]) a[0];
                    double[] c = (double[]) a[1];
                    int d = (Integer) a[2];
                    int k = (Integer) a[3];
                    double[] g = new double[c.length];
                    for (int p = 0; p < x.length / d; p++) {
                        double[] w = new double[k]; // exp(-|x_p - c_j|²), then normalised
                        double s = 0.0;
                        for (int j = 0; j < k; j++) {
                            double dist = 0.0;
                            for (int i = 0; i < d; i++) {
                                dist += (x[p * d + i] - c[j * d + i]) * (x[p * d + i] - c[j * d + i]);
                            }
                            w[j] = Math.exp(-dist);
                            s += w[j];
                        }
                        for (int j = 0; j < k; j++) {
                            for (int i = 0; i < d; i++) {
                                g[j * d + i] -= 2 * (w[j] / s) * (x[p * d + i] - c[j * d + i]);
                            }
                        }
                    }
                    return g;
                }));
        out.add(program("Models", "penalisedFit", "c", "xs", "ys", "lambda")
                .at(v(0.2, 0.8, 0.3), xs, ys, 0.1).at(v(1.0, -0.5), xs, ys, 0.5));
        out.add(program("Models", "eulerWithCalls", "y0", "k", "dt", "-")
                .at(0.2, 1.5, 0.1, 8).at(0.9, 0.5, 0.3, 3));
        return out;
    }

    // ---------------------------------------------------------------- Solvers

    private static List<GalleryCase> solvers() {
        double[][] spd = m(v(4.0, 1.0, 0.5), v(1.0, 3.0, 0.2), v(0.5, 0.2, 2.0));
        double[][] general = m(v(1.0, 2.0, 0.5), v(3.0, 1.0, -1.0), v(0.5, -2.0, 4.0));
        double[][] xs = m(v(1.0, 0.5), v(-0.3, 1.2), v(0.8, -0.9), v(2.0, 0.1));
        List<GalleryCase> out = new ArrayList<>();
        out.add(program("Solvers", "choleskySolve", "A", "b", "c")
                .at(spd, v(1.0, -2.0, 0.5), v(0.3, 0.7, -1.0))
                .at(m(v(2.0, 0.3), v(0.3, 1.0)), v(0.4, 1.1), v(1.0, 1.0)));
        out.add(program("Solvers", "gaussianElimination", "A", "b")
                .at(general, v(1.0, -2.0, 0.5))
                .at(m(v(0.2, 1.0), v(1.5, -0.4)), v(0.7, 0.3))
                .closedForm(GalleryCatalogue::linearSolveGradient));
        out.add(program("Solvers", "powerIteration", "A", "-")
                .at(m(v(4.0, 1.0, 0.0), v(1.0, 2.0, 0.5), v(0.0, 0.5, 1.0)), 80)
                .at(m(v(3.0, -0.5), v(-0.5, 1.0)), 60)
                .closedForm(GalleryCatalogue::dominantEigenvalueGradient));
        out.add(program("Solvers", "unrolledGradientDescent", "lr", "w0", "X", "y", "-")
                .at(0.1, v(0.0, 0.0), xs, v(0.7, 1.5, -2.0, 0.3), 5)
                .at(0.3, v(0.5, -0.5), xs, v(1.0, 0.0, 0.5, -1.0), 3));
        out.add(program("Solvers", "ista", "X", "y", "lambda", "step", "-")
                .at(xs, v(0.7, 1.5, -2.0, 0.3), 0.3, 0.1, 6)
                .at(xs, v(1.0, 0.0, 0.5, -1.0), 0.05, 0.2, 4));
        out.add(program("Solvers", "newton2d", "a", "b", "start")
                .at(2.0, 0.5, v(1.0, 1.0)).at(5.0, 1.5, v(2.0, 1.0))
                .closedForm(a -> {
                    double aa = (Double) a[0];
                    double b = (Double) a[1];
                    double q = 1.0 + b * b;
                    // f = (b + 3) sqrt(a / (1 + b^2)); the start does not matter once converged.
                    return v((b + 3.0) / (2.0 * Math.sqrt(aa * q)),
                            Math.sqrt(aa) * (1.0 / Math.sqrt(q) - (b + 3.0) * b / Math.pow(q, 1.5)), 0.0, 0.0);
                }));
        return out;
    }

    /** f = x_0 + x_{n-1}/2 with A x = b: df/db = A^-T e, df/dA = -(A^-T e) x^T. */
    private static double[] linearSolveGradient(Object[] a) {
        RealMatrix matrix = MatrixUtils.createRealMatrix((double[][]) a[0]);
        double[] b = (double[]) a[1];
        int n = b.length;
        RealVector x = new LUDecomposition(matrix).getSolver().solve(MatrixUtils.createRealVector(b));
        double[] e = new double[n];
        e[0] += 1.0;
        e[n - 1] += 0.5;
        RealVector lambda = new LUDecomposition(matrix.transpose()).getSolver().solve(MatrixUtils.createRealVector(e));
        double[][] ga = lambda.outerProduct(x).scalarMultiply(-1.0).getData();
        return concat(GalleryChecks.flatten(ga), lambda.toArray());
    }

    /** The derivative of a simple dominant eigenvalue of a symmetric matrix: v v^T. */
    private static double[] dominantEigenvalueGradient(Object[] a) {
        EigenDecompositionSymmetric eig = new EigenDecompositionSymmetric(MatrixUtils.createRealMatrix((double[][]) a[0]));
        double[] values = eig.getEigenvalues();
        int top = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[top]) {
                top = i;
            }
        }
        RealVector vec = eig.getEigenvector(top);
        return GalleryChecks.flatten(vec.outerProduct(vec).getData());
    }

    // ---------------------------------------------------------------- Signals

    private static List<GalleryCase> signals() {
        List<GalleryCase> out = new ArrayList<>();
        out.add(program("Signals", "convReluPool", "signal", "kernel", "bias")
                .at(v(0.5, 1.2, -0.3, 0.8, 2.0, -1.0, 0.4), v(0.6, -0.2, 0.9), 0.1)
                .at(wave(9, 0.5), v(1.0, 0.5), -0.05));
        out.add(program("Signals", "simpson", "k", "w", "upper", "-")
                .at(0.5, 2.0, 3.0, 10).at(1.5, 0.7, 1.2, 6)
                .twin(in -> {
                    DerivativeStructure h = in.s(2).divide(in.i(3));
                    DerivativeStructure s = in.c(0);
                    for (int i = 0; i <= in.i(3); i++) {
                        DerivativeStructure t = h.multiply(i);
                        DerivativeStructure f = in.s(0).negate().multiply(t).multiply(t).exp()
                                .multiply(in.s(1).multiply(t).cos());
                        double weight = i == 0 || i == in.i(3) ? 1.0 : (i % 2 == 1 ? 4.0 : 2.0);
                        s = s.add(f.multiply(weight));
                    }
                    return s.multiply(h).divide(3.0);
                }));
        out.add(program("Signals", "trapezoidOfCall", "a", "b", "-")
                .at(0.5, 2.5, 8).at(-0.3, 1.0, 3));
        out.add(program("Signals", "circularFir", "x", "taps")
                .at(v(0.5, -0.2, 1.0, 0.3, -0.8, 0.6), v(0.5, 0.3, -0.2)).at(wave(4, 0.1), v(1.0, -1.0)));
        out.add(program("Signals", "medianByInsertionSort", "x")
                .at(v(0.5, 2.0, -1.0, 3.5, 0.2)).at(v(3.0, 1.0, 2.0)).at(v(-0.5, -0.4, -0.9, 0.1, 0.7, 0.3, 1.9))
                .closedForm(a -> {
                    double[] x = (double[]) a[0];
                    double[] sorted = x.clone();
                    java.util.Arrays.sort(sorted);
                    double[] g = new double[x.length];
                    for (int i = 0; i < x.length; i++) {
                        if (x[i] == sorted[x.length / 2]) {
                            g[i] += 2.0 * x[i];
                        }
                        if (x[i] == sorted[0]) {
                            g[i] += 1.0;
                        }
                    }
                    return g;
                }));
        out.add(program("Signals", "biquad", "x", "b0", "b1", "a1", "a2")
                .at(v(1.0, 0.5, -0.3, 0.8, 0.0, -0.6), 0.4, 0.2, -0.5, 0.2)
                .at(v(0.3, -1.0, 0.7), 1.1, -0.4, 0.3, -0.1)
                .twin(in -> {
                    DerivativeStructure x1 = in.c(0);
                    DerivativeStructure y1 = in.c(0);
                    DerivativeStructure y2 = in.c(0);
                    DerivativeStructure y = in.c(0);
                    for (DerivativeStructure xn : in.v(0)) {
                        y = in.s(1).multiply(xn).add(in.s(2).multiply(x1)).subtract(in.s(3).multiply(y1))
                                .subtract(in.s(4).multiply(y2));
                        x1 = xn;
                        y2 = y1;
                        y1 = y;
                    }
                    return y.multiply(y);
                }));
        out.add(program("Signals", "dftPhase", "x", "freq")
                .at(v(0.5, 1.0, 0.2, -0.7, -1.0, -0.1, 0.6, 0.9), 1.3).at(wave(6, 0.8), 0.7));
        out.add(program("Signals", "sawtoothEnergy", "period", "amp", "-")
                .at(1.1, 0.8, 12).at(0.7, 1.5, 9));
        out.add(program("Signals", "floatFir", "x", "taps")
                .at(f(0.5f, -0.25f, 1.0f, 0.375f, -0.75f), f(0.5f, 0.25f, -0.125f))
                .at(f(1.0f, 2.0f, -1.5f), f(0.75f, -0.5f))
                .floats());
        return out;
    }

    // ---------------------------------------------------------------- Finance

    private static List<GalleryCase> finance() {
        double[][] cov = m(v(0.04, 0.006, 0.002), v(0.006, 0.09, -0.01), v(0.002, -0.01, 0.0225));
        List<GalleryCase> out = new ArrayList<>();
        out.add(program("Finance", "normalCdf", "x").at(0.7).at(-1.3).at(2.2)
                .twin(in -> normalCdf(in.s(0))));
        out.add(program("Finance", "blackScholesCall", "spot", "strike", "sigma", "rate", "maturity")
                .at(100.0, 95.0, 0.2, 0.03, 1.0).at(50.0, 60.0, 0.35, 0.01, 0.5)
                .twin(in -> {
                    DerivativeStructure sqrtT = in.s(4).sqrt();
                    DerivativeStructure d1 = in.s(0).divide(in.s(1)).log()
                            .add(in.s(3).add(in.s(2).multiply(in.s(2)).multiply(0.5)).multiply(in.s(4)))
                            .divide(in.s(2).multiply(sqrtT));
                    DerivativeStructure d2 = d1.subtract(in.s(2).multiply(sqrtT));
                    return in.s(0).multiply(normalCdf(d1)).subtract(
                            in.s(1).multiply(in.s(3).negate().multiply(in.s(4)).exp()).multiply(normalCdf(d2)));
                }));
        out.add(program("Finance", "monteCarloCall", "spot", "sigma", "strike", "-")
                .at(100.0, 0.2, 105.0, 200).at(1.0, 0.5, 0.8, 50)
                .twin(in -> {
                    java.util.Random rnd = new java.util.Random(7);
                    DerivativeStructure sum = in.c(0);
                    for (int p = 0; p < in.i(3); p++) {
                        double z = rnd.nextGaussian();
                        DerivativeStructure st = in.s(0).multiply(
                                in.s(1).multiply(in.s(1)).multiply(-0.5).add(in.s(1).multiply(z)).exp());
                        if (st.getValue() > in.d(2)) {
                            sum = sum.add(st.subtract(in.s(2)));
                        }
                    }
                    return sum.divide(in.i(3));
                }));
        out.add(program("Finance", "binomialAmericanPut", "spot", "strike", "sigma", "rate", "maturity", "-")
                .at(100.0, 95.0, 0.2, 0.05, 1.0, 15).at(40.0, 45.0, 0.3, 0.02, 0.75, 12));
        out.add(program("Finance", "bondYield", "price", "coupon", "-")
                .at(95.0, 5.0, 10).at(102.0, 4.0, 5)
                .closedForm(a -> {
                    // Implicit differentiation of P(y, c) = price at the root y.
                    double price = (Double) a[0];
                    double coupon = (Double) a[1];
                    int years = (Integer) a[2];
                    double y = 0.05;
                    double dpv = 0.0;
                    double dc = 0.0;
                    for (int it = 0; it < 100; it++) {
                        double pv = 0.0;
                        dpv = 0.0;
                        dc = 0.0;
                        for (int t = 1; t <= years; t++) {
                            double cash = coupon + (t == years ? 100.0 : 0.0);
                            pv += cash * Math.pow(1.0 + y, -t);
                            dpv -= t * cash * Math.pow(1.0 + y, -t - 1);
                            dc += Math.pow(1.0 + y, -t);
                        }
                        y -= (pv - price) / dpv;
                    }
                    return v(1.0 / dpv, -dc / dpv);
                }));
        out.add(program("Finance", "portfolioVariance", "scores", "cov")
                .at(v(0.2, -0.5, 0.8), cov).at(v(1.5, 0.0, -1.0), cov)
                .twin(in -> {
                    DerivativeStructure[] sc = in.v(0);
                    DerivativeStructure[][] c = in.m(1);
                    DerivativeStructure z = lse(sc);
                    DerivativeStructure var = in.c(0);
                    for (int i = 0; i < sc.length; i++) {
                        for (int j = 0; j < sc.length; j++) {
                            var = var.add(sc[i].subtract(z).exp().multiply(c[i][j]).multiply(sc[j].subtract(z).exp()));
                        }
                    }
                    return var;
                }));
        out.add(program("Finance", "compoundUntilDoubled", "deposits", "rate")
                .at(v(100.0, 10.0, 10.0, 10.0), 0.07).at(v(50.0, 5.0), 0.12));
        return out;
    }

    /** The same Abramowitz-Stegun approximation as the fixture, over DerivativeStructure. */
    private static DerivativeStructure normalCdf(DerivativeStructure x) {
        DerivativeStructure z = x.abs().divide(Math.sqrt(2.0));
        DerivativeStructure t = z.multiply(0.3275911).add(1.0).reciprocal();
        DerivativeStructure poly = t.multiply(1.061405429).add(-1.453152027).multiply(t).add(1.421413741).multiply(t)
                .add(-0.284496736).multiply(t).add(0.254829592).multiply(t);
        DerivativeStructure erf = poly.multiply(z.multiply(z).negate().exp()).negate().add(1.0);
        return x.getValue() >= 0 ? erf.add(1.0).multiply(0.5) : erf.negate().add(1.0).multiply(0.5);
    }

    // ---------------------------------------------------------------- Idioms

    private static List<GalleryCase> idioms() {
        List<GalleryCase> out = new ArrayList<>();
        out.add(program("Idioms", "tdLoss", "w", "s0", "s1", "r", "gamma")
                .at(v(0.5, -0.3, 0.8), v(1.0, 0.2, -0.5), v(0.7, 0.1, 0.3), 1.0, 0.9)
                .at(v(-0.2, 0.4), v(0.3, 0.9), v(1.2, -0.8), -0.5, 0.99)
                .stopped()
                .closedForm(a -> {
                    double[] w = (double[]) a[0];
                    double[] s0 = (double[]) a[1];
                    double[] s1 = (double[]) a[2];
                    double q0 = 0.0;
                    double q1 = 0.0;
                    for (int i = 0; i < w.length; i++) {
                        q0 += w[i] * s0[i];
                        q1 += w[i] * s1[i];
                    }
                    double e = q0 - ((Double) a[3] + (Double) a[4] * q1);
                    // The target's dependence on w and s1 is stopped: only q0 carries them.
                    return concat(concat(scaled(2 * e, s0), scaled(2 * e, w)),
                            concat(new double[s1.length], v(-2 * e, -2 * e * q1)));
                }));
        out.add(program("Idioms", "continuedFraction", "x", "-")
                .at(1.5, 5).at(0.8, 3).at(2.0, 0)
                .twin(in -> {
                    DerivativeStructure x = in.s(0);
                    DerivativeStructure f = x;
                    for (int d = 1; d <= in.i(1); d++) {
                        f = x.add(f.reciprocal());
                    }
                    return f;
                }));
        out.add(program("Idioms", "boxCox", "lambda", "y")
                .at(0.5, v(1.2, 2.0, 0.7)).at(-0.3, v(3.0, 0.4))
                .twin(in -> {
                    DerivativeStructure lambda = in.s(0);
                    DerivativeStructure s = in.c(0);
                    for (DerivativeStructure y : in.v(1)) {
                        DerivativeStructure t = y.pow(lambda).subtract(1.0).divide(lambda);
                        s = s.add(t.multiply(t)).subtract(lambda.subtract(1.0).multiply(y.log()));
                    }
                    return s;
                }));
        out.add(program("Idioms", "labelledSearch", "A", "a")
                .at(grid(3, 3, 0.2), 1.5).at(m(v(0.1, 0.2), v(0.3, 0.9)), 1.4));
        out.add(program("Idioms", "totalVariation", "u", "f", "lambda")
                .at(v(0.5, 0.7, 0.4, 1.2), v(0.4, 0.8, 0.5, 1.0), 0.3).at(wave(6, 0.2), wave(6, 0.4), 1.5));
        out.add(program("Idioms", "matrixExponential", "A", "t", "-")
                .at(m(v(0.1, 0.5), v(-0.3, 0.2)), 1.5, 20).at(m(v(-1.0, 0.2), v(0.4, 0.5)), 0.7, 15));
        out.add(program("Idioms", "causalAttention", "scores", "values", "-")
                .at(v(0.5, -0.2, 1.1, 0.3), v(1.0, 2.0, -0.5, 4.0), 2).at(v(0.1, 0.9), v(-1.0, 1.0), 1));
        out.add(program("Idioms", "integerBookkeeping", "x", "scale")
                .at(v(0.5, -0.2, 1.1, 0.3), 1.3).at(v(-1.0, 2.0, 0.5), -0.7));
        return out;
    }

    // ---------------------------------------------------------------- Probabilistic

    private static List<GalleryCase> probabilistic() {
        double[][] logA = m(v(Math.log(0.7), Math.log(0.3)), v(Math.log(0.4), Math.log(0.6)));
        double[][] logB = m(v(Math.log(0.5), Math.log(0.4), Math.log(0.1)), v(Math.log(0.1), Math.log(0.3), Math.log(0.6)));
        List<GalleryCase> out = new ArrayList<>();
        out.add(program("Probabilistic", "hmmForward", "logPi", "logA", "logB", "-")
                .at(v(Math.log(0.6), Math.log(0.4)), logA, logB, ints(0, 1, 2, 2, 0))
                .at(v(-0.3, -1.2), grid(2, 2, 0.5), grid(2, 3, 1.0), ints(2, 0, 1))
                .twin(in -> {
                    DerivativeStructure[] pi = in.v(0);
                    DerivativeStructure[][] a = in.m(1);
                    DerivativeStructure[][] b = in.m(2);
                    int[] obs = (int[]) in.raw(3);
                    DerivativeStructure[] alpha = new DerivativeStructure[pi.length];
                    for (int s = 0; s < pi.length; s++) {
                        alpha[s] = pi[s].add(b[s][obs[0]]);
                    }
                    for (int t = 1; t < obs.length; t++) {
                        DerivativeStructure[] next = new DerivativeStructure[pi.length];
                        for (int j = 0; j < pi.length; j++) {
                            DerivativeStructure[] terms = new DerivativeStructure[pi.length];
                            for (int i = 0; i < pi.length; i++) {
                                terms[i] = alpha[i].add(a[i][j]);
                            }
                            next[j] = lse(terms).add(b[j][obs[t]]);
                        }
                        alpha = next;
                    }
                    return lse(alpha);
                }));
        out.add(program("Probabilistic", "gpNegLogLikelihood", "logLength", "logSignal", "logNoise", "-", "-")
                .at(0.0, 0.0, -1.0, v(-1.0, -0.2, 0.5, 1.3), v(0.3, 0.8, 0.1, -0.6))
                .at(-0.5, 0.3, -2.0, v(0.0, 1.0, 2.0), v(1.0, -1.0, 0.5)));
        out.add(program("Probabilistic", "softKMeans", "centres", "data", "beta")
                .at(v(-1.0, 0.5, 2.0), v(-0.8, 0.4, 1.9, 0.7, 2.5), 1.5).at(v(0.0, 3.0), v(0.2, 2.8, 1.4), 0.5));
        out.add(program("Probabilistic", "logGamma", "x")
                .at(0.5).at(3.7).at(12.0)
                .twin(in -> {
                    // The same recurrence and truncated series: digamma differs by the truncation.
                    DerivativeStructure z = in.s(0);
                    DerivativeStructure shift = in.c(0);
                    while (z.getValue() < 7.0) {
                        shift = shift.subtract(z.log());
                        z = z.add(1.0);
                    }
                    DerivativeStructure inv = z.reciprocal();
                    DerivativeStructure inv2 = inv.multiply(inv);
                    DerivativeStructure series = inv.multiply(inv2.multiply(inv2.divide(1260).negate().add(1.0 / 360))
                            .negate().add(1.0 / 12));
                    return shift.add(z.subtract(0.5).multiply(z.log())).subtract(z).add(0.5 * Math.log(2 * Math.PI))
                            .add(series);
                }));
        return out;
    }

    /** The digamma function by Hipparchus, the closed-form derivative of log Gamma. */
    private static double digamma(double x) {
        return org.hipparchus.special.Gamma.digamma(x);
    }

    // ---------------------------------------------------------------- Lookups

    private static List<GalleryCase> lookups() {
        List<GalleryCase> out = new ArrayList<>();
        out.add(program("Lookups", "interpolate", "table", "x0", "dx", "x")
                .at(v(0.0, 1.0, 0.5, 2.0, 1.5), 0.0, 0.5, 1.3).at(v(2.0, -1.0, 3.0), -1.0, 2.0, 0.2)
                .twin(in -> {
                    DerivativeStructure[] table = in.v(0);
                    int i = (int) Math.floor((in.d(3) - in.d(1)) / in.d(2));
                    i = Math.max(0, Math.min(table.length - 2, i));
                    DerivativeStructure t = in.s(3).subtract(in.s(1).add(in.s(2).multiply(i))).divide(in.s(2));
                    return table[i].multiply(t.negate().add(1.0)).add(table[i + 1].multiply(t));
                }));
        out.add(program("Lookups", "embeddingBag", "E", "-", "weights", "u")
                .at(grid(4, 3, 0.3), ints(1, 3, 1, 0), v(0.5, 1.0, -0.3, 0.8), v(1.0, -0.5, 0.7))
                .at(grid(3, 2, 1.3), ints(2, 2), v(1.2, 0.4), v(0.3, 0.9)));
        out.add(program("Lookups", "scatterHistogram", "values", "-", "-")
                .at(v(0.5, -1.2, 0.8, 2.0, 0.3), ints(0, 2, 0, 1, 2), 3).at(v(1.0, 1.5), ints(1, 1), 2));
        out.add(program("Lookups", "clippedStep", "w", "g", "lr", "clip")
                .at(v(0.5, -1.0, 0.3), v(0.2, -3.0, 1.5), 0.1, 1.0).at(v(1.0, 2.0), v(-0.5, 0.4), 0.5, 0.3));
        out.add(program("Lookups", "ternaryElementStart", "a", "b", "c")
                .at(v(0.5, 1.0, -0.7, 2.0), v(1.5, -0.2, 0.9, 0.4), 0.3).at(v(1.0, 2.0), v(3.0, 4.0), -0.5)
                .twin(in -> {
                    DerivativeStructure[] a = in.v(0);
                    DerivativeStructure[] b = in.v(1);
                    DerivativeStructure s = in.c(0);
                    for (int i = 0; i < a.length; i++) {
                        DerivativeStructure v = i % 2 == 0 ? a[i] : b[i];
                        v = v.add(in.s(2).multiply(v));
                        s = s.add(v.multiply(v));
                    }
                    return s;
                }));
        out.add(program("Lookups", "rowScan", "W", "c")
                .at(grid(3, 4, 0.2), 0.7).at(m(v(1.0, 2.0), v(-0.5, 0.5, 1.5)), -1.2));
        out.add(program("Lookups", "continueSkipsUpdate", "x", "a")
                .at(v(0.5, -0.3, 0.8, -1.0, 0.2), 0.9).at(v(1.0, 2.0), 0.4));
        out.add(program("Lookups", "earlyReturnNested", "A", "a", "limit")
                .at(grid(3, 3, 0.1), 1.5, 2.0).at(grid(2, 2, 2.0), 0.8, 10.0));
        out.add(program("Lookups", "whileBreakAfterUpdate", "x", "r")
                .at(0.5, 1.3).at(1.2, 1.05));
        out.add(program("Lookups", "quotientChain", "x", "a")
                .at(v(0.5, 2.0, -1.5), 0.7).at(v(1.1, 0.9), -0.3));
        return out;
    }

    // ---------------------------------------------------------------- LoopShapes

    static boolean[] bools(boolean... b) {
        return b;
    }

    private static List<GalleryCase> loopShapes() {
        double[] rewards = v(1.0, 0.0, -0.5, 2.0, 0.3);
        double[] values = v(0.8, 0.4, 0.1, 1.5, 0.2);
        List<GalleryCase> out = new ArrayList<>();
        out.add(program("LoopShapes", "doubleCounter", "y0", "k", "h", "end")
                .at(1.0, 0.7, 0.1, 1.05).at(-0.4, 2.0, 0.25, 0.9)
                .twin(in -> {
                    DerivativeStructure y = in.s(0);
                    DerivativeStructure t = in.c(0);
                    while (t.getValue() < in.d(3)) {
                        y = y.add(in.s(2).multiply(in.s(1).negate().multiply(y).add(t.sin())));
                        t = t.add(in.s(2));
                    }
                    return y;
                }));
        out.add(program("LoopShapes", "carryForward", "pred", "init", "-", "-")
                .at(v(0.5, 0.7, 1.2, 0.9), 0.4, v(0.6, 0.0, 1.0, 0.0), bools(true, false, true, true))
                .at(v(1.0, -0.5, 0.3), -0.2, v(0.0, 0.0, 0.8), bools(true, true, false))
                .twin(in -> {
                    DerivativeStructure[] pred = in.v(0);
                    double[] obs = (double[]) in.raw(2);
                    boolean[] missing = (boolean[]) in.raw(3);
                    DerivativeStructure last = in.s(1);
                    DerivativeStructure loss = in.c(0);
                    for (int t = 0; t < pred.length; t++) {
                        if (!missing[t]) {
                            last = in.c(obs[t]);
                        }
                        DerivativeStructure e = pred[t].subtract(last);
                        loss = loss.add(e.multiply(e));
                    }
                    return loss;
                }));
        out.add(program("LoopShapes", "longEuler", "y0", "k", "-")
                .at(0.1, 1.5, 20000).at(0.8, 0.3, 5000));
        out.add(program("LoopShapes", "gatedRecurrence", "x", "wg", "wc")
                .at(v(0.5, -0.3, 1.0, 0.2), 0.8, 1.2).at(v(2.0, -1.0), -0.5, 0.4));
        out.add(program("LoopShapes", "tripleNestedBreak", "A", "v", "cap")
                .at(grid(3, 2, 0.3), v(1.0, -0.5), 0.5).at(grid(2, 3, 1.1), v(0.3, 0.2, -0.4), 100.0));
        out.add(program("LoopShapes", "parameterAccumulates", "a", "x")
                .at(0.3, v(0.5, -0.3, 1.0)).at(-0.8, v(2.0, 0.1)));
        out.add(program("LoopShapes", "discountedReturns", "rewards", "gamma")
                .at(rewards, 0.9).at(v(0.5, 1.5), 0.5)
                .closedForm(a -> {
                    double[] r = (double[]) a[0];
                    double gamma = (Double) a[1];
                    double[] g = new double[r.length + 1];
                    for (int t = 0; t < r.length; t++) {
                        g[t] = Math.pow(gamma, t);
                        if (t > 0) {
                            g[r.length] += t * Math.pow(gamma, t - 1) * r[t];
                        }
                    }
                    return g;
                }));
        out.add(program("LoopShapes", "returnsBackwards", "rewards", "gamma", "values")
                .at(rewards, 0.9, values).at(v(0.5, 1.5), 0.5, v(1.0, 1.0)));
        out.add(program("LoopShapes", "gae", "rewards", "values", "gamma", "lambda")
                .at(rewards, values, 0.99, 0.95).at(v(0.5, 1.5), v(1.0, 1.0), 0.9, 0.5));
        return out;
    }

    // ---------------------------------------------------------------- Recursions

    private static List<GalleryCase> recursions() {
        List<GalleryCase> out = new ArrayList<>();
        out.add(program("Recursions", "pairwiseSquares", "x", "-", "-")
                .at(v(0.5, -1.0, 2.0, 0.3, 1.5), 0, 5).at(v(1.0, 2.0, 3.0), 1, 3)
                .closedForm(a -> {
                    double[] x = (double[]) a[0];
                    double[] g = new double[x.length];
                    for (int i = (Integer) a[1]; i < (Integer) a[2]; i++) {
                        g[i] = 2.0 * x[i];
                    }
                    return g;
                }));
        out.add(program("Recursions", "powerBySquaring", "x", "-")
                .at(1.1, 13).at(-0.7, 6).at(2.0, 1)
                .closedForm(a -> {
                    int n = (Integer) a[1];
                    return v(n * Math.pow((Double) a[0], n - 1));
                }));
        return out;
    }

    // ---------------------------------------------------------------- ArraysAsWritten (issue 9's table)

    private static List<GalleryCase> arraysAsWritten() {
        List<GalleryCase> out = new ArrayList<>();
        String f = "ArraysAsWritten";
        // Row 1: dot(W[j], X[r]), X differentiated and not.
        out.add(program(f, "softmaxRegression", "W", "b", "X", "-")
                .at(grid(3, 2, 0.2), v(0.1, -0.3, 0.4), grid(4, 2, 1.7), ints(0, 2, 1, 2))
                .at(grid(2, 3, 0.9), v(0.5, -0.5), grid(2, 3, 0.3), ints(1, 0))
                .twin(GalleryCatalogue::softmaxRegressionDs));
        out.add(program(f, "softmaxRegressionWeights", "W", "b", "-", "-")
                .at(grid(3, 2, 0.2), v(0.1, -0.3, 0.4), grid(4, 2, 1.7), ints(0, 2, 1, 2))
                .at(grid(2, 3, 0.9), v(0.5, -0.5), grid(2, 3, 0.3), ints(1, 0))
                .twin(GalleryCatalogue::softmaxRegressionDs));
        // Row 2: a row local, clone(), c ? a : b between arrays and between a row and x.
        out.add(program(f, "ridgeWithRowLocal", "w", "X", "y", "lambda")
                .at(v(0.5, -0.2, 0.8), grid(4, 3, 0.6), v(1.0, -0.5, 0.3, 0.7), 0.3)
                .at(v(-1.0, 0.4), grid(3, 2, 2.1), v(0.2, 0.9, -0.4), 1.7)
                .twin(in -> {
                    DerivativeStructure[] w = in.v(0);
                    DerivativeStructure[][] X = in.m(1);
                    DerivativeStructure[] y = in.v(2);
                    DerivativeStructure lambda = in.s(3);
                    DerivativeStructure[] shrunk = new DerivativeStructure[w.length];
                    for (int k = 0; k < w.length; k++) {
                        shrunk[k] = w[k].divide(lambda.add(1.0));
                    }
                    DerivativeStructure loss = in.c(0);
                    for (int n = 0; n < X.length; n++) {
                        DerivativeStructure e = dot(in.c(0), X[n], shrunk).subtract(y[n]);
                        loss = loss.add(e.multiply(e));
                    }
                    return loss.add(lambda.multiply(sumSquares(w)));
                }));
        out.add(program(f, "skipOrWeights", "W", "x", "-", "-")
                .at(grid(4, 3, 0.4), v(0.6, -0.8, 0.3), bools(false, true, false, true), true)
                .at(grid(3, 2, 1.1), v(-0.4, 0.9), bools(true, false, false), false)
                .twin(in -> {
                    DerivativeStructure[][] W = in.m(0);
                    DerivativeStructure[] x = in.v(1);
                    boolean[] skip = (boolean[]) in.raw(2);
                    boolean squares = (Boolean) in.raw(3);
                    DerivativeStructure s = in.c(0);
                    for (int j = 0; j < W.length; j++) {
                        DerivativeStructure a = dot(in.c(0), skip[j] ? x : W[j], x).tanh();
                        DerivativeStructure xt = x[j % x.length];
                        DerivativeStructure t = squares ? xt.multiply(xt) : xt.multiply(0.5);
                        s = s.add(a.subtract(t).multiply(a.subtract(t)));
                    }
                    return s;
                }));
        // Row 3: for (double[] row : X).
        out.add(program(f, "kernelDensity", "X", "q", "h")
                .at(grid(5, 2, 0.3), v(0.2, -0.1), 0.7).at(grid(3, 3, 1.9), v(0.5, 0.0, -0.6), 1.3)
                .twin(in -> {
                    DerivativeStructure[][] X = in.m(0);
                    DerivativeStructure[] q = in.v(1);
                    DerivativeStructure h = in.s(2);
                    DerivativeStructure density = in.c(0);
                    for (DerivativeStructure[] row : X) {
                        DerivativeStructure d2 = in.c(0);
                        for (int k = 0; k < q.length; k++) {
                            DerivativeStructure d = row[k].subtract(q[k]);
                            d2 = d2.add(d.multiply(d));
                        }
                        density = density.add(d2.negate().divide(h.multiply(h).multiply(2.0)).exp());
                    }
                    return density.divide(h.multiply(X.length)).log();
                }));
        out.add(program(f, "softKMeans", "C", "X")
                .at(grid(3, 2, 0.5), grid(4, 2, 2.3)).at(grid(2, 3, 1.2), grid(3, 3, 0.1))
                .twin(in -> {
                    DerivativeStructure[][] C = in.m(0);
                    DerivativeStructure energy = in.c(0);
                    for (DerivativeStructure[] x : in.m(1)) {
                        DerivativeStructure[] negDist = new DerivativeStructure[C.length];
                        for (int j = 0; j < C.length; j++) {
                            DerivativeStructure d2 = in.c(0);
                            for (int k = 0; k < x.length; k++) {
                                DerivativeStructure d = C[j][k].subtract(x[k]);
                                d2 = d2.add(d.multiply(d));
                            }
                            negDist[j] = d2.negate();
                        }
                        energy = energy.subtract(lse(negDist));
                    }
                    return energy;
                }));
        // Row 4: double[] h = new double[H] inside the sample loop.
        out.add(program(f, "mlpHiddenBuffer", "W1", "b1", "w2", "X", "y")
                .at(grid(3, 2, 0.1), v(0.1, -0.2, 0.3), v(0.7, -0.4, 1.1), grid(4, 2, 1.5), v(0.5, -0.3, 0.8, 0.1))
                .at(grid(2, 3, 0.8), v(-0.5, 0.2), v(1.2, 0.6), grid(2, 3, 2.4), v(1.0, -1.0))
                .twin(in -> {
                    DerivativeStructure[][] X = in.m(3);
                    DerivativeStructure[] y = in.v(4);
                    DerivativeStructure loss = in.c(0);
                    for (int n = 0; n < X.length; n++) {
                        DerivativeStructure[] h = layerDs(in.m(0), in.v(1), X[n]);
                        DerivativeStructure e = dot(in.c(0), in.v(2), h).subtract(y[n]);
                        loss = loss.add(e.multiply(e).multiply(0.5));
                    }
                    return loss;
                }));
        // Row 5: main_term refilled in the point loop, and made in it.
        for (String gmm : List.of("gmmRefilled", "gmmPerPoint")) {
            out.add(program(f, gmm, "alphas", "means", "logSigmas", "X")
                    .at(v(0.2, -0.4, 0.1), grid(3, 2, 0.3), v(0.1, -0.2, 0.3), grid(5, 2, 1.9))
                    .at(v(0.5, -0.5), grid(2, 3, 1.1), v(-0.3, 0.4), grid(3, 3, 0.2))
                    .twin(GalleryCatalogue::gmmDs));
        }
        // Row 6: procedures writing their outputs, in a loop, on rows hs[n], calling procedures.
        out.add(program(f, "scatterAroundMean", "X", "mu")
                .at(grid(4, 3, 0.7), v(0.1, -0.2, 0.3)).at(grid(2, 2, 1.6), v(-0.5, 0.4))
                .twin(in -> {
                    DerivativeStructure[] mu = in.v(1);
                    DerivativeStructure s = in.c(0);
                    for (DerivativeStructure[] x : in.m(0)) {
                        DerivativeStructure d2 = in.c(0);
                        for (int k = 0; k < mu.length; k++) {
                            DerivativeStructure d = x[k].subtract(mu[k]);
                            d2 = d2.add(d.multiply(d));
                        }
                        s = s.add(d2.log1p());
                    }
                    return s;
                }));
        out.add(program(f, "residualOnce", "a", "b")
                .at(v(1.0, -0.5, 2.0), v(0.3, 0.4, -0.1)).at(v(0.2, 0.7), v(-1.0, 0.5))
                .closedForm(args -> {
                    double[] a = (double[]) args[0];
                    double[] b = (double[]) args[1];
                    double n2 = 1.0;
                    for (int i = 0; i < a.length; i++) {
                        n2 += (a[i] - b[i]) * (a[i] - b[i]);
                    }
                    double[] ga = new double[a.length];
                    for (int i = 0; i < a.length; i++) {
                        ga[i] = (a[i] - b[i]) / Math.sqrt(n2);
                    }
                    return concat(ga, scaled(-1.0, ga));
                })
                .twin(in -> {
                    DerivativeStructure[] a = in.v(0);
                    DerivativeStructure[] b = in.v(1);
                    DerivativeStructure n2 = in.c(1.0);
                    for (int i = 0; i < a.length; i++) {
                        DerivativeStructure d = a[i].subtract(b[i]);
                        n2 = n2.add(d.multiply(d));
                    }
                    return n2.sqrt();
                }));
        out.add(program(f, "encodeIntoRows", "W", "b", "v", "X")
                .at(grid(3, 2, 0.4), v(0.1, 0.2, -0.3), v(0.5, -1.0, 0.8), grid(4, 2, 1.3))
                .at(grid(2, 3, 2.2), v(-0.2, 0.4), v(1.1, 0.3), grid(2, 3, 0.6))
                .twin(in -> {
                    DerivativeStructure s = in.c(0);
                    for (DerivativeStructure[] x : in.m(3)) {
                        DerivativeStructure z = dot(in.c(0), in.v(2), layerDs(in.m(0), in.v(1), x));
                        s = s.add(z.multiply(z));
                    }
                    return s;
                }));
        out.add(program(f, "affineThenTanhPerSample", "W", "b", "X", "y")
                .at(grid(3, 2, 0.9), v(0.3, -0.1, 0.2), grid(3, 2, 0.2), v(0.4, -0.6, 1.0))
                .at(grid(2, 2, 1.4), v(0.0, 0.5), grid(2, 2, 2.7), v(-0.3, 0.2))
                .twin(in -> {
                    DerivativeStructure[][] X = in.m(2);
                    DerivativeStructure[] y = in.v(3);
                    DerivativeStructure loss = in.c(0);
                    for (int n = 0; n < X.length; n++) {
                        DerivativeStructure e = sum(layerDs(in.m(0), in.v(1), X[n])).subtract(y[n]);
                        loss = loss.add(e.multiply(e));
                    }
                    return loss;
                }));
        // Row 7: double[] h = layer(W1, b1, x); double[] o = layer(W2, b2, h); per sample.
        out.add(program(f, "twoLayerPerSample", "W1", "b1", "W2", "b2", "X", "Y")
                .at(grid(3, 2, 0.3), v(0.1, -0.1, 0.2), grid(2, 3, 1.0), v(0.3, -0.2), grid(4, 2, 1.8),
                        grid(4, 2, 0.5))
                .at(grid(2, 3, 2.0), v(0.4, 0.1), grid(1, 2, 0.7), v(-0.1), grid(2, 3, 0.9), m(v(0.3), v(-0.4)))
                .twin(in -> {
                    DerivativeStructure[][] X = in.m(4);
                    DerivativeStructure[][] Y = in.m(5);
                    DerivativeStructure loss = in.c(0);
                    for (int n = 0; n < X.length; n++) {
                        DerivativeStructure[] o = layerDs(in.m(2), in.v(3), layerDs(in.m(0), in.v(1), X[n]));
                        for (int c = 0; c < o.length; c++) {
                            DerivativeStructure e = o[c].subtract(Y[n][c]);
                            loss = loss.add(e.multiply(e));
                        }
                    }
                    return loss.divide(X.length);
                }));
        out.add(program(f, "deepStack", "W1", "b1", "W2", "b2", "v", "x")
                .at(grid(3, 2, 0.6), v(0.2, -0.3, 0.1), grid(3, 3, 1.4), v(0.0, 0.1, -0.2), v(1.0, -0.5, 0.7),
                        v(0.8, -0.4))
                .at(grid(2, 3, 2.5), v(0.3, 0.3), grid(2, 2, 0.2), v(-0.4, 0.2), v(0.6, 1.2), v(0.1, -0.9, 0.5))
                .twin(in -> {
                    DerivativeStructure[] h1 = layerDs(in.m(0), in.v(1), in.v(5));
                    DerivativeStructure[] h2 = layerDs(in.m(2), in.v(3), h1);
                    DerivativeStructure[] h3 = layerDs(in.m(2), in.v(3), h2);
                    return dot(in.c(0), in.v(4), h3).add(sumSquares(h1));
                }));
        // Row 2 again: a choice between two parameter arrays, rows copied into a per-sample buffer.
        out.add(program(f, "centredRowsChosenScale", "X", "mu", "a", "b", "-")
                .at(grid(4, 3, 0.2), v(0.1, 0.0, -0.2), v(1.0, 0.5, 2.0), v(0.3, 0.3, 0.3), true)
                .at(grid(3, 2, 1.4), v(-0.3, 0.6), v(0.7, 1.1), v(1.5, 0.4), false)
                .twin(in -> {
                    DerivativeStructure[] mu = in.v(1);
                    DerivativeStructure[] scale = (Boolean) in.raw(4) ? in.v(2) : in.v(3);
                    DerivativeStructure s = in.c(0);
                    for (DerivativeStructure[] x : in.m(0)) {
                        DerivativeStructure n2 = in.c(1.0);
                        for (int k = 0; k < mu.length; k++) {
                            DerivativeStructure z = x[k].subtract(mu[k]).multiply(scale[k]);
                            n2 = n2.add(z.multiply(z));
                        }
                        s = s.add(n2.log());
                    }
                    return s;
                }));
        // Row 6 again: the procedure fed by for (double[] x : X).
        out.add(program(f, "scatterForEachRow", "X", "mu")
                .at(grid(4, 3, 0.9), v(0.2, -0.1, 0.4)).at(grid(2, 2, 2.6), v(0.5, -0.5))
                .twin(in -> {
                    DerivativeStructure[] mu = in.v(1);
                    DerivativeStructure s = in.c(0);
                    for (DerivativeStructure[] x : in.m(0)) {
                        DerivativeStructure n2 = in.c(1.0);
                        for (int k = 0; k < mu.length; k++) {
                            DerivativeStructure d = x[k].subtract(mu[k]);
                            n2 = n2.add(d.multiply(d));
                        }
                        s = s.add(n2.sqrt());
                    }
                    return s;
                }));
        out.add(program(f, "momentumVelocity", "g", "beta", "-")
                .at(v(0.5, -0.3, 0.8), 0.9, 4).at(v(1.2, -0.7), 0.5, 2)
                .twin(in -> {
                    DerivativeStructure[] g = in.v(0);
                    DerivativeStructure[] vel = new DerivativeStructure[g.length];
                    java.util.Arrays.fill(vel, in.c(0));
                    DerivativeStructure travelled = in.c(0);
                    for (int t = 0; t < in.i(2); t++) {
                        for (int i = 0; i < g.length; i++) {
                            vel[i] = in.s(1).multiply(vel[i]).add(g[i]);
                        }
                        travelled = travelled.add(sumSquares(vel));
                    }
                    return travelled;
                }));
        out.add(program(f, "averagedActivations", "W", "b", "X")
                .at(grid(3, 2, 0.4), v(0.1, -0.2, 0.3), grid(4, 2, 2.2))
                .at(grid(2, 3, 1.0), v(0.5, -0.4), grid(2, 3, 0.1))
                .twin(in -> {
                    DerivativeStructure[] b = in.v(1);
                    DerivativeStructure[] ema = new DerivativeStructure[b.length];
                    java.util.Arrays.fill(ema, in.c(0));
                    for (DerivativeStructure[] x : in.m(2)) {
                        DerivativeStructure[] h = layerDs(in.m(0), b, x);
                        for (int i = 0; i < ema.length; i++) {
                            ema[i] = ema[i].multiply(0.9).add(h[i]);
                        }
                    }
                    return sumSquares(ema);
                }));
        out.add(program(f, "encodeDecode", "W1", "b1", "W2", "b2", "X")
                .at(grid(2, 3, 0.1), v(0.1, 0.2), grid(3, 2, 0.8), v(0.3, -0.3, 0.1), grid(4, 3, 1.7))
                .at(grid(1, 2, 1.5), v(-0.2), grid(2, 1, 0.6), v(0.2, 0.4), grid(3, 2, 0.9))
                .twin(in -> {
                    DerivativeStructure[][] W1 = in.m(0);
                    DerivativeStructure[] b1 = in.v(1);
                    DerivativeStructure loss = in.c(0);
                    for (DerivativeStructure[] x : in.m(4)) {
                        DerivativeStructure[] h = new DerivativeStructure[b1.length];
                        for (int j = 0; j < h.length; j++) {
                            h[j] = dot(b1[j], W1[j], x);
                        }
                        DerivativeStructure[] o = layerDs(in.m(2), in.v(3), h);
                        for (int k = 0; k < o.length; k++) {
                            DerivativeStructure e = o[k].subtract(x[k]);
                            loss = loss.add(e.multiply(e));
                        }
                    }
                    return loss;
                }));
        return out;
    }

    /** tanh(b + W x). */
    static DerivativeStructure[] layerDs(DerivativeStructure[][] W, DerivativeStructure[] b, DerivativeStructure[] x) {
        DerivativeStructure[] h = new DerivativeStructure[W.length];
        for (int j = 0; j < W.length; j++) {
            h[j] = dot(b[j], W[j], x).tanh();
        }
        return h;
    }

    private static DerivativeStructure softmaxRegressionDs(GalleryDs in) {
        DerivativeStructure[][] W = in.m(0);
        DerivativeStructure[] b = in.v(1);
        DerivativeStructure[][] X = in.m(2);
        int[] labels = (int[]) in.raw(3);
        DerivativeStructure loss = in.c(0);
        for (int r = 0; r < X.length; r++) {
            DerivativeStructure[] logits = new DerivativeStructure[W.length];
            for (int j = 0; j < W.length; j++) {
                logits[j] = dot(b[j], W[j], X[r]);
            }
            loss = loss.add(lse(logits)).subtract(logits[labels[r]]);
        }
        return loss.divide(X.length);
    }

    /** The batch classifier's mean softmax cross-entropy (mlpBatchSoftmax, mlpBatchHoisted). */
    private static DerivativeStructure mlpBatchSoftmaxDs(GalleryDs in) {
        DerivativeStructure[][] w1 = in.m(0);
        DerivativeStructure[] b1 = in.v(1);
        DerivativeStructure[][] w2 = in.m(2);
        DerivativeStructure[] b2 = in.v(3);
        DerivativeStructure[][] xs = in.m(4);
        int[] labels = (int[]) in.raw(5);
        DerivativeStructure total = in.c(0);
        for (int n = 0; n < xs.length; n++) {
            DerivativeStructure[] h = new DerivativeStructure[b1.length];
            for (int j = 0; j < h.length; j++) {
                h[j] = dot(b1[j], w1[j], xs[n]).tanh();
            }
            DerivativeStructure[] logits = new DerivativeStructure[b2.length];
            for (int c = 0; c < logits.length; c++) {
                logits[c] = dot(b2[c], w2[c], h);
            }
            total = total.add(lse(logits)).subtract(logits[labels[n]]);
        }
        return total.divide(xs.length);
    }

    /** -sum_i log sum_k exp(alpha_k - D log sigma_k - |x_i - mu_k|^2 / 2 sigma_k^2) + N lse(alpha). */
    private static DerivativeStructure gmmDs(GalleryDs in) {
        DerivativeStructure[] alphas = in.v(0);
        DerivativeStructure[][] means = in.m(1);
        DerivativeStructure[] logSigmas = in.v(2);
        DerivativeStructure[][] X = in.m(3);
        DerivativeStructure total = in.c(0);
        for (DerivativeStructure[] x : X) {
            DerivativeStructure[] term = new DerivativeStructure[alphas.length];
            for (int k = 0; k < alphas.length; k++) {
                DerivativeStructure sq = in.c(0);
                for (int d = 0; d < x.length; d++) {
                    DerivativeStructure z = x[d].subtract(means[k][d]).divide(logSigmas[k].exp());
                    sq = sq.add(z.multiply(z));
                }
                term[k] = alphas[k].subtract(logSigmas[k].multiply(x.length)).subtract(sq.multiply(0.5));
            }
            total = total.add(lse(term));
        }
        return lse(alphas).multiply(X.length).subtract(total);
    }

    // ---------------------------------------------------------------- StatementsAsWritten (issue 9's table)

    private static List<GalleryCase> statementsAsWritten() {
        List<GalleryCase> out = new ArrayList<>();
        String f = "StatementsAsWritten";
        // Row 8: var, switch over an enum (colon, yield), a String (arrow expression), int (colon
        // and arrow statements).
        out.add(program(f, "mixedActivations", "W", "x")
                .at(grid(4, 3, 0.5), v(0.7, -0.3, 0.9)).at(grid(3, 2, 1.8), v(-1.2, 0.4))
                .twin(in -> {
                    DerivativeStructure[][] W = in.m(0);
                    DerivativeStructure[] x = in.v(1);
                    DerivativeStructure s = in.c(0);
                    for (int j = 0; j < W.length; j++) {
                        DerivativeStructure z = dot(in.c(0), W[j], x);
                        DerivativeStructure a = switch (j % 3) {
                            case 0 -> z.tanh();
                            case 1 -> z.exp().log1p();
                            default -> z.divide(z.negate().exp().add(1.0));
                        };
                        s = s.add(a.multiply(a));
                    }
                    return s;
                }));
        for (String loss : List.of("mse", "logcosh", "pseudo-huber")) {
            out.add(program(f, "namedLoss", "pred", "target", "-")
                    .at(v(0.5, -1.2, 2.0), v(0.1, 0.3, 1.1), loss).at(v(1.5, 0.2), v(-0.4, 0.9), loss)
                    .twin(in -> {
                        DerivativeStructure[] pred = in.v(0);
                        DerivativeStructure[] target = in.v(1);
                        DerivativeStructure total = in.c(0);
                        for (int i = 0; i < pred.length; i++) {
                            DerivativeStructure e = pred[i].subtract(target[i]);
                            total = total.add(switch ((String) in.raw(2)) {
                                case "mse" -> e.multiply(e);
                                case "logcosh" -> e.cosh().log();
                                default -> e.multiply(e).add(1.0).sqrt().subtract(1.0);
                            });
                        }
                        return total.divide(pred.length);
                    }));
        }
        out.add(program(f, "legendreFeatures", "c", "t", "-")
                .at(v(0.5, -1.0, 0.7, 0.3, -0.2), 0.35, 4).at(v(1.0, 2.0), -0.6, 1).at(v(0.2, 0.4, 0.6), 0.8, 2)
                .twin(in -> {
                    DerivativeStructure[] c = in.v(0);
                    DerivativeStructure t = in.s(1);
                    int degree = in.i(2);
                    DerivativeStructure[] p = new DerivativeStructure[degree + 1];
                    p[0] = in.c(1.0);
                    if (degree >= 1) {
                        p[1] = t;
                    }
                    for (int d = 2; d <= degree; d++) {
                        p[d] = t.multiply(p[d - 1]).multiply(2 * d - 1).subtract(p[d - 2].multiply(d - 1)).divide(d);
                    }
                    return dot(in.c(0), c, p);
                }));
        out.add(program(f, "scheduledSteps", "w", "lr", "-")
                .at(0.8, 0.1, 7).at(-0.3, 0.25, 4)
                .twin(in -> {
                    DerivativeStructure x = in.s(0);
                    DerivativeStructure lr = in.s(1);
                    for (int t = 0; t < in.i(2); t++) {
                        DerivativeStructure rate = t % 3 == 0 ? lr : t % 3 == 1 ? lr.multiply(0.5) : lr.multiply(lr);
                        x = x.subtract(rate.multiply(x.multiply(x).multiply(x).subtract(x).add(0.3)));
                    }
                    return x.multiply(x);
                }));
        // Row 9: assignments and ++/-- inside expressions.
        out.add(program(f, "squaredHinge", "w", "X", "y")
                // The last sample is classified with room to spare: its margin is negative and adds nothing.
                .at(v(0.4, -0.3), m(v(1.0, 0.5), v(-0.2, 1.1), v(0.7, -0.9), v(0.3, 0.3), v(3.0, -1.0)),
                        v(1, -1, 1, -1, 1))
                .at(v(0.9, 0.2, -0.5), grid(3, 3, 0.4), v(-1, 1, 1))
                .twin(in -> {
                    DerivativeStructure[] w = in.v(0);
                    DerivativeStructure[][] X = in.m(1);
                    DerivativeStructure[] y = in.v(2);
                    DerivativeStructure loss = in.c(0);
                    for (int n = 0; n < X.length; n++) {
                        DerivativeStructure m = y[n].multiply(dot(in.c(0), w, X[n])).negate().add(1.0);
                        if (m.getValue() > 0) {
                            loss = loss.add(m.multiply(m));
                        }
                    }
                    return loss;
                }));
        out.add(program(f, "hornerCountdown", "coef", "x")
                .at(v(1.0, -2.0, 0.5, 3.0), 0.7).at(v(0.3, 0.9), -1.4).at(v(2.0), 5.0)
                .closedForm(a -> {
                    double[] c = (double[]) a[0];
                    double x = (Double) a[1];
                    double[] g = new double[c.length + 1];
                    for (int i = 0; i < c.length; i++) {
                        g[i] = Math.pow(x, i);
                        if (i > 0) {
                            g[c.length] += i * c[i] * Math.pow(x, i - 1);
                        }
                    }
                    return g;
                })
                .twin(in -> {
                    DerivativeStructure[] c = in.v(0);
                    DerivativeStructure p = in.c(0);
                    for (int i = c.length - 1; i >= 0; i--) {
                        p = p.multiply(in.s(1)).add(c[i]);
                    }
                    return p;
                }));
        out.add(program(f, "leapfrogChain", "x", "k", "-")
                .at(0.3, 2.0, 12).at(-0.8, 0.5, 3)
                .twin(in -> {
                    DerivativeStructure q = in.s(0).multiply(2.0);
                    DerivativeStructure qPrev = q;
                    for (int t = 0; t < in.i(2); t++) {
                        DerivativeStructure next = q.multiply(2.0).subtract(qPrev)
                                .subtract(in.s(1).multiply(q.sin()).multiply(0.01));
                        qPrev = q;
                        q = next;
                    }
                    return q.multiply(q).add(qPrev);
                }));
        out.add(program(f, "fourierFeatures", "x", "freq", "beta")
                .at(v(0.3, -1.1, 0.8), v(1.0, 2.5, 0.7), v(0.5, -0.2, 1.0, 0.3, -0.7, 0.9))
                .at(v(2.0), v(-0.6), v(1.5, 0.4))
                .twin(in -> {
                    DerivativeStructure[] x = in.v(0);
                    DerivativeStructure[] freq = in.v(1);
                    DerivativeStructure[] beta = in.v(2);
                    DerivativeStructure s = in.c(0);
                    for (int i = 0; i < x.length; i++) {
                        DerivativeStructure u = freq[i].multiply(x[i]);
                        s = s.add(beta[2 * i].multiply(u.cos())).add(beta[2 * i + 1].multiply(u.sin()));
                    }
                    return s;
                }));
        // Records and their accessors, the differentiable method of each element of an array.
        double[][] priors = {{0.0, 1.0}, {0.5, 2.0}, {-1.0, 0.5}};
        out.add(program(f, "mapObjective", "w", "X", "y")
                .at(v(0.3, -0.2, 0.6), grid(4, 3, 0.8), v(1.0, 0.2, -0.5, 0.4))
                .at(v(-0.7, 1.1, 0.1, 0.5), grid(2, 4, 1.5), v(0.3, -0.9))
                .twin(in -> {
                    DerivativeStructure[] w = in.v(0);
                    DerivativeStructure[][] X = in.m(1);
                    DerivativeStructure[] y = in.v(2);
                    DerivativeStructure loss = in.c(0);
                    for (int n = 0; n < X.length; n++) {
                        DerivativeStructure e = dot(in.c(0), w, X[n]).subtract(y[n]);
                        loss = loss.add(e.multiply(e).multiply(0.5));
                    }
                    for (int k = 0; k < priors.length; k++) {
                        DerivativeStructure z = w[k].subtract(priors[k][0]).divide(priors[k][1]);
                        loss = loss.add(z.multiply(z).multiply(0.5))
                                .add(Math.log(priors[k][1]) + 0.5 * Math.log(2 * Math.PI));
                    }
                    return loss;
                }));
        out.add(program(f, "standardised", "x")
                .at(v(0.3, -0.2, 0.6, 1.4)).at(v(-2.0, 1.0))
                .twin(in -> {
                    DerivativeStructure[] x = in.v(0);
                    DerivativeStructure s = in.c(0);
                    for (int i = 0; i < x.length; i++) {
                        double[] g = priors[i % priors.length];
                        DerivativeStructure z = x[i].subtract(g[0]).divide(g[1]);
                        s = s.add(z.multiply(z).log1p());
                    }
                    return s;
                }));
        // double... varargs, at the entry and called with separate numbers and with an array.
        out.add(program(f, "softMax", "z")
                .at(v(0.3, -1.2, 0.9)).at(v(2.0, 1.5))
                .twin(in -> lse(in.v(0))));
        out.add(program(f, "softMaxCalls", "a", "b", "x")
                .at(0.4, -0.7, v(1.0, 0.2, -0.5)).at(1.3, 0.8, v(-0.3, 0.6))
                .twin(in -> {
                    DerivativeStructure a = in.s(0);
                    DerivativeStructure b = in.s(1);
                    return lse(new DerivativeStructure[] {a, b, a.multiply(b)}).add(lse(in.v(2)).multiply(0.5));
                }));
        // Primitive array initialisers: int[] and double[] constants, a differentiated double[].
        out.add(program(f, "stencilOnPermutation", "x", "a")
                .at(v(0.4, -0.9, 1.3), 0.6).at(v(2.0, 0.1, -0.5, 0.8), -1.1)
                .twin(in -> {
                    DerivativeStructure[] x = in.v(0);
                    DerivativeStructure a = in.s(1);
                    DerivativeStructure[] shifted = {x[2].multiply(a), x[0], x[1].add(a)};
                    double[] weights = {0.25, 0.5, 0.25};
                    DerivativeStructure s = in.c(0);
                    for (int i = 0; i < 3; i++) {
                        s = s.add(shifted[i].sin().multiply(shifted[(i + 1) % 3]).multiply(weights[i]));
                    }
                    return s;
                }));
        for (String norm : List.of("l2", "cauchy")) {
            out.add(program(f, "regularised", "w", "lambda", "-")
                    .at(v(0.4, -0.8, 1.2), 0.3, norm).at(v(-1.5, 0.6), 2.0, norm)
                    .twin(in -> {
                        DerivativeStructure[] w = in.v(0);
                        DerivativeStructure penalty = in.c(0);
                        for (int i = 0; i < w.length; i++) {
                            penalty = penalty.add(i % 2 == 0 ? w[i].tanh().multiply(w[i].tanh())
                                    : w[i].exp().log1p().subtract(Math.log(2.0)));
                        }
                        DerivativeStructure data = sumSquares(w);
                        if (in.raw(2).equals("cauchy")) {
                            data = data.log1p();
                        }
                        return in.s(1).multiply(penalty).add(data);
                    }));
        }
        out.add(program(f, "reversedMovingAverage", "x", "w")
                .at(v(0.5, -1.0, 2.0, 0.3), v(0.7, -0.2, 0.4)).at(v(1.2, 0.4), v(-0.9))
                .twin(in -> {
                    DerivativeStructure[] x = in.v(0);
                    DerivativeStructure[] w = in.v(1);
                    DerivativeStructure s = in.c(0);
                    DerivativeStructure t = in.c(0);
                    for (int k = 0; k < x.length - 1; k++) {
                        int n = x.length - 2 - k;
                        DerivativeStructure feat = x[n].add(x[n + 1]).multiply(0.5);
                        s = s.add(w[k].multiply(feat));
                        t = t.add(feat.multiply(feat));
                    }
                    return s.multiply(s).add(t);
                }));
        out.add(program(f, "softMaxOneAndInitialiser", "a", "b")
                .at(0.3, -0.4).at(-1.0, 0.8)
                .twin(in -> in.s(0).add(lse(new DerivativeStructure[] {in.s(0), in.s(1).multiply(2.0)}))));
        out.add(program(f, "leakyMargins", "w", "X")
                .at(v(0.6, -0.4), grid(5, 2, 0.35)).at(v(-0.3, 0.9, 0.2), grid(3, 3, 1.2))
                .twin(in -> {
                    DerivativeStructure[] w = in.v(0);
                    DerivativeStructure s = in.c(0);
                    for (DerivativeStructure[] x : in.m(1)) {
                        DerivativeStructure r = dot(in.c(0), w, x);
                        s = r.getValue() > 0 ? s.add(r.multiply(r)) : s.subtract(r.multiply(0.1));
                    }
                    return s;
                }));
        return out;
    }

    // ---------------------------------------------------------------- twin helpers

    /** start + sum of w[k] x[k]. */
    static DerivativeStructure dot(DerivativeStructure start, DerivativeStructure[] w, DerivativeStructure[] x) {
        DerivativeStructure s = start;
        for (int k = 0; k < w.length; k++) {
            s = s.add(w[k].multiply(x[k]));
        }
        return s;
    }

    static DerivativeStructure sum(DerivativeStructure[] x) {
        DerivativeStructure s = x[0].getField().getZero();
        for (DerivativeStructure xi : x) {
            s = s.add(xi);
        }
        return s;
    }

    static DerivativeStructure sumSquares(DerivativeStructure[] x) {
        DerivativeStructure s = x[0].getField().getZero();
        for (DerivativeStructure xi : x) {
            s = s.add(xi.multiply(xi));
        }
        return s;
    }

    /** log(sum exp(x)) with the shift by the largest value. */
    static DerivativeStructure lse(DerivativeStructure[] x) {
        DerivativeStructure m = x[0];
        for (DerivativeStructure xi : x) {
            m = GalleryDs.max(m, xi);
        }
        DerivativeStructure s = x[0].getField().getZero();
        for (DerivativeStructure xi : x) {
            s = s.add(xi.subtract(m).exp());
        }
        return m.add(s.log());
    }

    static double[] scaled(double k, double[] x) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = k * x[i];
        }
        return out;
    }

    static double[] concat(double[] a, double[] b) {
        double[] out = new double[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
