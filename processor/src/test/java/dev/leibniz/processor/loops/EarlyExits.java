package dev.leibniz.processor.loops;

import dev.leibniz.Differentiable;

/** break, continue (unlabelled and labelled) and return inside loops. */
final class EarlyExits {

    private EarlyExits() {}

    /** Sum of x[i]^2 over the elements before the first negative one. */
    @Differentiable
    static double squaresUntilNegative(double[] x) {
        double s = 0.0;
        for (int i = 0; i < x.length; i++) {
            if (x[i] < 0) {
                break;
            }
            s += x[i] * x[i];
        }
        return s;
    }

    /** Sum of x[i]^3 over the non-negative elements. */
    @Differentiable
    static double cubesOfNonNegative(double[] x) {
        double s = 0.0;
        for (int i = 0; i < x.length; i++) {
            if (x[i] < 0) {
                continue;
            }
            s += x[i] * x[i] * x[i];
        }
        return s;
    }

    /** For each row, the sum of squares of its entries before its first negative one. */
    @Differentiable
    static double rowPrefixSquares(double[][] w) {
        double s = 0.0;
        for (int i = 0; i < w.length; i++) {
            for (int j = 0; j < w[i].length; j++) {
                if (w[i][j] < 0) {
                    break;
                }
                s += w[i][j] * w[i][j];
            }
        }
        return s;
    }

    /** Lower triangle by labelled continue: sum over j &lt;= i of w[i][j] x[j]. */
    @Differentiable
    static double lowerTriangle(double[][] w, double[] x) {
        double s = 0.0;
        outer:
        for (int i = 0; i < w.length; i++) {
            for (int j = 0; j < w[i].length; j++) {
                if (j > i) {
                    continue outer;
                }
                s += w[i][j] * x[j];
            }
        }
        return s;
    }

    /** Row by row, the sum of squares of the entries before the first one above limit. */
    @Differentiable
    static double squaresUntilAbove(double[][] w, double limit) {
        double s = 0.0;
        outer:
        for (int i = 0; i < w.length; i++) {
            for (int j = 0; j < w[i].length; j++) {
                if (w[i][j] > limit) {
                    break outer;
                }
                s += w[i][j] * w[i][j];
            }
        }
        return s;
    }

    /** The first element above threshold times its weight, 0 when there is none. */
    @Differentiable
    static double firstAbove(double[] x, double[] w, double threshold) {
        for (int i = 0; i < x.length; i++) {
            if (x[i] > threshold) {
                return x[i] * w[i];
            }
        }
        return 0.0;
    }

    /** sqrt of the running sum of squares once it passes limit; the whole sum if it never does. */
    @Differentiable
    static double runningSumUntil(double[] x, double limit) {
        double s = 0.0;
        for (int i = 0; i < x.length; i++) {
            s += x[i] * x[i];
            if (s > limit) {
                return Math.sqrt(s);
            }
        }
        return s;
    }
}
