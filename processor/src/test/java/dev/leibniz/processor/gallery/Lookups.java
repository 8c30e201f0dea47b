package dev.leibniz.processor.gallery;

import dev.leibniz.Differentiable;

/** Indexing by data: table lookups, embeddings, scatter-adds, and control flow around them. */
final class Lookups {

    private Lookups() {}

    /** Linear interpolation in a uniform table, the cell found from the differentiated x. */
    @Differentiable
    static double interpolate(double[] table, double x0, double dx, double x) {
        int i = (int) Math.floor((x - x0) / dx);
        if (i < 0) {
            i = 0;
        }
        if (i > table.length - 2) {
            i = table.length - 2;
        }
        double t = (x - (x0 + i * dx)) / dx;
        return table[i] * (1.0 - t) + table[i + 1] * t;
    }

    /** Embedding bag: rows of E picked by ids, weighted, summed into a local vector, then scored. */
    @Differentiable
    static double embeddingBag(double[][] E, int[] ids, double[] weights, double[] u) {
        double[] bag = new double[E[0].length];
        for (int i = 0; i < ids.length; i++) {
            for (int j = 0; j < bag.length; j++) {
                bag[j] += weights[i] * E[ids[i]][j];
            }
        }
        double s = 0.0;
        for (int j = 0; j < bag.length; j++) {
            s += u[j] * Math.tanh(bag[j]);
        }
        return s;
    }

    /** Scatter-add into bins with repeated indices, then a smooth penalty per bin. */
    @Differentiable
    static double scatterHistogram(double[] values, int[] bins, int nBins) {
        double[] hist = new double[nBins];
        for (int i = 0; i < values.length; i++) {
            hist[bins[i]] += values[i] * values[i];
        }
        double s = 0.0;
        for (int b = 0; b < nBins; b++) {
            s += Math.log1p(hist[b]) * (b + 1);
        }
        return s;
    }

    /** Gradient clipping by value, then an SGD step, then the loss after the step. */
    @Differentiable
    static double clippedStep(double[] w, double[] g, double lr, double clip) {
        double loss = 0.0;
        for (int i = 0; i < w.length; i++) {
            double gi = Math.max(-clip, Math.min(clip, g[i]));
            double wi = w[i] - lr * gi;
            loss += wi * wi * (i + 1);
        }
        return loss;
    }

    /** A local chosen from one of two parameter arrays by a ternary, then updated. */
    @Differentiable
    static double ternaryElementStart(double[] a, double[] b, double c) {
        double s = 0.0;
        for (int i = 0; i < a.length; i++) {
            double v = i % 2 == 0 ? a[i] : b[i];
            v += c * v;
            s += v * v;
        }
        return s;
    }

    /** A local started from a matrix entry and updated across the row. */
    @Differentiable
    static double rowScan(double[][] W, double c) {
        double s = 0.0;
        for (int j = 0; j < W.length; j++) {
            double z = W[j][0];
            for (int k = 1; k < W[j].length; k++) {
                z = z * c + W[j][k];
            }
            s += z * z;
        }
        return s;
    }

    /** continue skips the update of a loop-carried variable on some iterations. */
    @Differentiable
    static double continueSkipsUpdate(double[] x, double a) {
        double carry = a;
        double s = 0.0;
        for (int i = 0; i < x.length; i++) {
            s += carry * x[i];
            if (x[i] < 0) {
                continue;
            }
            carry = carry * a + x[i];
        }
        return s + carry;
    }

    /** return from inside nested loops with a local updated in the inner loop. */
    @Differentiable
    static double earlyReturnNested(double[][] A, double a, double limit) {
        double acc = 0.0;
        for (int i = 0; i < A.length; i++) {
            for (int j = 0; j < A[i].length; j++) {
                acc += A[i][j] * a;
                if (acc > limit) {
                    return acc * acc;
                }
            }
            acc *= 0.5;
        }
        return acc;
    }

    /** A while loop that updates, then breaks, then would update again. */
    @Differentiable
    static double whileBreakAfterUpdate(double x, double r) {
        double v = x;
        int n = 0;
        while (true) {
            v = v * r + 0.1;
            n++;
            if (v > 3.0 || n >= 50) {
                break;
            }
            v += 0.05 * v;
        }
        return v;
    }

    /** A running quotient and product over the data. */
    @Differentiable
    static double quotientChain(double[] x, double a) {
        double p = a;
        for (int i = 0; i < x.length; i++) {
            p /= x[i];
            p *= 1.0 + a * x[i];
        }
        return p;
    }
}
