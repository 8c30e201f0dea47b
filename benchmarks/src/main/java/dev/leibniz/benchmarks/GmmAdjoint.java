package dev.leibniz.benchmarks;

import java.util.Arrays;

/**
 * The gradient of {@link Gmm#gmmObjective} by hand. Per point, the forward pass keeps each
 * component's centred point {@code xc = x − μ} and {@code y = Q xc}; with the responsibilities
 * {@code r = softmax(mainTerm)}, the adjoint of y is {@code −r y}, and it flows to Q's diagonal
 * and lower triangle (outer products with xc) and, through Qᵀ, to the mean. The log-diagonal
 * gets the sum of its two uses (sumQs and exp). O(n k d²), no storage across points.
 */
final class GmmAdjoint {
    private GmmAdjoint() {}

    /** Reusable buffers. */
    static final class Work {
        double[] qdiags = new double[0];
        double[] sumQs = new double[0];
        double[] gQdiags = new double[0];
        double[] gSumQs = new double[0];
        double[] xc = new double[0];
        double[] y = new double[0];
        double[] main = new double[0];
        double[] xcb = new double[0];

        void ensure(int d, int k) {
            if (qdiags.length != d * k || sumQs.length != k) {
                qdiags = new double[d * k];
                sumQs = new double[k];
                gQdiags = new double[d * k];
                gSumQs = new double[k];
                xc = new double[d * k];
                y = new double[d * k];
                main = new double[k];
                xcb = new double[d];
            }
        }
    }

    /** Writes the gradient into gAlphas, gMeans, gIcf and returns the objective. */
    static double gradient(int d, int k, int n, double[] alphas, double[] means, double[] icf,
            double[] x, Gmm.Wishart wishart, double[] gAlphas, double[] gMeans, double[] gIcf,
            Work w) {
        w.ensure(d, k);
        int icfSz = d * (d + 1) / 2;
        double[] qdiags = w.qdiags;
        double[] sumQs = w.sumQs;
        double[] gQdiags = w.gQdiags;
        double[] gSumQs = w.gSumQs;
        double[] xc = w.xc;
        double[] y = w.y;
        double[] main = w.main;
        double[] xcb = w.xcb;
        for (int ik = 0; ik < k; ik++) {
            double s = 0;
            for (int id = 0; id < d; id++) {
                double q = icf[ik * icfSz + id];
                s += q;
                qdiags[ik * d + id] = Math.exp(q);
            }
            sumQs[ik] = s;
        }
        Arrays.fill(gAlphas, 0.0);
        Arrays.fill(gMeans, 0.0);
        Arrays.fill(gIcf, 0.0);
        Arrays.fill(gQdiags, 0.0);
        Arrays.fill(gSumQs, 0.0);

        double slse = 0;
        for (int ix = 0; ix < n; ix++) {
            int xOff = ix * d;
            double mx = Double.NEGATIVE_INFINITY;
            for (int ik = 0; ik < k; ik++) {
                int o = ik * d;
                int lOff = ik * icfSz + d;
                for (int id = 0; id < d; id++) {
                    double c = x[xOff + id] - means[o + id];
                    xc[o + id] = c;
                    y[o + id] = qdiags[o + id] * c;
                }
                int idx = lOff;
                for (int i = 0; i < d; i++) {
                    double ci = xc[o + i];
                    for (int j = i + 1; j < d; j++) {
                        y[o + j] += icf[idx++] * ci;
                    }
                }
                double sq = 0;
                for (int id = 0; id < d; id++) {
                    sq += y[o + id] * y[o + id];
                }
                double m = alphas[ik] + sumQs[ik] - 0.5 * sq;
                main[ik] = m;
                mx = Math.max(mx, m);
            }
            double se = 0;
            for (int ik = 0; ik < k; ik++) {
                se += Math.exp(main[ik] - mx);
            }
            double lse = Math.log(se) + mx;
            slse += lse;
            for (int ik = 0; ik < k; ik++) {
                double r = Math.exp(main[ik] - lse);
                gAlphas[ik] += r;
                gSumQs[ik] += r;
                int o = ik * d;
                int lOff = ik * icfSz + d;
                for (int id = 0; id < d; id++) {
                    double yb = -r * y[o + id];
                    y[o + id] = yb; // y's adjoint from here on
                    gQdiags[o + id] += yb * xc[o + id];
                    xcb[id] = qdiags[o + id] * yb;
                }
                int idx = lOff;
                for (int i = 0; i < d; i++) {
                    double ci = xc[o + i];
                    double acc = 0;
                    for (int j = i + 1; j < d; j++) {
                        double yb = y[o + j];
                        gIcf[idx] += yb * ci;
                        acc += icf[idx] * yb;
                        idx++;
                    }
                    xcb[i] += acc;
                }
                for (int id = 0; id < d; id++) {
                    gMeans[o + id] -= xcb[id];
                }
            }
        }

        double amx = Double.NEGATIVE_INFINITY;
        for (int ik = 0; ik < k; ik++) {
            amx = Math.max(amx, alphas[ik]);
        }
        double ase = 0;
        for (int ik = 0; ik < k; ik++) {
            ase += Math.exp(alphas[ik] - amx);
        }
        double lseAlphas = Math.log(ase) + amx;
        for (int ik = 0; ik < k; ik++) {
            gAlphas[ik] -= n * Math.exp(alphas[ik] - lseAlphas);
        }

        // The Wishart prior.
        double gamma = wishart.gamma();
        int m = wishart.m();
        int np = d + m + 1;
        double c = np * d * (Math.log(gamma) - 0.5 * Math.log(2)) - Gmm.logGammaDistrib(0.5 * np, d);
        double g2 = gamma * gamma;
        double prior = 0;
        for (int ik = 0; ik < k; ik++) {
            double frobenius = 0;
            for (int id = 0; id < d; id++) {
                double q = qdiags[ik * d + id];
                frobenius += q * q;
                gQdiags[ik * d + id] += g2 * q;
            }
            for (int i = ik * icfSz + d; i < (ik + 1) * icfSz; i++) {
                frobenius += icf[i] * icf[i];
                gIcf[i] += g2 * icf[i];
            }
            prior += 0.5 * g2 * frobenius - m * sumQs[ik];
            gSumQs[ik] -= m;
        }
        prior -= k * c;
        for (int ik = 0; ik < k; ik++) {
            for (int id = 0; id < d; id++) {
                gIcf[ik * icfSz + id] = gSumQs[ik] + gQdiags[ik * d + id] * qdiags[ik * d + id];
            }
        }
        double constant = -n * d * 0.5 * Math.log(2 * Gmm.PI);
        return constant + slse - n * lseAlphas + prior;
    }
}
