package dev.leibniz.processor.numeric;

import dev.leibniz.Differentiable;

/** One {@code @Differentiable} method per smooth {@link StrictMath} function. */
final class StrictMathFunctions {

    private StrictMathFunctions() {}

    @Differentiable
    static double sin(double x) {
        return StrictMath.sin(x);
    }

    @Differentiable
    static double cos(double x) {
        return StrictMath.cos(x);
    }

    @Differentiable
    static double tan(double x) {
        return StrictMath.tan(x);
    }

    @Differentiable
    static double asin(double x) {
        return StrictMath.asin(x);
    }

    @Differentiable
    static double acos(double x) {
        return StrictMath.acos(x);
    }

    @Differentiable
    static double atan(double x) {
        return StrictMath.atan(x);
    }

    @Differentiable
    static double sinh(double x) {
        return StrictMath.sinh(x);
    }

    @Differentiable
    static double cosh(double x) {
        return StrictMath.cosh(x);
    }

    @Differentiable
    static double tanh(double x) {
        return StrictMath.tanh(x);
    }

    @Differentiable
    static double exp(double x) {
        return StrictMath.exp(x);
    }

    @Differentiable
    static double expm1(double x) {
        return StrictMath.expm1(x);
    }

    @Differentiable
    static double log(double x) {
        return StrictMath.log(x);
    }

    @Differentiable
    static double log10(double x) {
        return StrictMath.log10(x);
    }

    @Differentiable
    static double log1p(double x) {
        return StrictMath.log1p(x);
    }

    @Differentiable
    static double sqrt(double x) {
        return StrictMath.sqrt(x);
    }

    @Differentiable
    static double cbrt(double x) {
        return StrictMath.cbrt(x);
    }

    @Differentiable
    static double toRadians(double x) {
        return StrictMath.toRadians(x);
    }

    @Differentiable
    static double toDegrees(double x) {
        return StrictMath.toDegrees(x);
    }

    @Differentiable
    static double atan2(double y, double x) {
        return StrictMath.atan2(y, x);
    }

    @Differentiable
    static double pow(double x, double y) {
        return StrictMath.pow(x, y);
    }

    @Differentiable
    static double hypot(double x, double y) {
        return StrictMath.hypot(x, y);
    }

    @Differentiable
    static double fma(double a, double b, double c) {
        return StrictMath.fma(a, b, c);
    }
}
