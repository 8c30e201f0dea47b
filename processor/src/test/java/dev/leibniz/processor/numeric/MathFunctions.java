package dev.leibniz.processor.numeric;

import dev.leibniz.Differentiable;

/** One {@code @Differentiable} method per smooth {@link Math} function. */
final class MathFunctions {

    private MathFunctions() {}

    @Differentiable
    static double sin(double x) {
        return Math.sin(x);
    }

    @Differentiable
    static double cos(double x) {
        return Math.cos(x);
    }

    @Differentiable
    static double tan(double x) {
        return Math.tan(x);
    }

    @Differentiable
    static double asin(double x) {
        return Math.asin(x);
    }

    @Differentiable
    static double acos(double x) {
        return Math.acos(x);
    }

    @Differentiable
    static double atan(double x) {
        return Math.atan(x);
    }

    @Differentiable
    static double sinh(double x) {
        return Math.sinh(x);
    }

    @Differentiable
    static double cosh(double x) {
        return Math.cosh(x);
    }

    @Differentiable
    static double tanh(double x) {
        return Math.tanh(x);
    }

    @Differentiable
    static double exp(double x) {
        return Math.exp(x);
    }

    @Differentiable
    static double expm1(double x) {
        return Math.expm1(x);
    }

    @Differentiable
    static double log(double x) {
        return Math.log(x);
    }

    @Differentiable
    static double log10(double x) {
        return Math.log10(x);
    }

    @Differentiable
    static double log1p(double x) {
        return Math.log1p(x);
    }

    @Differentiable
    static double sqrt(double x) {
        return Math.sqrt(x);
    }

    @Differentiable
    static double cbrt(double x) {
        return Math.cbrt(x);
    }

    @Differentiable
    static double toRadians(double x) {
        return Math.toRadians(x);
    }

    @Differentiable
    static double toDegrees(double x) {
        return Math.toDegrees(x);
    }

    @Differentiable
    static double atan2(double y, double x) {
        return Math.atan2(y, x);
    }

    @Differentiable
    static double pow(double x, double y) {
        return Math.pow(x, y);
    }

    @Differentiable
    static double hypot(double x, double y) {
        return Math.hypot(x, y);
    }

    @Differentiable
    static double fma(double a, double b, double c) {
        return Math.fma(a, b, c);
    }
}
