package dev.leibniz.processor.gallery;

import dev.leibniz.Differentiable;

/** Divide-and-conquer recursion over an index range of a parameter array. */
final class Recursions {

    private Recursions() {}

    /** Pairwise summation of squares, split at the midpoint. */
    @Differentiable
    static double pairwiseSquares(double[] x, int lo, int hi) {
        if (hi - lo == 1) {
            return x[lo] * x[lo];
        }
        int mid = (lo + hi) / 2;
        return pairwiseSquares(x, lo, mid) + pairwiseSquares(x, mid, hi);
    }

    /** A recursive power by squaring with a differentiated base. */
    @Differentiable
    static double powerBySquaring(double x, int n) {
        if (n == 0) {
            return 1.0;
        }
        double half = powerBySquaring(x, n / 2);
        return n % 2 == 0 ? half * half : half * half * x;
    }
}
