package dev.leibniz.processor.gallery;

import dev.leibniz.Differentiable;

/** Descriptive statistics, running extrema and searches over samples. */
final class Statistics {

    private Statistics() {}

    /** Sample skewness: mean, variance, then the standardised third moment. */
    @Differentiable
    static double skewness(double[] x) {
        int n = x.length;
        double mean = 0.0;
        for (double v : x) {
            mean += v;
        }
        mean /= n;
        double m2 = 0.0;
        double m3 = 0.0;
        for (double v : x) {
            double d = v - mean;
            m2 += d * d;
            m3 += d * d * d;
        }
        m2 /= n;
        m3 /= n;
        return m3 / Math.pow(m2, 1.5);
    }

    /** Pearson correlation of two samples. */
    @Differentiable
    static double pearson(double[] x, double[] y) {
        int n = x.length;
        double mx = 0.0;
        double my = 0.0;
        for (int i = 0; i < n; i++) {
            mx += x[i] / n;
            my += y[i] / n;
        }
        double sxy = 0.0;
        double sxx = 0.0;
        double syy = 0.0;
        for (int i = 0; i < n; i++) {
            double dx = x[i] - mx;
            double dy = y[i] - my;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        return sxy / Math.sqrt(sxx * syy);
    }

    /** Welford's online mean and variance; the variance. */
    @Differentiable
    static double welfordVariance(double[] x) {
        double mean = 0.0;
        double m2 = 0.0;
        int n = 0;
        for (double v : x) {
            n++;
            double delta = v - mean;
            mean += delta / n;
            m2 += delta * (v - mean);
        }
        return m2 / (n - 1);
    }

    /** Running maximum started at the first element, by a comparison. */
    @Differentiable
    static double runningMaxSquared(double[] x) {
        double m = x[0];
        for (int i = 1; i < x.length; i++) {
            if (x[i] > m) {
                m = x[i];
            }
        }
        return m * m;
    }

    /** Range by Math.max and Math.min, both starting at the first element. */
    @Differentiable
    static double range(double[] x) {
        double hi = x[0];
        double lo = x[0];
        for (double v : x) {
            hi = Math.max(hi, v);
            lo = Math.min(lo, v);
        }
        return hi - lo;
    }

    /** The first element above a threshold times its predecessor: an early-exit search. */
    @Differentiable
    static double firstAbove(double[] x, double threshold) {
        double found = 0.0;
        for (int i = 1; i < x.length; i++) {
            if (x[i] > threshold) {
                found = x[i] * x[i - 1];
                break;
            }
        }
        return found;
    }

    /** Return from inside the loop at the first sign change: linear interpolation of the root. */
    @Differentiable
    static double firstRoot(double[] ys, double dx) {
        for (int i = 0; i + 1 < ys.length; i++) {
            if (ys[i] * ys[i + 1] < 0) {
                return dx * (i + ys[i] / (ys[i] - ys[i + 1]));
            }
        }
        return -1.0;
    }

    /** Weighted mean of the values with weights from exp(-d^2 / bandwidth): kernel regression. */
    @Differentiable
    static double kernelRegression(double x0, double bandwidth, double[] xs, double[] ys) {
        double num = 0.0;
        double den = 0.0;
        for (int i = 0; i < xs.length; i++) {
            double d = x0 - xs[i];
            double w = Math.exp(-d * d / bandwidth);
            num += w * ys[i];
            den += w;
        }
        return num / den;
    }

    /** Standardise into a buffer, then the mean of the cubes of the standard scores. */
    @Differentiable
    static double standardisedCubes(double[] x) {
        int n = x.length;
        double[] z = new double[n];
        double mean = 0.0;
        for (int i = 0; i < n; i++) {
            mean += x[i];
        }
        mean = mean / n;
        double ss = 0.0;
        for (int i = 0; i < n; i++) {
            z[i] = x[i] - mean;
            ss += z[i] * z[i];
        }
        double sd = Math.sqrt(ss / (n - 1));
        double out = 0.0;
        for (int i = 0; i < n; i++) {
            z[i] /= sd;
            out += z[i] * z[i] * z[i];
        }
        return out / n;
    }

    /** Soft (smooth) maximum with temperature, and the running max as the shift. */
    @Differentiable
    static double softMax(double[] x, double temperature) {
        double m = x[0];
        for (double v : x) {
            m = v > m ? v : m;
        }
        double s = 0.0;
        for (double v : x) {
            s += Math.exp((v - m) / temperature);
        }
        return m + temperature * Math.log(s);
    }
}
