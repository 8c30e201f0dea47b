package dev.leibniz.benchmarks;

import org.hipparchus.analysis.differentiation.Gradient;

/**
 * The objectives again over Hipparchus' forward-mode {@link Gradient}: every intermediate
 * carries its value and its partial derivatives with respect to all N inputs, so a gradient
 * costs O(N) per operation. The peer a Java user reaches for without Leibniz.
 */
final class Forward {
    private Forward() {}

    /** Rosenbrock with x as n free parameters; the gradient goes into g. */
    static double rosenbrock(double[] x, double[] g) {
        int n = x.length;
        Gradient[] v = new Gradient[n];
        for (int i = 0; i < n; i++) {
            v[i] = Gradient.variable(n, i, x[i]);
        }
        Gradient sum = Gradient.constant(n, 0);
        for (int i = 0; i < n - 1; i++) {
            Gradient a = v[i + 1].subtract(v[i].multiply(v[i]));
            Gradient b = v[i].negate().add(1);
            sum = sum.add(a.multiply(a).multiply(100)).add(b.multiply(b));
        }
        System.arraycopy(sum.getGradient(), 0, g, 0, n);
        return sum.getValue();
    }

    /**
     * Ba's two residuals with the camera (11), point (3) and weight (1) as 15 free parameters;
     * row r of the 2×15 Jacobian goes into j[off + 15 r ...].
     */
    static void reprojError(double[] cam, double[] x, double w, double[] feat, double[] j,
            int off) {
        int n = 15;
        Gradient[] c = new Gradient[11];
        for (int i = 0; i < 11; i++) {
            c[i] = Gradient.variable(n, i, cam[i]);
        }
        Gradient[] p = new Gradient[3];
        for (int i = 0; i < 3; i++) {
            p[i] = Gradient.variable(n, 11 + i, x[i]).subtract(c[Ba.C_IDX + i]);
        }
        Gradient weight = Gradient.variable(n, 14, w);
        Gradient r0 = c[Ba.ROT_IDX];
        Gradient r1 = c[Ba.ROT_IDX + 1];
        Gradient r2 = c[Ba.ROT_IDX + 2];
        Gradient sq = r0.multiply(r0).add(r1.multiply(r1)).add(r2.multiply(r2));
        Gradient xc0;
        Gradient xc1;
        Gradient xc2;
        if (sq.getValue() != 0) {
            Gradient theta = sq.sqrt();
            Gradient cos = theta.cos();
            Gradient sin = theta.sin();
            Gradient inv = theta.reciprocal();
            Gradient w0 = r0.multiply(inv);
            Gradient w1 = r1.multiply(inv);
            Gradient w2 = r2.multiply(inv);
            Gradient tmp = w0.multiply(p[0]).add(w1.multiply(p[1])).add(w2.multiply(p[2]))
                    .multiply(cos.negate().add(1));
            xc0 = p[0].multiply(cos).add(w1.multiply(p[2]).subtract(w2.multiply(p[1])).multiply(sin))
                    .add(w0.multiply(tmp));
            xc1 = p[1].multiply(cos).add(w2.multiply(p[0]).subtract(w0.multiply(p[2])).multiply(sin))
                    .add(w1.multiply(tmp));
            xc2 = p[2].multiply(cos).add(w0.multiply(p[1]).subtract(w1.multiply(p[0])).multiply(sin))
                    .add(w2.multiply(tmp));
        } else {
            xc0 = p[0].add(r1.multiply(p[2])).subtract(r2.multiply(p[1]));
            xc1 = p[1].add(r2.multiply(p[0])).subtract(r0.multiply(p[2]));
            xc2 = p[2].add(r0.multiply(p[1])).subtract(r1.multiply(p[0]));
        }
        Gradient px = xc0.divide(xc2);
        Gradient py = xc1.divide(xc2);
        Gradient rsq = px.multiply(px).add(py.multiply(py));
        Gradient l = c[Ba.RAD_IDX].multiply(rsq).add(c[Ba.RAD_IDX + 1].multiply(rsq).multiply(rsq))
                .add(1);
        Gradient e0 = px.multiply(l).multiply(c[Ba.F_IDX]).add(c[Ba.X0_IDX]).subtract(feat[0])
                .multiply(weight);
        Gradient e1 = py.multiply(l).multiply(c[Ba.F_IDX]).add(c[Ba.X0_IDX + 1]).subtract(feat[1])
                .multiply(weight);
        System.arraycopy(e0.getGradient(), 0, j, off, n);
        System.arraycopy(e1.getGradient(), 0, j, off + n, n);
    }

    /** The GMM objective with alphas, means and icf as free parameters, gradient into g. */
    static double gmm(int d, int k, int n, double[] alphas, double[] means, double[] icf,
            double[] x, Gmm.Wishart wishart, double[] g) {
        int icfSz = d * (d + 1) / 2;
        int nv = k + d * k + icfSz * k;
        Gradient[] a = new Gradient[k];
        Gradient[] mu = new Gradient[d * k];
        Gradient[] q = new Gradient[icfSz * k];
        for (int i = 0; i < k; i++) {
            a[i] = Gradient.variable(nv, i, alphas[i]);
        }
        for (int i = 0; i < d * k; i++) {
            mu[i] = Gradient.variable(nv, k + i, means[i]);
        }
        for (int i = 0; i < icfSz * k; i++) {
            q[i] = Gradient.variable(nv, k + d * k + i, icf[i]);
        }
        Gradient[] qdiags = new Gradient[d * k];
        Gradient[] sumQs = new Gradient[k];
        for (int ik = 0; ik < k; ik++) {
            Gradient s = Gradient.constant(nv, 0);
            for (int id = 0; id < d; id++) {
                s = s.add(q[ik * icfSz + id]);
                qdiags[ik * d + id] = q[ik * icfSz + id].exp();
            }
            sumQs[ik] = s;
        }
        Gradient slse = Gradient.constant(nv, 0);
        Gradient[] main = new Gradient[k];
        Gradient[] xc = new Gradient[d];
        Gradient[] y = new Gradient[d];
        for (int ix = 0; ix < n; ix++) {
            for (int ik = 0; ik < k; ik++) {
                for (int id = 0; id < d; id++) {
                    xc[id] = mu[ik * d + id].negate().add(x[ix * d + id]);
                    y[id] = qdiags[ik * d + id].multiply(xc[id]);
                }
                int idx = ik * icfSz + d;
                for (int i = 0; i < d; i++) {
                    for (int j = i + 1; j < d; j++) {
                        y[j] = y[j].add(q[idx++].multiply(xc[i]));
                    }
                }
                Gradient sq = Gradient.constant(nv, 0);
                for (int id = 0; id < d; id++) {
                    sq = sq.add(y[id].multiply(y[id]));
                }
                main[ik] = a[ik].add(sumQs[ik]).subtract(sq.multiply(0.5));
            }
            slse = slse.add(logsumexp(main, nv));
        }
        Gradient err = slse.subtract(logsumexp(a, nv).multiply(n))
                .add(-n * d * 0.5 * Math.log(2 * Gmm.PI));
        double gamma = wishart.gamma();
        int m = wishart.m();
        int np = d + m + 1;
        double c = np * d * (Math.log(gamma) - 0.5 * Math.log(2)) - Gmm.logGammaDistrib(0.5 * np, d);
        for (int ik = 0; ik < k; ik++) {
            Gradient frob = Gradient.constant(nv, 0);
            for (int id = 0; id < d; id++) {
                frob = frob.add(qdiags[ik * d + id].multiply(qdiags[ik * d + id]));
            }
            for (int i = ik * icfSz + d; i < (ik + 1) * icfSz; i++) {
                frob = frob.add(q[i].multiply(q[i]));
            }
            err = err.add(frob.multiply(0.5 * gamma * gamma)).subtract(sumQs[ik].multiply(m));
        }
        err = err.subtract(k * c);
        System.arraycopy(err.getGradient(), 0, g, 0, nv);
        return err.getValue();
    }

    private static Gradient logsumexp(Gradient[] v, int nv) {
        double mx = Double.NEGATIVE_INFINITY;
        for (Gradient e : v) {
            mx = Math.max(mx, e.getValue());
        }
        Gradient s = Gradient.constant(nv, 0);
        for (Gradient e : v) {
            s = s.add(e.subtract(mx).exp());
        }
        return s.log().add(mx);
    }
}
