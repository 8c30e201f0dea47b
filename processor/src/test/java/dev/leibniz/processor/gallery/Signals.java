package dev.leibniz.processor.gallery;

import dev.leibniz.Differentiable;

/** Signal processing and numerical integration. */
final class Signals {

    private Signals() {}

    /** 1-D valid convolution with a learned kernel and bias, ReLU, then max pooling by two. */
    @Differentiable
    static double convReluPool(double[] signal, double[] kernel, double bias) {
        int outLen = signal.length - kernel.length + 1;
        double[] feat = new double[outLen];
        for (int i = 0; i < outLen; i++) {
            double acc = bias;
            for (int k = 0; k < kernel.length; k++) {
                acc += kernel[k] * signal[i + k];
            }
            feat[i] = acc > 0 ? acc : 0.0;
        }
        double out = 0.0;
        for (int i = 0; i + 1 < outLen; i += 2) {
            double m = feat[i];
            if (feat[i + 1] > m) {
                m = feat[i + 1];
            }
            out += m;
        }
        return out;
    }

    /** Simpson's rule for the integral of exp(-k t^2) cos(w t) over [0, upper]. */
    @Differentiable
    static double simpson(double k, double w, double upper, int intervals) {
        double h = upper / intervals;
        double s = 1.0 + Math.exp(-k * upper * upper) * Math.cos(w * upper);
        for (int i = 1; i < intervals; i++) {
            double t = i * h;
            double f = Math.exp(-k * t * t) * Math.cos(w * t);
            s += (i % 2 == 1 ? 4.0 : 2.0) * f;
        }
        return s * h / 3.0;
    }

    /** Trapezoid rule with the integrand from a differentiable call. */
    @Differentiable
    static double trapezoidOfCall(double a, double b, int n) {
        double h = (b - a) / n;
        double s = 0.5 * (integrand(a) + integrand(b));
        for (int i = 1; i < n; i++) {
            s += integrand(a + i * h);
        }
        return s * h;
    }

    @Differentiable
    static double integrand(double t) {
        return t * t * Math.exp(-t);
    }

    /** FIR filter with taps, output energy, over a circular buffer indexed by modulo. */
    @Differentiable
    static double circularFir(double[] x, double[] taps) {
        int n = x.length;
        double energy = 0.0;
        for (int i = 0; i < n; i++) {
            double yi = 0.0;
            for (int k = 0; k < taps.length; k++) {
                yi += taps[k] * x[(i - k + n) % n];
            }
            energy += yi * yi;
        }
        return energy / n;
    }

    /** Median of an odd-length sample by an insertion sort written out on a local copy. */
    @Differentiable
    static double medianByInsertionSort(double[] x) {
        int n = x.length;
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            s[i] = x[i];
        }
        for (int i = 1; i < n; i++) {
            double key = s[i];
            int j = i - 1;
            while (j >= 0 && s[j] > key) {
                s[j + 1] = s[j];
                j--;
            }
            s[j + 1] = key;
        }
        return s[n / 2] * s[n / 2] + s[0];
    }

    /** Biquad IIR filter (direct form I): the last output squared. */
    @Differentiable
    static double biquad(double[] x, double b0, double b1, double a1, double a2) {
        double x1 = 0.0;
        double y1 = 0.0;
        double y2 = 0.0;
        double y = 0.0;
        for (double xn : x) {
            y = b0 * xn + b1 * x1 - a1 * y1 - a2 * y2;
            x1 = xn;
            y2 = y1;
            y1 = y;
        }
        return y * y;
    }

    /** Phase of a sinusoid fitted by DFT at one frequency, with atan2. */
    @Differentiable
    static double dftPhase(double[] x, double freq) {
        double re = 0.0;
        double im = 0.0;
        for (int t = 0; t < x.length; t++) {
            double angle = 2.0 * Math.PI * freq * t / x.length;
            re += x[t] * Math.cos(angle);
            im -= x[t] * Math.sin(angle);
        }
        return Math.atan2(im, re) + Math.hypot(re, im);
    }

    /** A sawtooth via the floating-point remainder, then smoothed: % on a double. */
    @Differentiable
    static double sawtoothEnergy(double period, double amp, int samples) {
        double e = 0.0;
        for (int i = 0; i < samples; i++) {
            double t = 0.37 * i;
            double phase = t % period;
            double v = amp * (phase / period - 0.5);
            e += v * v;
        }
        return e;
    }

    /** A float FIR filter over a float signal with float accumulators in a float buffer. */
    @Differentiable
    static double floatFir(float[] x, float[] taps) {
        float[] y = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            float acc = 0.0f;
            for (int k = 0; k < taps.length && k <= i; k++) {
                acc += taps[k] * x[i - k];
            }
            y[i] = acc;
        }
        double e = 0.0;
        for (float v : y) {
            e += v * v;
        }
        return e;
    }
}
