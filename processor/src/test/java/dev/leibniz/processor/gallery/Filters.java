package dev.leibniz.processor.gallery;

import dev.leibniz.Differentiable;

/** Recursive filters and sequence models fitted by their one-step-ahead errors. */
final class Filters {

    private Filters() {}

    /** Simple exponential smoothing started at the first observation; sum of squared forecast errors. */
    @Differentiable
    static double exponentialSmoothing(double alpha, double[] x) {
        double level = x[0];
        double sse = 0.0;
        for (int t = 1; t < x.length; t++) {
            double err = x[t] - level;
            sse += err * err;
            level = alpha * x[t] + (1.0 - alpha) * level;
        }
        return sse;
    }

    /** Exponential moving average with Adam-style bias correction; the last corrected value. */
    @Differentiable
    static double emaBiasCorrected(double beta, double[] x) {
        double m = 0.0;
        double corrected = 0.0;
        double betaPow = 1.0;
        for (int t = 0; t < x.length; t++) {
            m = beta * m + (1.0 - beta) * x[t];
            betaPow *= beta;
            corrected = m / (1.0 - betaPow);
        }
        return corrected;
    }

    /** Holt's linear trend method: level and trend updated together. */
    @Differentiable
    static double holtLinear(double alpha, double beta, double[] x) {
        double level = x[0];
        double trend = x[1] - x[0];
        double sse = 0.0;
        for (int t = 1; t < x.length; t++) {
            double forecast = level + trend;
            double err = x[t] - forecast;
            sse += err * err;
            double prevLevel = level;
            level = alpha * x[t] + (1.0 - alpha) * (level + trend);
            trend = beta * (level - prevLevel) + (1.0 - beta) * trend;
        }
        return sse;
    }

    /** Scalar Kalman filter on a random walk: the negative log-likelihood of the innovations. */
    @Differentiable
    static double kalmanScalar(double q, double r, double[] obs) {
        double x = 0.0;
        double p = 1.0;
        double nll = 0.0;
        for (int t = 0; t < obs.length; t++) {
            p = p + q;
            double s = p + r;
            double innov = obs[t] - x;
            nll += 0.5 * (Math.log(2.0 * Math.PI * s) + innov * innov / s);
            double gain = p / s;
            x = x + gain * innov;
            p = (1.0 - gain) * p;
        }
        return nll;
    }

    /**
     * Two-state (position, velocity) Kalman filter with position observations; covariance kept
     * as three scalars. Returns the negative log-likelihood.
     */
    @Differentiable
    static double kalmanTwoState(double q, double r, double dt, double[] obs) {
        double pos = obs[0];
        double vel = 0.0;
        double p00 = 1.0;
        double p01 = 0.0;
        double p11 = 1.0;
        double nll = 0.0;
        for (int t = 1; t < obs.length; t++) {
            pos = pos + dt * vel;
            double n00 = p00 + 2.0 * dt * p01 + dt * dt * p11 + q * dt * dt * dt / 3.0;
            double n01 = p01 + dt * p11 + q * dt * dt / 2.0;
            double n11 = p11 + q * dt;
            p00 = n00;
            p01 = n01;
            p11 = n11;
            double s = p00 + r;
            double innov = obs[t] - pos;
            nll += 0.5 * (Math.log(s) + innov * innov / s);
            double k0 = p00 / s;
            double k1 = p01 / s;
            pos += k0 * innov;
            vel += k1 * innov;
            double u00 = (1.0 - k0) * p00;
            double u01 = (1.0 - k0) * p01;
            double u11 = p11 - k1 * p01;
            p00 = u00;
            p01 = u01;
            p11 = u11;
        }
        return nll;
    }

    /** Teacher forcing: predict from the true previous value, not from the model's own output. */
    @Differentiable
    static double teacherForcing(double k, double[] obs) {
        double y = obs[0];
        double loss = 0.0;
        for (int t = 1; t < obs.length; t++) {
            y = y * k;
            loss += (y - obs[t]) * (y - obs[t]);
            y = obs[t];
        }
        return loss;
    }

    /** Teacher forcing that starts from a learned initial state a. */
    @Differentiable
    static double teacherForcingFromState(double a, double k, double[] obs) {
        double y = a;
        double loss = 0.0;
        for (int t = 0; t < obs.length; t++) {
            y = Math.tanh(k * y);
            loss += (y - obs[t]) * (y - obs[t]);
            y = obs[t];
        }
        return loss;
    }

    /** A state overwritten by observations: the result no longer depends on a. */
    @Differentiable(wrt = "a")
    static double lastObservation(double a, double[] obs) {
        double y = a;
        for (int t = 0; t < obs.length; t++) {
            y = obs[t];
        }
        return y;
    }

    /** The state is overwritten, but a still enters through the scale. */
    @Differentiable(wrt = "a")
    static double lastObservationScaled(double a, double[] obs) {
        double y = a;
        for (int t = 0; t < obs.length; t++) {
            y = obs[t];
        }
        return y * a;
    }

    /** An RNN cell with a hidden state reset to zero at sequence boundaries. */
    @Differentiable
    static double rnnWithResets(double w, double u, double[] x, int[] reset) {
        double h = 0.0;
        double out = 0.0;
        for (int t = 0; t < x.length; t++) {
            if (reset[t] != 0) {
                h = 0.0;
            }
            h = Math.tanh(w * h + u * x[t]);
            out += h;
        }
        return out;
    }

    /** AR(2) one-step prediction errors. */
    @Differentiable
    static double ar2Residuals(double phi1, double phi2, double[] x) {
        double sse = 0.0;
        for (int t = 2; t < x.length; t++) {
            double pred = phi1 * x[t - 1] + phi2 * x[t - 2];
            double e = x[t] - pred;
            sse += e * e;
        }
        return sse;
    }

    /** Exponential smoothing in float. */
    @Differentiable
    static double smoothingFloat(float alpha, float[] x) {
        float level = x[0];
        float sse = 0.0f;
        for (int t = 1; t < x.length; t++) {
            float err = x[t] - level;
            sse += err * err;
            level = alpha * x[t] + (1.0f - alpha) * level;
        }
        return sse;
    }
}
