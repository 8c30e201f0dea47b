package dev.leibniz.processor.numeric;

import dev.leibniz.Differentiable;

/** pow with a constant (or int) exponent, and sqrt, for the edge points at 0 and below 0. */
final class PowerFunctions {

    static final double THREE = 3.0;

    private PowerFunctions() {}

    @Differentiable
    static double cube(double x) {
        return Math.pow(x, 3);
    }

    @Differentiable
    static double cubeDoubleExponent(double x) {
        return Math.pow(x, 3.0);
    }

    @Differentiable
    static double strictCube(double x) {
        return StrictMath.pow(x, 3);
    }

    @Differentiable
    static double cubeConstantExponent(double x) {
        return Math.pow(x, THREE);
    }

    @Differentiable
    static double cubeOfShift(double x) {
        return Math.pow(x - 1, 3);
    }

    @Differentiable
    static double square(double x) {
        return Math.pow(x, 2);
    }

    @Differentiable
    static double inverseSquare(double x) {
        return Math.pow(x, -2);
    }

    @Differentiable
    static double zerothPower(double x) {
        return Math.pow(x, 0);
    }

    @Differentiable
    static double powHalf(double x) {
        return Math.pow(x, 0.5);
    }

    @Differentiable
    static double sqrt(double x) {
        return Math.sqrt(x);
    }

    @Differentiable
    static double strictSqrt(double x) {
        return StrictMath.sqrt(x);
    }

    @Differentiable
    static double powIntParameter(double x, int n) {
        return Math.pow(x, n);
    }
}
