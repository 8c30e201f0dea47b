package dev.leibniz.processor.gallery;

import dev.leibniz.Differentiable;

/** Losses and likelihoods as training code writes them. */
final class Losses {

    private Losses() {}

    /** Huber loss of a linear model, the branch chosen per residual inside the loop. */
    @Differentiable
    static double huberRegression(double[] w, double[][] X, double[] y, double delta) {
        double loss = 0.0;
        for (int i = 0; i < X.length; i++) {
            double pred = 0.0;
            for (int j = 0; j < w.length; j++) {
                pred += w[j] * X[i][j];
            }
            double r = pred - y[i];
            double a = Math.abs(r);
            if (a <= delta) {
                loss += 0.5 * r * r;
            } else {
                loss += delta * (a - 0.5 * delta);
            }
        }
        return loss;
    }

    /** Logistic regression, the stable log(1 + exp(-m)) chosen by the sign of the margin. */
    @Differentiable
    static double logisticRegression(double[] w, double b, double[][] X, int[] labels) {
        double nll = 0.0;
        for (int i = 0; i < X.length; i++) {
            double z = b;
            for (int j = 0; j < w.length; j++) {
                z += w[j] * X[i][j];
            }
            double m = labels[i] == 1 ? z : -z;
            nll += m > 0 ? Math.log1p(Math.exp(-m)) : -m + Math.log1p(Math.exp(m));
        }
        return nll / X.length;
    }

    /** Elastic net: squared error plus L1 and L2 penalties on the weights. */
    @Differentiable(wrt = {"w", "lambda1", "lambda2"})
    static double elasticNet(double[] w, double[][] X, double[] y, double lambda1, double lambda2) {
        double sse = 0.0;
        for (int i = 0; i < y.length; i++) {
            double r = y[i];
            for (int j = 0; j < w.length; j++) {
                r -= X[i][j] * w[j];
            }
            sse += r * r;
        }
        double l1 = 0.0;
        double l2 = 0.0;
        for (double wj : w) {
            l1 += Math.abs(wj);
            l2 += wj * wj;
        }
        return 0.5 * sse / y.length + lambda1 * l1 + 0.5 * lambda2 * l2;
    }

    /** Gaussian negative log-likelihood with the scale parameterised by its log. */
    @Differentiable
    static double gaussianNll(double mu, double logSigma, double[] data) {
        double sigma = Math.exp(logSigma);
        double nll = 0.0;
        for (double x : data) {
            double z = (x - mu) / sigma;
            nll += 0.5 * z * z + logSigma + 0.5 * Math.log(2.0 * Math.PI);
        }
        return nll;
    }

    /**
     * Gaussian mixture log-likelihood: per data point a buffer of component log-densities,
     * combined by log-sum-exp with the max trick; mixture weights from softmax of logits.
     */
    @Differentiable
    static double gmmLogLikelihood(double[] logits, double[] means, double[] logSigmas, double[] data) {
        int k = logits.length;
        double[] logw = new double[k];
        double[] comp = new double[k];
        double lmax = logits[0];
        for (int c = 1; c < k; c++) {
            lmax = Math.max(lmax, logits[c]);
        }
        double lz = 0.0;
        for (int c = 0; c < k; c++) {
            lz += Math.exp(logits[c] - lmax);
        }
        for (int c = 0; c < k; c++) {
            logw[c] = logits[c] - lmax - Math.log(lz);
        }
        double ll = 0.0;
        for (double x : data) {
            double best = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                double z = (x - means[c]) / Math.exp(logSigmas[c]);
                comp[c] = logw[c] - 0.5 * z * z - logSigmas[c] - 0.5 * Math.log(2.0 * Math.PI);
                if (comp[c] > best) {
                    best = comp[c];
                }
            }
            double s = 0.0;
            for (int c = 0; c < k; c++) {
                s += Math.exp(comp[c] - best);
            }
            ll += best + Math.log(s);
        }
        return ll;
    }

    /** Cosine similarity of two vectors. */
    @Differentiable
    static double cosineSimilarity(double[] a, double[] b) {
        double dot = 0.0;
        double na = 0.0;
        double nb = 0.0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return dot / (Math.sqrt(na) * Math.sqrt(nb));
    }

    /** Multiclass hinge loss of a linear classifier, margins skipped with continue. */
    @Differentiable(wrt = "W")
    static double multiclassHinge(double[][] W, double[] x, int label) {
        double correct = 0.0;
        for (int j = 0; j < x.length; j++) {
            correct += W[label][j] * x[j];
        }
        double loss = 0.0;
        for (int c = 0; c < W.length; c++) {
            if (c == label) {
                continue;
            }
            double s = 0.0;
            for (int j = 0; j < x.length; j++) {
                s += W[c][j] * x[j];
            }
            loss += Math.max(0.0, s - correct + 1.0);
        }
        return loss;
    }

    /** Poisson regression negative log-likelihood with a log link. */
    @Differentiable
    static double poissonRegression(double[] beta, double[][] X, int[] counts) {
        double nll = 0.0;
        for (int i = 0; i < X.length; i++) {
            double eta = 0.0;
            for (int j = 0; j < beta.length; j++) {
                eta += beta[j] * X[i][j];
            }
            nll += Math.exp(eta) - counts[i] * eta;
        }
        return nll;
    }

    /** Softmax cross-entropy in float, a float buffer for the shifted logits. */
    @Differentiable
    static double crossEntropyFloat(float[] logits, int label) {
        float[] shifted = new float[logits.length];
        float max = logits[0];
        for (int i = 1; i < logits.length; i++) {
            max = Math.max(max, logits[i]);
        }
        float sum = 0.0f;
        for (int i = 0; i < logits.length; i++) {
            shifted[i] = logits[i] - max;
            sum += (float) Math.exp(shifted[i]);
        }
        return Math.log(sum) - shifted[label];
    }
}
