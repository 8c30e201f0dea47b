package dev.leibniz.processor.numeric;

import dev.leibniz.Differentiable;

/**
 * int literals, locals and parameters promoted to double, int arithmetic, and casts. ints are
 * never differentiated. The derivative each method should have is written next to it.
 */
final class IntPromotionAndCasts {

    private IntPromotionAndCasts() {}

    /** 2x + 3x - 1: 5. */
    @Differentiable
    static double intLiterals(double x) {
        return 2 * x + x * 3 - 1;
    }

    /** 3x^2: 6x. */
    @Differentiable
    static double intLocal(double x) {
        int n = 3;
        return n * x * x;
    }

    /** m = 3 * 2 + 1 - 2 = 5, n / 2 = 1 (int division): 5x + 1, derivative 5. */
    @Differentiable
    static double intArithmetic(double x) {
        int n = 3;
        int m = n * 2 + 1;
        m -= 2;
        return m * x + n / 2;
    }

    /** nx + n: n. */
    @Differentiable
    static double intParameter(double x, int n) {
        return n * x + n;
    }

    /** (7 / 2) is the int 3: 3x, derivative 3. */
    @Differentiable
    static double intDivisionBeforePromotion(double x) {
        return (7 / 2) * x;
    }

    /** x / 2 + 1 / x: 1/2 - 1/x^2. */
    @Differentiable
    static double promotionInDivision(double x) {
        return x / 2 + 1 / x;
    }

    /** n / 4 in double: derivative n / 4.0 (0 for n = 3 without the cast). */
    @Differentiable
    static double castIntToDouble(double x, int n) {
        return (double) n / 4 * x;
    }

    /** k = (int) x is not differentiated: k x, derivative k. */
    @Differentiable
    static double castDoubleToInt(double x) {
        int k = (int) x;
        return k * x;
    }
}
