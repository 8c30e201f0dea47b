package dev.leibniz.processor.numeric;

import dev.leibniz.Differentiable;

/**
 * The non-smooth {@link Math} and {@link StrictMath} functions: abs, max, min and the step
 * functions floor, ceil, rint, round, signum.
 */
final class NonSmoothFunctions {

    private NonSmoothFunctions() {}

    @Differentiable
    static double abs(double x) {
        return Math.abs(x);
    }

    @Differentiable
    static double strictAbs(double x) {
        return StrictMath.abs(x);
    }

    @Differentiable
    static double absOfDifference(double x, double y) {
        return Math.abs(x - y);
    }

    @Differentiable
    static double max(double x, double y) {
        return Math.max(x, y);
    }

    @Differentiable
    static double strictMax(double x, double y) {
        return StrictMath.max(x, y);
    }

    @Differentiable
    static double min(double x, double y) {
        return Math.min(x, y);
    }

    @Differentiable
    static double strictMin(double x, double y) {
        return StrictMath.min(x, y);
    }

    @Differentiable
    static double maxOfSame(double x) {
        return Math.max(x, x);
    }

    @Differentiable
    static double minOfSame(double x) {
        return Math.min(x, x);
    }

    /** At x = y = 2 the arguments tie at 4: each gets half of the seed. */
    @Differentiable
    static double maxOfExpressions(double x, double y) {
        return Math.max(x * y, x + y);
    }

    @Differentiable
    static double floor(double x) {
        return Math.floor(x);
    }

    @Differentiable
    static double strictFloor(double x) {
        return StrictMath.floor(x);
    }

    @Differentiable
    static double ceil(double x) {
        return Math.ceil(x);
    }

    @Differentiable
    static double strictCeil(double x) {
        return StrictMath.ceil(x);
    }

    @Differentiable
    static double rint(double x) {
        return Math.rint(x);
    }

    @Differentiable
    static double strictRint(double x) {
        return StrictMath.rint(x);
    }

    @Differentiable
    static double round(double x) {
        return Math.round(x);
    }

    @Differentiable
    static double strictRound(double x) {
        return StrictMath.round(x);
    }

    @Differentiable
    static double signum(double x) {
        return Math.signum(x);
    }

    @Differentiable
    static double strictSignum(double x) {
        return StrictMath.signum(x);
    }

    /** d/dx = floor(x): the step function's factor survives, its own derivative is 0. */
    @Differentiable
    static double xTimesFloor(double x) {
        return x * Math.floor(x);
    }

    /** d/dx = round(x). */
    @Differentiable
    static double xTimesRound(double x) {
        return x * Math.round(x);
    }

    /** d/dx = 1: every step function contributes 0. */
    @Differentiable
    static double stepsPlusX(double x) {
        return Math.ceil(x) + Math.rint(x) + Math.signum(x) + x;
    }
}
