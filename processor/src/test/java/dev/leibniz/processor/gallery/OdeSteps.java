package dev.leibniz.processor.gallery;

import dev.leibniz.Differentiable;

/** Explicit integrators over scalar and array state, differentiated through every step. */
final class OdeSteps {

    private OdeSteps() {}

    /** Damped oscillator by explicit Euler, the state read from init[0] and init[1]. */
    @Differentiable
    static double eulerOscillator(double[] init, double k, double c, double dt, int steps) {
        double x = init[0];
        double v = init[1];
        for (int s = 0; s < steps; s++) {
            double a = -k * x - c * v;
            x += dt * v;
            v += dt * a;
        }
        return x * x + v * v;
    }

    /** The same Euler oscillator, differentiated only with respect to the stiffness. */
    @Differentiable(wrt = "k")
    static double eulerStiffnessOnly(double[] init, double k, double dt, int steps) {
        double x = init[0];
        double v = init[1];
        for (int s = 0; s < steps; s++) {
            double xNew = x + dt * v;
            v = v - dt * k * x;
            x = xNew;
        }
        return x;
    }

    /** Euler on a vector ODE y' = -k (y - mean(y)) with the state copied into a local array. */
    @Differentiable
    static double eulerArrayState(double[] y0, double k, double dt, int steps) {
        int n = y0.length;
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = y0[i];
        }
        for (int s = 0; s < steps; s++) {
            double mean = 0.0;
            for (int i = 0; i < n; i++) {
                mean += y[i];
            }
            mean /= n;
            for (int i = 0; i < n; i++) {
                y[i] += dt * (-k * (y[i] - mean) + Math.sin(y[i]));
            }
        }
        double e = 0.0;
        for (int i = 0; i < n; i++) {
            e += y[i] * y[i] * (i + 1);
        }
        return e;
    }

    /** Classic RK4 on the scalar ODE y' = -k y + sin(t). */
    @Differentiable
    static double rk4Scalar(double y0, double k, double h, int steps) {
        double y = y0;
        double t = 0.0;
        for (int s = 0; s < steps; s++) {
            double k1 = -k * y + Math.sin(t);
            double k2 = -k * (y + 0.5 * h * k1) + Math.sin(t + 0.5 * h);
            double k3 = -k * (y + 0.5 * h * k2) + Math.sin(t + 0.5 * h);
            double k4 = -k * (y + h * k3) + Math.sin(t + h);
            y = y + h / 6.0 * (k1 + 2 * k2 + 2 * k3 + k4);
            t += h;
        }
        return y;
    }

    /**
     * RK4 on Lotka-Volterra with the state and stage slopes in local arrays; the parameters
     * alpha, beta, delta, gamma come in one array.
     */
    @Differentiable
    static double rk4LotkaVolterra(double[] init, double[] p, double h, int steps) {
        double[] y = new double[2];
        double[] k1 = new double[2];
        double[] k2 = new double[2];
        double[] k3 = new double[2];
        double[] k4 = new double[2];
        double[] tmp = new double[2];
        y[0] = init[0];
        y[1] = init[1];
        for (int s = 0; s < steps; s++) {
            k1[0] = p[0] * y[0] - p[1] * y[0] * y[1];
            k1[1] = p[2] * y[0] * y[1] - p[3] * y[1];
            for (int i = 0; i < 2; i++) {
                tmp[i] = y[i] + 0.5 * h * k1[i];
            }
            k2[0] = p[0] * tmp[0] - p[1] * tmp[0] * tmp[1];
            k2[1] = p[2] * tmp[0] * tmp[1] - p[3] * tmp[1];
            for (int i = 0; i < 2; i++) {
                tmp[i] = y[i] + 0.5 * h * k2[i];
            }
            k3[0] = p[0] * tmp[0] - p[1] * tmp[0] * tmp[1];
            k3[1] = p[2] * tmp[0] * tmp[1] - p[3] * tmp[1];
            for (int i = 0; i < 2; i++) {
                tmp[i] = y[i] + h * k3[i];
            }
            k4[0] = p[0] * tmp[0] - p[1] * tmp[0] * tmp[1];
            k4[1] = p[2] * tmp[0] * tmp[1] - p[3] * tmp[1];
            for (int i = 0; i < 2; i++) {
                y[i] += h / 6.0 * (k1[i] + 2.0 * k2[i] + 2.0 * k3[i] + k4[i]);
            }
        }
        return y[0] + 2.0 * y[1];
    }

    /** Midpoint (RK2) on the logistic equation with scalar state. */
    @Differentiable
    static double midpointLogistic(double y0, double r, double cap, double h, int steps) {
        double y = y0;
        for (int s = 0; s < steps; s++) {
            double slope = r * y * (1.0 - y / cap);
            double mid = y + 0.5 * h * slope;
            y += h * r * mid * (1.0 - mid / cap);
        }
        return y;
    }

    /** Euler with the time step read from a schedule array and an adaptive shrink on large slopes. */
    @Differentiable
    static double eulerSchedule(double y0, double a, double[] dts) {
        double y = y0;
        for (double dt : dts) {
            double f = a * Math.cos(y);
            double step = Math.abs(f) > 1.0 ? 0.5 * dt : dt;
            y = y + step * f;
        }
        return y;
    }
}
