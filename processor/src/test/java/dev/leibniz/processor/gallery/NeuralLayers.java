package dev.leibniz.processor.gallery;

import dev.leibniz.Differentiable;

/** Layers and small networks written the way a numerical user writes a forward pass. */
final class NeuralLayers {

    private NeuralLayers() {}

    /** Softplus, the smooth activation called from the layers below. */
    @Differentiable
    static double softplus(double z) {
        return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
    }

    /** Dense ReLU layer, accumulator starting at the bias, then the sum of squared outputs. */
    @Differentiable
    static double denseReluFromBias(double[][] W, double[] b1, double[] x) {
        double out = 0.0;
        for (int j = 0; j < W.length; j++) {
            double z = b1[j];
            for (int k = 0; k < x.length; k++) {
                z += W[j][k] * x[k];
            }
            double a = Math.max(0.0, z);
            out += a * a;
        }
        return out;
    }

    /** Dense tanh layer, accumulator starting at 0 and the bias added after the dot product. */
    @Differentiable
    static double denseTanhFromZero(double[][] W, double[] b, double[] x, double[] v) {
        double y = 0.0;
        for (int j = 0; j < W.length; j++) {
            double z = 0.0;
            for (int k = 0; k < x.length; k++) {
                z += W[j][k] * x[k];
            }
            z += b[j];
            y += v[j] * Math.tanh(z);
        }
        return y;
    }

    /** Dense tanh layer with the accumulator starting at the bias. */
    @Differentiable
    static double denseTanhFromBias(double[][] W, double[] b, double[] x) {
        double y = 0.0;
        for (int j = 0; j < W.length; j++) {
            double z = b[j];
            for (int k = 0; k < x.length; k++) {
                z += W[j][k] * x[k];
            }
            y += Math.tanh(z);
        }
        return y;
    }

    /** Dense tanh layer from the bias, the activation kept in a local and squared. */
    @Differentiable
    static double denseTanhSquared(double[][] W, double[] b, double[] x) {
        double y = 0.0;
        for (int j = 0; j < W.length; j++) {
            double z = b[j];
            for (int k = 0; k < x.length; k++) {
                z += W[j][k] * x[k];
            }
            double a = Math.tanh(z);
            y += a * a;
        }
        return y;
    }

    /** Dense layer whose activation is a call to another differentiable method. */
    @Differentiable
    static double denseActivationCall(double[][] W, double[] b, double[] x) {
        double y = 0.0;
        for (int j = 0; j < W.length; j++) {
            double z = b[j];
            for (int k = 0; k < x.length; k++) {
                z += W[j][k] * x[k];
            }
            y += softplus(z);
        }
        return y;
    }

    /** Leaky ReLU through a ternary inside the loop, hidden units in a local array. */
    @Differentiable
    static double leakyReluLayer(double[][] W, double[] b, double[] x, double[] v) {
        double[] h = new double[W.length];
        for (int j = 0; j < W.length; j++) {
            double z = b[j];
            for (int k = 0; k < x.length; k++) {
                z += W[j][k] * x[k];
            }
            h[j] = z > 0 ? z : 0.01 * z;
        }
        double y = 0.0;
        for (int j = 0; j < h.length; j++) {
            y += v[j] * h[j];
        }
        return y;
    }

    /**
     * One-hidden-layer regression MLP, squared error averaged over a batch; the hidden
     * activation is a scalar local per unit and sample.
     */
    @Differentiable
    static double mlpBatchLoss(double[][] W1, double[] b1, double[] w2, double b2, double[][] X, double[] y) {
        double loss = 0.0;
        for (int n = 0; n < X.length; n++) {
            double pred = b2;
            for (int j = 0; j < W1.length; j++) {
                double a = b1[j];
                for (int k = 0; k < X[n].length; k++) {
                    a += W1[j][k] * X[n][k];
                }
                double h = Math.tanh(a);
                pred += w2[j] * h;
            }
            double err = pred - y[n];
            loss += err * err;
        }
        return loss / X.length;
    }

    /**
     * A batch classifier as written in a first course: per sample, the tanh hidden layer in a
     * buffer the output layer reads once per class, logits in another with their running maximum,
     * softmax cross-entropy; the mean over the batch.
     */
    @Differentiable
    static double mlpBatchSoftmax(double[][] W1, double[] b1, double[][] W2, double[] b2, double[][] X,
            int[] labels) {
        double total = 0.0;
        for (int n = 0; n < X.length; n++) {
            double[] h = new double[b1.length];
            for (int j = 0; j < h.length; j++) {
                double a = b1[j];
                for (int k = 0; k < X[n].length; k++) {
                    a += W1[j][k] * X[n][k];
                }
                h[j] = Math.tanh(a);
            }
            double[] logits = new double[b2.length];
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < logits.length; c++) {
                double z = b2[c];
                for (int j = 0; j < h.length; j++) {
                    z += W2[c][j] * h[j];
                }
                logits[c] = z;
                max = Math.max(max, z);
            }
            double sum = 0.0;
            for (int c = 0; c < logits.length; c++) {
                sum += Math.exp(logits[c] - max);
            }
            total += max + Math.log(sum) - logits[labels[n]];
        }
        return total / X.length;
    }

    /**
     * The batch classifier written with its buffers made once, before the batch loop, and filled
     * again for every sample, as a user minding allocations writes it.
     */
    @Differentiable
    static double mlpBatchHoisted(double[][] W1, double[] b1, double[][] W2, double[] b2, double[][] X,
            int[] labels) {
        double[] h = new double[b1.length];
        double[] logits = new double[b2.length];
        double total = 0.0;
        for (int n = 0; n < X.length; n++) {
            for (int j = 0; j < h.length; j++) {
                double a = b1[j];
                for (int k = 0; k < X[n].length; k++) {
                    a += W1[j][k] * X[n][k];
                }
                h[j] = Math.tanh(a);
            }
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < logits.length; c++) {
                double z = b2[c];
                for (int j = 0; j < h.length; j++) {
                    z += W2[c][j] * h[j];
                }
                logits[c] = z;
                max = Math.max(max, z);
            }
            double sum = 0.0;
            for (int c = 0; c < logits.length; c++) {
                sum += Math.exp(logits[c] - max);
            }
            total += max + Math.log(sum) - logits[labels[n]];
        }
        return total / X.length;
    }

    /**
     * Two hidden layers per sample, each in a buffer of its own that the next layer's loops read
     * (the second through a softplus call), and a skip term reading the first again; squared
     * error summed over the batch.
     */
    @Differentiable
    static double twoHiddenBatch(double[][] W1, double[][] W2, double[] w3, double[][] X, double[] y) {
        double loss = 0.0;
        for (int n = 0; n < X.length; n++) {
            double[] h1 = new double[W1.length];
            for (int j = 0; j < W1.length; j++) {
                double a = 0.0;
                for (int k = 0; k < X[n].length; k++) {
                    a += W1[j][k] * X[n][k];
                }
                h1[j] = Math.tanh(a);
            }
            double[] h2 = new double[W2.length];
            for (int j = 0; j < W2.length; j++) {
                double a = 0.0;
                for (int k = 0; k < h1.length; k++) {
                    a += W2[j][k] * h1[k];
                }
                h2[j] = softplus(a);
            }
            double pred = 0.0;
            for (int j = 0; j < h2.length; j++) {
                pred += w3[j] * h2[j] * h1[j % h1.length];
            }
            double err = pred - y[n];
            loss += err * err;
        }
        return loss;
    }

    /** Per-sample two-layer classifier: sigmoid hidden units in a buffer, softmax cross-entropy. */
    @Differentiable
    static double mlpSampleCrossEntropy(double[][] W1, double[] b1, double[][] W2, double[] b2, double[] x,
            int label) {
        double[] h = new double[W1.length];
        double[] logits = new double[W2.length];
        for (int j = 0; j < W1.length; j++) {
            double s = b1[j];
            for (int k = 0; k < x.length; k++) {
                s += W1[j][k] * x[k];
            }
            h[j] = 1.0 / (1.0 + Math.exp(-s));
        }
        for (int c = 0; c < W2.length; c++) {
            logits[c] = b2[c];
            for (int j = 0; j < h.length; j++) {
                logits[c] += W2[c][j] * h[j];
            }
        }
        double max = logits[0];
        for (int c = 1; c < logits.length; c++) {
            if (logits[c] > max) {
                max = logits[c];
            }
        }
        double sum = 0.0;
        for (int c = 0; c < logits.length; c++) {
            sum += Math.exp(logits[c] - max);
        }
        return max + Math.log(sum) - logits[label];
    }

    /** Softmax cross-entropy with the max trick, the maximum taken by Math.max. */
    @Differentiable
    static double softmaxCrossEntropy(double[] logits, int label) {
        double m = Double.NEGATIVE_INFINITY;
        for (double l : logits) {
            m = Math.max(m, l);
        }
        double z = 0.0;
        for (int i = 0; i < logits.length; i++) {
            z += Math.exp(logits[i] - m);
        }
        return -(logits[label] - m - Math.log(z));
    }

    /** log(sum exp(x)) with the running maximum starting at the first element. */
    @Differentiable
    static double logSumExp(double[] x) {
        double m = x[0];
        for (int i = 1; i < x.length; i++) {
            if (x[i] > m) {
                m = x[i];
            }
        }
        double s = 0.0;
        for (int i = 0; i < x.length; i++) {
            s += Math.exp(x[i] - m);
        }
        return m + Math.log(s);
    }

    /**
     * Scaled dot-product attention for one query: softmax weights over the keys, the weighted
     * sum of the values, projected on u.
     */
    @Differentiable
    static double attention(double[] q, double[][] K, double[][] V, double[] u) {
        double scale = 1.0 / Math.sqrt(q.length);
        double[] scores = new double[K.length];
        double[] ctx = new double[V[0].length];
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < K.length; i++) {
            double s = 0.0;
            for (int d = 0; d < q.length; d++) {
                s += q[d] * K[i][d];
            }
            scores[i] = s * scale;
            max = Math.max(max, scores[i]);
        }
        double total = 0.0;
        for (int i = 0; i < scores.length; i++) {
            scores[i] = Math.exp(scores[i] - max);
            total += scores[i];
        }
        for (int i = 0; i < scores.length; i++) {
            double w = scores[i] / total;
            for (int d = 0; d < ctx.length; d++) {
                ctx[d] += w * V[i][d];
            }
        }
        double out = 0.0;
        for (int d = 0; d < ctx.length; d++) {
            out += u[d] * ctx[d];
        }
        return out;
    }

    /** Layer normalisation followed by a scale and shift, read out against fixed weights. */
    @Differentiable
    static double layerNorm(double[] x, double[] gamma, double[] beta, double[] r) {
        int n = x.length;
        double mean = 0.0;
        for (double xi : x) {
            mean += xi;
        }
        mean /= n;
        double var = 0.0;
        for (int i = 0; i < n; i++) {
            double d = x[i] - mean;
            var += d * d;
        }
        var /= n;
        double inv = 1.0 / Math.sqrt(var + 1e-5);
        double out = 0.0;
        for (int i = 0; i < n; i++) {
            double xhat = (x[i] - mean) * inv;
            double y = gamma[i] * xhat + beta[i];
            out += r[i] * y;
        }
        return out;
    }

    /** Residual block: x + tanh(W x), then half the squared norm. */
    @Differentiable
    static double residualBlock(double[][] W, double[] x) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double z = 0.0;
            for (int k = 0; k < x.length; k++) {
                z += W[i][k] * x[k];
            }
            y[i] = x[i] + Math.tanh(z);
        }
        double s = 0.0;
        for (double yi : y) {
            s += yi * yi;
        }
        return 0.5 * s;
    }

    /** Dropout at inference-free training: a fixed mask skips units with continue. */
    @Differentiable
    static double maskedLayer(double[][] W, double[] x, int[] keep, double p) {
        double y = 0.0;
        for (int j = 0; j < W.length; j++) {
            if (keep[j] == 0) {
                continue;
            }
            double z = 0.0;
            for (int k = 0; k < x.length; k++) {
                z += W[j][k] * x[k];
            }
            y += Math.exp(-z * z) / (1.0 - p);
        }
        return y;
    }

    /** A layer whose activation is picked by an int: GELU, ELU, Swish, Mish, softsign. */
    @Differentiable
    static double activationZoo(double[][] W, double[] b, double[] x, int kind) {
        double y = 0.0;
        for (int j = 0; j < W.length; j++) {
            double z = 0.0;
            for (int k = 0; k < x.length; k++) {
                z += W[j][k] * x[k];
            }
            z += b[j];
            double a;
            if (kind == 0) {
                a = 0.5 * z * (1.0 + Math.tanh(Math.sqrt(2.0 / Math.PI) * (z + 0.044715 * z * z * z)));
            } else if (kind == 1) {
                a = z > 0 ? z : Math.expm1(z);
            } else if (kind == 2) {
                a = z / (1.0 + Math.exp(-z));
            } else if (kind == 3) {
                a = z * Math.tanh(Math.log1p(Math.exp(z)));
            } else {
                a = z / (1.0 + Math.abs(z));
            }
            y += a * (j + 1);
        }
        return y;
    }

    /** A single-unit float network: float weights and float hidden locals. */
    @Differentiable
    static double floatNeuron(float[] w, float b, float[] x) {
        float z = b;
        for (int k = 0; k < w.length; k++) {
            z += w[k] * x[k];
        }
        float a = (float) Math.tanh(z);
        return a * a;
    }

    /** An Elman cell, h = tanh(Wx x + Wh h + b), as a procedure that updates the state in place. */
    @Differentiable
    static void rnnCell(double[][] Wx, double[][] Wh, double[] b, double[] x, double[] h) {
        double[] prev = h.clone();
        for (int j = 0; j < h.length; j++) {
            double z = b[j];
            for (int k = 0; k < x.length; k++) {
                z += Wx[j][k] * x[k];
            }
            for (int k = 0; k < prev.length; k++) {
                z += Wh[j][k] * prev[k];
            }
            h[j] = Math.tanh(z);
        }
    }

    /** The cell run over a sequence (one row of xs per step), then the squared error of the last state. */
    @Differentiable(wrt = {"Wx", "Wh", "b"})
    static double rnnSequenceLoss(double[][] Wx, double[][] Wh, double[] b, double[][] xs, double[] target) {
        double[] h = new double[b.length];
        for (int t = 0; t < xs.length; t++) {
            rnnCell(Wx, Wh, b, xs[t], h);
        }
        double loss = 0;
        for (int j = 0; j < h.length; j++) {
            double e = h[j] - target[j];
            loss += e * e;
        }
        return loss;
    }
}
