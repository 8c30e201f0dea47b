package dev.leibniz.processor.gallery;

import dev.leibniz.DerivativeOf;
import dev.leibniz.Differentiable;

/** Loop shapes from simulation and data code that the other fixtures do not reach. */
final class LoopShapes {

    private LoopShapes() {}

    /** Time stepping with a double loop counter: for (double t = 0; t < end; t += h). */
    @Differentiable
    static double doubleCounter(double y0, double k, double h, double end) {
        double y = y0;
        for (double t = 0.0; t < end; t += h) {
            y += h * (-k * y + Math.sin(t));
        }
        return y;
    }

    /** Last observation carried forward over missing values, against a learned prediction. */
    @Differentiable(wrt = {"pred", "init"})
    static double carryForward(double[] pred, double init, double[] obs, boolean[] missing) {
        double last = init;
        double loss = 0.0;
        for (int t = 0; t < pred.length; t++) {
            if (!missing[t]) {
                last = obs[t];
            }
            double e = pred[t] - last;
            loss += e * e;
        }
        return loss;
    }

    /** A long Euler run: 20000 steps put the tape through many doublings. */
    @Differentiable
    static double longEuler(double y0, double k, int steps) {
        double y = y0;
        double h = 1.0 / steps;
        for (int s = 0; s < steps; s++) {
            y += h * (-k * y * y + 1.0);
        }
        return y;
    }

    /** The numerically safe sigmoid, with a hand-written derivative rule. */
    static double sigmoid(double z) {
        return z >= 0 ? 1.0 / (1.0 + Math.exp(-z)) : Math.exp(z) / (1.0 + Math.exp(z));
    }

    @DerivativeOf("sigmoid")
    static double sigmoidRule(double z, double seed) {
        double s = sigmoid(z);
        return seed * s * (1.0 - s);
    }

    /** A gated recurrence calling the ruled sigmoid inside the loop. */
    @Differentiable
    static double gatedRecurrence(double[] x, double wg, double wc) {
        double c = 0.0;
        for (int t = 0; t < x.length; t++) {
            double gate = sigmoid(wg * x[t] + c);
            c = gate * c + (1.0 - gate) * Math.tanh(wc * x[t]);
        }
        return c;
    }

    /** Three nested loops, a break in the middle one, an accumulator of the outer one. */
    @Differentiable
    static double tripleNestedBreak(double[][] A, double[] v, double cap) {
        double total = 0.0;
        for (int r = 0; r < 2; r++) {
            double row = 0.0;
            for (int i = 0; i < A.length; i++) {
                double dot = 0.0;
                for (int j = 0; j < v.length; j++) {
                    dot += A[i][j] * v[j] * (r + 1);
                }
                row += dot * dot;
                if (row > cap) {
                    break;
                }
            }
            total += Math.sqrt(row);
        }
        return total;
    }

    /** A scalar parameter accumulated into, in place, across a loop. */
    @Differentiable
    static double parameterAccumulates(double a, double[] x) {
        for (int i = 0; i < x.length; i++) {
            a += x[i] * a * 0.1;
            a = Math.sin(a) + a;
        }
        return a;
    }

    /** pow with the loop index as exponent: a geometric series with differentiated ratio. */
    @Differentiable
    static double discountedReturns(double[] rewards, double gamma) {
        double g = 0.0;
        for (int t = 0; t < rewards.length; t++) {
            g += Math.pow(gamma, t) * rewards[t];
        }
        return g;
    }

    /** Discounted returns computed backwards in place in a local array, as RL code does. */
    @Differentiable
    static double returnsBackwards(double[] rewards, double gamma, double[] values) {
        int n = rewards.length;
        double[] ret = new double[n];
        double running = 0.0;
        for (int t = n - 1; t >= 0; t--) {
            running = rewards[t] + gamma * running;
            ret[t] = running;
        }
        double loss = 0.0;
        for (int t = 0; t < n; t++) {
            double adv = ret[t] - values[t];
            loss += adv * adv;
        }
        return loss;
    }

    /** Generalised advantage estimation: a backward recursion with a local started at 0. */
    @Differentiable
    static double gae(double[] rewards, double[] values, double gamma, double lambda) {
        int n = rewards.length;
        double adv = 0.0;
        double total = 0.0;
        for (int t = n - 1; t >= 0; t--) {
            double next = t + 1 < n ? values[t + 1] : 0.0;
            double delta = rewards[t] + gamma * next - values[t];
            adv = delta + gamma * lambda * adv;
            total += adv * adv;
        }
        return total;
    }
}
