package dev.leibniz;

/**
 * Functions that only mean something to the derivative.
 */
public final class Gradients {
    private Gradients() {
    }

    /**
     * Returns {@code x} unchanged, but the derivative treats it as a constant: nothing flows
     * back through it (stopGradient in JAX, {@code detach} in PyTorch).
     *
     * @param x any value
     * @return {@code x}
     */
    public static double stop(double x) {
        return x;
    }

    /**
     * Returns {@code x} unchanged, but the derivative treats it as a constant.
     *
     * @param x any value
     * @return {@code x}
     */
    public static float stop(float x) {
        return x;
    }
}
