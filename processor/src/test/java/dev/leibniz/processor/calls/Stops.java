package dev.leibniz.processor.calls;

import static dev.leibniz.Gradients.stop;

import dev.leibniz.Differentiable;
import dev.leibniz.Gradients;

/** {@link Gradients#stop}: the value passes, the derivative does not. */
final class Stops {

    private Stops() {}

    /** Only through stop: the gradient is 0 in both. */
    @Differentiable
    static double stoppedProduct(double x, double y) {
        return Math.sin(Gradients.stop(x * y));
    }

    /** x stop(x): derivative stop(x) = x, not 2x. */
    @Differentiable
    static double halfStopped(double x) {
        return x * Gradients.stop(x);
    }

    /** Through a static import, around a call: y (stop(inner(x)) + x), with d/dx = y only. */
    @Differentiable
    static double stoppedCall(double x, double y) {
        double c = stop(Chains.inner(x));
        return y * (c + x);
    }

    /** In a loop: sum over i of x[i] stop(x[i]) + stop(s) x[i], d/dx[i] = x[i] + s, d/ds = 0. */
    @Differentiable
    static double stoppedInLoop(double[] x, double s) {
        double acc = 0.0;
        for (int i = 0; i < x.length; i++) {
            acc += x[i] * stop(x[i]) + stop(s) * x[i];
        }
        return acc;
    }
}
