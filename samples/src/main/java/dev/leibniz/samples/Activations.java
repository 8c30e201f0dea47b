package dev.leibniz.samples;

import dev.leibniz.Differentiable;

/**
 * Activation functions as a user would write them, one {@code @Differentiable} method each.
 * Their derivatives in the plots are Leibniz's, not hand-written.
 */
public final class Activations {
    private Activations() {
    }

    /** √(2/π), for the tanh approximation of GELU. */
    static final double SQRT_2_OVER_PI = 0.7978845608028654;

    /**
     * The logistic sigmoid.
     *
     * @param z the input
     * @return 1 / (1 + e<sup>&minus;z</sup>)
     */
    @Differentiable
    public static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    /**
     * The hyperbolic tangent.
     *
     * @param z the input
     * @return tanh z
     */
    @Differentiable
    public static double tanh(double z) {
        return Math.tanh(z);
    }

    /**
     * The rectified linear unit. Its derivative at 0 is 1/2 (a tie of {@code max}).
     *
     * @param z the input
     * @return max(0, z)
     */
    @Differentiable
    public static double relu(double z) {
        return Math.max(0.0, z);
    }

    /**
     * The parametric ReLU; with a fixed slope a it is the leaky ReLU. Leibniz differentiates it
     * with respect to the slope too, which is how PReLU learns a.
     *
     * @param z the input
     * @param a the slope for negative inputs
     * @return z for z &ge; 0, a z otherwise
     */
    @Differentiable
    public static double prelu(double z, double a) {
        return z >= 0 ? z : a * z;
    }

    /**
     * The exponential linear unit with &alpha; = 1.
     *
     * @param z the input
     * @return z for z &gt; 0, e<sup>z</sup> &minus; 1 otherwise
     */
    @Differentiable
    public static double elu(double z) {
        return z > 0 ? z : Math.expm1(z);
    }

    /**
     * The sigmoid-weighted linear unit (swish with &beta; = 1).
     *
     * @param z the input
     * @return z &sigma;(z)
     */
    @Differentiable
    public static double silu(double z) {
        return z * sigmoid(z);
    }

    /**
     * Softplus, written so that it never overflows: max(z, 0) + log(1 + e<sup>&minus;|z|</sup>).
     *
     * @param z the input
     * @return log(1 + e<sup>z</sup>)
     */
    @Differentiable
    public static double softplus(double z) {
        return Math.max(z, 0.0) + Math.log1p(Math.exp(-Math.abs(z)));
    }

    /**
     * Mish (Misra, 2019).
     *
     * @param z the input
     * @return z tanh(softplus(z))
     */
    @Differentiable
    public static double mish(double z) {
        return z * Math.tanh(softplus(z));
    }

    /**
     * Squareplus (So, 2021) with b = 4, a smooth ReLU made of square roots.
     *
     * @param z the input
     * @return (z + √(z&sup2; + 4)) / 2
     */
    @Differentiable
    public static double squareplus(double z) {
        return (z + Math.sqrt(z * z + 4)) / 2;
    }

    /**
     * GELU in the tanh approximation of Hendrycks &amp; Gimpel (2016), as GPT-2 uses it, not the
     * exact z &Phi;(z) (Java has no erf).
     *
     * @param z the input
     * @return z/2 (1 + tanh(√(2/π)(z + 0.044715 z&sup3;)))
     */
    @Differentiable
    public static double gelu(double z) {
        double inner = SQRT_2_OVER_PI * (z + 0.044715 * z * z * z);
        return 0.5 * z * (1 + Math.tanh(inner));
    }
}
