package dev.leibniz.processor.gallery;

import dev.leibniz.Differentiable;

/**
 * Issue 9's table, arrays as people write them: rows passed to calls, rows and clones as locals,
 * choices between arrays, for over the rows of a matrix, buffers made per sample, GMM's
 * main_term handed to logsumexp, procedures that write their outputs, and double[]-valued
 * layers chained per sample.
 */
final class ArraysAsWritten {

    private ArraysAsWritten() {}

    // ------------------------------------------------------------ helpers the programs call

    /** The inner product every ML codebase writes once. */
    @Differentiable
    static double dot(double[] a, double[] b) {
        double s = 0.0;
        for (int k = 0; k < a.length; k++) {
            s += a[k] * b[k];
        }
        return s;
    }

    /** log(sum exp(v)) with the maximum shifted out. */
    @Differentiable
    static double logsumexp(double[] v) {
        double m = v[0];
        for (int i = 1; i < v.length; i++) {
            m = Math.max(m, v[i]);
        }
        double s = 0.0;
        for (double vi : v) {
            s += Math.exp(vi - m);
        }
        return m + Math.log(s);
    }

    /** out = a - b, elementwise. */
    @Differentiable
    static void subtract(double[] a, double[] b, double[] out) {
        for (int i = 0; i < out.length; i++) {
            out[i] = a[i] - b[i];
        }
    }

    /** out = W x + b. */
    @Differentiable
    static void affine(double[][] W, double[] b, double[] x, double[] out) {
        for (int j = 0; j < out.length; j++) {
            double z = b[j];
            for (int k = 0; k < x.length; k++) {
                z += W[j][k] * x[k];
            }
            out[j] = z;
        }
    }

    /** h = tanh(h), in place. */
    @Differentiable
    static void tanhInPlace(double[] h) {
        for (int j = 0; j < h.length; j++) {
            h[j] = Math.tanh(h[j]);
        }
    }

    /** A hidden layer as a procedure that calls two procedures: out = tanh(W x + b). */
    @Differentiable
    static void affineTanh(double[][] W, double[] b, double[] x, double[] out) {
        affine(W, b, x, out);
        tanhInPlace(out);
    }

    /** A dense tanh layer that returns its activations. */
    @Differentiable
    static double[] layer(double[][] W, double[] b, double[] x) {
        double[] h = new double[W.length];
        for (int j = 0; j < W.length; j++) {
            double z = b[j];
            for (int k = 0; k < x.length; k++) {
                z += W[j][k] * x[k];
            }
            h[j] = Math.tanh(z);
        }
        return h;
    }

    // ------------------------------------------------------------ row 1: dot(W[j], X[r])

    /** Softmax regression over a batch: every logit is dot(W[j], X[r]), the data differentiated too. */
    @Differentiable
    static double softmaxRegression(double[][] W, double[] b, double[][] X, int[] labels) {
        double loss = 0.0;
        double[] logits = new double[W.length];
        for (int r = 0; r < X.length; r++) {
            for (int j = 0; j < W.length; j++) {
                logits[j] = b[j] + dot(W[j], X[r]);
            }
            loss += logsumexp(logits) - logits[labels[r]];
        }
        return loss / X.length;
    }

    /** The same loss as training sees it: the data are constants. */
    @Differentiable(wrt = {"W", "b"})
    static double softmaxRegressionWeights(double[][] W, double[] b, double[][] X, int[] labels) {
        double loss = 0.0;
        for (int r = 0; r < X.length; r++) {
            double[] logits = new double[W.length];
            for (int j = 0; j < W.length; j++) {
                logits[j] = dot(W[j], X[r]) + b[j];
            }
            loss += logsumexp(logits) - logits[labels[r]];
        }
        return loss / X.length;
    }

    // ------------------------------------------------------------ row 2: rows, clone, choices

    /**
     * Ridge regression, the sample taken as a row local and the shrunk weights as a clone that
     * is then updated in place.
     */
    @Differentiable
    static double ridgeWithRowLocal(double[] w, double[][] X, double[] y, double lambda) {
        double[] shrunk = w.clone();
        for (int k = 0; k < shrunk.length; k++) {
            shrunk[k] *= 1.0 / (1.0 + lambda);
        }
        double loss = 0.0;
        for (int n = 0; n < X.length; n++) {
            double[] row = X[n];
            double err = dot(row, shrunk) - y[n];
            loss += err * err;
        }
        return loss + lambda * dot(w, w);
    }

    /**
     * A two-tower scorer: each unit reads either its own weight row or the input itself (a
     * skip), chosen per unit; the target is one of two local arrays chosen by a flag.
     */
    @Differentiable
    static double skipOrWeights(double[][] W, double[] x, boolean[] skip, boolean towardsSquares) {
        double[] squares = new double[x.length];
        double[] halves = new double[x.length];
        for (int k = 0; k < x.length; k++) {
            squares[k] = x[k] * x[k];
            halves[k] = 0.5 * x[k];
        }
        double[] target = towardsSquares ? squares : halves;
        double s = 0.0;
        for (int j = 0; j < W.length; j++) {
            var r = skip[j] ? x : W[j];
            double a = Math.tanh(dot(r, x));
            s += (a - target[j % target.length]) * (a - target[j % target.length]);
        }
        return s;
    }

    // ------------------------------------------------------------ row 3: for (double[] row : X)

    /** Gaussian kernel density at a query, the bandwidth and the data differentiated. */
    @Differentiable
    static double kernelDensity(double[][] X, double[] q, double h) {
        double density = 0.0;
        for (double[] row : X) {
            double d2 = 0.0;
            for (int k = 0; k < q.length; k++) {
                double d = row[k] - q[k];
                d2 += d * d;
            }
            density += Math.exp(-d2 / (2.0 * h * h));
        }
        return Math.log(density / (X.length * h));
    }

    /** Soft k-means energy: for each point, -log sum over centres of exp(-|x - c|^2). */
    @Differentiable
    static double softKMeans(double[][] C, double[][] X) {
        double energy = 0.0;
        for (double[] x : X) {
            double[] negDist = new double[C.length];
            int j = 0;
            for (double[] c : C) {
                negDist[j] = -dot(c, c) + 2.0 * dot(c, x) - dot(x, x);
                j++;
            }
            energy -= logsumexp(negDist);
        }
        return energy;
    }

    // ------------------------------------------------------------ row 4: new double[H] per sample

    /** One-hidden-layer regression MLP, the hidden activations in a buffer made per sample. */
    @Differentiable
    static double mlpHiddenBuffer(double[][] W1, double[] b1, double[] w2, double[][] X, double[] y) {
        int H = W1.length;
        double loss = 0.0;
        for (int n = 0; n < X.length; n++) {
            double[] h = new double[H];
            for (int j = 0; j < H; j++) {
                double z = b1[j];
                for (int k = 0; k < X[n].length; k++) {
                    z += W1[j][k] * X[n][k];
                }
                h[j] = Math.tanh(z);
            }
            double err = dot(w2, h) - y[n];
            loss += 0.5 * err * err;
        }
        return loss;
    }

    // ------------------------------------------------------------ row 5: GMM's main_term

    /**
     * Negative log-likelihood of an isotropic Gaussian mixture (ADBench GMM's shape): main_term
     * is made once before the point loop and refilled for every point.
     */
    @Differentiable
    static double gmmRefilled(double[] alphas, double[][] means, double[] logSigmas, double[][] X) {
        int K = alphas.length;
        int D = X[0].length;
        double[] mainTerm = new double[K];
        double lse = 0.0;
        for (int i = 0; i < X.length; i++) {
            for (int k = 0; k < K; k++) {
                double sq = 0.0;
                for (int d = 0; d < D; d++) {
                    double z = (X[i][d] - means[k][d]) * Math.exp(-logSigmas[k]);
                    sq += z * z;
                }
                mainTerm[k] = alphas[k] - D * logSigmas[k] - 0.5 * sq;
            }
            lse += logsumexp(mainTerm);
        }
        return X.length * logsumexp(alphas) - lse;
    }

    /** The same mixture with main_term made inside the point loop. */
    @Differentiable
    static double gmmPerPoint(double[] alphas, double[][] means, double[] logSigmas, double[][] X) {
        int K = alphas.length;
        double lse = 0.0;
        for (int i = 0; i < X.length; i++) {
            double[] mainTerm = new double[K];
            for (int k = 0; k < K; k++) {
                double sq = 0.0;
                for (int d = 0; d < X[i].length; d++) {
                    double z = (X[i][d] - means[k][d]) * Math.exp(-logSigmas[k]);
                    sq += z * z;
                }
                mainTerm[k] = alphas[k] - X[i].length * logSigmas[k] - 0.5 * sq;
            }
            lse += logsumexp(mainTerm);
        }
        return X.length * logsumexp(alphas) - lse;
    }

    // ------------------------------------------------------------ row 6: procedures

    /** Within-cluster scatter: subtract the centre from every point into one residual buffer. */
    @Differentiable
    static double scatterAroundMean(double[][] X, double[] mu) {
        double[] r = new double[mu.length];
        double s = 0.0;
        for (int n = 0; n < X.length; n++) {
            subtract(X[n], mu, r);
            s += Math.log1p(dot(r, r));
        }
        return s;
    }

    /** A single residual outside any loop: Huber-free robust distance between two vectors. */
    @Differentiable
    static double residualOnce(double[] a, double[] b) {
        double[] d = new double[a.length];
        subtract(a, b, d);
        return Math.sqrt(1.0 + dot(d, d));
    }

    /**
     * An RNN-free encoder: every sample's hidden state goes into a row hs[n] of a local matrix
     * through a procedure that calls two procedures, then the states are pooled and read out.
     */
    @Differentiable
    static double encodeIntoRows(double[][] W, double[] b, double[] v, double[][] X) {
        double[][] hs = new double[X.length][b.length];
        for (int n = 0; n < X.length; n++) {
            affineTanh(W, b, X[n], hs[n]);
        }
        double out = 0.0;
        for (int n = 0; n < X.length; n++) {
            double z = dot(v, hs[n]);
            out += z * z;
        }
        return out;
    }

    /** The two procedures called one after the other on a buffer made per sample. */
    @Differentiable
    static double affineThenTanhPerSample(double[][] W, double[] b, double[][] X, double[] y) {
        double loss = 0.0;
        for (int n = 0; n < X.length; n++) {
            double[] h = new double[b.length];
            affine(W, b, X[n], h);
            tanhInPlace(h);
            double err = 0.0;
            for (double hj : h) {
                err += hj;
            }
            err -= y[n];
            loss += err * err;
        }
        return loss;
    }

    // ------------------------------------------------------------ row 7: double[]-valued layers

    /** A two-layer tanh network per sample, squared error against targets, layers chained. */
    @Differentiable
    static double twoLayerPerSample(double[][] W1, double[] b1, double[][] W2, double[] b2, double[][] X,
            double[][] Y) {
        double loss = 0.0;
        for (int n = 0; n < X.length; n++) {
            double[] h = layer(W1, b1, X[n]);
            double[] o = layer(W2, b2, h);
            for (int c = 0; c < o.length; c++) {
                double e = o[c] - Y[n][c];
                loss += e * e;
            }
        }
        return loss / X.length;
    }

    /** Three stacked layers on one input, the last read out by a dot product. */
    @Differentiable
    static double deepStack(double[][] W1, double[] b1, double[][] W2, double[] b2, double[] v, double[] x) {
        double[] h1 = layer(W1, b1, x);
        double[] h2 = layer(W2, b2, h1);
        double[] h3 = layer(W2, b2, h2);
        return dot(v, h3) + dot(h1, h1);
    }

    /** Mahalanobis-free whitening score: each row cloned, centred in place, then scaled by a or b. */
    @Differentiable
    static double centredRowsChosenScale(double[][] X, double[] mu, double[] a, double[] b, boolean useA) {
        double[] scale = useA ? a : b;
        double s = 0.0;
        for (int n = 0; n < X.length; n++) {
            // X[n].clone() is what one would write; the processor refuses it inside a loop
            // (reported), so the row is copied into a buffer of the centre's size.
            double[] row = X[n];
            double[] z = new double[mu.length];
            System.arraycopy(row, 0, z, 0, z.length);
            for (int k = 0; k < z.length; k++) {
                z[k] -= mu[k];
                z[k] *= scale[k];
            }
            s += Math.log(1.0 + dot(z, z));
        }
        return s;
    }

    /** The residual procedure fed by a for over the rows, and by a clone of the centre. */
    @Differentiable
    static double scatterForEachRow(double[][] X, double[] mu) {
        double[] centre = mu.clone();
        double[] r = new double[mu.length];
        double s = 0.0;
        for (double[] x : X) {
            subtract(x, centre, r);
            s += Math.sqrt(1.0 + dot(r, r));
        }
        return s;
    }

    /** y = a y + x, the BLAS axpy with y both read and written. */
    @Differentiable
    static void axpy(double a, double[] x, double[] y) {
        for (int i = 0; i < y.length; i++) {
            y[i] = a * y[i] + x[i];
        }
    }

    /** Heavy-ball momentum: the velocity buffer updated in place by a procedure every step. */
    @Differentiable
    static double momentumVelocity(double[] g, double beta, int steps) {
        double[] velocity = new double[g.length];
        double travelled = 0.0;
        for (int t = 0; t < steps; t++) {
            axpy(beta, g, velocity);
            travelled += dot(velocity, velocity);
        }
        return travelled;
    }

    /** Exponential moving average of a layer's outputs over the samples, kept by axpy. */
    @Differentiable
    static double averagedActivations(double[][] W, double[] b, double[][] X) {
        double[] ema = new double[b.length];
        for (int n = 0; n < X.length; n++) {
            double[] h = layer(W, b, X[n]);
            axpy(0.9, h, ema);
        }
        return dot(ema, ema);
    }

    /** A linear encoder writing rows hs[n] by procedure, decoded by a double[]-valued layer. */
    @Differentiable
    static double encodeDecode(double[][] W1, double[] b1, double[][] W2, double[] b2, double[][] X) {
        double[][] hs = new double[X.length][b1.length];
        double loss = 0.0;
        for (int n = 0; n < X.length; n++) {
            affine(W1, b1, X[n], hs[n]);
            double[] o = layer(W2, b2, hs[n]);
            for (int k = 0; k < o.length; k++) {
                double e = o[k] - X[n][k];
                loss += e * e;
            }
        }
        return loss;
    }
}
