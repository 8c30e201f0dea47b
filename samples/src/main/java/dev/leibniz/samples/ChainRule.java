package dev.leibniz.samples;

import dev.leibniz.Differentiable;

/**
 * The chain rule across methods: f(x) = outer(inner(x)) with inner(x) = x&sup2; and outer(u) =
 * exp(sin u), so f'(x) = outer'(inner(x)) &middot; inner'(x) = exp(sin x&sup2;) cos(x&sup2;) 2x.
 * Each function is {@code @Differentiable}; f's companion calls the other two's pullbacks.
 */
public final class ChainRule {
    private ChainRule() {
    }

    /**
     * The inner function.
     *
     * @param x the input
     * @return x&sup2;
     */
    @Differentiable
    public static double inner(double x) {
        return x * x;
    }

    /**
     * The outer function.
     *
     * @param u the input
     * @return exp(sin u)
     */
    @Differentiable
    public static double outer(double u) {
        return Math.exp(Math.sin(u));
    }

    /**
     * The composition.
     *
     * @param x the input
     * @return outer(inner(x)) = exp(sin x&sup2;)
     */
    @Differentiable
    public static double f(double x) {
        return outer(inner(x));
    }
}
