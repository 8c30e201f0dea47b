package dev.leibniz.benchmarks;

import dev.leibniz.Differentiable;
import org.hipparchus.special.Gamma;

/**
 * ADBench's GMM objective in the shape of its {@code src/cpp/shared/gmm.h}: the same helpers,
 * the same flat arrays and index arithmetic. Where the C++ passes a pointer into the middle of
 * an array ({@code &means[ik * d]}), the Java takes the array and an offset, as Java BLAS-style
 * code does. Helpers that fill arrays are {@code void} procedures writing into their
 * {@code double[]} parameters; helpers that compute a number return it.
 *
 * <p>d: dimension, k: number of Gaussians, n: number of points. alphas: k unnormalized log
 * weights. means: d*k, one mean after another. icf: (d*(d+1)/2)*k inverse covariance factors,
 * per component first the d logs of the diagonal, then the strictly lower triangle column by
 * column. x: d*n points.
 */
final class Gmm {
    private Gmm() {}

    /** ADBench's {@code PI} (its defs.h), which is π rounded to 12 digits. */
    static final double PI = 3.14159265359;

    /** The Wishart prior's parameters, the C++ {@code Wishart} struct. */
    record Wishart(double gamma, int m) {}

    @Differentiable
    static double arrMax(int n, double[] x) {
        double m = x[0];
        for (int i = 1; i < n; i++) {
            m = Math.max(m, x[i]);
        }
        return m;
    }

    @Differentiable
    static double logsumexp(int n, double[] x) {
        double mx = arrMax(n, x);
        double semx = 0.;
        for (int i = 0; i < n; i++) {
            semx = semx + Math.exp(x[i] - mx);
        }
        return Math.log(semx) + mx;
    }

    /** The sum of squares of the n entries of x from xOff on. */
    @Differentiable
    static double sqnorm(int n, double[] x, int xOff) {
        double res = x[xOff] * x[xOff];
        for (int i = 1; i < n; i++) {
            res = res + x[xOff + i] * x[xOff + i];
        }
        return res;
    }

    /** out = x - y over d entries, x and y from their offsets on. */
    @Differentiable
    static void subtract(int d, double[] x, int xOff, double[] y, int yOff, double[] out) {
        for (int id = 0; id < d; id++) {
            out[id] = x[xOff + id] - y[yOff + id];
        }
    }

    /**
     * out = Q x, Q lower triangular with diagonal qdiag (from qOff) and strictly lower triangle
     * ltri (from ltriOff, column by column).
     */
    @Differentiable
    static void qtimesx(int d, double[] qdiag, int qOff, double[] ltri, int ltriOff, double[] x,
            double[] out) {
        for (int id = 0; id < d; id++) {
            out[id] = qdiag[qOff + id] * x[id];
        }
        int lparamsidx = 0;
        for (int i = 0; i < d; i++) {
            for (int j = i + 1; j < d; j++) {
                out[j] = out[j] + ltri[ltriOff + lparamsidx] * x[i];
                lparamsidx++;
            }
        }
    }

    /** sumQs[ik] = Σ of component ik's log-diagonal, qdiags = exp of it. */
    @Differentiable
    static void preprocessQs(int d, int k, double[] icf, double[] sumQs, double[] qdiags) {
        int icfSz = d * (d + 1) / 2;
        for (int ik = 0; ik < k; ik++) {
            sumQs[ik] = 0.;
            for (int id = 0; id < d; id++) {
                double q = icf[ik * icfSz + id];
                sumQs[ik] = sumQs[ik] + q;
                qdiags[ik * d + id] = Math.exp(q);
            }
        }
    }

    /**
     * The log of the multivariate gamma function Γ_p(a): a constant here, not differentiated.
     * gmm.h calls lgamma; Hipparchus' {@code Gamma.logGamma} allocates 32 bytes per call for
     * arguments in (0.5, 1.5] (boxing inside the library), which AdbenchAllocationTest would
     * count, so this takes the log of {@code Gamma.gamma}, which does not allocate and is
     * accurate for the small arguments (multiples of 0.5) this is called with.
     */
    static double logGammaDistrib(double a, int p) {
        double out = 0.25 * p * (p - 1) * Math.log(PI);
        for (int j = 1; j <= p; j++) {
            out = out + Math.log(Gamma.gamma(a + 0.5 * (1 - j)));
        }
        return out;
    }

    @Differentiable(wrt = {"sumQs", "qdiags", "icf"})
    static double logWishartPrior(int p, int k, Wishart wishart, double[] sumQs, double[] qdiags,
            double[] icf) {
        int n = p + wishart.m() + 1;
        int icfSz = p * (p + 1) / 2;
        double c = n * p * (Math.log(wishart.gamma()) - 0.5 * Math.log(2))
                - logGammaDistrib(0.5 * n, p);
        double out = 0;
        for (int ik = 0; ik < k; ik++) {
            double frobenius = sqnorm(p, qdiags, ik * p) + sqnorm(icfSz - p, icf, ik * icfSz + p);
            out = out + 0.5 * wishart.gamma() * wishart.gamma() * frobenius
                    - wishart.m() * sumQs[ik];
        }
        return out - k * c;
    }

    @Differentiable(wrt = {"alphas", "means", "icf"})
    static double gmmObjective(int d, int k, int n, double[] alphas, double[] means, double[] icf,
            double[] x, Wishart wishart) {
        final double constant = -n * d * 0.5 * Math.log(2 * PI);
        int icfSz = d * (d + 1) / 2;

        double[] qdiags = new double[d * k];
        double[] sumQs = new double[k];
        double[] xcentered = new double[d];
        double[] qxcentered = new double[d];
        double[] mainTerm = new double[k];

        preprocessQs(d, k, icf, sumQs, qdiags);

        double slse = 0.;
        for (int ix = 0; ix < n; ix++) {
            for (int ik = 0; ik < k; ik++) {
                subtract(d, x, ix * d, means, ik * d, xcentered);
                qtimesx(d, qdiags, ik * d, icf, ik * icfSz + d, xcentered, qxcentered);
                mainTerm[ik] = alphas[ik] + sumQs[ik] - 0.5 * sqnorm(d, qxcentered, 0);
            }
            slse = slse + logsumexp(k, mainTerm);
        }

        double lseAlphas = logsumexp(k, alphas);

        double err = constant + slse - n * lseAlphas;
        err = err + logWishartPrior(d, k, wishart, sumQs, qdiags, icf);
        return err;
    }
}
