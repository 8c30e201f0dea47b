package dev.leibniz.processor.numeric;

import dev.leibniz.Differentiable;

/**
 * Control flow: if / else if / else, the conditional operator, && || !, comparisons, early
 * returns, assignment in branches, and branches whose untaken side would be NaN or infinite.
 * The gradient is the one of the branch taken.
 */
final class Branches {

    private Branches() {}

    /** x &gt; 1: x^2 (2x); x &lt; -1: -3x (-3); otherwise sin x (cos x). */
    @Differentiable
    static double piecewise(double x) {
        if (x > 1) {
            return x * x;
        } else if (x < -1) {
            return -3 * x;
        } else {
            return Math.sin(x);
        }
    }

    /** x &gt; y: xy (y, x); otherwise x + 2y (1, 2). */
    @Differentiable
    static double ternary(double x, double y) {
        return x > y ? x * y : x + 2 * y;
    }

    /** both positive: xy (y, x); otherwise x - y (1, -1). */
    @Differentiable
    static double and(double x, double y) {
        if (x > 0 && y > 0) {
            return x * y;
        }
        return x - y;
    }

    /** either negative: x^2 y (2xy, x^2); otherwise y / x (-y / x^2, 1 / x). */
    @Differentiable
    static double or(double x, double y) {
        if (x < 0 || y < 0) {
            return x * x * y;
        }
        return y / x;
    }

    /** x &lt; 2: x^3 (3x^2); otherwise 4x (4). */
    @Differentiable
    static double not(double x) {
        if (!(x >= 2)) {
            return x * x * x;
        }
        return 4 * x;
    }

    /** x == y: xy (y, x); x != 0 and x &lt;= y: x + y^2 (1, 2y); otherwise 3x - y (3, -1). */
    @Differentiable
    static double comparisons(double x, double y) {
        if (x == y) {
            return x * y;
        }
        if (x != 0 && x <= y) {
            return x + y * y;
        }
        return 3 * x - y;
    }

    /** x^2 &gt; 4: x^3 (3x^2); otherwise 2(x^2 + x) (4x + 2). */
    @Differentiable
    static double earlyReturn(double x) {
        double r = x * x;
        if (r > 4) {
            return r * x;
        }
        r = r + x;
        return r * 2;
    }

    /** x &gt; 0: log x + y (1/x, 1); otherwise xy + y (y, x + 1). */
    @Differentiable
    static double assignmentInBranches(double x, double y) {
        double r = 0.0;
        if (x > 0) {
            r = Math.log(x);
        } else {
            r = x * y;
        }
        return r + y;
    }

    /** x &gt; 0: (xy)^2 (2xy^2, 2x^2y); otherwise y (0, 1). */
    @Differentiable
    static double localInBlock(double x, double y) {
        if (x > 0) {
            double t = x * y;
            return t * t;
        }
        return y;
    }

    /** (x, y) in quadrants: see the test. */
    @Differentiable
    static double nested(double x, double y) {
        if (x > 0) {
            if (y > 0) {
                return x * y;
            } else {
                return x - y;
            }
        } else if (y > x) {
            return y * y;
        }
        return x * x * x;
    }

    /** n &gt; 2: nx (n); otherwise x^2 (2x). */
    @Differentiable
    static double branchOnInt(double x, int n) {
        if (n > 2) {
            return n * x;
        }
        return x * x;
    }

    /** log x is NaN for x &lt; 0, where -x is taken: -1. */
    @Differentiable
    static double guardedLog(double x) {
        return x > 0 ? Math.log(x) : -x;
    }

    /** sqrt x is NaN for x &lt; 0, where x^2 is taken: 2x. */
    @Differentiable
    static double guardedSqrt(double x) {
        if (x >= 0) {
            return Math.sqrt(x);
        }
        return x * x;
    }

    /** x / y is infinite at y = 0, where x is taken: (1, 0). */
    @Differentiable
    static double guardedDivision(double x, double y) {
        return y != 0 ? x / y : x;
    }

    /** acos x is NaN for |x| &gt; 1, where only x is left: 1; otherwise 1 - 1 / sqrt(1 - x^2). */
    @Differentiable
    static double guardedAcos(double x) {
        double r = 0.0;
        if (Math.abs(x) <= 1) {
            r = Math.acos(x);
        }
        return r + x;
    }
}
