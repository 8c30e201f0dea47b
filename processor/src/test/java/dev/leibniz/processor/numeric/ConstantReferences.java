package dev.leibniz.processor.numeric;

import dev.leibniz.Differentiable;

/**
 * static final constants: Math.PI, Math.E, this class's own (plain and qualified) and another
 * class's. The derivative each method should have is written next to it.
 */
final class ConstantReferences {

    static final double SCALE = 2.5;

    private ConstantReferences() {}

    /** pi x^2: 2 pi x. */
    @Differentiable
    static double mathPi(double x) {
        return Math.PI * x * x;
    }

    /** e x - x: e - 1. */
    @Differentiable
    static double mathE(double x) {
        return Math.E * x - x;
    }

    /** SCALE x^2 + SCALE y: (2 SCALE x, SCALE). */
    @Differentiable
    static double ownConstant(double x, double y) {
        return SCALE * x * x + ConstantReferences.SCALE * y;
    }

    /** g x^2 / 2 + 4 x: g x + 4. */
    @Differentiable
    static double otherClassConstants(double x) {
        return PhysicalConstants.GRAVITY * x * x / 2 + PhysicalConstants.DIMENSIONS * x;
    }

    /** sqrt(2) x: sqrt(2). */
    @Differentiable
    static double computedConstant(double x) {
        return PhysicalConstants.ROOT_TWO * x;
    }
}
